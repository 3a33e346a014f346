-- S-1: each user's call services as one document (forwarding, simultaneous ring, do not
-- disturb, anonymous call rejection, voicemail settings); the voicemail PIN only as a hash.
-- No row: every service off, the defaults.
CREATE TABLE call_services (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    settings_json TEXT NOT NULL,
    voicemail_pin_hash TEXT,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
