-- G-2: call centres are groups too (agents are their members, in order), with a queue length
-- (supervisors and campaigns: 0016). G-6: auto attendants are too — reached by an extension, no
-- members, their menus as one JSON document. SQLite cannot change a CHECK constraint:
-- the two group tables are rebuilt (members first, so that nothing cascades).
CREATE TABLE call_groups_new (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    site_id TEXT NOT NULL REFERENCES sites (id),
    kind TEXT NOT NULL CHECK (kind IN ('hunt', 'call_centre', 'auto_attendant', 'pickup', 'park')),
    name TEXT NOT NULL,
    extension TEXT,
    ring_policy TEXT CHECK (ring_policy IN ('simultaneous', 'sequential', 'circular', 'uniform', 'weighted')),
    no_answer_seconds BIGINT,
    forward_to TEXT,
    recall_seconds BIGINT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    queue_length BIGINT,
    menu_json TEXT,
    CHECK ((kind IN ('hunt', 'call_centre', 'auto_attendant')) = (extension IS NOT NULL)),
    CHECK ((kind IN ('hunt', 'call_centre')) = (ring_policy IS NOT NULL)),
    CHECK ((kind = 'auto_attendant') = (menu_json IS NOT NULL)),
    CHECK ((kind = 'hunt') = (no_answer_seconds IS NOT NULL)),
    CHECK ((kind = 'call_centre') = (queue_length IS NOT NULL)),
    CHECK ((kind = 'park') = (recall_seconds IS NOT NULL))
);
INSERT INTO call_groups_new (id, enterprise_id, site_id, kind, name, extension, ring_policy,
    no_answer_seconds, forward_to, recall_seconds, version, created_at, updated_at)
SELECT id, enterprise_id, site_id, kind, name, extension, ring_policy, no_answer_seconds,
    forward_to, recall_seconds, version, created_at, updated_at FROM call_groups;
CREATE TABLE call_group_members_new (
    group_id TEXT NOT NULL REFERENCES call_groups_new (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
INSERT INTO call_group_members_new (group_id, user_id, kind, position)
SELECT group_id, user_id, kind, position FROM call_group_members;
DROP TABLE call_group_members;
DROP TABLE call_groups;
ALTER TABLE call_groups_new RENAME TO call_groups;
ALTER TABLE call_group_members_new RENAME TO call_group_members;
CREATE UNIQUE INDEX call_groups_site_kind_name ON call_groups (site_id, kind, name);
CREATE UNIQUE INDEX call_groups_enterprise_extension ON call_groups (enterprise_id, extension);
CREATE INDEX call_groups_enterprise ON call_groups (enterprise_id, kind, name, id);
CREATE INDEX call_group_members_user ON call_group_members (user_id, group_id);
CREATE UNIQUE INDEX call_group_members_one_pickup ON call_group_members (user_id) WHERE kind = 'pickup';
