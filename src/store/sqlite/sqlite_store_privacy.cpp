// SQLite side of the personal-data duties (issue 9): the freed space scrubbed (the rest is in
// sql/sql_store_privacy.cpp).
#include <sqlite3.h>

#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

void SqliteStore::scrubFreedSpace() {
  // VACUUM rewrites the file without its free pages (where the old values of updated rows may linger);
  // the checkpoint then moves everything into the main file and empties the WAL, old frames included.
  db_->exec("VACUUM");
  db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace moussem
