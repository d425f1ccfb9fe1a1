// The PostgreSQL backend: many desks and gates share one server (`--db postgresql://user@host/db`).
// Same schema and migration numbers as SQLite (postgres/migrations/NNNN_*.sql, version kept in the
// moussem_schema table), prepared statements only, every write in a transaction. The queries both
// databases share are in sql/sql_store*.cpp, run through this store (q(): reconnecting, retrying
// reads); what is here is PostgreSQL's own, one file per area: pg_store.cpp (opening, migrations,
// edition), pg_store_gate.cpp, pg_store_users.cpp, pg_store_privacy.cpp.
//
// Connection loss: every call that finds the connection broken reports ConnectionLost (an Error of
// kind Io) and status() says so; the next call reconnects by itself (at most one attempt every
// couple of seconds, so an unreachable server never makes each call wait). Reads outside a
// transaction are retried once on a fresh connection; writes never are (a commit whose answer was
// lost may have happened), except scans, whose unique id makes a replay harmless.
#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "store/postgres/pg_db.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

class PgStore final : public SqlStore, private pg::Runner {
 public:
  PgStore(const std::string& url, OpenMode mode);

  std::string backend() const override { return "postgresql"; }
  std::string location() const override { return conn_->display(); }
  int schemaVersion() override;
  StoreStatus status() override;
  void retryNow() override { failedAttempt_ = false; }
  void limitRoundTrips(std::optional<std::chrono::steady_clock::time_point> until) override;
  void limitEachRoundTrip(std::optional<std::chrono::milliseconds> most) override;

  // Sign-in attempts and the audit anchors (pg_store_users.cpp).
  std::optional<User> countSignInAttempt(const std::string& name, const SignInAttempt& attempt) override;
  void clearSignInAttempts(const std::string& name, const std::string& token) override;
  // The anchors, once their table is known to be in the keeper role's hands (pg_roles.hpp).
  std::vector<AuditHead> auditAnchors() override;
  // Gate (pg_store_gate.cpp).
  void forEachBadgeState(const std::string& changed_since, const std::function<void(const BadgeState&)>& fn) override;
  bool recordScan(ScanRecord& scan, const Presence* presence,
                  std::optional<ReentryPolicy> reentry = ReentryPolicy::Always,
                  PresenceReset presenceReset = PresenceReset::Never) override;
  std::vector<Person> findPeopleByName(const std::string& text, int limit) override;
  long long dataVersion() override;
  std::string serverTime() override;

  // Personal data (issue 9): VACUUM FULL, pg_store_privacy.cpp.
  void scrubFreedSpace() override;

  pg::Connection& connection() { return *conn_; }
  // Where people are read from: "person", or the view "person_display" for a database role that may
  // only see people's display fields (a gate's; see pg_roles.hpp).
  const std::string& people() override;
  void fillNameKeys();  // migration 8

 protected:
  sql::Connection& db() override { return link_; }
  // A single statement is its own transaction on the server: no BEGIN and COMMIT round trips.
  void writeOne(const std::function<void()>& statement) override { statement(); }
  std::string now() const override { return "moussem_now()"; }
  std::string joined(const std::string& column) const override { return "string_agg(" + column + "::text, ',')"; }
  std::string anyId(int param) const override { return "= ANY($" + std::to_string(param) + "::bigint[])"; }
  std::string idList(const std::vector<Id>& ids) const override;  // an array literal
  std::string forUpdate() const override { return " FOR UPDATE"; }
  std::string inByteOrder() const override { return " COLLATE \"C\""; }
  // An advisory lock needs no privilege on the table (a gate's role may only insert audit rows).
  void lockAuditChain() override;
  void anchorAuditRow(std::int64_t id) override;               // through moussem_anchor_audit (migration 10)
  std::string writtenOrder() const override { return "seq"; }  // the zone table's identity column

 private:
  // The shared store's connection: its statements run through q(), its transactions through x().
  class Link final : public sql::Connection {
   public:
    explicit Link(PgStore& store) : store_(store) {}
    sql::Query query(const std::string& sql) override;
    void exec(const std::string& sql) override { store_.x(sql); }
    std::int64_t lastInsertId() override;
    long long changes() override { return store_.changes_; }
    void begin() override;
    bool usable() const override { return store_.conn_->ok(); }

   private:
    PgStore& store_;
  };
  // Every statement goes through here: reconnects when needed, marks the status, retries reads.
  pg::Result q(const std::string& sql, const pg::Params& params = {});
  pg::Result run(const std::string& sql, const pg::Params& params) override;  // q(), counting changes
  void ensureConnected();
  void x(const std::string& sql);  // fixed SQL (BEGIN, SAVEPOINT...), marking a lost connection
  void afterConnect();
  void migrate(OpenMode mode);
  std::vector<Id> ids(const std::string& sql, const pg::Params& params);
  int depth() const { return link_.depth(); }  // nesting of write(): 0 = no transaction open

  std::unique_ptr<pg::Connection> conn_;
  Link link_{*this};
  long long changes_ = 0;  // of the last statement run through run()
  long long notifications_ = 0;
  long long connections_ = 1;  // bumped by every reconnect: other stations' writes may have been missed
  bool online_ = true;
  std::string people_;  // see people()
  std::string lastError_;
  std::chrono::steady_clock::time_point lastAttempt_{};
  bool failedAttempt_ = false;
  bool bounded_ = false;  // limitRoundTrips: no reconnection, no retry
};

}  // namespace moussem
