-- The tables Kamailio reads, as Switchboard writes them (T-1). Applied by the kamailio
-- provisioner when it starts; every statement may run again.
-- `version` and `subscriber` are Kamailio's own (auth_db checks subscriber's version, 7).
CREATE TABLE IF NOT EXISTS version (
    table_name VARCHAR(32) NOT NULL,
    table_version INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT version_table_name_idx UNIQUE (table_name)
);
INSERT INTO version (table_name, table_version) VALUES ('version', 1) ON CONFLICT DO NOTHING;
INSERT INTO version (table_name, table_version) VALUES ('subscriber', 7) ON CONFLICT DO NOTHING;

-- Only digests: `password` stays empty (auth_db runs with calculate_ha1 = 0).
CREATE TABLE IF NOT EXISTS subscriber (
    id SERIAL PRIMARY KEY NOT NULL,
    username VARCHAR(64) DEFAULT '' NOT NULL,
    domain VARCHAR(64) DEFAULT '' NOT NULL,
    password VARCHAR(64) DEFAULT '' NOT NULL,
    ha1 VARCHAR(128) DEFAULT '' NOT NULL,
    ha1b VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT subscriber_account_idx UNIQUE (username, domain)
);
CREATE INDEX IF NOT EXISTS subscriber_username_idx ON subscriber (username);

-- Switchboard's own: what a call to the line does (T-2). The routing script reads it on every
-- request, so a change needs no reload.
CREATE TABLE IF NOT EXISTS switchboard_lines (
    user_id VARCHAR(36) PRIMARY KEY NOT NULL,
    domain VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    extension VARCHAR(16) NOT NULL,
    number VARCHAR(16),
    state VARCHAR(16) NOT NULL,
    intercept_user_id VARCHAR(36),
    intercept_action VARCHAR(32),
    updated_at BIGINT NOT NULL,
    -- L-5: a call-centre queue that receives the callers instead of a user.
    intercept_group_id VARCHAR(36)
);
CREATE UNIQUE INDEX IF NOT EXISTS switchboard_lines_account_idx ON switchboard_lines (domain, username);
CREATE INDEX IF NOT EXISTS switchboard_lines_extension_idx ON switchboard_lines (domain, extension);
CREATE INDEX IF NOT EXISTS switchboard_lines_number_idx ON switchboard_lines (domain, number);

-- S-5: soft clients. Each signs in with its own user name and digests (in `subscriber`) and
-- registers as its user's line, so a call to the line rings the desk phone and the apps.
CREATE TABLE IF NOT EXISTS switchboard_devices (
    domain VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (domain, username)
);
CREATE INDEX IF NOT EXISTS switchboard_devices_user_idx ON switchboard_devices (user_id);

-- S-1, S-6: what a call to an active line does before and after it rings, and what callers of
-- the line are shown. One row per line whose user set a call service; none: plain ringing.
-- Destinations are an extension or a number's digits (without `+`), resolved like a dialled one.
CREATE TABLE IF NOT EXISTS switchboard_call_services (
    user_id VARCHAR(36) PRIMARY KEY NOT NULL,
    do_not_disturb SMALLINT DEFAULT 0 NOT NULL,
    reject_anonymous SMALLINT DEFAULT 0 NOT NULL,
    forward_always VARCHAR(16),
    forward_busy VARCHAR(16),
    forward_no_answer VARCHAR(16),
    no_answer_seconds INTEGER DEFAULT 20 NOT NULL,
    forward_unreachable VARCHAR(16),
    -- `withheld`, or the digits of the number callers see; none: the line's own number.
    caller_id VARCHAR(16),
    -- S-2: which numbers outside the enterprise calls dialled or forwarded by the user may
    -- reach (internal_only, national: those starting with `country_code`, international,
    -- unrestricted).
    network_class VARCHAR(16) DEFAULT 'international' NOT NULL,
    country_code VARCHAR(4)
);

-- S-1, S-2: who rings along when the line is called — the simultaneous ring destinations, the
-- phones the line is shared on (their extensions), the user's mobile (mobility) — in order.
CREATE TABLE IF NOT EXISTS switchboard_ring_along (
    user_id VARCHAR(36) NOT NULL,
    position INTEGER NOT NULL,
    destination VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, position)
);

-- G-1, G-2, G-6: the virtual users callers reach by extension or number — hunt groups and
-- call centres ring their members by the ring policy; an auto attendant needs a media server.
CREATE TABLE IF NOT EXISTS switchboard_groups (
    group_id VARCHAR(36) PRIMARY KEY NOT NULL,
    domain VARCHAR(64) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    extension VARCHAR(16) NOT NULL,
    number VARCHAR(16),
    ring_policy VARCHAR(16),
    -- How long a member rings (in turn, or all at once) before the call moves on.
    no_answer_seconds INTEGER DEFAULT 20 NOT NULL,
    -- Where the call goes when no member answers; none: 480.
    forward_to VARCHAR(16),
    -- S-3: where every call goes instead (holidays, an emergency); none: the members ring.
    forward_always VARCHAR(16),
    updated_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS switchboard_groups_extension_idx ON switchboard_groups (domain, extension);
CREATE INDEX IF NOT EXISTS switchboard_groups_number_idx ON switchboard_groups (domain, number);

CREATE TABLE IF NOT EXISTS switchboard_group_members (
    group_id VARCHAR(36) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    position INTEGER NOT NULL,
    weight INTEGER DEFAULT 1 NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS switchboard_group_members_user_idx ON switchboard_group_members (user_id);
