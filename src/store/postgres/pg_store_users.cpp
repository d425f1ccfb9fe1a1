// PostgreSQL side of users and the audit trail (the rest is in sql/sql_store_users.cpp): sign-in
// attempts through the functions of migration 0007, the audit chain's advisory lock, and the check of
// who owns the anchors.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

std::optional<User> PgStore::countSignInAttempt(const std::string& name, const SignInAttempt& a) {
  // Through the function of migration 0007: a station's login may not update accounts itself.
  auto st = db().query("SELECT * FROM moussem_signin_attempt($1, $2, $3, $4, $5)");
  st.with(name, a.now, a.lock_until, a.max_failures, a.token);
  if (!st.step()) return std::nullopt;
  return sql_rows::readUser(st.row());
}

void PgStore::clearSignInAttempts(const std::string& name, const std::string& token) {
  q("SELECT moussem_signin_succeeded($1, $2)", pg::Params().add(name).add(token));
}

void PgStore::lockAuditChain() {
  // Every append takes this lock first, for the rest of its transaction: stations never fork the chain.
  db().query("SELECT pg_advisory_xact_lock(7274607)").run();
}

void PgStore::anchorAuditRow(std::int64_t id) {
  // The server copies the row's id and hash itself: a station's login has no INSERT on the anchors.
  auto st = db().query("SELECT moussem_anchor_audit($1)");
  st.with(id);
  if (!st.step() || st.integer(0) != 1)
    throw Error(ErrorKind::Corrupt, tr("audit.error.not_anchored", {std::to_string(id)}));
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
  return SqlStore::auditAnchors();
}

}  // namespace moussem
