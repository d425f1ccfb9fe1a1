#include "store/postgres/pg_roles.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::pg_roles {

namespace {

constexpr std::string_view kAll = "SELECT, INSERT, UPDATE, DELETE";
// Sign-in happens on the station (the PIN is checked against its Argon2id hash there), so every group
// reads the accounts, but not the token of the last attempt; attempts are counted and cleared only
// through the moussem_signin_* functions (migration 0007). Only administrators add or change accounts.
constexpr std::string_view kSignIn =
    "SELECT (id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at)";
// The audit trail's anchors: written with each row by moussem_anchor_audit (migration 10), read back by
// `audit verify`; nobody edits them. Owned by kAnchorKeeper once the groups exist (applyRoles), so the
// grants are made there.
constexpr std::string_view kAnchors = "SELECT";
constexpr const char* kAnchorKeeper = "moussem_audit_keeper";
// Every change appends an audit row after the last one: its id and hash are all a station reads.
constexpr std::string_view kAppendAudit = "SELECT (id, hash), INSERT";

// Fixed statements (no values: names are ours or quoted by the server) in one transaction: all of them
// or none, and Error(Refused) naming what the server refused.
void runAll(pg::Connection& conn, const std::string& statements) {
  try {
    conn.exec("BEGIN;\n" + statements + "COMMIT;");
  } catch (const pg::ConnectionLost&) {
    throw;
  } catch (const Error& e) {
    try {
      conn.exec("ROLLBACK");
    } catch (...) {
    }
    throw Error(ErrorKind::Refused, tr("db.error.refused", {e.what()}));
  }
}

}  // namespace

std::string groupRole(Role role) {
  return "moussem_" + std::string(codeOf(role));
}

const std::vector<TablePrivileges>& tablePrivileges() {
  //                 table                   admin   organizer  desk                      gate
  static const std::vector<TablePrivileges> all = {
      {"moussem_schema", "SELECT", "SELECT", "SELECT", "SELECT"},
      {"edition", kAll, kAll, "SELECT", "SELECT"},
      {"setting", kAll, kAll, "SELECT, INSERT, UPDATE", "SELECT, INSERT, UPDATE"},  // + row policy
      {"zone", kAll, kAll, "SELECT", "SELECT"},
      {"category", kAll, kAll, "SELECT", "SELECT"},
      {"exhibitor", kAll, kAll, kAll, ""},
      {"exhibitor_competitor", kAll, kAll, kAll, ""},
      {"person", kAll, kAll, kAll, ""},
      {"person_display", "SELECT", "SELECT", "SELECT", "SELECT"},
      {"badge", kAll, kAll, kAll, "SELECT"},
      {"badge_event", kAll, kAll, kAll, ""},
      {"hall", kAll, kAll, "SELECT", ""},
      {"booth", kAll, kAll, "SELECT", ""},
      {"venue_feature", kAll, kAll, "SELECT", ""},
      {"booth_request", kAll, kAll, kAll, ""},
      // B2B meetings: organisers plan them; desks read them to print agendas; a gate (a table host)
      // records whether a meeting was held.
      {"b2b_session", kAll, kAll, "SELECT", "SELECT"},
      {"b2b_place", kAll, kAll, "SELECT", "SELECT"},
      {"b2b_participant", kAll, kAll, "SELECT", "SELECT"},
      {"b2b_request", kAll, kAll, "SELECT", "SELECT"},
      {"b2b_meeting", kAll, kAll, "SELECT", "SELECT, UPDATE (status)"},
      {"gate_profile", kAll, kAll, "SELECT", "SELECT"},
      {"scan", kAll, kAll, "SELECT", "SELECT, INSERT"},
      {"presence", kAll, kAll, "SELECT", "SELECT, INSERT, UPDATE"},
      {"station", kAll, kAll, "SELECT", "SELECT"},
      {"app_user", kAll, kSignIn, kSignIn, kSignIn},
      // Administrators read the whole trail and may erase its values when anonymising (the trigger
      // allows nothing else); nobody may delete or edit a row.
      {"audit", "SELECT, INSERT, UPDATE (before, after, redacted_at)", kAppendAudit, kAppendAudit, kAppendAudit},
      {"audit_anchor", kAnchors, kAnchors, kAnchors, kAnchors},
  };
  return all;
}

