-- S-1, G-6: greetings as uploaded (WAV or MP3, checked by content): a user's voicemail
-- greeting, an auto attendant's business-hours and out-of-hours greetings. Each goes with its
-- owner.
CREATE TABLE greetings (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    group_id TEXT REFERENCES call_groups (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('voicemail', 'business', 'after_hours')),
    content_type TEXT NOT NULL CHECK (content_type IN ('audio/wav', 'audio/mpeg')),
    audio BLOB NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE UNIQUE INDEX greetings_user ON greetings (user_id, purpose) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX greetings_group ON greetings (group_id, purpose) WHERE group_id IS NOT NULL;
