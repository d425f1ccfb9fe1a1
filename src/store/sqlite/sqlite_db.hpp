// RAII wrappers around sqlite3 and sqlite3_stmt. Prepared statements only: values are always bound,
// never pasted into SQL. Errors become moussem::Error with SQLite's message and the file name.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/connection.hpp"

namespace moussem::sqlite {

// SQLite's failure rc on the database at path as one sentence for people: a full disk, a read-only
// file or a failing device name the file and what to do; other failures keep SQLite's words.
std::string failureMessage(int rc, const std::string& path, const std::string& message);

// Also the shared store's statement (sql::Statement): `$N` placeholders are bound by their number N
// (SQLite numbers `$`-named parameters by their first appearance in the text).
class Statement final : public sql::Statement {
 public:
  // returns_id: the statement is an INSERT whose `RETURNING id` was taken off its text (Database::prepare):
  // it answers one row, the new row's id, when it inserted one.
  Statement(sqlite3* db, sqlite3_stmt* stmt, bool returns_id = false);
  ~Statement() override;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  template <Coded E>
  Statement& bind(int index, E value) {  // a code family's value is stored as its code
    return bind(index, codeOf(value));
  }
  Statement& bindNull(int index);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  bool step();   // true while a row is available
  void run();    // step until done
  void reset();  // ready to bind and run again

  std::int64_t integer(int col) const override {
    return returns_id_ && col == 0 ? inserted_id_ : sqlite3_column_int64(stmt_, col);
  }
  double real(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const override;
  // The column's text without a copy: valid until the next step or reset (bulk reads that assign into
  // a reused string).
  std::string_view view(int col) const override;
  bool isNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

  void bindInteger(int index, std::int64_t value) override { bind(index, value); }
  void bindReal(int index, double value) override { bind(index, value); }
  void bindText(int index, std::string_view value) override { bind(index, value); }
  void bindNothing(int index) override { bindNull(index); }
  bool next() override { return step(); }
  void clear() override { reset(); }

 private:
  int slot(int index) const {
    return index > 0 && index < static_cast<int>(slots_.size()) && slots_[index] ? slots_[index] : index;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::vector<int> slots_;  // $N -> SQLite's parameter index (empty when the text has no $N)
  bool returns_id_ = false;
  enum class IdRow { NotRun, Shown, Done } id_row_ = IdRow::NotRun;
  std::int64_t inserted_id_ = 0;
};

// Also the shared store's connection (sql::Connection).
class Database final : public sql::Connection {
 public:
  // flags: SQLITE_OPEN_* ; throws Error on failure.
  Database(const std::string& path, int flags);
  ~Database() override;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  void exec(const char* sql);  // for fixed SQL with no values (pragmas, BEGIN, migrations)
  // One fixed statement run through the statement cache: for what runs on every write (BEGIN,
  // COMMIT), where parsing it again each time would cost more than running it.
  void run(const std::string& sql);
  // A cached prepared statement, reset and with bindings cleared, ready to bind.
  Statement& prepare(const std::string& sql);
  std::int64_t lastInsertId() override { return sqlite3_last_insert_rowid(db_); }
  long long changes() override { return sqlite3_changes(db_); }
  [[noreturn]] void fail(int rc, std::string_view what) const;

  sql::Query query(const std::string& sql) override { return sql::Query(prepare(sql)); }
  void exec(const std::string& sql) override { run(sql); }
  // The write lock now, not halfway through (IMMEDIATE), after saying plainly if the file is read-only.
  void begin() override;
  // SQLite opens a file it may not write (its mode, a read-only disk) read-only without a word, and
  // then fails on every statement that writes: say so once, before anything is written.
  void checkWritable() const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// Whether path holds a SQLite database, asked through SQLite itself. Never open a descriptor of your own
// on a database file to check it: closing that descriptor drops every POSIX lock this process holds on
// the file, SQLite's included, and another process may then delete the WAL we still write into
// (sqlite.org, "How To Corrupt An SQLite Database File", 2.2). SQLite shares one descriptor per file
// within a process and keeps it open while any of its connections holds a lock. An empty file is not a
// database here (SQLite would take it for a new one).
bool isDatabaseFile(const std::filesystem::path& path);

}  // namespace moussem::sqlite
