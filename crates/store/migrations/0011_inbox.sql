-- The portal inbox: notices to a user (L-4: a member of their group was deleted), and later the
-- broadcasts of G-5. A notice is a message key and its values, so that it reads in the
-- recipient's language whenever it is shown; a broadcast is the administrator's own text.
CREATE TABLE inbox_messages (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (category IN ('information', 'warning', 'urgent')),
    template TEXT,
    args_json TEXT,
    subject TEXT,
    body TEXT,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    CHECK ((template IS NULL) = (subject IS NOT NULL))
);
CREATE INDEX inbox_messages_user ON inbox_messages (user_id, created_at);
CREATE INDEX inbox_messages_unread ON inbox_messages (user_id) WHERE read_at IS NULL;
