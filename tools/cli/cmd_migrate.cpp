// `migrate --from A --to B`: moves a whole edition between a SQLite file and a PostgreSQL server (either
// way), keys excepted, with every table's row count verified before the destination commits.
#include <filesystem>

#include "cli_context.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "store/transfer.hpp"

namespace moussem::cli {

namespace {
struct MigrateOptions {
  std::string from, to;
};
}  // namespace

void registerMigrate(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<MigrateOptions>();
  auto* sub = app.add_subcommand("migrate", tr("cli.help.migrate.about"));
  sub->add_option("--from", o->from, tr("cli.help.migrate.from"))->required();
  sub->add_option("--to", o->to, tr("cli.help.migrate.to"))->required();
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      Context source = ctx;  // the user signs in on the edition being moved
      source.db = o->from;
      source.require(Permission::Backup);
      auto s = transferEdition(o->from, o->to, [&ctx](double f) { ctx.progress(tr("station.migrate.progress"), f); });
      nlohmann::json tables = nlohmann::json::object();
      std::string text = tr("station.migrate.done", {s.from, s.to, std::to_string(s.rows)}) + "\n";
      for (const auto& t : s.tables) {
        tables[t.table] = t.rows;
        text += "  " + t.table + ": " + std::to_string(t.rows) + "\n";
      }
      // The signing key is never in a database: say where it is and where the new home expects it.
      const auto keyFrom = paths::keyFileFor(o->from), keyTo = paths::keyFileFor(o->to);
      std::error_code ec;
      const bool keyExists = std::filesystem::exists(keyFrom, ec);
      text += keyExists ? tr("station.migrate.key", {keyFrom.string(), keyTo.string()})
                        : tr("station.migrate.no_key", {keyFrom.string()});
      ctx.print({{"from", s.from},
                 {"to", s.to},
                 {"rows", s.rows},
                 {"tables", tables},
                 {"verified", true},
                 {"key_file",
                  {{"from", keyFrom.string()}, {"to", keyTo.string()}, {"exists", keyExists}, {"copied", false}}}},
                text);
    };
  });
}

}  // namespace moussem::cli
