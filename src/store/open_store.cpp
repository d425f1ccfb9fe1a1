// openStore: the one factory every caller uses. A postgresql:// (or postgres://) URL opens the shared
// server; anything else is a SQLite file path.
#include <sqlite3.h>

#include "store/cache_budget.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

void limitDatabaseCaches(std::int64_t bytes) {
  sqlite3_soft_heap_limit64(bytes);
}

std::unique_ptr<Store> openStore(const std::string& url, OpenMode mode) {
  if (pg::isPostgresUrl(url)) return std::make_unique<PgStore>(url, mode);
  return std::make_unique<SqliteStore>(url, mode);
}

}  // namespace moussem
