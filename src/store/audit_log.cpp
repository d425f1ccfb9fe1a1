// Reading the audit trail of a SQLite edition for `audit verify` (see audit_chain.hpp).
#include <sqlite3.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/audit_chain.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::vector<AuditRow> readAuditLog(const std::string& database) {
  if (pg::isPostgresUrl(database)) throw Error(ErrorKind::Refused, tr("audit.error.postgres"));
  { SqliteStore check(database, OpenMode::Existing); }  // a Moussem database of a known version, migrated
  sqlite::Database db(database, SQLITE_OPEN_READONLY);
  sqlite3_busy_timeout(db.handle(), 5000);
  auto& st = db.prepare(std::string(sql_rows::kAuditSelect) + "ORDER BY id");
  std::vector<AuditRow> rows;
  while (st.step()) rows.push_back(sql_rows::readAudit(st));
  st.reset();
  return rows;
}

}  // namespace moussem
