-- S-3: a virtual user's call services (a hunt group, call centre or auto attendant): forwarding
-- and voicemail, as one document; the voicemail PIN only as a hash. Gone with the group.
CREATE TABLE group_services (
    group_id TEXT PRIMARY KEY REFERENCES call_groups (id) ON DELETE CASCADE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    settings_json TEXT NOT NULL,
    voicemail_pin_hash TEXT,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
