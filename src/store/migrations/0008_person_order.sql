-- Moussem schema, version 8: the participants table reads a million people in name order from an index
-- instead of sorting them at every look. name_key is the folded list name (core names::sortKey): the
-- application writes it with every person, and fills it for the people already there when it applies
-- this migration (SQL alone cannot fold accents and Arabic letter variants as the search does).
-- Append-only.
ALTER TABLE person ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX person_name_key ON person (name_key, id);
