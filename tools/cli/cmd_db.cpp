// `db roles` and `db login`: the database roles of a PostgreSQL edition, so that each station connects
// with no more rights than its app role (store/postgres/pg_roles.hpp, docs/roles.md). Administrators
// only, connected as the database's owner (creating roles needs CREATEROLE). On a SQLite file there are
// no database roles: whoever can read the file can read everything, and the commands say so.
#include <iostream>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/postgres/pg_roles.hpp"

namespace moussem::cli {

namespace {

std::string postgresUrl(const Context& ctx) {
  const std::string url = ctx.databasePath();
  if (!pg::isPostgresUrl(url)) throw Error(ErrorKind::Refused, tr("db.error.sqlite"));
  return url;
}

}  // namespace

void registerDb(CLI::App& app, Context& ctx) {
  auto* db = app.add_subcommand("db", tr("cli.help.db.about"));
  db->require_subcommand(1);
  static std::string name, role;
  static bool passwordStdin = false;

  auto* roles = db->add_subcommand("roles", tr("cli.help.db.roles.about"));
  roles->callback([&ctx] {
    ctx.action = [&ctx] {
      const std::string url = postgresUrl(ctx);
      ctx.require(Permission::ManageUsers);
      ctx.open();  // the schema is current before privileges are set on it
      pg::Connection conn(url);
      pg_roles::applyRoles(conn);
      nlohmann::json groups = nlohmann::json::array();
      for (Role r : allRoles()) groups.push_back(pg_roles::groupRole(r));
      ctx.print({{"roles", groups}}, tr("db.roles.done", {"moussem_admin, moussem_organizer, moussem_desk, moussem_gate"}));
    };
  });

  auto* login = db->add_subcommand("login", tr("cli.help.db.login.about"));
  login->add_option("name", name, tr("cli.help.db.login.name"))->required();
  login->add_option("--role", role, tr("cli.help.db.login.role"))->required();
  login->add_flag("--password-stdin", passwordStdin, tr("cli.help.db.login.password-stdin"));
  login->callback([&ctx] {
    ctx.action = [&ctx] {
      const std::string url = postgresUrl(ctx);
      const Role r = roleOf(role);
      if (!pg_roles::validLoginName(name)) throw Error(ErrorKind::Invalid, tr("db.error.login_name", {name}));
      ctx.require(Permission::ManageUsers);
      ctx.open();
      const std::string password =
          readNewSecret(tr("db.prompt.password", {name}), passwordStdin, tr("db.error.password_stdin"));
      pg::Connection conn(url);
      pg_roles::setLogin(conn, name, r, password);
      ctx.print({{"login", name}, {"role", role}, {"group", pg_roles::groupRole(r)}},
                tr("db.login.done", {name, tr("role." + role), pg_roles::groupRole(r)}));
    };
  });
}

}  // namespace moussem::cli