bool rolesExist(pg::Connection& conn) {
  auto r = conn.run("SELECT count(*) FROM pg_roles WHERE rolname = ANY($1::text[])",
                    pg::Params().add("{moussem_admin,moussem_organizer,moussem_desk,moussem_gate}"));
  return r.rows() && r.integer(0, 0) == 4;
}

void applyRoles(pg::Connection& conn) {
  auto schema = conn.run("SELECT quote_ident(current_schema())");
  const std::string s = schema.rows() ? schema.text(0, 0) : "public";
  std::string sql;
  // Two stations creating the groups at once: the loser's duplicate is not an error.
  for (Role role : allValues<Role>())
    sql += "DO $$ BEGIN CREATE ROLE " + groupRole(role) +
           " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n";
  for (Role role : allValues<Role>()) {
    const std::string g = groupRole(role);
    sql += "REVOKE ALL ON ALL TABLES IN SCHEMA " + s + " FROM " + g + ";\n";
    sql += "GRANT USAGE ON SCHEMA " + s + " TO " + g + ";\n";
    sql += "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + s + " TO " + g + ";\n";
  }
  for (const auto& t : tablePrivileges()) {
    if (t.table == "audit_anchor") continue;  // granted below, before it changes hands
    const std::pair<Role, std::string_view> grants[] = {
        {Role::Admin, t.admin}, {Role::Organizer, t.organizer}, {Role::Desk, t.desk}, {Role::Gate, t.gate}};
    for (const auto& [role, privileges] : grants)
      if (!privileges.empty())
        sql += "GRANT " + std::string(privileges) + " ON " + std::string(t.table) + " TO " + groupRole(role) + ";\n";
  }
  // Sign-in bookkeeping: through the two functions only (their SQL checks what may change).
  for (Role role : allValues<Role>())
    sql +=
        "GRANT EXECUTE ON FUNCTION moussem_signin_attempt(TEXT, TEXT, TEXT, INTEGER, TEXT), "
        "moussem_signin_succeeded(TEXT, TEXT), moussem_anchor_audit(BIGINT) TO " +
        groupRole(role) + ";\n";
  // The anchors go to a role nobody logs in as. The groups only read them: each row's anchor is written
  // by moussem_anchor_audit (migration 10), which copies the row's own id and hash, so no station can
  // plant an anchor of a row to come and jam the trail. The owner running this keeps INSERT (copies of
  // an edition, `migrate`, write anchors as rows) and nothing else; a role that may create roles could
  // take them back: such roles are refused as station logins. Changing the grants of a table already in
  // the keeper's hands needs that role's membership for a moment, which only a role that may create
  // roles can take; a superuser needs none.
  sql += std::string("DO $$ BEGIN CREATE ROLE ") + kAnchorKeeper +
         " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;\n"
         "DO $$ DECLARE me TEXT := current_user;\n"
         "  su BOOLEAN := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);\n"
         "  cr BOOLEAN := (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user);\n"
         "  mine BOOLEAN := (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = "
         "'audit_anchor') <> '" +
         kAnchorKeeper +
         "';\n"
         "BEGIN\n"
         "  IF NOT (su OR cr OR mine) THEN RETURN; END IF;\n"
         "  IF NOT su THEN EXECUTE format('GRANT " +
         kAnchorKeeper +
         " TO %I', me); END IF;\n"
         "  REVOKE ALL ON audit_anchor FROM PUBLIC, moussem_admin, moussem_organizer, moussem_desk, moussem_gate;\n"
         "  GRANT " +
         std::string(kAnchors) +
         " ON audit_anchor TO moussem_admin, moussem_organizer, moussem_desk, moussem_gate;\n"
         "  EXECUTE format('GRANT SELECT, INSERT ON audit_anchor TO %I', me);\n"
         "  IF mine THEN ALTER TABLE audit_anchor OWNER TO " +
         kAnchorKeeper +
         "; END IF;\n"
         "  IF NOT su THEN EXECUTE format('REVOKE " +
         kAnchorKeeper +
         " FROM %I', me); END IF;\n"
         "END $$;\n";
  // Settings: everyone reads; administrators and organisers write any; desks and gates only their
  // station's own preferences (language, printer, paper).
  sql +=
      "ALTER TABLE setting ENABLE ROW LEVEL SECURITY;\n"
      "DROP POLICY IF EXISTS moussem_read ON setting;\n"
      "CREATE POLICY moussem_read ON setting FOR SELECT USING (true);\n"
      "DROP POLICY IF EXISTS moussem_edition ON setting;\n"
      "CREATE POLICY moussem_edition ON setting FOR ALL TO moussem_admin, moussem_organizer USING (true) "
      "WITH CHECK (true);\n"
      "DROP POLICY IF EXISTS moussem_station ON setting;\n"
      "CREATE POLICY moussem_station ON setting FOR ALL TO moussem_desk, moussem_gate "
      "USING (key LIKE 'station.%') WITH CHECK (key LIKE 'station.%');\n";
  runAll(conn, sql);
}

