-- U-9: a user's picture, kept re-encoded as a small square JPEG; it goes with its user.
CREATE TABLE user_pictures (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    image BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
);
