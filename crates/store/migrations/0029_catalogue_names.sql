-- I-6: the catalogue's names in each language (a JSON object such as {"de": "…", "fr": "…"});
-- `name` is the English one, and the fallback.
ALTER TABLE licence_types ADD COLUMN names_json TEXT;
ALTER TABLE device_types ADD COLUMN names_json TEXT;
