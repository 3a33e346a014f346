-- API tokens (K-2, only a SHA-256 of the token is kept), the audit log (A-3), background jobs.

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('operator', 'enterprise', 'site')),
    enterprise_id TEXT REFERENCES enterprises (id),
    site_id TEXT REFERENCES sites (id),
    role TEXT NOT NULL,
    user_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_enterprise ON api_tokens (enterprise_id, id);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    enterprise_id TEXT,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    client_ip TEXT,
    request_id TEXT,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_enterprise ON audit_log (enterprise_id, id);
CREATE INDEX audit_log_target ON audit_log (target_id, id);

CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    attempts BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    run_at BIGINT NOT NULL,
    locked_by TEXT,
    locked_until BIGINT,
    last_error TEXT,
    enterprise_id TEXT,
    subject_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (status, run_at);
CREATE INDEX jobs_enterprise ON jobs (enterprise_id, id);
CREATE INDEX jobs_subject ON jobs (subject_id, id);
