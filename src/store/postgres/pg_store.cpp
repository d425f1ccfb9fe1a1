// PostgreSQL implementation of Store: opening (checks before anything is written), migrations in
// their own transactions under an advisory lock (two stations starting at once apply each migration
// once), transactions and savepoints, the connection status, edition and configuration, registrations,
// badges and venue. Gate, badge batches and the registration desk live in pg_store_*.cpp.
#include "store/postgres/pg_store.hpp"

#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/version.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_roles.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

using sql_rows::joinList;

namespace {
// Any constant works: it only has to be the same for every Moussem station.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7274606)";
constexpr auto kReconnectPause = std::chrono::seconds(2);

bool isRead(const std::string& sql) { return sql.rfind("SELECT", 0) == 0; }
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
    try { conn_->exec("ROLLBACK"); } catch (...) {}
    throw;
  }
  // Up to date: nothing to write (a station's database role may have no right to create anything).
  if (current) return;
  for (const auto& m : all) {
    conn_->exec("BEGIN");
    try {
      conn_->exec(kMigrationLock);
      conn_->exec("CREATE TABLE IF NOT EXISTS moussem_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
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
      try { conn_->exec("ROLLBACK"); } catch (...) {}
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
    conn_->run("UPDATE person SET name_key = k.key FROM unnest($1::bigint[], $2::text[]) AS k(id, key) "
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

std::optional<Edition> PgStore::edition() {
  auto r = q("SELECT id, uid, name_fr, name_ar, name_en, starts_on, ends_on, venue, timezone, logo_path, public_key, "
             "is_demo FROM edition ORDER BY id LIMIT 1");
  if (r.rows() == 0) return std::nullopt;
  Edition e;
  e.id = r.integer(0, 0);
  e.uid = r.text(0, 1);
  e.name_fr = r.text(0, 2);
  e.name_ar = r.text(0, 3);
  e.name_en = r.text(0, 4);
  e.starts_on = r.text(0, 5);
  e.ends_on = r.text(0, 6);
  e.venue = r.text(0, 7);
  e.timezone = r.text(0, 8);
  e.logo_path = r.text(0, 9);
  e.public_key = r.text(0, 10);
  e.is_demo = r.integer(0, 11) != 0;
  return e;
}

void PgStore::saveEdition(Edition& e) {
  pg::Params p;
  p.add(e.uid).add(e.name_fr).add(e.name_ar).add(e.name_en).add(e.starts_on).add(e.ends_on).add(e.venue)
      .add(e.timezone).add(e.logo_path).add(e.public_key).add(e.is_demo);
  if (e.id == 0) {
    auto r = q("INSERT INTO edition (uid, name_fr, name_ar, name_en, starts_on, ends_on, venue, timezone, logo_path, "
               "public_key, is_demo) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
               p);
    e.id = r.integer(0, 0);
  } else {
    p.add(e.id);
    q("UPDATE edition SET uid=$1, name_fr=$2, name_ar=$3, name_en=$4, starts_on=$5, ends_on=$6, venue=$7, "
      "timezone=$8, logo_path=$9, public_key=$10, is_demo=$11 WHERE id=$12",
      p);
  }
}

std::vector<Category> PgStore::categories() {
  auto r = q("SELECT code, color, label_fr, label_ar, label_en, sort FROM category ORDER BY sort, code");
  std::vector<Category> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), static_cast<int>(r.integer(i, 5))});
  return out;
}

void PgStore::saveCategory(const Category& c) {
  q("INSERT INTO category (code, color, label_fr, label_ar, label_en, sort) VALUES ($1,$2,$3,$4,$5,$6) "
    "ON CONFLICT (code) DO UPDATE SET color=EXCLUDED.color, label_fr=EXCLUDED.label_fr, label_ar=EXCLUDED.label_ar, "
    "label_en=EXCLUDED.label_en, sort=EXCLUDED.sort",
    pg::Params().add(c.code).add(c.color).add(c.label_fr).add(c.label_ar).add(c.label_en).add(c.sort));
}

std::vector<Zone> PgStore::zones() {
  auto r = q("SELECT code, label_fr, label_ar, label_en FROM zone ORDER BY seq");
  std::vector<Zone> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
  return out;
}

void PgStore::saveZone(const Zone& z) {
  q("INSERT INTO zone (code, label_fr, label_ar, label_en) VALUES ($1,$2,$3,$4) ON CONFLICT (code) DO UPDATE SET "
    "label_fr=EXCLUDED.label_fr, label_ar=EXCLUDED.label_ar, label_en=EXCLUDED.label_en",
    pg::Params().add(z.code).add(z.label_fr).add(z.label_ar).add(z.label_en));
}

std::optional<std::string> PgStore::setting(const std::string& key) {
  auto r = q("SELECT value FROM setting WHERE key = $1", pg::Params().add(key));
  if (r.rows() == 0) return std::nullopt;
  return r.text(0, 0);
}

void PgStore::setSetting(const std::string& key, const std::string& value) {
  q("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value=EXCLUDED.value",
    pg::Params().add(key).add(value));
}

Overview PgStore::overview() {
  Overview o;
  o.exhibitors = count("SELECT count(*) FROM exhibitor");
  o.people = count("SELECT count(*) FROM person");
  o.badges = count("SELECT count(*) FROM badge");
  o.booths = count("SELECT count(*) FROM booth");
  o.booths_assigned = count("SELECT count(*) FROM booth WHERE exhibitor_id IS NOT NULL");
  o.halls = count("SELECT count(*) FROM hall");
  o.gate_profiles = count("SELECT count(*) FROM gate_profile");
  o.scans = count("SELECT count(*) FROM scan");
  {
    auto r = q("SELECT c.code, (SELECT count(*) FROM person p WHERE p.category = c.code) FROM category c "
               "ORDER BY c.sort, c.code");
    for (int i = 0; i < r.rows(); ++i) o.people_by_category.push_back({r.text(i, 0), r.integer(i, 1)});
  }
  auto grouped = [&](const std::string& column, std::vector<CategoryCount>& into) {
    auto r = q("SELECT " + column + ", count(*) FROM exhibitor GROUP BY " + column + " ORDER BY 2 DESC, 1");
    for (int i = 0; i < r.rows(); ++i) into.push_back({r.text(i, 0), r.integer(i, 1)});
  };
  grouped("region", o.exhibitors_by_region);
  grouped("sector", o.exhibitors_by_sector);
  return o;
}

}  // namespace moussem
