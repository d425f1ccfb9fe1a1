// SQLite side of whole-database copies (store/transfer.hpp): tables in creation order, their columns,
// every row as text, from one read transaction (a consistent snapshot in WAL). Table and column names
// come from the schema itself and are quoted; values are always bound.
#include <algorithm>

#include "store/sqlite/sqlite_store.hpp"
#include "store/transfer.hpp"

namespace moussem {

namespace {

std::string quoted(const std::string& name) {
  return quotedName(name);
}
std::string columnList(const std::vector<std::string>& columns) {
  return quotedList(columns);
}

class SqliteTables final : public TableAccess {
 public:
  explicit SqliteTables(SqliteStore& store) : db_(store.database()) {}

  std::vector<std::string> tables() override {
    auto& st =
        db_.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    st.reset();
    return out;
  }
  std::vector<std::string> columns(const std::string& table) override {
    auto& st = db_.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, table);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    st.reset();
    return out;
  }
  void beginSnapshot() override {
    db_.exec("BEGIN");
    rowCount("edition");  // the snapshot starts with the first read
  }
  void endSnapshot() override { db_.exec("COMMIT"); }
  void forEachRow(const std::string& table, const std::vector<std::string>& columns,
                  const std::function<void(const Row&)>& fn) override {
    // rowid order keeps zones in their stored order; WITHOUT ROWID tables have no rowid to order by.
    const std::string base = "SELECT " + columnList(columns) + " FROM " + quoted(table);
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.handle(), (base + " ORDER BY rowid").c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      raw = nullptr;
      int rc = sqlite3_prepare_v2(db_.handle(), base.c_str(), -1, &raw, nullptr);
      if (rc != SQLITE_OK) db_.fail(rc, "copy " + table);
    }
    sqlite::Statement st(db_.handle(), raw);
    Row row(columns.size());
    while (st.step()) {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const int c = static_cast<int>(i);
        if (st.isNull(c))
          row[i].reset();
        else
          row[i] = st.text(c);
      }
      fn(row);
    }
  }
  void insertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row) override {
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) marks += i ? ",?" : "?";
    auto& st = db_.prepare("INSERT INTO " + quoted(table) + " (" + columnList(columns) + ") VALUES (" + marks + ")");
    for (std::size_t i = 0; i < row.size(); ++i) st.bind(static_cast<int>(i) + 1, row[i]);
    st.run();
  }
  void upsertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row,
                 const std::vector<std::string>& key) override {
    std::string marks, updates;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      marks += i ? ",?" : "?";
      if (std::find(key.begin(), key.end(), columns[i]) == key.end())
        updates += (updates.empty() ? "" : ", ") + quoted(columns[i]) + " = excluded." + quoted(columns[i]);
    }
    auto& st = db_.prepare("INSERT INTO " + quoted(table) + " (" + columnList(columns) + ") VALUES (" + marks +
                           ") ON CONFLICT (" + columnList(key) + ") DO " +
                           (updates.empty() ? std::string("NOTHING") : "UPDATE SET " + updates));
    for (std::size_t i = 0; i < row.size(); ++i) st.bind(static_cast<int>(i) + 1, row[i]);
    st.run();
  }
  long long rowCount(const std::string& table) override {
    auto& st = db_.prepare("SELECT count(*) FROM " + quoted(table));
    long long n = st.step() ? st.integer(0) : 0;
    st.reset();
    return n;
  }
  void emptyTable(const std::string& table) override { db_.exec(("DELETE FROM " + quoted(table)).c_str()); }

 private:
  sqlite::Database& db_;
};

}  // namespace

std::unique_ptr<TableAccess> sqliteTableAccess(SqliteStore& store) {
  return std::make_unique<SqliteTables>(store);
}

}  // namespace moussem
