// Users and the audit trail on either database: accounts, and audit rows appended in one transaction,
// each chained to the one before it. Sign-in attempts are counted by each backend (a station's
// PostgreSQL login may not update accounts itself).
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

namespace {
std::vector<AuditRow> auditRowsOf(sql::Query st) {
  std::vector<AuditRow> out;
  while (st.step()) out.push_back(sql_rows::readAudit(st.row()));
  return out;
}
}  // namespace

std::vector<User> SqlStore::users() {
  auto st = db().query(std::string(sql_rows::kUserSelect) + "ORDER BY name" + inByteOrder());
  std::vector<User> out;
  while (st.step()) out.push_back(sql_rows::readUser(st.row()));
  return out;
}

std::optional<User> SqlStore::user(const std::string& name) {
  auto st = db().query(std::string(sql_rows::kUserSelect) + "WHERE name = $1");
  st.with(name);
  if (!st.step()) return std::nullopt;
  return sql_rows::readUser(st.row());
}

Id SqlStore::insertUser(User& u) {
  writeOne([&] {
    auto st = db().query(
        "INSERT INTO app_user (name, role, pin_hash, disabled, failed_attempts, locked_until) "
        "VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (name) DO NOTHING RETURNING id");
    st.with(u.name, u.role, u.pin_hash, u.disabled, u.failed_attempts, u.locked_until);
    if (!st.step()) throw Error(ErrorKind::Refused, tr("user.error.exists", {u.name}));
    u.id = st.integer(0);
  });
  return u.id;
}

void SqlStore::updateUser(const User& u) {
  writeOne([&] {
    db().query("UPDATE app_user SET role=$1, pin_hash=$2, disabled=$3, failed_attempts=$4, locked_until=$5 WHERE id=$6")
        .with(u.role, u.pin_hash, u.disabled, u.failed_attempts, u.locked_until, u.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("user.error.unknown", {u.name}));
  });
}

void SqlStore::appendAudit(AuditRow& row) {
  // The read of the chain's head and the INSERT in one transaction, under the lock that keeps every
  // other writer out until it ends: rows written by several stations at once still form one chain.
  write([&] {
    lockAuditChain();
    row.id = 1;
    row.prev_hash = auditGenesisHash();
    const AuditHead head = auditHead();
    if (head.id > 0) {
      row.id = head.id + 1;
      row.prev_hash = head.hash;
    }
    if (row.at.empty()) row.at = dates::utcNowIso();
    sealAuditRow(row);
    db().query(
            "INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, "
            "prev_hash, hash, before_sha, after_sha) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)")
        .with(row.id, row.at, row.user_name, row.role, row.station, row.action, row.entity, row.entity_id, row.before,
              row.after, row.prev_hash, row.hash, row.before_sha, row.after_sha)
        .run();
    anchorAuditRow(row.id);
  });
}

void SqlStore::anchorAuditRow(std::int64_t id) {
  db().query("INSERT INTO audit_anchor (audit_id, hash) SELECT id, hash FROM audit WHERE id = $1").with(id).run();
}

AuditHead SqlStore::auditHead() {
  auto st = db().query("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
  if (!st.step()) return {0, auditGenesisHash()};
  return {st.integer(0), st.text(1)};
}

std::vector<AuditHead> SqlStore::auditAnchors() {
  auto st = db().query("SELECT audit_id, hash FROM audit_anchor ORDER BY audit_id");
  std::vector<AuditHead> out;
  while (st.step()) out.push_back({st.integer(0), st.text(1)});
  return out;
}

std::vector<AuditRow> SqlStore::auditRows(const AuditFilter& f, int limit) {
  return auditRowsOf(db().query(std::string(sql_rows::kAuditSelect) +
                                "WHERE ($1 = '' OR user_name = $1) AND ($2 = '' OR substr(action, 1, length($2)) = $2) "
                                "AND ($3 = '' OR substr(entity, 1, length($3)) = $3) AND ($4 = '' OR entity_id = $4) "
                                "AND ($5 = '' OR at >= $5) AND ($6 = '' OR at <= $6) AND ($7 = 0 OR id < $7) "
                                "ORDER BY id DESC LIMIT $8")
                         .with(f.user_name, f.action, f.entity, f.entity_id, f.from, f.to, f.before_id, limit));
}

std::vector<AuditRow> SqlStore::auditChain() {
  return auditRowsOf(db().query(std::string(sql_rows::kAuditSelect) + "ORDER BY id"));
}

}  // namespace moussem
