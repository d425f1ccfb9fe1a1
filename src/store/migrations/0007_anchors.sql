-- Moussem schema, version 7 (faults and attacks, issue 31). Append-only.

-- Sign-in is counted before the PIN is checked, in one statement (store.hpp: countSignInAttempt); the
-- attempt marks the account with a random token, and only a right PIN on the attempt holding it clears
-- the count (on PostgreSQL stations cannot read it, so no station can lift another's lockout).
ALTER TABLE app_user ADD COLUMN signin_token TEXT NOT NULL DEFAULT '';

-- The audit trail's anchors: the (id, hash) of every row, written with it, insert-only. On PostgreSQL
-- the table belongs to a role no station uses (`db roles`); here it is as writable as the file, and
-- the anchors that count are those outside it (backups' checksum files, reports: docs/roles.md).
CREATE TABLE audit_anchor (
  audit_id INTEGER PRIMARY KEY,
  hash     TEXT NOT NULL,
  at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO audit_anchor (audit_id, hash) SELECT id, hash FROM audit;
CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are insert-only'); END;
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN SELECT RAISE(ABORT, 'audit anchors are insert-only'); END;
