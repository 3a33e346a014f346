-- P-1b: substring search over name and email through a pg_trgm index (a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_search_trgm ON users USING gin (search_text gin_trgm_ops);
