// Database roles on PostgreSQL: where the boundary between app roles really is. A station connects as a
// login role that belongs to one of four groups named after the app's roles (moussem_admin,
// moussem_organizer, moussem_desk, moussem_gate), and the server itself refuses what the group may not
// do, whatever program runs on the station. A gate's group reads badges, gate profiles, presences,
// scans and the display fields of people (the view person_display: names, organisation, category, days
// — no phone, no e-mail), inserts scans and updates presences; nothing else. See docs/roles.md.
//
// Every table of the schema must appear in kTablePrivileges (a test checks it): a table a migration
// adds is given no privilege until it is listed here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles.hpp"
#include "store/postgres/pg_db.hpp"

namespace moussem::pg_roles {

// The group role of an app role: "moussem_" + its code.
std::string groupRole(Role role);

// What each group may do on one table or view: a comma-separated privilege list as GRANT takes it
// ("SELECT, INSERT", "SELECT (id, hash)", "UPDATE (failed_attempts, locked_until)"), "" for nothing.
struct TablePrivileges {
  std::string_view table;
  std::string_view admin, organizer, desk, gate;
};
const std::vector<TablePrivileges>& tablePrivileges();

// Creates the four groups where missing (needs CREATEROLE) and sets their privileges on this
// database's tables, views and sequences afresh (REVOKE, then GRANT): run again after an upgrade.
// Settings: every group reads them; desks and gates write only their station's own ("station.*"),
// by a row-level security policy. Throws Error with the server's message when refused.
void applyRoles(pg::Connection& conn);

// Whether the groups exist (then migrate() applies the privileges again after adding tables).
bool rolesExist(pg::Connection& conn);

// Creates the login role `name` (or updates its password) as a member of role's group and of no other
// Moussem group. The password is hashed here (SCRAM-SHA-256) and only its hash reaches the server.
void setLogin(pg::Connection& conn, const std::string& name, Role role, const std::string& password);

// What the connected login is on this server: the Moussem group it belongs to (nullopt: none), and
// whether it owns the schema (the database's owner: the administrator's station, the one that upgrades
// the schema; any station may use it where no `db roles` were set up).
struct LoginRights {
  std::string login;
  std::optional<Role> group;
  bool owner = false;
};
LoginRights loginRights(pg::Connection& conn);
// Whether the connected login owns the schema's tables (may run migrations).
bool ownsSchema(pg::Connection& conn);

// Login names: 1 to 63 of a-z, 0-9, _ and -, starting with a letter.
bool validLoginName(const std::string& name);

}  // namespace moussem::pg_roles
