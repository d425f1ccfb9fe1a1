// The numbered, append-only schema migrations (src/store/migrations/NNNN_name.sql, compiled in).
// Each backend applies the pending ones in order, one transaction each.
#pragma once
#include <string>
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

// The setting in which a database keeps the version of the Moussem that last brought its schema up to
// date (written in the same transaction as the last migration), so that an older station opening it
// can say which version to install.
inline constexpr const char* kSchemaWrittenBy = "schema.written_by";
// The refusal of a database of schema `version`, newer than this Moussem's; writtenBy: that setting's
// value ("" when the database does not say).
std::string tooNewMessage(const std::string& where, int version, const std::string& writtenBy);

}  // namespace moussem
