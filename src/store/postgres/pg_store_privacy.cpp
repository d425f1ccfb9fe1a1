// PostgreSQL side of the personal-data duties (issue 9): the freed space scrubbed (the rest is in
// sql/sql_store_privacy.cpp).
#include "store/postgres/pg_store.hpp"

namespace moussem {

void PgStore::scrubFreedSpace() {
  // Old row versions stay in the tables' files until vacuumed; VACUUM FULL rewrites each table without them.
  // (The server's WAL and its backups are the administrator's: see docs/personal-data.md.)
  // Other stations still connected hold locks: wait a little, then give up (the caller warns).
  x("SET lock_timeout = '10s'");
  try {
    x("VACUUM FULL person, exhibitor, badge, badge_event, scan");
  } catch (...) {
    x("RESET lock_timeout");
    throw;
  }
  x("RESET lock_timeout");
}

}  // namespace moussem
