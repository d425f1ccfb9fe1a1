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

}  // namespace moussem
