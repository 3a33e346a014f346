-- What hangs off a user: add-on licences, teams, numbers (N-4…N-6), SIP credentials (U-4).

CREATE TABLE user_addons (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    licence_type_id TEXT NOT NULL REFERENCES licence_types (id),
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    PRIMARY KEY (user_id, licence_type_id)
);
CREATE INDEX user_addons_enterprise_licence ON user_addons (enterprise_id, licence_type_id, user_id);

CREATE TABLE user_teams (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams (id),
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    PRIMARY KEY (user_id, team_id)
);
CREATE INDEX user_teams_enterprise_team ON user_teams (enterprise_id, team_id, user_id);

-- N-4: a number is free (user_id NULL) or assigned to exactly one user, as primary or alternative.
CREATE TABLE numbers (
    number TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    user_id TEXT REFERENCES users (id),
    usage TEXT CHECK (usage IN ('primary', 'alternative')),
    created_at BIGINT NOT NULL,
    assigned_at BIGINT,
    CHECK ((user_id IS NULL) = (usage IS NULL))
);
CREATE INDEX numbers_enterprise_user ON numbers (enterprise_id, user_id, number);
CREATE INDEX numbers_user ON numbers (user_id);

-- U-4: only digests; the password is shown once and never stored.
CREATE TABLE sip_credentials (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    username TEXT NOT NULL,
    realm TEXT NOT NULL,
    ha1 TEXT NOT NULL,
    ha1b TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX sip_credentials_realm_username_key ON sip_credentials (realm, username);