bool ownsSchema(pg::Connection& conn) {
  auto r = conn.run(
      "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
      "WHERE schemaname = current_schema() AND tablename = 'moussem_schema'");
  return r.rows() && r.text(0, 0) == "t";
}

LoginRights loginRights(pg::Connection& conn) {
  LoginRights rights;
  rights.login = conn.run("SELECT current_user").text(0, 0);
  rights.owner = ownsSchema(conn);
  // Direct membership, as setLogin grants it (pg_has_role would fail on a group not created yet).
  auto groups = conn.run(
      "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
      "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user ORDER BY g.rolname");
  for (int i = 0; i < groups.rows(); ++i)
    for (Role role : allValues<Role>())
      if (groups.text(i, 0) == groupRole(role)) rights.group = role;
  return rights;
}

bool validLoginName(const std::string& name) {
  if (name.empty() || name.size() > 63 || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return name.rfind("moussem_", 0) != 0 && name.rfind("pg_", 0) != 0;
}

void setLogin(pg::Connection& conn, const std::string& name, Role role, const std::string& password) {
  if (!validLoginName(name)) throw Error(ErrorKind::Invalid, tr("db.error.login_name", {name}));
  if (password.size() < 8) throw Error(ErrorKind::Invalid, tr("db.error.password_short"));
  auto existing = conn.run("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = $1",
                           pg::Params().add(name));
  if (existing.rows() && existing.text(0, 0) == "t")
    throw Error(ErrorKind::Refused, tr("db.error.login_powerful", {name}));
  if (!rolesExist(conn)) applyRoles(conn);
  char* hashed = PQencryptPasswordConn(conn.handle(), password.c_str(), name.c_str(), "scram-sha-256");
  if (!hashed) throw Error(ErrorKind::Io, tr("db.error.refused", {PQerrorMessage(conn.handle())}));
  const std::string verifier = hashed;
  PQfreemem(hashed);
  // Names and the verifier are quoted by the server (format %I, %L), never pasted by us.
  std::string sql;
  auto add = [&](const std::string& pattern, const std::string& a, const std::string& b) {
    auto r = conn.run("SELECT format($1::text, $2::text, $3::text)", pg::Params().add(pattern).add(a).add(b));
    sql += r.text(0, 0) + ";\n";
  };
  add(existing.rows() ? "ALTER ROLE %I LOGIN PASSWORD %L" : "CREATE ROLE %I LOGIN PASSWORD %L", name, verifier);
  for (Role r : allValues<Role>()) add(r == role ? "GRANT %I TO %I" : "REVOKE %I FROM %I", groupRole(r), name);
  runAll(conn, sql);
}

}  // namespace moussem::pg_roles
