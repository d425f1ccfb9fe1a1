-- Moussem schema, version 10 (issue 31): audit rows are appended after the newest one only. Append-only.

-- The next id, linked to the newest row's hash: no gap, no fork, no row at the largest id after which
-- nothing could follow. On a SQLite file this catches mistakes (whoever holds the file may drop the
-- trigger); on PostgreSQL it also keeps stations' logins from jamming the trail (docs/roles.md).
CREATE TRIGGER audit_append_next BEFORE INSERT ON audit
WHEN NEW.id IS NOT coalesce((SELECT max(id) FROM audit), 0) + 1
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), printf('%.64d', 0))
BEGIN SELECT RAISE(ABORT, 'audit log is append-only: a row follows the newest one'); END;
