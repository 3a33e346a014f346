-- L-5: a deactivated user's callers may be sent to a call-centre queue of the same site instead
-- of a colleague. At most one of the two destinations is set (the service checks it; SQLite
-- cannot add a CHECK to an existing table).
ALTER TABLE users ADD COLUMN intercept_destination_group_id TEXT REFERENCES call_groups (id);
CREATE INDEX users_intercept_queue ON users (intercept_destination_group_id)
    WHERE intercept_destination_group_id IS NOT NULL;
