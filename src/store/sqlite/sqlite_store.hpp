// The embedded default backend: one SQLite file per station, WAL, foreign keys, busy timeout. The
// queries both databases share are in sql/sql_store*.cpp; what is here is SQLite's own.
#pragma once
#include <memory>
#include <string>

#include "store/sql/sql_store.hpp"
#include "store/sqlite/sqlite_db.hpp"

namespace moussem {

class SqliteStore final : public SqlStore {
 public:
  SqliteStore(const std::string& path, OpenMode mode);

  std::string backend() const override { return "sqlite"; }
  std::string location() const override { return db_->path(); }
  int schemaVersion() override;
  void checkWritable() override;

  // Sign-in attempts (sqlite_store_users.cpp).
  std::optional<User> countSignInAttempt(const std::string& name, const SignInAttempt& attempt) override;
  void clearSignInAttempts(const std::string& name, const std::string& token) override;
  // Gate (sqlite_store_gate.cpp).
  void forEachBadgeState(const std::string& changed_since, const std::function<void(const BadgeState&)>& fn) override;
  bool recordScan(ScanRecord& scan, const Presence* presence,
                  std::optional<ReentryPolicy> reentry = ReentryPolicy::Always,
                  PresenceReset presenceReset = PresenceReset::Never) override;
  std::vector<Person> findPeopleByName(const std::string& text, int limit) override;
  long long dataVersion() override;
  void housekeepInBackground() override;
  // Personal data (issue 9): VACUUM, sqlite_store_privacy.cpp.
  void scrubFreedSpace() override;

  sqlite::Database& database() { return *db_; }

 protected:
  sql::Connection& db() override { return *db_; }
  void writeOne(const std::function<void()>& statement) override;
  const std::string& people() override { return kPeople; }
  std::string now() const override { return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"; }
  std::string joined(const std::string& column) const override { return "group_concat(" + column + ")"; }
  std::string anyId(int param) const override {
    return "IN (SELECT value FROM json_each($" + std::to_string(param) + "))";
  }
  std::string idList(const std::vector<Id>& ids) const override;  // a JSON array
  std::string writtenOrder() const override { return "rowid"; }

 private:
  inline static const std::string kPeople = "person";  // one station's file: every column is its own
  void migrate();
  void fillNameKeys();  // migration 8

  std::unique_ptr<sqlite::Database> db_;
  class Checkpointer;
  struct StopCheckpointer {
    void operator()(Checkpointer* c) const;  // where Checkpointer is complete (sqlite_store_gate.cpp)
  };
  std::unique_ptr<Checkpointer, StopCheckpointer> checkpointer_;  // after db_: stopped before it closes
};

}  // namespace moussem
