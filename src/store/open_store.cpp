// openStore: the one factory every caller uses. A postgresql:// (or postgres://) URL opens the shared
// server; anything else is a SQLite file path.
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::unique_ptr<Store> openStore(const std::string& url, OpenMode mode) {
  if (pg::isPostgresUrl(url)) return std::make_unique<PgStore>(url, mode);
  return std::make_unique<SqliteStore>(url, mode);
}

}  // namespace moussem
