#include "store/postgres/pg_db.hpp"

#include <poll.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/i18n.hpp"

namespace moussem::pg {

namespace {

// SQLSTATE classes that mean bad data or a broken rule, not a broken server.
ErrorKind kindOf(const char* sqlstate) {
  if (!sqlstate) return ErrorKind::Io;
  std::string_view s(sqlstate);
  if (s.substr(0, 2) == "23" || s.substr(0, 2) == "22") return ErrorKind::Invalid;  // constraint, data
  if (s == "40001" || s == "40P01" || s == "55P03") return ErrorKind::Refused;      // serialization, deadlock, lock
  if (s.substr(0, 2) == "28") return ErrorKind::Refused;                            // authorization
  return ErrorKind::Io;
}

std::string trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

}  // namespace

bool isPostgresUrl(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string withoutPassword(const std::string& url) {
  // scheme://user:password@host... -> scheme://user@host...
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  auto start = scheme + 3;
  auto at = url.find('@', start);
  auto slash = url.find('/', start);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  auto colon = url.find(':', start);
  std::string out = url;
  if (colon != std::string::npos && colon < at) out = url.substr(0, colon) + url.substr(at);
  // options=... (server timeouts a gate adds) say nothing to people
  if (auto o = out.find("options="); o != std::string::npos) {
    auto end = out.find('&', o);
    out.erase(o, end == std::string::npos ? std::string::npos : end - o + 1);
    if (!out.empty() && (out.back() == '?' || out.back() == '&')) out.pop_back();
  }
  // password=... in the query string
  auto q = out.find("password=");
  if (q != std::string::npos) {
    auto end = out.find('&', q);
    out.erase(q, end == std::string::npos ? std::string::npos : end - q + 1);
    if (!out.empty() && (out.back() == '?' || out.back() == '&')) out.pop_back();
  }
  return out;
}

Params& Params::add(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  values_.emplace_back(std::string(buf));
  return *this;
}

std::vector<const char*> Params::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

void Statement::set(int index, std::optional<std::string> value) {
  if (index > static_cast<int>(values_.size())) values_.resize(static_cast<std::size_t>(index));
  values_[static_cast<std::size_t>(index - 1)] = std::move(value);
}

void Statement::bindReal(int index, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);  // as Params does: every digit travels
  set(index, std::string(buf));
}

bool Statement::next() {
  if (!ran_) {
    Params params;
    for (const auto& v : values_) params.add(v);
    result_ = runner_.run(sql_, params);
    ran_ = true;
    row_ = -1;
  }
  return ++row_ < result_.rows();
}

void Statement::clear() {
  values_.clear();
  result_ = Result();
  ran_ = false;
  row_ = -1;
}

std::int64_t Result::integer(int row, int col) const {
  const char* v = PQgetvalue(r_, row, col);
  std::int64_t out = 0;
  std::from_chars(v, v + PQgetlength(r_, row, col), out);
  return out;
}

double Result::real(int row, int col) const {
  return std::strtod(PQgetvalue(r_, row, col), nullptr);
}

long long Result::affected() const {
  const char* n = r_ ? PQcmdTuples(r_) : "";
  return n && *n ? std::atoll(n) : 0;
}

Connection::Connection(const std::string& url) : url_(url), display_(withoutPassword(url)) {
  connect();
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

void Connection::connect() {
  if (conn_) PQfinish(conn_);
  prepared_.clear();
  // Keyword/value form so a connect_timeout and an application name ride along with any URL.
  // Keepalives and a TCP user timeout: a cut cable is noticed in seconds, not after minutes of retries.
  const char* keys[] = {"dbname",          "connect_timeout",     "application_name", "client_encoding",  "keepalives",
                        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", nullptr};
  const char* values[] = {url_.c_str(), "5", "moussem", "UTF8", "1", "5", "2", "2", "5000", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_) throw ConnectionLost(tr("pg.error.cannot_connect", {display_, "out of memory"}));
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = trimmed(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    // Authentication and a missing database are the user's to fix; anything else may come back.
    if (msg.find("password") != std::string::npos || msg.find("authentication") != std::string::npos)
      throw Error(ErrorKind::Refused, tr("pg.error.auth", {display_, msg}));
    if (msg.find("does not exist") != std::string::npos)
      throw Error(ErrorKind::NotFound, tr("pg.error.no_database", {display_, msg}));
    if (msg.find("invalid") != std::string::npos || msg.find("missing") != std::string::npos)
      throw Error(ErrorKind::Usage, tr("pg.error.bad_url", {display_, msg}));
    throw ConnectionLost(tr("pg.error.cannot_connect", {display_, msg}));
  }
  // Quiet notices (CREATE TABLE IF NOT EXISTS...): they are not for the user.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

void Connection::reconnect() {
  connect();
}

bool Connection::inTransaction() const {
  return conn_ && PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

void Connection::fail(PGresult* r, std::string_view what) {
  const char* field = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field ? field : "";
  std::string msg = trimmed(r ? PQresultErrorMessage(r) : nullptr);
  if (msg.empty()) msg = trimmed(conn_ ? PQerrorMessage(conn_) : "no connection");
  PQclear(r);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK || state.rfind("08", 0) == 0 || state == "57P01")
    throw ConnectionLost(tr("pg.error.connection_lost", {display_, msg}));
  (void)what;
  throw Error(kindOf(state.empty() ? nullptr : state.c_str()), msg);
}

std::string withServerTimeouts(const std::string& url, std::chrono::milliseconds lockTimeout,
                               std::chrono::milliseconds statementTimeout) {
  if (url.find("options=") != std::string::npos) return url;  // the URL's own options stand
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-c%20lock_timeout%3D" +
         std::to_string(lockTimeout.count()) + "%20-c%20statement_timeout%3D" +
         std::to_string(statementTimeout.count());
}

void Connection::startRoundTrip() {
  // Sending must not block either (a full socket buffer on a frozen network): awaitReady() flushes.
  PQsetnonblocking(conn_, 1);
  const auto now = std::chrono::steady_clock::now();
  if (!deadline_) started_ = now;
  callDeadline_ = deadline_ ? *deadline_ : now + *perCall_;
  if (deadline_ && perCall_) callDeadline_ = std::min(*deadline_, now + *perCall_);
}

void Connection::abandon() {
  const auto waited =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
  if (conn_) {
    PQsetnonblocking(conn_, 1);  // the goodbye message must not wait on a frozen network either
    PQfinish(conn_);
  }
  conn_ = nullptr;
  prepared_.clear();
  throw ConnectionLost(tr("pg.error.no_answer", {display_, std::to_string(waited)}));
}

void Connection::awaitReady() {
  for (;;) {
    const int flushed = PQflush(conn_);
    if (flushed < 0) fail(nullptr, "send");
    if (flushed == 0 && !PQisBusy(conn_)) return;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(callDeadline_ - std::chrono::steady_clock::now());
    if (left.count() <= 0) abandon();
    pollfd p{PQsocket(conn_), static_cast<short>(POLLIN | (flushed == 1 ? POLLOUT : 0)), 0};
    const int n = ::poll(&p, 1, static_cast<int>(left.count()));
    if (n == 0) abandon();
    if (n < 0 && errno != EINTR) fail(nullptr, "poll");
    if ((p.revents & (POLLIN | POLLERR | POLLHUP)) && PQconsumeInput(conn_) == 0) fail(nullptr, "receive");
  }
}

PGresult* Connection::awaitResult() {
  // Every result of the command, until libpq has none left; the first failure is the one that counts.
  auto failed = [](PGresult* r) {
    return PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK;
  };
  PGresult* kept = nullptr;
  try {
    for (;;) {
      awaitReady();
      PGresult* r = PQgetResult(conn_);
      if (!r) break;
      if (!kept || (failed(r) && !failed(kept))) {
        PQclear(kept);
        kept = r;
      } else {
        PQclear(r);
      }
    }
  } catch (...) {
    PQclear(kept);
    throw;
  }
  if (kept) {
    // The server gave up waiting for a lock or on the statement: as slow as no answer at all.
    const char* state = PQresultErrorField(kept, PG_DIAG_SQLSTATE);
    if (state && (std::string_view(state) == "55P03" || std::string_view(state) == "57014")) {
      PQclear(kept);
      abandon();
    }
  }
  return kept;
}

Result Connection::run(const std::string& sql, const Params& params) {
  if (!conn_) throw ConnectionLost(tr("pg.error.connection_lost", {display_, "not connected"}));
  if (bounded()) {
    startRoundTrip();
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "m" + std::to_string(++next_);
      if (!PQsendPrepare(conn_, name.c_str(), sql.c_str(), 0, nullptr)) fail(nullptr, "prepare");
      PGresult* r = awaitResult();
      if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) fail(r, "prepare");
      PQclear(r);
      it = prepared_.emplace(sql, std::move(name)).first;
    }
    auto values = params.pointers();
    if (!PQsendQueryPrepared(conn_, it->second.c_str(), params.size(), values.data(), nullptr, nullptr, 0))
      fail(nullptr, "run");
    PGresult* r = awaitResult();
    PQsetnonblocking(conn_, 0);
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(r, "run");
    return Result(r);
  }
  PQsetnonblocking(conn_, 0);  // after a bounded call that failed half-way
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "m" + std::to_string(++next_);
    PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) fail(r, "prepare");
    PQclear(r);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  auto values = params.pointers();
  PGresult* r = PQexecPrepared(conn_, it->second.c_str(), params.size(), values.data(), nullptr, nullptr, 0);
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(r, "run");
  return Result(r);
}

void Connection::exec(const std::string& sql) {
  if (!conn_) throw ConnectionLost(tr("pg.error.connection_lost", {display_, "not connected"}));
  if (bounded()) {
    startRoundTrip();
    if (!PQsendQuery(conn_, sql.c_str())) fail(nullptr, "exec");
    PGresult* r = awaitResult();
    PQsetnonblocking(conn_, 0);
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(r, "exec");
    PQclear(r);
    return;
  }
  PQsetnonblocking(conn_, 0);
  PGresult* r = PQexec(conn_, sql.c_str());
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(r, "exec");
  PQclear(r);
}

int Connection::takeNotifications() {
  if (!conn_) return 0;
  if (PQconsumeInput(conn_) == 0) return 0;  // a dead socket shows on the next statement
  int n = 0;
  while (PGnotify* note = PQnotifies(conn_)) {
    ++n;
    PQfreemem(note);
  }
  return n;
}

}  // namespace moussem::pg
