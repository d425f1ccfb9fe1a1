-- Moussem schema, version 9, for PostgreSQL, as src/store/migrations/0009_presence_reset.sql (the gate's day, issue 25): when a
-- gate profile forgets who is inside a zone. 'daily': at the venue's midnight everybody is outside again (halls close at night), so
-- anti-passback and the count of people inside start afresh each day of the edition; 'never': a
-- person stays inside until an exit is scanned, across days. Append-only.
ALTER TABLE gate_profile ADD COLUMN presence_reset TEXT NOT NULL DEFAULT 'daily'
  CHECK (presence_reset IN ('daily', 'never'));
