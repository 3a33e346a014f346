-- Bulk imports (B-1): an upload is kept in chunks until its job has run (so a worker of any
-- process can read it and nothing holds a whole file in memory), then dropped; the import row
-- keeps the progress and the report that the client polls.
CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    -- Who started it: the job acts as them (their role and reach, A-1), as JSON.
    actor_json TEXT NOT NULL,
    dry_run BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'checking', 'writing', 'done', 'refused', 'failed')),
    bytes BIGINT NOT NULL,
    rows_checked BIGINT NOT NULL,
    report_json TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX imports_enterprise ON imports (enterprise_id, id);

CREATE TABLE import_chunks (
    import_id TEXT NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (import_id, seq)
);
