-- Moussem schema, version 6 (security): what roles and the audit trail need beyond version 1.
-- Append-only.

-- The fields a gate shows of a person, and nothing else: no contact, no external id, no consent.
-- On PostgreSQL a gate's database role reads people only through this view; here it documents the
-- same boundary (whoever can read a SQLite file can read every table).
CREATE VIEW person_display AS
  SELECT id, NULL AS external_id, first_name, last_name, name_ar, organization, position, category, country,
         '' AS email, '' AS phone, days, 0 AS consent, '' AS consent_at, exhibitor_id
  FROM person;

-- Audit rows from this version on are chained over SHA-256 digests of their before and after (hash
-- "moussem-audit-v2"), so anonymisation can erase those values (redacted_at: when) while the chain still
-- verifies. Rows written before keep the version 1 hash over the values themselves (before_sha empty).
ALTER TABLE audit ADD COLUMN before_sha  TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN after_sha   TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN redacted_at TEXT NOT NULL DEFAULT '';

-- Still append-only, with one exception: emptying before and after of a version 2 row, stamped with
-- the time, every other column unchanged.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN NOT (OLD.before_sha <> '' AND OLD.redacted_at = '' AND NEW.redacted_at <> '' AND NEW.before = ''
          AND NEW.after = '' AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_name = OLD.user_name
          AND NEW.role = OLD.role AND NEW.station = OLD.station AND NEW.action = OLD.action
          AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id AND NEW.before_sha = OLD.before_sha
          AND NEW.after_sha = OLD.after_sha AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
