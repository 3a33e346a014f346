-- G-1, G-3: hunt groups (virtual users reached by an extension), call pickup groups and call
-- park groups, each of one site, and their members in order.
CREATE TABLE call_groups (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    site_id TEXT NOT NULL REFERENCES sites (id),
    kind TEXT NOT NULL CHECK (kind IN ('hunt', 'pickup', 'park')),
    name TEXT NOT NULL,
    -- Hunt groups only: how they are reached and how they ring.
    extension TEXT,
    ring_policy TEXT CHECK (ring_policy IN ('simultaneous', 'sequential', 'circular', 'uniform', 'weighted')),
    no_answer_seconds BIGINT,
    -- An extension or an E.164 number, as typed; none: the caller hears busy.
    forward_to TEXT,
    -- Park groups only.
    recall_seconds BIGINT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((kind = 'hunt') = (extension IS NOT NULL AND ring_policy IS NOT NULL AND no_answer_seconds IS NOT NULL)),
    CHECK ((kind = 'park') = (recall_seconds IS NOT NULL))
);
CREATE UNIQUE INDEX call_groups_site_kind_name ON call_groups (site_id, kind, name);
CREATE UNIQUE INDEX call_groups_enterprise_extension ON call_groups (enterprise_id, extension);
CREATE INDEX call_groups_enterprise ON call_groups (enterprise_id, kind, name, id);

CREATE TABLE call_group_members (
    group_id TEXT NOT NULL REFERENCES call_groups (id) ON DELETE CASCADE,
    -- L-4: deleting a user removes them from every group in the same transaction.
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX call_group_members_user ON call_group_members (user_id, group_id);
-- G-3: a user is in at most one call pickup group.
CREATE UNIQUE INDEX call_group_members_one_pickup ON call_group_members (user_id) WHERE kind = 'pickup';
