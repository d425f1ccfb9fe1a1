// SQLite side of the entry gate (the rest is in sql/sql_store_gate.cpp): the badge states a gate
// indexes in memory, the scan log's writes, the name search, and checkpoints in the background. A scan is one INSERT
// (plus its presence UPSERT when it moves someone) in one transaction, through cached prepared statements: this is the
// durable half of every verdict. No rules here.
#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

void SqliteStore::forEachBadgeState(const std::string& changed_since,
                                    const std::function<void(const BadgeState&)>& fn) {
  auto& st = db_->prepare(
      changed_since.empty()
          ? "SELECT person_id, serial, version, status, updated_at, id FROM badge WHERE ?1 = '' ORDER BY id"
          : "SELECT person_id, serial, version, status, updated_at, id FROM badge WHERE updated_at >= ?1 "
            "ORDER BY id");
  st.bind(1, changed_since);
  BadgeState b;
  try {
    while (st.step()) {
      b.person_id = st.integer(0);
      b.serial = st.text(1);
      b.version = static_cast<int>(st.integer(2));
      b.revoked = sql_rows::readCode<BadgeStatus>(st.text(3), "badge", "status", st.integer(5)) == BadgeStatus::Revoked;
      b.updated_at = st.text(4);
      fn(b);
    }
  } catch (...) {
    st.reset();
    throw;
  }
  st.reset();
}

bool SqliteStore::recordScan(ScanRecord& s, const Presence* presence, std::optional<ReentryPolicy> reentry,
                             PresenceReset presenceReset) {
  // The scan first (a uid already logged is a replay: an offline queue pushed twice, and what was
  // logged stands), then the presence guarded by the re-entry rule as the database sees it (BEGIN
  // IMMEDIATE: other processes on this file wait). If the guard turns the entry down, the scan row
  // takes that verdict before the transaction commits, so nobody ever sees the first one.
  const bool guarded = presence && presence->inside && s.verdict == ScanVerdict::Accepted &&
                       (reentry == ReentryPolicy::Antipassback || reentry == ReentryPolicy::OncePerDay);
  bool admitted = true;
  write([&] {
    auto& st = db_->prepare(
        "INSERT INTO scan (uid, gate, zone, direction, station, operator, at, payload_digest, verdict, reason, "
        "badge_serial, badge_version, person_id, manual, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(uid) DO NOTHING");
    st.bind(1, s.uid)
        .bind(2, s.gate)
        .bind(3, s.zone)
        .bind(4, s.direction)
        .bind(5, s.station)
        .bind(6, s.operator_name)
        .bind(7, s.at)
        .bind(8, s.payload_digest)
        .bind(9, s.verdict)
        .bind(10, s.reason)
        .bind(11, s.badge_serial)
        .bind(12, s.badge_version)
        .bind(13, s.person_id)
        .bind(14, s.manual)
        .bind(15, s.note);
    st.run();
    if (db_->changes() == 0) {
      auto& seen = db_->prepare("SELECT id, verdict, reason FROM scan WHERE uid = ?");
      seen.bind(1, s.uid);
      if (seen.step()) {
        s.id = seen.integer(0);
        s.verdict = sql_rows::readCode<ScanVerdict>(seen.text(1), "scan", "verdict", s.id);
        s.reason = sql_rows::readCode<ScanReason>(seen.text(2), "scan", "reason", s.id);
      }
      seen.reset();
      admitted = s.verdict == ScanVerdict::Accepted;
      return;
    }
    s.id = db_->lastInsertId();
    if (!presence) return;
    auto& p = db_->prepare(
        "INSERT INTO presence (person_id, zone, inside, last_at, last_day) VALUES (?1,?2,?3,?4,?5) "
        "ON CONFLICT(person_id, zone) DO UPDATE SET inside=excluded.inside, last_at=excluded.last_at, "
        "last_day=excluded.last_day WHERE ?6 = 'always' OR (?6 = 'antipassback' AND (presence.inside = 0 OR (?7 = "
        "'daily' AND presence.last_day <> excluded.last_day))) "
        "OR (?6 = 'once-per-day' AND presence.last_day <> excluded.last_day) "
        "OR (?6 = 'offline' AND presence.last_at <= excluded.last_at)");
    p.bind(1, presence->person_id)
        .bind(2, presence->zone)
        .bind(3, presence->inside)
        .bind(4, presence->last_at)
        .bind(5, presence->last_day)
        .bind(6, sql_rows::presenceMode(reentry, guarded))
        .bind(7, presenceReset);
    p.run();
    if (guarded && db_->changes() == 0) {
      admitted = false;
      s.verdict = ScanVerdict::Rejected;
      s.reason = reentry == ReentryPolicy::Antipassback ? ScanReason::AlreadyInside : ScanReason::AlreadyUsedToday;
      auto& u = db_->prepare("UPDATE scan SET verdict = ?1, reason = ?2 WHERE id = ?3");
      u.bind(1, s.verdict).bind(2, s.reason).bind(3, s.id);
      u.run();
    }
  });
  return admitted;
}

std::vector<Person> SqliteStore::findPeopleByName(const std::string& text, int limit) {
  std::vector<Person> out;
  if (text.empty() || limit <= 0) return out;
  auto& st = db_->prepare(
      "SELECT id FROM person WHERE (first_name || ' ' || last_name) LIKE ?1 ESCAPE '\\' "
      "OR (last_name || ' ' || first_name) LIKE ?1 ESCAPE '\\' OR name_ar LIKE ?1 ESCAPE '\\' "
      "OR organization LIKE ?1 ESCAPE '\\' ORDER BY last_name, first_name, id LIMIT ?2");
  st.bind(1, sql_rows::containsPattern(text)).bind(2, limit);
  std::vector<Id> ids;
  while (st.step()) ids.push_back(st.integer(0));
  st.reset();
  for (Id id : ids)
    if (auto p = person(id)) out.push_back(std::move(*p));
  return out;
}

// Copies committed WAL frames into the database file (and fsyncs it) on its own connection and thread,
// so the scanning thread only ever appends to the WAL. PASSIVE: never waits for or blocks a writer;
// SQLite restarts the WAL from its beginning at the next commit once everything has been copied.
class SqliteStore::Checkpointer {
 public:
  explicit Checkpointer(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
      return;  // no background checkpoints: the writer's own automatic ones stay on
    }
    sqlite3_busy_timeout(db_, 1000);
    thread_ = std::thread([this] { run(); });
  }
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (db_) sqlite3_close(db_);
  }
  bool running() const { return db_ != nullptr; }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::milliseconds(200));
      if (stop_) break;
      lock.unlock();
      int logFrames = 0, copied = 0;
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
      lock.lock();
    }
  }
  sqlite3* db_ = nullptr;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
};

void SqliteStore::StopCheckpointer::operator()(Checkpointer* c) const {
  delete c;
}

void SqliteStore::housekeepInBackground() {
  if (checkpointer_) return;
  std::unique_ptr<Checkpointer, StopCheckpointer> c(new Checkpointer(db_->path()));
  if (!c->running()) return;
  checkpointer_ = std::move(c);
  db_->exec("PRAGMA wal_autocheckpoint = 0");  // the background thread does it now
}

long long SqliteStore::dataVersion() {
  auto& st = db_->prepare("PRAGMA data_version");
  long long v = st.step() ? st.integer(0) : 0;
  st.reset();
  return v;
}

}  // namespace moussem
