-- I-6: where an enterprise and each of its sites are — time zone (IANA name), country (ISO 3166)
-- and language. A site without its own takes the enterprise's; times are shown and broadcasts
-- sent by them.
ALTER TABLE enterprises ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE enterprises ADD COLUMN country TEXT;
ALTER TABLE enterprises ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE sites ADD COLUMN time_zone TEXT;
ALTER TABLE sites ADD COLUMN country TEXT;
ALTER TABLE sites ADD COLUMN language TEXT;
