-- Portal preferences remembered per person (U-6: the columns an administrator chose for the
-- users list). One row per person and preference; the value is short text the portal parses.
CREATE TABLE portal_preferences (
    subject_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (subject_id, name)
);
