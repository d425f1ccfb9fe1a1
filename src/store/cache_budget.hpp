// The memory the database's page caches may hold in this process, all connections together.
#pragma once
#include <cstdint>

namespace moussem {

// SQLite keeps up to 32 MiB of pages per connection (sqlite_store.cpp: imports stay in memory rather
// than spill into the WAL). The app holds several connections open for the day (the screens' workers);
// under this budget their caches reuse pages instead of growing (sqlite3_soft_heap_limit64), a
// transaction's dirty pages spill to the WAL when they pass it. 0: no budget.
void limitDatabaseCaches(std::int64_t bytes);

}  // namespace moussem
