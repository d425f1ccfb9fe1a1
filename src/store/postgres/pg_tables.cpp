// PostgreSQL side of whole-database copies (store/transfer.hpp): tables in creation order, their
// columns, every row as text through a cursor in a REPEATABLE READ snapshot, and identity sequences
// moved past the copied ids. Names come from the catalog and are quoted; values are always parameters.
#include <algorithm>

#include "store/postgres/pg_store.hpp"
#include "store/transfer.hpp"

namespace moussem {

namespace {

std::string quoted(const std::string& name) {
  return quotedName(name);
}
std::string columnList(const std::vector<std::string>& columns) {
  return quotedList(columns);
}

class PgTables final : public TableAccess {
 public:
  explicit PgTables(PgStore& store) : store_(store), conn_(store.connection()) {}

  std::vector<std::string> tables() override {
    auto r = conn_.run(
        "SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND "
        "c.relnamespace = current_schema()::regnamespace AND c.relname <> 'moussem_schema' ORDER BY c.oid");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  }
  std::vector<std::string> columns(const std::string& table) override {
    auto r = conn_.run(
        "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum",
        pg::Params().add(quoted(table)));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
  }
  void beginSnapshot() override { conn_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void endSnapshot() override { conn_.exec("COMMIT"); }
  void forEachRow(const std::string& table, const std::vector<std::string>& columns,
                  const std::function<void(const Row&)>& fn) override {
    const auto all = this->columns(table);
    auto has = [&](const char* c) { return std::find(all.begin(), all.end(), c) != all.end(); };
    const std::string order = table == "zone" && has("seq") ? " ORDER BY seq" : has("id") ? " ORDER BY id" : "";
    // A gate's local copy reads people through the view of their display fields.
    const std::string source = table == "person" ? store_.people() : table;
    conn_.exec("DECLARE moussem_copy NO SCROLL CURSOR FOR SELECT " + columnList(columns) + " FROM " + quoted(source) +
               order);
    Row row(columns.size());
    for (;;) {
      auto r = conn_.run("FETCH 5000 FROM moussem_copy");
      for (int i = 0; i < r.rows(); ++i) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
          if (r.isNull(i, static_cast<int>(c)))
            row[c].reset();
          else
            row[c] = r.text(i, static_cast<int>(c));
        }
        fn(row);
      }
      if (r.rows() == 0) break;
    }
    conn_.exec("CLOSE moussem_copy");
  }
  void insertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row) override {
    std::string marks;
    for (std::size_t i = 0; i < columns.size(); ++i) marks += (i ? ",$" : "$") + std::to_string(i + 1);
    pg::Params p;
    for (const auto& v : row) p.add(v);
    conn_.run("INSERT INTO " + quoted(table) + " (" + columnList(columns) + ") VALUES (" + marks + ")", p);
  }
  void upsertRow(const std::string& table, const std::vector<std::string>& columns, const Row& row,
                 const std::vector<std::string>& key) override {
    std::string marks, updates;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      marks += (i ? ",$" : "$") + std::to_string(i + 1);
      if (std::find(key.begin(), key.end(), columns[i]) == key.end())
        updates += (updates.empty() ? "" : ", ") + quoted(columns[i]) + " = EXCLUDED." + quoted(columns[i]);
    }
    pg::Params p;
    for (const auto& v : row) p.add(v);
    conn_.run("INSERT INTO " + quoted(table) + " (" + columnList(columns) + ") VALUES (" + marks + ") ON CONFLICT (" +
                  columnList(key) + ") DO " + (updates.empty() ? std::string("NOTHING") : "UPDATE SET " + updates),
              p);
  }
  long long rowCount(const std::string& table) override {
    auto r = conn_.run("SELECT count(*) FROM " + quoted(table));
    return r.rows() ? r.integer(0, 0) : 0;
  }
  void emptyTable(const std::string& table) override { conn_.run("DELETE FROM " + quoted(table)); }
  void afterCopy() override {
    auto r = conn_.run(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE a.attidentity <> '' AND c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'");
    for (int i = 0; i < r.rows(); ++i) {
      const std::string t = quoted(r.text(i, 0)), c = quoted(r.text(i, 1));
      conn_.run("SELECT setval(pg_get_serial_sequence($1, $2), greatest(coalesce(max(" + c + "), 0), 1), max(" + c +
                    ") IS NOT NULL) FROM " + t,
                pg::Params().add(t).add(r.text(i, 1)));
    }
  }

 private:
  PgStore& store_;
  pg::Connection& conn_;
};

}  // namespace

std::unique_ptr<TableAccess> pgTableAccess(PgStore& store) {
  return std::make_unique<PgTables>(store);
}

}  // namespace moussem
