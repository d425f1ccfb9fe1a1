// Moving a whole edition between backends (`moussem-cli migrate --from A --to B`): every table, row
// for row with its ids, from a consistent snapshot of the source into a new destination, in ONE
// destination transaction, with the row counts of every table compared before it commits. Nothing is
// half-written: a failure (or a server killed mid-way) leaves the destination as it was. The signing
// key is never copied (it is not in the database): the caller tells where it must go.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace moussem {

// Whole-table access each backend offers for copies (sqlite/sqlite_tables.cpp, postgres/pg_tables.cpp).
class TableAccess {
 public:
  virtual ~TableAccess() = default;
  using Row = std::vector<std::optional<std::string>>;
  virtual std::vector<std::string> tables() = 0;  // in creation order (references come first)
  virtual std::vector<std::string> columns(const std::string& table) = 0;
  virtual void beginSnapshot() = 0;  // a consistent read of the whole source
  virtual void endSnapshot() = 0;
  virtual void forEachRow(const std::string& table, const std::vector<std::string>& columns,
                          const std::function<void(const Row&)>& fn) = 0;
  virtual void insertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row) = 0;
  // Insert, or update the row with the same key (a gate's local copy follows the server this way).
  virtual void upsertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row,
                         const std::vector<std::string>& key) = 0;
  virtual long long rowCount(const std::string& table) = 0;
  virtual void emptyTable(const std::string& table) = 0;  // every row deleted (inside the caller's write)
  virtual void afterCopy() {}  // PostgreSQL: identity sequences continue after the copied ids
};
std::unique_ptr<TableAccess> tableAccess(Store& store);

// Names of tables and columns come from the schema itself; still, they are quoted as identifiers.
std::string quotedName(const std::string& name);
std::string quotedList(const std::vector<std::string>& names);  // "a", "b", "c"

// Holds a source's snapshot open for the lifetime of a copy, and ends it whatever happens.
class SnapshotScope {
 public:
  explicit SnapshotScope(TableAccess& source) : source_(source) { source_.beginSnapshot(); }
  ~SnapshotScope() {
    try {
      source_.endSnapshot();
    } catch (...) {
    }
  }
  SnapshotScope(const SnapshotScope&) = delete;
  SnapshotScope& operator=(const SnapshotScope&) = delete;

 private:
  TableAccess& source_;
};

struct TableCount {
  std::string table;
  long long rows = 0;
};

struct TransferSummary {
  std::string from, to;
  std::vector<TableCount> tables;  // verified: the same in both
  long long rows = 0;
};

// from: an existing database (file or URL); to: a new SQLite file, or an empty server database.
TransferSummary transferEdition(const std::string& from, const std::string& to,
                                const std::function<void(double)>& progress = {});

}  // namespace moussem
