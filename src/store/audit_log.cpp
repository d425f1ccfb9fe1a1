// Reading the audit trail of a SQLite edition for `audit verify` (see audit_chain.hpp).
#include <sqlite3.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/audit_chain.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::vector<AuditRow> readAuditLog(const std::string& database) {
  if (pg::isPostgresUrl(database)) throw Error(ErrorKind::Refused, tr("audit.error.postgres"));
  { SqliteStore check(database, OpenMode::Existing); }  // a Moussem database of a known version, migrated
  sqlite::Database db(database, SQLITE_OPEN_READONLY);
  sqlite3_busy_timeout(db.handle(), 5000);
  auto& st = db.prepare(
      "SELECT id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, hash "
      "FROM audit ORDER BY id");
  std::vector<AuditRow> rows;
  while (st.step()) {
    AuditRow r;
    r.id = st.integer(0);
    r.at = st.text(1);
    r.user_name = st.text(2);
    r.role = st.text(3);
    r.station = st.text(4);
    r.action = st.text(5);
    r.entity = st.text(6);
    r.entity_id = st.text(7);
    r.before = st.text(8);
    r.after = st.text(9);
    r.prev_hash = st.text(10);
    r.hash = st.text(11);
    rows.push_back(std::move(r));
  }
  st.reset();
  return rows;
}

}  // namespace moussem
