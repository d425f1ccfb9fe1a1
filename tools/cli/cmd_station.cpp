// `station enrol|show|reset`: tells this station once which server, name, job, gate profile, printer
// and language it has (store/station_enrolment.hpp); afterwards both programs open that server with no
// flags. The login's password is asked for once, at a terminal or on the first line of stdin
// (--password-stdin): never an argument, so never in the process list or the shell history.
#include <unistd.h>

#include <iostream>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "gate/gate_station.hpp"
#include "store/station_enrolment.hpp"

namespace moussem::cli {

namespace {

nlohmann::json asJson(const StationConfig& c) {
  return {{"server", c.server},   {"name", c.name},   {"role", codeOf(c.role)}, {"gate_profile", c.gate_profile},
          {"printer", c.printer}, {"paper", c.paper}, {"language", c.language}, {"local_copy", c.local_copy}};
}

std::string readPassword(const std::string& login, bool fromStdin) {
  std::string password;
  if (fromStdin) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else if (::isatty(STDIN_FILENO)) {
    password = readHidden(tr("db.prompt.password", {login}));
  } else {
    throw Error(ErrorKind::Usage, tr("db.error.password_stdin"));
  }
  return password;
}

std::string loginOf(const std::string& url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return url;
  const std::string rest = url.substr(start + 3);
  const auto at = rest.find('@');
  return at == std::string::npos ? std::string() : rest.substr(0, at);
}

}  // namespace

void registerStation(CLI::App& app, Context& ctx) {
  auto* station = app.add_subcommand("station", tr("cli.help.station.about"));
  station->require_subcommand(1);
  static Enrolment e;
  static std::string role, language;
  static bool passwordStdin = false;

  auto* enrol = station->add_subcommand("enrol", tr("cli.help.station.enrol.about"));
  enrol->add_option("--server", e.config.server, tr("cli.help.station.server"))->required();
  enrol->add_option("--name", e.config.name, tr("cli.help.station.name"))->required();
  enrol->add_option("--role", role, tr("cli.help.station.role"))->required();
  enrol->add_option("--gate-profile", e.config.gate_profile, tr("cli.help.station.gate-profile"));
  enrol->add_option("--printer", e.config.printer, tr("cli.help.station.printer"));
  enrol->add_option("--paper", e.config.paper, tr("cli.help.station.paper"));
  enrol->add_option("--language", language, tr("cli.help.station.language"))->check(CLI::IsMember({"fr", "ar", "en"}));
  enrol->add_option("--local-copy", e.config.local_copy, tr("cli.help.station.local-copy"));
  enrol->add_flag("--replace", e.replace, tr("cli.help.station.replace"));
  enrol->add_flag("--kiosk", e.kiosk, tr("cli.help.station.kiosk"));
  enrol->add_flag("--password-stdin", passwordStdin, tr("cli.help.station.password-stdin"));
  enrol->callback([&ctx] {
    ctx.action = [&ctx] {
      e.config.role = roleOf(role);
      e.config.language = language.empty() ? ctx.lang : language;
      if (!e.config.local_copy.empty()) e.config.local_copy = std::filesystem::absolute(e.config.local_copy).string();
      checkStationConfig(e.config, tr("enrol.where"));  // before asking for the password
      e.password = readPassword(loginOf(e.config.server), passwordStdin);
      const EnrolmentDone done = enrolStation(e);
      std::string text =
          tr("enrol.done",
             {done.config.name, done.config.server, codeLabel(done.config.role), std::to_string(done.schema_version)}) +
          "\n" +
          tr("enrol.files",
             {paths::forDisplay(done.config_file.string()), paths::forDisplay(done.password_file.string())});
      nlohmann::json json = asJson(done.config);
      json["config_file"] = done.config_file.string();
      json["password_file"] = done.password_file.string();
      json["schema_version"] = done.schema_version;
      json["autostart_file"] = done.autostart_file.string();
      if (!done.autostart_file.empty())
        text += "\n" + tr("enrol.kiosk", {paths::forDisplay(done.autostart_file.string())});
      // A gate makes its local copy now, so that it can decide from the first minute even if the
      // server drops before it ever ran (the app and `scan` refresh it afterwards).
      if (done.config.role == Role::Gate) {
        try {
          gate::GateStation first(done.config.server, done.config.local_copy, gate::Station{done.config.name, ""});
          text += "\n" + tr("enrol.local_copy", {paths::forDisplay(done.config.local_copy)});
          json["local_copy_made"] = true;
        } catch (const Error& err) {
          text += "\n" + tr("enrol.local_copy_failed", {paths::forDisplay(done.config.local_copy), err.what()});
          json["local_copy_made"] = false;
        }
      }
      ctx.print(json, text);
    };
  });

  auto* show = station->add_subcommand("show", tr("cli.help.station.show.about"));
  show->callback([&ctx] {
    ctx.action = [&ctx] {
      const auto file = stationConfigFile();
      const auto config = readStationConfig(file);
      if (!config) {
        ctx.print({{"enrolled", false}, {"config_file", file.string()}},
                  tr("station.not_enrolled", {paths::forDisplay(file.string())}));
        return;
      }
      nlohmann::json json = asJson(*config);
      json["enrolled"] = true;
      json["config_file"] = file.string();
      json["password_file"] = passwordFile().string();
      json["kiosk"] = std::filesystem::exists(kioskAutostartFile());
      std::string text =
          tr("station.show.title", {paths::forDisplay(file.string())}) + "\n" + stationConfigText(*config);
      // The comment lines of the file are for people editing it, not for this listing.
      std::string listing;
      std::size_t start = 0;
      while (start < text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.rfind("#", 0) != 0) listing += "  " + line + "\n";
        start = end == std::string::npos ? text.size() : end + 1;
      }
      listing.erase(0, 2);
      if (json["kiosk"].get<bool>()) listing += "  " + tr("station.show.kiosk") + "\n";
      ctx.print(json, listing);
    };
  });

  auto* reset = station->add_subcommand("reset", tr("cli.help.station.reset.about"));
  reset->callback([&ctx] {
    ctx.action = [&ctx] {
      const auto file = stationConfigFile();
      const bool existed = std::filesystem::exists(file);
      const StationReset r = resetStation();
      nlohmann::json json = {{"reset", existed}, {"released", r.released}, {"server_error", r.server_error}};
      std::string text;
      if (!existed) {
        text = tr("station.reset.nothing", {paths::forDisplay(file.string())});
      } else if (!r.config) {
        text = tr("station.reset.unreadable", {paths::forDisplay(file.string())});
      } else {
        json["name"] = r.config->name;
        text = tr("station.reset.done", {r.config->name, paths::forDisplay(file.string())});
        text += "\n" + (r.released ? tr("station.reset.released", {r.config->name})
                                   : tr("station.reset.not_released", {r.config->name, r.server_error}));
      }
      ctx.print(json, text);
    };
  });
}

}  // namespace moussem::cli
