-- S-2: shared lines — another user's line appears on this user's phone (an assistant answering
-- an executive's line). L-4: deleting either user removes the appearance in the same
-- transaction.
CREATE TABLE shared_lines (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    line_user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    PRIMARY KEY (user_id, line_user_id)
);
CREATE INDEX shared_lines_line ON shared_lines (line_user_id, user_id);
