// PostgreSQL's own part of the Store (the queries are in sql/): opening (checks before anything is
// written), migrations in their own transactions under an advisory lock (two stations starting at
// once apply each migration once), the connection the shared store runs through (reconnecting,
// retrying reads, marking the status), and the database role's view of people.
#include "store/postgres/pg_store.hpp"

#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/version.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_roles.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

using sql_rows::joinList;

namespace {
// Any constant works: it only has to be the same for every Moussem station.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7274606)";
constexpr auto kReconnectPause = std::chrono::seconds(2);

bool isRead(const std::string& sql) {
  return sql.rfind("SELECT", 0) == 0;
}
}  // namespace

PgStore::PgStore(const std::string& url, OpenMode mode) {
  conn_ = std::make_unique<pg::Connection>(url);
  afterConnect();
  migrate(mode);
}

void PgStore::afterConnect() {
  // Changes of badges by other stations arrive as notifications, read without a round trip.
  conn_->exec("LISTEN moussem_badges");
}

StoreStatus PgStore::status() {
  StoreStatus s;
  s.shared = true;
  s.connected = online_ && conn_->ok();
  s.detail = s.connected ? std::string() : lastError_;
  s.reconnects = connections_ - 1;
  return s;
}

void PgStore::limitRoundTrips(std::optional<std::chrono::steady_clock::time_point> until) {
  bounded_ = until.has_value();
  conn_->setDeadline(until);
}

void PgStore::limitEachRoundTrip(std::optional<std::chrono::milliseconds> most) {
  conn_->setRoundTripLimit(most);  // kept across reconnections
}

void PgStore::ensureConnected() {
  if (conn_->ok()) return;
  online_ = false;
  if (depth() > 0 || bounded_) throw pg::ConnectionLost(tr("pg.error.connection_lost", {conn_->display(), lastError_}));
  // After a failed attempt, wait a little before the next one: an unreachable server must not make
  // every call (every scan of an offline gate) wait for a connection timeout.
  const auto now = std::chrono::steady_clock::now();
  if (failedAttempt_ && now - lastAttempt_ < kReconnectPause) throw pg::ConnectionLost(lastError_);
  lastAttempt_ = now;
  try {
    conn_->reconnect();
    afterConnect();
  } catch (const Error& e) {
    failedAttempt_ = true;
    lastError_ = e.what();
    throw pg::ConnectionLost(lastError_);
  }
  failedAttempt_ = false;
  ++connections_;
  online_ = true;
  lastError_.clear();
}

void PgStore::x(const std::string& sql) {
  try {
    conn_->exec(sql);
  } catch (const pg::ConnectionLost& e) {
    online_ = false;
    lastError_ = e.what();
    throw;
  }
}

pg::Result PgStore::q(const std::string& sql, const pg::Params& params) {
  ensureConnected();
  try {
    return conn_->run(sql, params);
  } catch (const pg::ConnectionLost& e) {
    online_ = false;
    lastError_ = e.what();
    if (depth() > 0 || bounded_ || !isRead(sql)) throw;
    failedAttempt_ = false;  // a read is safe to repeat: try a fresh connection at once
    ensureConnected();
    return conn_->run(sql, params);
  }
}

std::vector<Id> PgStore::ids(const std::string& sql, const pg::Params& params) {
  auto r = q(sql, params);
  std::vector<Id> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.integer(i, 0));
  return out;
}

int PgStore::schemaVersion() {
  auto exists = q("SELECT to_regclass('moussem_schema') IS NOT NULL");
  if (exists.rows() == 0 || exists.text(0, 0) != "t") return 0;
  auto r = q("SELECT coalesce(max(version), 0) FROM moussem_schema");
  return r.rows() ? static_cast<int>(r.integer(0, 0)) : 0;
}

