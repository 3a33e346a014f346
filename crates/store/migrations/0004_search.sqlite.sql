-- P-1b: substring search over name and email through an FTS5 trigram index, kept in step with
-- `users.search_text` by triggers.
CREATE VIRTUAL TABLE users_search USING fts5 (search_text, content = 'users', content_rowid = 'seq', tokenize = 'trigram');

CREATE TRIGGER users_search_insert AFTER INSERT ON users BEGIN
    INSERT INTO users_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER users_search_delete AFTER DELETE ON users BEGIN
    INSERT INTO users_search (users_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER users_search_update AFTER UPDATE OF search_text ON users BEGIN
    INSERT INTO users_search (users_search, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
    INSERT INTO users_search (rowid, search_text) VALUES (new.seq, new.search_text);
END;
