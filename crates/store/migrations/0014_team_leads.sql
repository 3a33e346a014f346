-- G-4: a team's leads (users with the team lead role); a lead sees the members of the teams
-- they lead (A-1).
CREATE TABLE team_leads (
    team_id TEXT NOT NULL REFERENCES teams (id),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_leads_user ON team_leads (user_id, team_id);
