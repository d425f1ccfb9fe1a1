-- Moussem schema, version 10, for PostgreSQL, as src/store/migrations/0010_audit_append.sql (issue 31):
-- no station's login can jam the audit trail.

-- Anchors are written by the server from the audit row itself, through this function only: `db roles`
-- leaves the stations' groups no INSERT on audit_anchor. An anchor of a row not yet written (which
-- the row's own anchor would then collide with, refusing every change for good, since nobody may
-- delete an anchor) or with a hash of someone's choosing can no longer be planted. Returns the number
-- of anchors written: 1, or 0 when there is no such row.
CREATE FUNCTION moussem_anchor_audit(p_id BIGINT) RETURNS INTEGER
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  WITH added AS (INSERT INTO audit_anchor (audit_id, hash) SELECT id, hash FROM audit WHERE id = p_id RETURNING 1)
  SELECT count(*)::INTEGER FROM added
$$;
REVOKE EXECUTE ON FUNCTION moussem_anchor_audit(BIGINT) FROM PUBLIC;

-- A row is appended after the newest one only: the next id, linked to the newest row's hash. No gap,
-- no fork, and no row at the largest id after which nothing could follow. Stations read the newest
-- row's id and hash anyway (`db roles`), so the check runs with the inserting login's rights.
CREATE FUNCTION audit_append_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_id BIGINT;
  head_hash TEXT;
BEGIN
  SELECT id, hash INTO head_id, head_hash FROM audit ORDER BY id DESC LIMIT 1;
  IF NEW.id IS DISTINCT FROM coalesce(head_id, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM coalesce(head_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'audit log is append-only: a row follows the newest one (id %, its hash)', coalesce(head_id, 0) + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_append_next BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_guard();
