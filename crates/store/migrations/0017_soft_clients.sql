-- S-5: soft-client provisioning. A token is stored only as its digest; it is redeemed once,
-- before it expires, for the client's own SIP login (its digests kept here, the password
-- returned once). A user has at most one mobile and one desktop soft client.
CREATE TABLE provisioning_tokens (
    id TEXT PRIMARY KEY,
    token_digest TEXT NOT NULL,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    variant TEXT NOT NULL CHECK (variant IN ('mobile', 'desktop')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    redeemed_at BIGINT
);
CREATE UNIQUE INDEX provisioning_tokens_digest ON provisioning_tokens (token_digest);
CREATE INDEX provisioning_tokens_user ON provisioning_tokens (user_id, variant);

CREATE TABLE soft_client_credentials (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    variant TEXT NOT NULL CHECK (variant IN ('mobile', 'desktop')),
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    username TEXT NOT NULL,
    realm TEXT NOT NULL,
    ha1 TEXT NOT NULL,
    ha1b TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, variant)
);
CREATE UNIQUE INDEX soft_client_credentials_account ON soft_client_credentials (realm, username);
