-- S-1: a greeting's audio may live in a file of the configured greetings directory instead of
-- the row (`greetings.directory`): `file_name` names it there, and `audio` is then empty.
ALTER TABLE greetings ADD COLUMN file_name TEXT;
