-- Moussem schema, version 7, for PostgreSQL (issue 31), as src/store/migrations/0007_anchors.sql.

-- Sign-in bookkeeping goes through the two functions below only: stations may neither update an
-- account nor read its token (`db roles`), so none can lift a lockout it did not cause.
ALTER TABLE app_user ADD COLUMN signin_token TEXT NOT NULL DEFAULT '';

-- One attempt, counted before its PIN is checked, in one statement: the row lock serialises parallel
-- attempts, so no more than p_max are ever checked before a lockout. A lockout ends at the earlier
-- of the station's clock and the server's: a station cannot end one early by claiming a later time.
-- Returns the account after the count; no row for an unknown, disabled or locked account.
CREATE FUNCTION moussem_signin_attempt(p_name TEXT, p_now TEXT, p_lock_until TEXT, p_max INTEGER, p_token TEXT)
RETURNS TABLE (id BIGINT, name TEXT, role TEXT, pin_hash TEXT, disabled INTEGER, failed_attempts INTEGER,
               locked_until TEXT, created_at TEXT)
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  UPDATE app_user u SET
    failed_attempts = CASE WHEN u.locked_until <> '' THEN 1 ELSE u.failed_attempts + 1 END,
    locked_until = CASE WHEN (CASE WHEN u.locked_until <> '' THEN 1 ELSE u.failed_attempts + 1 END) >= p_max
                        THEN p_lock_until ELSE '' END,
    signin_token = p_token
  WHERE u.name = p_name AND u.disabled = 0
    AND (u.locked_until = '' OR u.locked_until <= least(p_now, moussem_now()))
  RETURNING u.id, u.name, u.role, u.pin_hash, u.disabled, u.failed_attempts, u.locked_until, u.created_at
$$;

-- A right PIN on the attempt that holds p_token: its count, and the lockout it may have set, cleared.
CREATE FUNCTION moussem_signin_succeeded(p_name TEXT, p_token TEXT) RETURNS VOID
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
  UPDATE app_user SET failed_attempts = 0, locked_until = '', signin_token = ''
  WHERE name = p_name AND p_token <> '' AND signin_token = p_token
$$;
REVOKE EXECUTE ON FUNCTION moussem_signin_attempt(TEXT, TEXT, TEXT, INTEGER, TEXT) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION moussem_signin_succeeded(TEXT, TEXT) FROM PUBLIC;

-- The audit trail's anchors: the (id, hash) of every row, written with it. Insert-only for everyone;
-- `db roles` hands the table to moussem_audit_keeper, a role no station logs in as, so even the
-- database's owner cannot rewrite it (docs/roles.md).
CREATE TABLE audit_anchor (
  audit_id BIGINT PRIMARY KEY,
  hash     TEXT NOT NULL,
  at       TEXT NOT NULL DEFAULT moussem_now()
);
INSERT INTO audit_anchor (audit_id, hash) SELECT id, hash FROM audit;
CREATE FUNCTION audit_anchor_guard() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit anchors are insert-only'; END $$;
CREATE TRIGGER audit_anchor_insert_only BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_guard();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_guard();
