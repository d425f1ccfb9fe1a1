// `init`: a new database and its signing key file.
#include <chrono>

#include "badge/new_edition.hpp"
#include "cli_context.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "gate/gate_profiles.hpp"
#include "store/users.hpp"

namespace moussem::cli {

namespace {
struct InitOptions {
  std::string name, name_ar, name_en, from, to, venue;
  std::string admin;  // the first administrator, created with the edition
  bool pin_stdin = false;
};

std::string today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return dates::fromDayNumber(now.time_since_epoch().count());
}

std::string dateOption(const std::string& value, const char* option) {
  auto iso = dates::parseDate(value);
  if (!iso) throw Error(ErrorKind::Usage, tr("cli.error.bad_date", {option, value}));
  return *iso;
}
}  // namespace

void registerInit(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand("init", tr("cli.help.init.about"));
  sub->add_option("--edition-name", opts->name, tr("cli.help.init.edition-name"));
  sub->add_option("--edition-name-ar", opts->name_ar, tr("cli.help.init.edition-name-ar"));
  sub->add_option("--edition-name-en", opts->name_en, tr("cli.help.init.edition-name-en"));
  sub->add_option("--from", opts->from, tr("cli.help.init.from"));
  sub->add_option("--to", opts->to, tr("cli.help.init.to"));
  sub->add_option("--venue", opts->venue, tr("cli.help.init.venue"));
  sub->add_option("--admin", opts->admin, tr("cli.help.init.admin"));
  sub->add_flag("--pin-stdin", opts->pin_stdin, tr("cli.help.init.pin-stdin"));
  sub->callback([&ctx, opts] {
    ctx.action = [&ctx, opts] {
      Edition e;
      e.name_fr = opts->name.empty() ? tr("edition.default_name") : opts->name;
      e.name_ar = opts->name_ar;
      e.name_en = opts->name_en;
      e.venue = opts->venue;
      e.starts_on = opts->from.empty() ? today() : dateOption(opts->from, "--from");
      e.ends_on = opts->to.empty() ? dates::addDays(e.starts_on, 6) : dateOption(opts->to, "--to");
      // The administrator's name and PIN are checked before anything is created.
      std::string pin;
      if (!opts->admin.empty()) {
        users::checkName(opts->admin);
        pin = readNewSecret(tr("user.prompt.new_pin", {opts->admin}), opts->pin_stdin, tr("user.error.pin_stdin"));
        users::checkPin(pin);
      }
      const std::string path = ctx.databasePath();
      auto store = createEditionDatabase(path, e);
      gate::ensureDefaultGateProfiles(*store);  // a gate user can scan on day one: they may not create them
      auto created = store->edition().value();
      const std::string key = paths::keyFileFor(path).string();
      std::string text =
          tr("init.done", {path, created.name_fr, created.starts_on, created.ends_on}) + "\n" + tr("init.key", {key});
      if (!opts->admin.empty()) {
        users::addUser(*store, ctx.actor(), opts->admin, Role::Admin, pin);
        text += "\n" + tr("user.added", {opts->admin, codeLabel(Role::Admin)});
      }
      ctx.print(
          {{"database", path},
           {"admin", opts->admin},
           {"key_file", key},
           {"backend", store->backend()},
           {"schema_version", store->schemaVersion()},
           {"edition",
            {{"uid", created.uid}, {"name", created.name_fr}, {"from", created.starts_on}, {"to", created.ends_on}}}},
          text);
    };
  });
}

}  // namespace moussem::cli
