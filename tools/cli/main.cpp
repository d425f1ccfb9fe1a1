// moussem-cli: every feature of the app, scriptable and testable without a window.
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/version.hpp"

namespace moussem::cli {
void registerAudit(CLI::App& app, Context& ctx);    // audit verify|list (cmd_audit.cpp)
void registerUser(CLI::App& app, Context& ctx);     // user add|list|disable|enable|set-pin|set-role (cmd_user.cpp)
void registerPrivacy(CLI::App& app, Context& ctx);  // export-person, anonymize (cmd_privacy.cpp)
void registerDb(CLI::App& app, Context& ctx);       // db roles|login|upgrade: PostgreSQL roles (cmd_db.cpp)
void registerEdition(CLI::App& app, Context& ctx);  // edition set|category|zone (cmd_edition.cpp)
void registerStation(CLI::App& app, Context& ctx);  // station enrol|show|reset (cmd_station.cpp)
}  // namespace moussem::cli

namespace {
// --help-all prints every command, however deep it sits (`station enrol`), under its full name with its
// arguments and options below it. The manual page is made from this very text by help2man, whose
// conventions it follows: "*Commands*" opens the page's COMMANDS section, each "moussem-cli station
// enrol [OPTIONS]:" line a subsection of it, each option line an entry. (CLI11 itself expands one
// level of commands, nested in the one above.)
class EveryCommandFormatter : public CLI::Formatter {
 public:
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    if (mode != CLI::AppFormatMode::All) return CLI::Formatter::make_subcommands(app, mode);
    std::string out = "\n*" + moussem::tr("cli.help.label.commands") + "*\n";
    for (const CLI::App* sub : app->get_subcommands({})) out += command(sub);
    return out;
  }

 private:
  std::string command(const CLI::App* sub) const {
    std::string name;
    for (const CLI::App* a = sub; a; a = a->get_parent()) name = a->get_name() + (name.empty() ? "" : " ") + name;
    const auto positionals = sub->get_options([](const CLI::Option* o) { return o->get_positional(); });
    const auto options = sub->get_options([sub](const CLI::Option* o) {
      return o->nonpositional() && o != sub->get_help_ptr() && o != sub->get_help_all_ptr();
    });
    std::stringstream out;
    out << "\n" << name;
    for (const CLI::Option* o : positionals) out << " " << make_option_usage(o);
    if (!options.empty()) out << " [" << get_label("OPTIONS") << "]";
    out << ":\n  " << sub->get_description() << "\n";
    if (!positionals.empty() || !options.empty()) out << "\n";  // (help2man: the options, a paragraph of their own)
    for (const CLI::Option* o : positionals) out << make_option(o, true);
    for (const CLI::Option* o : options) out << make_option(o, false);
    for (const CLI::App* child : sub->get_subcommands({})) out << command(child);
    return out.str();
  }
};

// --lang is read before the command line is parsed, so that a usage error is already in the user's language.
void languageFromArguments(int argc, char** argv) {
  const auto known = moussem::i18n::languages();
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i], value;
    if (arg == "--lang" && i + 1 < argc)
      value = argv[i + 1];
    else if (arg.rfind("--lang=", 0) == 0)
      value = arg.substr(7);
    if (std::find(known.begin(), known.end(), value) != known.end()) moussem::i18n::setLanguage(value);
  }
}

// CLI11 words its errors in English: the common ones are said again in the user's language, the rest
// keep CLI11's detail inside a translated sentence.
std::string usageMessage(const CLI::ParseError& e) {
  using moussem::tr;
  const std::string what = e.what();
  const auto colon = what.find(": ");
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && colon != std::string::npos)
    return tr("cli.error.unexpected", {what.substr(colon + 2)});
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    const auto is = what.find(" is required");
    if (is != std::string::npos && what.rfind("-", 0) == 0) return tr("cli.error.required", {what.substr(0, is)});
    if (what.find("subcommand") != std::string::npos) return tr("cli.error.no_command");
  }
  return tr("cli.error.usage", {what});
}
}  // namespace

