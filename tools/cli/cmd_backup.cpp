// `backup FILE` and `restore FILE [--force-other-edition]`: an online, checksummed backup of a SQLite
// edition, and a restore that verifies everything before replacing the database (store/backup.hpp).
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "store/backup.hpp"
#include "store/backup_schedule.hpp"

namespace moussem::cli {

namespace {
struct BackupOptions {
  std::string file;
  bool forceOtherEdition = false;
  std::string folder, schedule;
  int keep = 12, every = 30;
};

nlohmann::json toJson(const BackupInfo& b) {
  nlohmann::json j{{"database", b.database},
                   {"file", b.file},
                   {"checksum_file", b.checksum_file},
                   {"sha256", b.sha256},
                   {"bytes", b.bytes},
                   {"schema_version", b.schema_version},
                   {"edition", {{"uid", b.edition_uid}, {"name_fr", b.edition_name}}}};
  if (!b.previous.empty()) j["previous"] = b.previous;
  if (!b.anchor.empty()) j["anchor"] = b.anchor;
  return j;
}
}  // namespace

void registerBackup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BackupOptions>();
  auto* sub = app.add_subcommand("backup", tr("cli.help.backup.about"));
  sub->add_option("file", o->file, tr("cli.help.backup.file"));
  sub->add_option("--folder", o->folder, tr("cli.help.backup.folder"));
  sub->add_option("--schedule", o->schedule, tr("cli.help.backup.schedule"));
  sub->add_option("--every", o->every, tr("cli.help.backup.every"));
  sub->add_option("--keep", o->keep, tr("cli.help.backup.keep"));
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      ctx.require(Permission::Backup);
      if (!o->schedule.empty()) {
        auto store = ctx.open();
        setBackupPlan(*store, stationName(), {o->schedule, o->every, o->keep});
        auto plan = *backupPlan(*store, stationName());
        ctx.print({{"station", stationName()},
                   {"folder", plan.folder.string()},
                   {"every_minutes", plan.every_minutes},
                   {"keep", plan.keep}},
                  tr("backup.schedule.set", {stationName(), plan.folder.string(), std::to_string(plan.every_minutes),
                                             std::to_string(plan.keep)}));
        return;
      }
      if (!o->folder.empty()) {
        auto store = ctx.open();
        BackupInfo b = runFolderBackup(*store, stationName(), o->folder, o->keep);
        ctx.print(toJson(b), tr("backup.done", {b.database, b.file, std::to_string(b.bytes)}));
        return;
      }
      if (o->file.empty()) throw Error(ErrorKind::Usage, tr("backup.error.no_file"));
      BackupInfo b = backupDatabase(ctx.databasePath(), o->file);
      ctx.print(toJson(b), tr("backup.done", {b.database, b.file, std::to_string(b.bytes)}) + "\n" +
                               tr("backup.checksum", {b.sha256, b.checksum_file}));
    };
  });

  auto r = std::make_shared<BackupOptions>();
  auto* res = app.add_subcommand("restore", tr("cli.help.restore.about"));
  res->add_option("file", r->file, tr("cli.help.restore.file"))->required();
  res->add_flag("--force-other-edition", r->forceOtherEdition, tr("cli.help.restore.force-other-edition"));
  res->callback([&ctx, r] {
    ctx.action = [&ctx, r] {
      ctx.require(Permission::Backup);
      BackupInfo b = restoreDatabase(ctx.databasePath(), r->file, r->forceOtherEdition);
      std::string text = tr("restore.done", {b.database, b.file, b.edition_name, std::to_string(b.schema_version)});
      if (!b.previous.empty()) text += "\n" + tr("restore.previous", {b.previous});
      ctx.print(toJson(b), text);
    };
  });
}

}  // namespace moussem::cli
