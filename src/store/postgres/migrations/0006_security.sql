-- Moussem schema, version 6, for PostgreSQL: roles and the audit trail (issue 9), as
-- src/store/migrations/0006_security.sql. The database roles and their GRANTs are not here: they are
-- cluster-wide and need CREATEROLE, so `moussem-cli db roles` makes them (docs/roles.md).

-- The fields a gate shows of a person, and nothing else. A gate's database role has no privilege on
-- the table person, only SELECT on this view (which reads the table with its owner's rights).
CREATE VIEW person_display AS
  SELECT id, NULL::text AS external_id, first_name, last_name, name_ar, organization, position, category, country,
         ''::text AS email, ''::text AS phone, days, 0 AS consent, ''::text AS consent_at, exhibitor_id
  FROM person;

ALTER TABLE audit ADD COLUMN before_sha  TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN after_sha   TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN redacted_at TEXT NOT NULL DEFAULT '';

-- Still append-only, with one exception: emptying before and after of a version 2 row, stamped with
-- the time, every other column unchanged.
CREATE FUNCTION audit_update_guard() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
  IF OLD.before_sha <> '' AND OLD.redacted_at = '' AND NEW.redacted_at <> '' AND NEW.before = '' AND NEW.after = ''
     AND (NEW.id, NEW.at, NEW.user_name, NEW.role, NEW.station, NEW.action, NEW.entity, NEW.entity_id,
          NEW.before_sha, NEW.after_sha, NEW.prev_hash, NEW.hash)
       = (OLD.id, OLD.at, OLD.user_name, OLD.role, OLD.station, OLD.action, OLD.entity, OLD.entity_id,
          OLD.before_sha, OLD.after_sha, OLD.prev_hash, OLD.hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit log is append-only';
END $$;
DROP TRIGGER audit_no_update ON audit;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_update_guard();
