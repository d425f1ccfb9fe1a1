// `db roles` and `db login`: the database roles of a PostgreSQL edition, so that each station connects
// with no more rights than its app role (store/postgres/pg_roles.hpp, docs/roles.md). Administrators
// only, connected as the database's owner (creating roles needs CREATEROLE). On a SQLite file there are
// no database roles: whoever can read the file can read everything, and the commands say so.
// `db upgrade`: the administrator's station brings a shared server's schema up to this Moussem's, after
// a reminder to back it up and a confirmation (the other stations wait meanwhile: docs/install.md).
#include <unistd.h>

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
  static bool passwordStdin = false, yes = false;

  auto* roles = db->add_subcommand("roles", tr("cli.help.db.roles.about"));
  roles->callback([&ctx] {
    ctx.action = [&ctx] {
      const std::string url = postgresUrl(ctx);
      ctx.require(Permission::ManageUsers);
      ctx.open();  // the schema is current before privileges are set on it
      pg::Connection conn(url);
      pg_roles::applyRoles(conn);
      nlohmann::json groups = nlohmann::json::array();
      for (Role r : allValues<Role>()) groups.push_back(pg_roles::groupRole(r));
      ctx.print({{"roles", groups}},
                tr("db.roles.done", {"moussem_admin, moussem_organizer, moussem_desk, moussem_gate"}));
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
                tr("db.login.done", {name, codeLabel(r), pg_roles::groupRole(r)}));
    };
  });

  auto* upgrade = db->add_subcommand("upgrade", tr("cli.help.db.upgrade.about"));
  upgrade->add_flag("--yes", yes, tr("cli.help.db.upgrade.yes"));
  upgrade->callback([&ctx] {
    ctx.action = [&ctx] {
      const std::string url = postgresUrl(ctx);
      ctx.require(Permission::Backup);
      try {
        auto store = openStore(url, OpenMode::Existing);
        const int v = store->schemaVersion();
        ctx.print({{"upgraded", false}, {"schema_version", v}},
                  tr("db.upgrade.current", {pg::withoutPassword(url), std::to_string(v)}));
        return;
      } catch (const UpgradeNeeded& need) {
        if (!need.may_upgrade) throw;
        const std::string from = std::to_string(need.server_version), to = std::to_string(need.latest);
        std::cerr << tr("db.upgrade.backup", {pg::withoutPassword(url), from, to}) << "\n";
        if (!yes) {
          if (!::isatty(STDIN_FILENO)) throw Error(ErrorKind::Usage, tr("db.upgrade.no_terminal"));
          std::cerr << tr("db.upgrade.confirm") << " ";
          std::string answer;
          std::getline(std::cin, answer);
          const bool confirmed = answer == "y" || answer == "Y" || answer == "yes" || answer == "o" || answer == "O" ||
                                 answer == "oui" || answer == "نعم";
          if (!confirmed) throw Error(ErrorKind::Refused, tr("db.upgrade.cancelled"));
        }
        auto store = openStore(url, OpenMode::Upgrade);
        const int v = store->schemaVersion();
        ctx.print({{"upgraded", true}, {"from", need.server_version}, {"schema_version", v}},
                  tr("db.upgrade.done", {pg::withoutPassword(url), from, std::to_string(v)}));
      }
    };
  });
}

}  // namespace moussem::cli
