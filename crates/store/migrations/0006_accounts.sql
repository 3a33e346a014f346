-- Portal accounts (K-1, K-4, U-5): passwords, two-step, sessions, sign-in throttling,
-- one-time links and the mail outbox. Secrets are stored only as digests or hashes, except the
-- TOTP secret, which the server needs in clear to compute codes.
-- Flags are BIGINT 0/1 so that both databases read them the same way through sqlx's Any driver.

-- Provider staff who sign in to the portal (A-1 `operator`); enterprise users sign in as users.
CREATE TABLE operators (
    id TEXT PRIMARY KEY,
    login_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX operators_login_name_key ON operators (login_name);

-- One row per person who may sign in: a user (subject_kind 'user') or an operator.
CREATE TABLE portal_accounts (
    subject_id TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'operator')),
    password_hash TEXT,
    must_change_password BIGINT NOT NULL,
    password_changed_at BIGINT,
    two_step_required BIGINT NOT NULL,
    totp_secret TEXT,
    totp_pending_secret TEXT,
    totp_last_step BIGINT,
    recovery_codes TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Server-side sessions; the cookie holds a random id, the table only its SHA-256.
CREATE TABLE portal_sessions (
    id_hash TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('second_step', 'password_change', 'full')),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    authenticated_at BIGINT NOT NULL,
    client_ip TEXT,
    user_agent TEXT,
    challenge_method TEXT,
    challenge_hash TEXT,
    challenge_attempts BIGINT NOT NULL,
    challenge_expires_at BIGINT
);
CREATE INDEX portal_sessions_subject ON portal_sessions (subject_id);

-- K-1 brute force: one row per account (`account:<login>`) and per client (`client:<ip>`).
CREATE TABLE sign_in_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    locked_until BIGINT,
    updated_at BIGINT NOT NULL
);

-- U-5 invitations and password-reset links: one-time, expiring, only the digest is kept.
CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    subject_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX one_time_links_subject ON one_time_links (subject_id, purpose);

-- Every message Switchboard sends. With the `outbox` mailer the message stays here for operators
-- to read; with `smtp` a job delivers it and then forgets the body (it may hold a one-time link).
CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'queued', 'sent', 'failed')),
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, id);

-- K-2 personal tokens: a person's own API token (scope 'personal', `user_id` = the person) acts
-- with that person's current role, and stops with them. The table is rebuilt (portably) to
-- widen its scope check.
CREATE TABLE api_tokens_next (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('operator', 'enterprise', 'site', 'personal')),
    enterprise_id TEXT REFERENCES enterprises (id),
    site_id TEXT REFERENCES sites (id),
    role TEXT NOT NULL,
    user_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);
INSERT INTO api_tokens_next (id, name, token_hash, scope, enterprise_id, site_id, role, user_id, created_at, expires_at, last_used_at, revoked_at)
    SELECT id, name, token_hash, scope, enterprise_id, site_id, role, user_id, created_at, expires_at, last_used_at, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_next RENAME TO api_tokens;
CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_enterprise ON api_tokens (enterprise_id, id);
CREATE INDEX api_tokens_user ON api_tokens (user_id, id);
