// The numbered, append-only schema migrations (src/store/migrations/NNNN_name.sql, compiled in).
// Each backend applies the pending ones in order, one transaction each.
#pragma once
#include <string_view>
#include <vector>

namespace moussem {

struct Migration {
  int version = 0;        // NNNN of the file name
  std::string_view name;  // file name
  std::string_view sql;
};

// Sorted by version; versions are 1, 2, 3... with no gap (checked).
const std::vector<Migration>& migrations();
int latestSchemaVersion();
// The same migrations translated for PostgreSQL (src/store/postgres/migrations/NNNN_name.sql): the
// same numbers, so a database of version N holds the same tables on either backend. A test fails when
// a number exists in one folder and not in the other.
const std::vector<Migration>& pgMigrations();

}  // namespace moussem
