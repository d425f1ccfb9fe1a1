// What the shared SQL store (sql_store.hpp) needs of a database connection, implemented by the SQLite
// wrapper (sqlite/sqlite_db.hpp) and the PostgreSQL one (postgres/pg_db.hpp, through PgStore, which
// reconnects and retries around it). Prepared statements only: values are always bound, never pasted
// into SQL. Queries are written once with `$1` placeholders (SQLite 3.40 reads them too: the SQLite
// wrapper binds `$N` by its number, not by its place in the text) and `RETURNING id`.
// It must not grow anything one database does and the other does not: that stays with the backend.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/codes.hpp"

namespace moussem::sql {

// One prepared statement: its values, then its rows one at a time.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bindInteger(int index, std::int64_t value) = 0;
  virtual void bindReal(int index, double value) = 0;
  virtual void bindText(int index, std::string_view value) = 0;
  virtual void bindNothing(int index) = 0;  // NULL
  virtual bool next() = 0;                  // runs the statement on the first call; true while a row is there
  virtual void clear() = 0;                 // done with it: values and rows forgotten, ready to bind again

  virtual std::int64_t integer(int col) const = 0;
  virtual double real(int col) const = 0;
  virtual std::string text(int col) const = 0;
  // The column's text without a copy: valid until the next row or clear().
  virtual std::string_view view(int col) const = 0;
  virtual bool isNull(int col) const = 0;
};

// A statement in use: binds values by number, steps through rows, and clears the statement when it
// goes out of scope (an SQLite statement left half-read would hold its read transaction open).
class Query {
 public:
  explicit Query(Statement& borrowed) : st_(&borrowed) {}
  explicit Query(std::unique_ptr<Statement> owned) : owned_(std::move(owned)), st_(owned_.get()) {}
  Query(Query&& o) noexcept : owned_(std::move(o.owned_)), st_(o.st_) { o.st_ = nullptr; }
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query() {
    if (st_) st_->clear();
  }

  Query& bind(int index, std::int64_t v) {
    st_->bindInteger(index, v);
    return *this;
  }
  Query& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Query& bind(int index, long long v) { return bind(index, static_cast<std::int64_t>(v)); }
  Query& bind(int index, bool v) { return bind(index, static_cast<std::int64_t>(v ? 1 : 0)); }
  Query& bind(int index, double v) {
    st_->bindReal(index, v);
    return *this;
  }
  Query& bind(int index, std::string_view v) {
    st_->bindText(index, v);
    return *this;
  }
  Query& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
  Query& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  template <Coded E>
  Query& bind(int index, E v) {  // a code family's value is stored as its code
    return bind(index, codeOf(v));
  }
  Query& bind(int index, std::nullopt_t) {
    st_->bindNothing(index);
    return *this;
  }
  template <class T>
  Query& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind(index, std::nullopt);
  }
  // Every value in order: $1, $2, ...
  template <class... T>
  Query& with(const T&... values) & {
    int index = 0;
    (bind(++index, values), ...);
    return *this;
  }
  template <class... T>
  Query&& with(const T&... values) && {
    return std::move(with(values...));
  }

  bool step() { return st_->next(); }
  void run() {
    while (st_->next()) {
    }
  }

  std::int64_t integer(int col) const { return st_->integer(col); }
  double real(int col) const { return st_->real(col); }
  std::string text(int col) const { return st_->text(col); }
  std::string_view view(int col) const { return st_->view(col); }
  bool isNull(int col) const { return st_->isNull(col); }
  const Statement& row() const { return *st_; }  // for the row readers (sql_rows.hpp)

 private:
  std::unique_ptr<Statement> owned_;
  Statement* st_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Query query(const std::string& sql) = 0;  // prepared (and cached) by the connection
  virtual void exec(const std::string& sql) = 0;    // fixed SQL with no values (SAVEPOINT, COMMIT...)
  virtual std::int64_t lastInsertId() = 0;
  virtual long long changes() = 0;  // rows changed by the last INSERT, UPDATE or DELETE
  // The outermost transaction's start: each database takes its write lock its own way.
  virtual void begin() = 0;
  // Whether a failed COMMIT left anything to roll back (a lost server connection does not).
  virtual bool usable() const { return true; }

  int depth() const { return depth_; }  // nesting of transactions: 0 = none open

 private:
  friend class Transaction;
  int depth_ = 0;
};

// A transaction that rolls back by itself unless committed: the outermost one is a real transaction,
// nested ones are savepoints, so an inner failure caught by the caller undoes only the inner part and
// leaves the outer transaction usable (Mixxx's ScopedTransaction).
class Transaction {
 public:
  explicit Transaction(Connection& c);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& c_;
  std::string savepoint_;  // empty for the outermost
  bool open_ = true;
};

}  // namespace moussem::sql
