-- G-2: a call centre's supervisors (any user of the enterprise), and its campaigns, each with
-- agents of that call centre. L-4: a deleted user leaves all of them in the delete's transaction.
CREATE TABLE call_centre_supervisors (
    group_id TEXT NOT NULL REFERENCES call_groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX call_centre_supervisors_user ON call_centre_supervisors (user_id, group_id);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    group_id TEXT NOT NULL REFERENCES call_groups (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX campaigns_group_name ON campaigns (group_id, name);
CREATE INDEX campaigns_enterprise ON campaigns (enterprise_id, name, id);

CREATE TABLE campaign_agents (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_agents_user ON campaign_agents (user_id, campaign_id);
