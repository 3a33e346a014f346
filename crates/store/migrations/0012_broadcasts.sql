-- G-5: broadcast messages to one or more teams, sent once at their time by a job.
CREATE TABLE broadcasts (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    -- Who wrote it, as the audit log names them.
    author TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('information', 'warning', 'urgent')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    by_email BIGINT NOT NULL,
    send_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent')),
    recipients BIGINT,
    sent_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX broadcasts_enterprise ON broadcasts (enterprise_id, send_at);

CREATE TABLE broadcast_teams (
    broadcast_id TEXT NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    team_id TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (broadcast_id, team_id)
);