void PgStore::migrate(OpenMode mode) {
  const auto& all = pgMigrations();
  const int latest = static_cast<int>(all.size());
  const std::string where = conn_->display();
  bool current = false;
  // Look before writing anything: another program's tables, or a newer Moussem's schema, are refused.
  conn_->exec("BEGIN");
  try {
    conn_->exec(kMigrationLock);
    const int version = schemaVersion();
    if (version == 0 && count("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()") > 0)
      throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {where}));
    if (version > latest) {
      auto by = q("SELECT value FROM setting WHERE key = $1", pg::Params().add(kSchemaWrittenBy));
      throw Error(ErrorKind::TooNew, tooNewMessage(where, version, by.rows() ? by.text(0, 0) : std::string()));
    }
    if (mode != OpenMode::Create && version == 0) throw Error(ErrorKind::NotFound, tr("pg.error.empty", {where}));
    // Many stations share this schema: only the administrator's station upgrades it, once someone
    // confirmed it after a backup; the others wait for it (docs/install.md).
    if (mode == OpenMode::Existing && version < latest) {
      const bool mayUpgrade = pg_roles::ownsSchema(*conn_);
      const std::string v = std::to_string(version), l = std::to_string(latest);
      throw UpgradeNeeded(tr(mayUpgrade ? "store.error.needs_upgrade" : "store.error.being_upgraded", {where, v, l}),
                          version, latest, mayUpgrade);
    }
    if (mode == OpenMode::Create && version > 0 && count("SELECT count(*) FROM edition") > 0)
      throw Error(ErrorKind::Refused, tr("store.error.exists", {where}));
    conn_->exec("COMMIT");
    current = version == latest;
  } catch (...) {
    try {
      conn_->exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  // Up to date: nothing to write (a station's database role may have no right to create anything).
  if (current) return;
  for (const auto& m : all) {
    conn_->exec("BEGIN");
    try {
      conn_->exec(kMigrationLock);
      conn_->exec(
          "CREATE TABLE IF NOT EXISTS moussem_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
          "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))");
      if (schemaVersion() < m.version) {
        conn_->exec(std::string(m.sql));
        if (m.version == 8) fillNameKeys();
        q("INSERT INTO moussem_schema (version, name) VALUES ($1, $2)", pg::Params().add(m.version).add(m.name));
        if (m.version == latest)
          q("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            pg::Params().add(kSchemaWrittenBy).add(appVersion()));
      }
      conn_->exec("COMMIT");
    } catch (...) {
      try {
        conn_->exec("ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  }
  // Stations' database roles get their privileges on what the migrations added (docs/roles.md).
  if (pg_roles::rolesExist(*conn_)) pg_roles::applyRoles(*conn_);
}

void PgStore::fillNameKeys() {
  // Migration 8 (inside its transaction): every person's folded list name, 10,000 people a statement,
  // ids and keys as two array parameters.
  auto element = [](const std::string& text) {  // one element of a PostgreSQL array literal, quoted
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  Id after = 0;
  for (;;) {
    auto r = conn_->run("SELECT id, first_name, last_name, name_ar FROM person WHERE id > $1 ORDER BY id LIMIT 10000",
                        pg::Params().add(after));
    if (r.rows() == 0) return;
    std::string ids = "{", keys = "{";
    for (int i = 0; i < r.rows(); ++i) {
      Person p;
      p.id = r.integer(i, 0);
      p.first_name = r.text(i, 1);
      p.last_name = r.text(i, 2);
      p.name_ar = r.text(i, 3);
      ids += (i ? "," : "") + std::to_string(p.id);
      keys += (i ? "," : "") + element(names::sortKey(p));
      after = p.id;
    }
    conn_->run(
        "UPDATE person SET name_key = k.key FROM unnest($1::bigint[], $2::text[]) AS k(id, key) "
        "WHERE person.id = k.id",
        pg::Params().add(ids + "}").add(keys + "}"));
  }
}

const std::string& PgStore::people() {
  // A gate's database role may not read the table person, only the view of its display fields.
  if (people_.empty()) {
    auto r = q("SELECT has_table_privilege('person', 'SELECT')");
    people_ = r.rows() && r.text(0, 0) == "f" ? "person_display" : "person";
  }
  return people_;
}

sql::Query PgStore::Link::query(const std::string& sql) {
  pg::Runner& runner = store_;  // a private base: converted here, where it is accessible
  return sql::Query(std::make_unique<pg::Statement>(runner, sql));
}

std::int64_t PgStore::Link::lastInsertId() {
  auto r = store_.q("SELECT lastval()");
  return r.integer(0, 0);
}

void PgStore::Link::begin() {
  store_.ensureConnected();
  store_.x("BEGIN");
}

pg::Result PgStore::run(const std::string& sql, const pg::Params& params) {
  auto r = q(sql, params);
  changes_ = r.affected();
  return r;
}

std::string PgStore::idList(const std::vector<Id>& ids) const {
  std::string list = "{";
  for (Id id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  return list + "}";
}

}  // namespace moussem
