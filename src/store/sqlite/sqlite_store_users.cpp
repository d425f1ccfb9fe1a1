// SQLite side of users and the audit trail: the app_user table, and audit rows appended under the
// write lock (BEGIN IMMEDIATE), each chained to the one before it.
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at FROM app_user ";

User readUser(const sqlite::Statement& st) {
  User u;
  u.id = st.integer(0);
  u.name = st.text(1);
  u.role = st.text(2);
  u.pin_hash = st.text(3);
  u.disabled = st.integer(4) != 0;
  u.failed_attempts = static_cast<int>(st.integer(5));
  u.locked_until = st.text(6);
  u.created_at = st.text(7);
  return u;
}

}  // namespace

std::vector<User> SqliteStore::users() {
  auto& st = db_->prepare(std::string(kUserColumns) + "ORDER BY name");
  std::vector<User> out;
  while (st.step()) out.push_back(readUser(st));
  st.reset();
  return out;
}

std::optional<User> SqliteStore::user(const std::string& name) {
  auto& st = db_->prepare(std::string(kUserColumns) + "WHERE name = ?");
  st.bind(1, name);
  std::optional<User> out;
  if (st.step()) out = readUser(st);
  st.reset();
  return out;
}

Id SqliteStore::insertUser(User& u) {
  writeOne([&] {
    auto& st = db_->prepare(
        "INSERT INTO app_user (name, role, pin_hash, disabled, failed_attempts, locked_until) VALUES (?,?,?,?,?,?)");
    st.bind(1, u.name).bind(2, u.role).bind(3, u.pin_hash).bind(4, u.disabled).bind(5, u.failed_attempts)
        .bind(6, u.locked_until);
    try {
      st.run();
    } catch (const Error& e) {
      if (user(u.name)) throw Error(ErrorKind::Refused, tr("user.error.exists", {u.name}));
      throw;
    }
    u.id = db_->lastInsertId();
  });
  return u.id;
}

std::optional<User> SqliteStore::countSignInAttempt(const std::string& name, const SignInAttempt& a) {
  // One statement under the write lock: two processes never read the same count.
  std::optional<User> out;
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE app_user SET "
        "failed_attempts = CASE WHEN locked_until <> '' THEN 1 ELSE failed_attempts + 1 END, "
        "locked_until = CASE WHEN (CASE WHEN locked_until <> '' THEN 1 ELSE failed_attempts + 1 END) >= ?4 "
        "THEN ?3 ELSE '' END, signin_token = ?5 "
        "WHERE name = ?1 AND disabled = 0 AND (locked_until = '' OR locked_until <= ?2) "
        "RETURNING id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at");
    st.bind(1, name).bind(2, a.now).bind(3, a.lock_until).bind(4, a.max_failures).bind(5, a.token);
    if (st.step()) out = readUser(st);
    st.reset();
  });
  return out;
}

void SqliteStore::clearSignInAttempts(const std::string& name, const std::string& token) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE app_user SET failed_attempts = 0, locked_until = '', signin_token = '' "
        "WHERE name = ? AND ?2 <> '' AND signin_token = ?2");
    st.bind(1, name).bind(2, token);
    st.run();
  });
}

void SqliteStore::updateUser(const User& u) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE app_user SET role=?, pin_hash=?, disabled=?, failed_attempts=?, locked_until=? WHERE id=?");
    st.bind(1, u.role).bind(2, u.pin_hash).bind(3, u.disabled).bind(4, u.failed_attempts).bind(5, u.locked_until)
        .bind(6, u.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("user.error.unknown", {u.name}));
  });
}

void SqliteStore::appendAudit(AuditRow& row) {
  // One INSERT after a read: atomic by itself, but the read must see the chain under the write lock.
  writeOne([&] {
    auto& last = db_->prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    row.id = 1;
    row.prev_hash = auditGenesisHash();
    if (last.step()) {
      row.id = last.integer(0) + 1;
      row.prev_hash = last.text(1);
    }
    last.reset();
    if (row.at.empty()) row.at = dates::utcNowIso();
    sealAuditRow(row);
    auto& st = db_->prepare(
        "INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, "
        "hash, before_sha, after_sha) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, row.id).bind(2, row.at).bind(3, row.user_name).bind(4, row.role).bind(5, row.station)
        .bind(6, row.action).bind(7, row.entity).bind(8, row.entity_id).bind(9, row.before).bind(10, row.after)
        .bind(11, row.prev_hash).bind(12, row.hash).bind(13, row.before_sha).bind(14, row.after_sha);
    st.run();
    auto& anchor = db_->prepare("INSERT INTO audit_anchor (audit_id, hash) VALUES (?, ?)");
    anchor.bind(1, row.id).bind(2, row.hash);
    anchor.run();
  });
}

AuditHead SqliteStore::auditHead() {
  auto& st = db_->prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
  AuditHead head{0, auditGenesisHash()};
  if (st.step()) head = {st.integer(0), st.text(1)};
  st.reset();
  return head;
}

std::vector<AuditHead> SqliteStore::auditAnchors() {
  auto& st = db_->prepare("SELECT audit_id, hash FROM audit_anchor ORDER BY audit_id");
  std::vector<AuditHead> out;
  while (st.step()) out.push_back({st.integer(0), st.text(1)});
  st.reset();
  return out;
}

std::vector<AuditRow> SqliteStore::auditRows(const AuditFilter& f, int limit) {
  auto& st = db_->prepare(std::string(sql_rows::kAuditSelect) +
                          "WHERE (?1 = '' OR user_name = ?1) AND (?2 = '' OR substr(action, 1, length(?2)) = ?2) "
                          "AND (?3 = '' OR substr(entity, 1, length(?3)) = ?3) AND (?4 = '' OR entity_id = ?4) "
                          "AND (?5 = '' OR at >= ?5) AND (?6 = '' OR at <= ?6) AND (?7 = 0 OR id < ?7) "
                          "ORDER BY id DESC LIMIT ?8");
  st.bind(1, f.user_name).bind(2, f.action).bind(3, f.entity).bind(4, f.entity_id).bind(5, f.from).bind(6, f.to)
      .bind(7, f.before_id).bind(8, limit);
  std::vector<AuditRow> out;
  while (st.step()) out.push_back(sql_rows::readAudit(st));
  st.reset();
  return out;
}

std::vector<AuditRow> SqliteStore::auditChain() {
  auto& st = db_->prepare(std::string(sql_rows::kAuditSelect) + "ORDER BY id");
  std::vector<AuditRow> out;
  while (st.step()) out.push_back(sql_rows::readAudit(st));
  st.reset();
  return out;
}

}  // namespace moussem
