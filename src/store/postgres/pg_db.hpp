// RAII wrappers around libpq: a connection with a cache of named prepared statements, results, and
// parameters. Prepared statements only: values always travel as parameters, never inside SQL text.
// A lost connection is detected on every call (PQstatus after a failure) and reported as
// ConnectionLost; reconnect() opens it again and prepares statements anew on demand.
#pragma once
#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "store/sql/connection.hpp"

namespace moussem::pg {

// The server could not be reached, or the connection dropped: the caller may retry after reconnect().
class ConnectionLost : public Error {
 public:
  explicit ConnectionLost(const std::string& message) : Error(ErrorKind::Io, message) {}
};

// Parameters of one statement, as text (libpq's text protocol; the server casts to the column type).
class Params {
 public:
  Params& add(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& add(const std::string& v) { return add(std::string_view(v)); }
  Params& add(const char* v) { return add(std::string_view(v)); }
  template <Coded E>
  Params& add(E v) {  // a code family's value is stored as its code
    return add(codeOf(v));
  }
  Params& add(std::int64_t v) {
    values_.emplace_back(std::to_string(v));
    return *this;
  }
  Params& add(int v) { return add(static_cast<std::int64_t>(v)); }
  Params& add(bool v) { return add(static_cast<std::int64_t>(v ? 1 : 0)); }
  Params& add(double v);
  Params& addNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  template <class T>
  Params& add(const std::optional<T>& v) {
    return v ? add(*v) : addNull();
  }
  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

class Result {
 public:
  Result() = default;
  explicit Result(PGresult* r) : r_(r) {}
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept {
    if (this != &o) {
      PQclear(r_);
      r_ = o.r_;
      o.r_ = nullptr;
    }
    return *this;
  }
  ~Result() { PQclear(r_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const { return r_ ? PQntuples(r_) : 0; }
  bool isNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  std::string text(int row, int col) const { return std::string(view(row, col)); }
  std::string_view view(int row, int col) const {
    return {PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col))};
  }
  std::int64_t integer(int row, int col) const;
  double real(int row, int col) const;
  long long affected() const;  // rows changed by INSERT/UPDATE/DELETE

 private:
  PGresult* r_ = nullptr;
};

// Runs one statement: the connection itself, or a store that reconnects and retries around it.
class Runner {
 public:
  virtual ~Runner() = default;
  virtual Result run(const std::string& sql, const Params& params) = 0;
};

// The shared store's statement (sql::Statement) on PostgreSQL: values kept as text until the first
// step sends them, then the result's rows one at a time.
class Statement final : public sql::Statement {
 public:
  Statement(Runner& runner, std::string sql) : runner_(runner), sql_(std::move(sql)) {}
  void bindInteger(int index, std::int64_t value) override { set(index, std::to_string(value)); }
  void bindReal(int index, double value) override;
  void bindText(int index, std::string_view value) override { set(index, std::string(value)); }
  void bindNothing(int index) override { set(index, std::nullopt); }
  bool next() override;
  void clear() override;
  std::int64_t integer(int col) const override { return result_.integer(row_, col); }
  double real(int col) const override { return result_.real(row_, col); }
  std::string text(int col) const override { return result_.text(row_, col); }
  std::string_view view(int col) const override { return result_.view(row_, col); }
  bool isNull(int col) const override { return result_.isNull(row_, col); }

 private:
  void set(int index, std::optional<std::string> value);
  Runner& runner_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  Result result_;
  bool ran_ = false;
  int row_ = -1;
};

class Connection final : public Runner {
 public:
  // Connects with a 5 s timeout; throws ConnectionLost (server down, refused) or Error (bad URL,
  // wrong password, no such database) with a message in the user's language. The password never
  // appears in messages.
  explicit Connection(const std::string& url);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs a cached prepared statement (prepared on first use on this connection).
  Result run(const std::string& sql, const Params& params) override;
  Result run(const std::string& sql) { return run(sql, Params()); }
  // Bounds every round trip until it is cleared (nullopt): statements are sent without blocking and
  // their answer awaited with poll() up to `until`. A server that has not answered by then (a frozen
  // network, a held lock: SQLSTATE 55P03/57014 count too) costs the connection: it is dropped (ok()
  // turns false) and ConnectionLost says how long it waited.
  void setDeadline(std::optional<std::chrono::steady_clock::time_point> until) {
    deadline_ = until;
    started_ = std::chrono::steady_clock::now();
  }
  // The same bound for each round trip on its own (background jobs: none may hang on a frozen network).
  void setRoundTripLimit(std::optional<std::chrono::milliseconds> most) { perCall_ = most; }
  // Fixed SQL with no values (BEGIN, COMMIT, SAVEPOINT, migrations).
  void exec(const std::string& sql);
  bool ok() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }
  void reconnect();  // throws as the constructor does; prepared statements are prepared anew on demand
  PGconn* handle() const { return conn_; }
  const std::string& display() const { return display_; }  // the URL without its password
  // Notifications received since the last call (LISTEN): consumes input without a round trip.
  int takeNotifications();
  bool inTransaction() const;

 private:
  [[noreturn]] void fail(PGresult* r, std::string_view what);
  [[noreturn]] void abandon();
  void connect();
  // The deadline path: sends with PQsend*, then collects the results within the deadline.
  PGresult* awaitResult();
  void awaitReady();

  std::string url_;
  std::string display_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // sql -> statement name
  int next_ = 0;
  bool bounded() const { return deadline_ || perCall_; }
  void startRoundTrip();
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::optional<std::chrono::milliseconds> perCall_;
  std::chrono::steady_clock::time_point callDeadline_{};
  std::chrono::steady_clock::time_point started_{};  // of the bounded round trips, for the message
};

// url with libpq options that bound how long the server itself waits for a lock and runs a statement
// (a gate's scan connection: the server gives up a held lock before the gate's budget runs out).
std::string withServerTimeouts(const std::string& url, std::chrono::milliseconds lockTimeout,
                               std::chrono::milliseconds statementTimeout);

// The URL with any password removed (for status lines, messages and `info`).
std::string withoutPassword(const std::string& url);
bool isPostgresUrl(std::string_view url);

}  // namespace moussem::pg