int main(int argc, char** argv) {
  using namespace moussem;
  cli::Context ctx;
  languageFromArguments(argc, argv);
  CLI::App app{tr("cli.help.about"), "moussem-cli"};
  app.formatter(std::make_shared<EveryCommandFormatter>());
  // CLI11's own words in the help, in the chosen language (subcommands inherit all of these).
  app.option_defaults()->always_capture_default()->group(tr("cli.help.label.options"));
  app.set_help_flag("-h,--help", tr("cli.help.label.help"));
  app.set_help_all_flag("--help-all", tr("cli.help.label.help_all"));
  app.set_version_flag("--version", "moussem-cli " + std::string(appVersion()), tr("cli.help.label.version"));
  app.group(tr("cli.help.label.subcommands"));
  auto formatter = app.get_formatter();
  formatter->label("Usage", tr("cli.help.label.usage"));
  formatter->label("OPTIONS", tr("cli.help.label.options_badge"));
  formatter->label("SUBCOMMAND", tr("cli.help.label.subcommand_badge"));
  formatter->label("SUBCOMMANDS", tr("cli.help.label.subcommands_badge"));
  formatter->label("Positionals", tr("cli.help.label.positionals"));
  formatter->label("REQUIRED", tr("cli.help.label.required"));
  app.add_option("--db", ctx.db, tr("cli.help.global.db"));
  app.add_flag("--json", ctx.json, tr("cli.help.global.json"));
  app.add_option("--lang", ctx.lang, tr("cli.help.global.lang"))->check(CLI::IsMember({"fr", "ar", "en"}));
  app.add_option("--user", ctx.user, tr("cli.help.global.user"));
  app.require_subcommand(1);
  app.fallthrough();

  for (cli::Register r : {cli::registerInit, cli::registerInfo, cli::registerDemo, cli::registerBench,
                          cli::registerBadge, cli::registerGate, cli::registerScan, cli::registerReport})
    r(app, ctx);
  cli::registerRegistry(app, ctx);  // import, export, list, show
  for (cli::Register r : {cli::registerVenue, cli::registerAllocate, cli::registerBooth}) r(app, ctx);  // booths
  cli::registerB2b(app, ctx);      // the forum's B2B meetings
  cli::registerMigrate(app, ctx);  // SQLite <-> PostgreSQL
  cli::registerBackup(app, ctx);   // backup, restore
  cli::registerAudit(app, ctx);    // audit verify, audit list
  cli::registerUser(app, ctx);     // users and roles
  cli::registerPrivacy(app, ctx);  // export-person, anonymize (personal data)
  cli::registerDb(app, ctx);       // database roles of the stations (PostgreSQL), schema upgrades
  cli::registerEdition(app, ctx);  // the edition's names, dates, venue, time zone, categories, zones
  cli::registerStation(app, ctx);  // this station's enrolment on a server

  // Name an unknown command instead of CLI11's "a subcommand is required".
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" || arg == "--lang" || arg == "--user") {
      ++i;
      continue;
    }
    if (arg.rfind("-", 0) == 0) continue;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({}))
      if (sub->get_name() == arg) known = true;
    if (!known) {
      std::cerr << "moussem-cli: " << tr("cli.error.unknown_command", {arg}) << "\n" << tr("cli.usage_hint") << "\n";
      return 2;
    }
    break;
  }

  try {
    app.parse(argc, argv);
    i18n::setLanguage(ctx.lang);
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
      at = at->get_subcommands().front();
      ctx.command += (ctx.command.empty() ? "" : " ") + at->get_name();
    }
    if (ctx.action) ctx.action();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "moussem-cli: " << usageMessage(e) << "\n" << tr("cli.usage_hint") << "\n";
    return 2;
  } catch (const Error& e) {
    std::cerr << "moussem-cli: " << e.what() << "\n";
    if (ctx.json) std::cout << nlohmann::json{{"error", e.what()}}.dump() << "\n";
    return e.kind() == ErrorKind::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "moussem-cli: " << e.what() << "\n";
    if (ctx.json) std::cout << nlohmann::json{{"error", e.what()}}.dump() << "\n";
    return 1;
  }
  return 0;
}
