-- Moussem schema, version 2: the entry gate (issue 5). A manual admission keeps the steward's reason
-- in scan.note; gates follow badge changes made by other stations through badge.updated_at.
ALTER TABLE scan ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX badge_updated_at ON badge(updated_at);
CREATE INDEX scan_gate_at ON scan(gate, at);
