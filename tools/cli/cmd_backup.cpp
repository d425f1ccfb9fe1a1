// `backup FILE` and `restore FILE [--force-other-edition]`: an online, checksummed backup of a SQLite
// edition, and a restore that verifies everything before replacing the database (store/backup.hpp).
#include "cli_context.hpp"
#include "core/i18n.hpp"
#include "store/backup.hpp"

namespace moussem::cli {

namespace {
struct BackupOptions {
  std::string file;
  bool forceOtherEdition = false;
};

nlohmann::json toJson(const BackupInfo& b) {
  nlohmann::json j{{"database", b.database},       {"file", b.file},
                   {"checksum_file", b.checksum_file}, {"sha256", b.sha256},
                   {"bytes", b.bytes},             {"schema_version", b.schema_version},
                   {"edition", {{"uid", b.edition_uid}, {"name_fr", b.edition_name}}}};
  if (!b.previous.empty()) j["previous"] = b.previous;
  return j;
}
}  // namespace

void registerBackup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BackupOptions>();
  auto* sub = app.add_subcommand("backup", "Online backup of a SQLite database to FILE, with FILE.sha256 beside it");
  sub->add_option("file", o->file, "Backup file to write (must not exist)")->required();
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      ctx.require(Permission::Backup);
      BackupInfo b = backupDatabase(ctx.databasePath(), o->file);
      ctx.print(toJson(b), tr("backup.done", {b.database, b.file, std::to_string(b.bytes)}) + "\n" +
                               tr("backup.checksum", {b.sha256, b.checksum_file}));
    };
  });

  auto r = std::make_shared<BackupOptions>();
  auto* res = app.add_subcommand("restore", "Replace the database with a verified backup (the old file is kept)");
  res->add_option("file", r->file, "Backup file (FILE.sha256 must be beside it)")->required();
  res->add_flag("--force-other-edition", r->forceOtherEdition, "Accept a backup of another edition");
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
