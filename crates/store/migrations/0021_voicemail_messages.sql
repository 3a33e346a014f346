-- S-1: a user's voicemail messages as the media server records them (who called, when, how
-- long); listed to the user and administrators, marked heard, deleted. Gone with the user.
CREATE TABLE voicemail_messages (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    caller TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    duration_seconds BIGINT NOT NULL,
    heard_at BIGINT
);
CREATE INDEX voicemail_messages_user ON voicemail_messages (user_id, received_at);
