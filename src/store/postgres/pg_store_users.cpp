// PostgreSQL side of users and the audit trail. Appends take an advisory lock for the rest of the
// transaction, so rows written by several stations at once still form one chain.
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/postgres/pg_store.hpp"

namespace moussem {

namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at FROM app_user ";
constexpr const char* kAuditColumns =
    "SELECT id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, hash, before_sha, "
    "after_sha, redacted_at FROM audit ";

User readUser(const pg::Result& r, int i) {
  User u;
  u.id = r.integer(i, 0);
  u.name = r.text(i, 1);
  u.role = r.text(i, 2);
  u.pin_hash = r.text(i, 3);
  u.disabled = r.integer(i, 4) != 0;
  u.failed_attempts = static_cast<int>(r.integer(i, 5));
  u.locked_until = r.text(i, 6);
  u.created_at = r.text(i, 7);
  return u;
}

std::vector<AuditRow> readAudit(const pg::Result& r) {
  std::vector<AuditRow> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    AuditRow a;
    a.id = r.integer(i, 0);
    a.at = r.text(i, 1);
    a.user_name = r.text(i, 2);
    a.role = r.text(i, 3);
    a.station = r.text(i, 4);
    a.action = r.text(i, 5);
    a.entity = r.text(i, 6);
    a.entity_id = r.text(i, 7);
    a.before = r.text(i, 8);
    a.after = r.text(i, 9);
    a.prev_hash = r.text(i, 10);
    a.hash = r.text(i, 11);
    a.before_sha = r.text(i, 12);
    a.after_sha = r.text(i, 13);
    a.redacted_at = r.text(i, 14);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::vector<User> PgStore::users() {
  auto r = q(std::string(kUserColumns) + "ORDER BY name COLLATE \"C\"");
  std::vector<User> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(readUser(r, i));
  return out;
}

std::optional<User> PgStore::user(const std::string& name) {
  auto r = q(std::string(kUserColumns) + "WHERE name = $1", pg::Params().add(name));
  if (r.rows() == 0) return std::nullopt;
  return readUser(r, 0);
}

Id PgStore::insertUser(User& u) {
  auto r = q("INSERT INTO app_user (name, role, pin_hash, disabled, failed_attempts, locked_until) "
             "VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (name) DO NOTHING RETURNING id",
             pg::Params().add(u.name).add(u.role).add(u.pin_hash).add(u.disabled).add(u.failed_attempts)
                 .add(u.locked_until));
  if (r.rows() == 0) throw Error(ErrorKind::Refused, tr("user.error.exists", {u.name}));
  u.id = r.integer(0, 0);
  return u.id;
}

void PgStore::updateUser(const User& u) {
  auto r = q("UPDATE app_user SET role=$1, pin_hash=$2, disabled=$3, failed_attempts=$4, locked_until=$5 WHERE id=$6",
             pg::Params().add(u.role).add(u.pin_hash).add(u.disabled).add(u.failed_attempts).add(u.locked_until)
                 .add(u.id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("user.error.unknown", {u.name}));
}

std::optional<User> PgStore::countSignInAttempt(const std::string& name, const SignInAttempt& a) {
  // Through the function of migration 0007: a station's login may not update accounts itself.
  auto r = q("SELECT * FROM moussem_signin_attempt($1, $2, $3, $4, $5)",
             pg::Params().add(name).add(a.now).add(a.lock_until).add(a.max_failures).add(a.token));
  if (r.rows() == 0) return std::nullopt;
  return readUser(r, 0);
}

void PgStore::clearSignInAttempts(const std::string& name, const std::string& token) {
  q("SELECT moussem_signin_succeeded($1, $2)", pg::Params().add(name).add(token));
}

void PgStore::appendAudit(AuditRow& row) {
  write([&] {
    // Every append takes this lock first: stations never fork the chain. An advisory lock needs no
    // privilege on the table (a gate's database role may only insert rows and read their id and hash).
    q("SELECT pg_advisory_xact_lock(7274607)");
    auto last = q("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    row.id = 1;
    row.prev_hash = auditGenesisHash();
    if (last.rows() > 0) {
      row.id = last.integer(0, 0) + 1;
      row.prev_hash = last.text(0, 1);
    }
    if (row.at.empty()) row.at = dates::utcNowIso();
    sealAuditRow(row);
    q("INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, hash, "
      "before_sha, after_sha) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
      pg::Params().add(row.id).add(row.at).add(row.user_name).add(row.role).add(row.station).add(row.action)
          .add(row.entity).add(row.entity_id).add(row.before).add(row.after).add(row.prev_hash).add(row.hash)
          .add(row.before_sha).add(row.after_sha));
    q("INSERT INTO audit_anchor (audit_id, hash) VALUES ($1, $2)", pg::Params().add(row.id).add(row.hash));
  });
}

AuditHead PgStore::auditHead() {
  auto r = q("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
  if (r.rows() == 0) return {0, auditGenesisHash()};
  return {r.integer(0, 0), r.text(0, 1)};
}

std::vector<AuditHead> PgStore::auditAnchors() {
  // Where the stations' groups were given their rights (db roles), the anchors belong to a role no
  // station uses: a table in anyone else's hands (dropped and made again) proves nothing.
  auto owner =
      q("SELECT coalesce((SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND "
        "tablename = 'audit_anchor'), ''), EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'moussem_gate') AND "
        "has_table_privilege('moussem_gate', 'audit', 'INSERT')");
  if (owner.rows() && owner.text(0, 1) == "t" && owner.text(0, 0) != "moussem_audit_keeper")
    throw Error(ErrorKind::Corrupt, tr("audit.error.anchor_owner", {owner.text(0, 0)}));
  auto r = q("SELECT audit_id, hash FROM audit_anchor ORDER BY audit_id");
  std::vector<AuditHead> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.integer(i, 0), r.text(i, 1)});
  return out;
}

std::vector<AuditRow> PgStore::auditRows(const AuditFilter& f, int limit) {
  return readAudit(q(std::string(kAuditColumns) +
                         "WHERE ($1 = '' OR user_name = $1) AND ($2 = '' OR left(action, length($2)) = $2) "
                         "AND ($3 = '' OR left(entity, length($3)) = $3) AND ($4 = '' OR entity_id = $4) "
                         "AND ($5 = '' OR at >= $5) AND ($6 = '' OR at <= $6) AND ($7 = 0 OR id < $7) "
                         "ORDER BY id DESC LIMIT $8",
                     pg::Params().add(f.user_name).add(f.action).add(f.entity).add(f.entity_id).add(f.from).add(f.to)
                         .add(f.before_id).add(limit)));
}

std::vector<AuditRow> PgStore::auditChain() { return readAudit(q(std::string(kAuditColumns) + "ORDER BY id")); }

}  // namespace moussem
