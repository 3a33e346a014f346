-- L-8: the new desk-phone logins of a device password run, as a CSV encrypted with a key that only
-- the administrator who ran it holds (it is in their download link, never stored), downloadable
-- once and only for a few minutes: the plain passwords are never stored.
CREATE TABLE credential_sheets (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    users BIGINT NOT NULL,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX credential_sheets_expiry ON credential_sheets (expires_at);
