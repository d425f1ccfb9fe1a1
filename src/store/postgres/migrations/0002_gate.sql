-- Moussem schema, version 2, for PostgreSQL: the entry gate (issue 5), as src/store/migrations/0002_gate.sql.
ALTER TABLE scan ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX badge_updated_at ON badge(updated_at);
CREATE INDEX scan_gate_at ON scan(gate, at);
