#include "store/station_enrolment.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "store/guarded_store.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/postgres/pg_roles.hpp"

#ifndef MOUSSEM_KIOSK_SESSION
#define MOUSSEM_KIOSK_SESSION "/usr/libexec/moussem/moussem-kiosk"
#endif

namespace moussem {

namespace fs = std::filesystem;

namespace {

// The parts of a server URL a password file line names (libpq parses the URL, not us).
struct ServerParts {
  std::string host = "localhost", port = "*", database, login;
};

ServerParts partsOf(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    const std::string why = error ? error : "";
    if (error) PQfreemem(error);
    throw Error(ErrorKind::Invalid,
                tr("station.error.field", {"--server", "server", tr("pg.error.bad_url", {url, why})}));
  }
  ServerParts parts;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string key = o->keyword, value = o->val;
    if (key == "host")
      parts.host = value;
    else if (key == "port")
      parts.port = value;
    else if (key == "dbname")
      parts.database = value;
    else if (key == "user")
      parts.login = value;
  }
  PQconninfoFree(options);
  if (parts.database.empty()) parts.database = parts.login;  // libpq's own default
  return parts;
}

// A field of a password file line: ':' and '\' escaped with '\'.
std::string escaped(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string linePrefix(const ServerParts& p) {
  return escaped(p.host) + ":" + escaped(p.port) + ":" + escaped(p.database) + ":" + escaped(p.login) + ":";
}

std::string withPassword(const std::string& url, const std::string& password) {
  // Kept in this process only: libpq takes it from the URL, every message shows the URL without it.
  std::string encoded;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : password) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "password=" + encoded;
}

std::string machineId() {
  std::ifstream in("/etc/machine-id");
  std::string id;
  if (in >> id && !id.empty()) return id;
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string("host:") + host;
}

std::string hostName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) return "";
  return host;
}

// text in a PartialFile beside target (core/atomic_file.hpp), mode 0600 whatever the folder (libpq
// ignores a password file others may read), published by the caller once everything else is checked;
// dropped unpublished otherwise. Error(Io) with tr(errorKey, {target, reason}) when the folder refuses.
std::unique_ptr<PartialFile> writtenAside(const fs::path& target, const std::string& text, std::string_view errorKey) {
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  auto file = std::make_unique<PartialFile>(target, errorKey);
  if (::fchmod(file->fd(), 0600) != 0) file->fail(std::strerror(errno));
  std::size_t off = 0;
  while (off < text.size()) {
    const ssize_t n = ::write(file->fd(), text.data() + off, text.size() - off);
    if (n <= 0) file->fail(std::strerror(errno));
    off += static_cast<std::size_t>(n);
  }
  return file;
}

// The password file without this server's line for this login (other lines kept as they are).
std::string passwordFileWithout(const ServerParts& parts) {
  std::ifstream in(passwordFile());
  std::string out, line;
  const std::string prefix = linePrefix(parts);
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) != 0) out += line + "\n";
  return out;
}

std::string kioskAutostartText() {
  return "[Desktop Entry]\n"
         "Type=Application\n"
         "Name=Moussem kiosk\n"
         "Comment=Starts Moussem locked, full screen, on this station's job; restarts it if it stops\n"
         "Exec=" MOUSSEM_KIOSK_SESSION
         "\n"
         "Icon=moussem\n"
         "Terminal=false\n"
         "NoDisplay=true\n"
         "X-GNOME-Autostart-enabled=true\n";
}

}  // namespace

fs::path passwordFile() {
  if (const char* file = std::getenv("PGPASSFILE"); file && *file) return file;
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".pgpass";
  return fs::current_path() / ".pgpass";
}

fs::path kioskAutostartFile() {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = fs::path(home) / ".config";
  else
    base = fs::current_path() / ".config";
  return base / "autostart" / "moussem-kiosk.desktop";
}

std::string enrolmentSetting(const std::string& station) {
  return "station." + station + ".enrolment";
}

EnrolmentDone enrolStation(const Enrolment& e) {
  StationConfig config = e.config;
  checkStationConfig(config, tr("enrol.where"));
  if (e.password.empty()) throw Error(ErrorKind::Invalid, tr("enrol.error.no_password"));
  if (config.role == Role::Gate && config.local_copy.empty())
    config.local_copy = defaultLocalCopy(config.name).string();
  const ServerParts parts = partsOf(config.server);

  // 1. The files, written aside first: a read-only folder stops everything here.
  const fs::path confFile = stationConfigFile(), passFile = passwordFile();
  auto conf = writtenAside(confFile, stationConfigText(config), "enrol.error.config_folder");
  auto pass = writtenAside(passFile, passwordFileWithout(parts) + linePrefix(parts) + escaped(e.password) + "\n",
                           "enrol.error.password_folder");
  std::unique_ptr<PartialFile> autostart;
  if (e.kiosk) autostart = writtenAside(kioskAutostartFile(), kioskAutostartText(), "enrol.error.config_folder");

  // 2. The server: reachable, the password right, the login's group the job asked for.
  const std::string url = withPassword(config.server, e.password);
  std::unique_ptr<Store> store;
  try {
    pg::Connection conn(url);
    const auto rights = pg_roles::loginRights(conn);
    // The schema's owner may do every job (a server without `db roles`); any other login does its
    // group's job only.
    if (!rights.owner && rights.group != config.role) {
      const std::string want(codeOf(config.role));
      if (!rights.group) throw Error(ErrorKind::Refused, tr("enrol.error.no_group", {rights.login, want}));
      throw Error(ErrorKind::Refused, tr("enrol.error.role", {rights.login, std::string(codeOf(*rights.group)), want}));
    }
    store = openStore(url, OpenMode::Existing);
  } catch (const Error& err) {
    throw Error(err.kind(), tr("enrol.error.not_enrolled", {err.what()}));
  }

  // 3. The gate profile and the name.
  if (!config.gate_profile.empty()) {
    std::string names;
    bool found = false;
    for (const auto& g : store->gateProfiles()) {
      found = found || g.name == config.gate_profile;
      names += (names.empty() ? "" : ", ") + g.name;
    }
    if (!found)
      throw Error(ErrorKind::NotFound, names.empty() ? tr("enrol.error.no_gate_profiles", {config.gate_profile})
                                                     : tr("enrol.error.gate_profile", {config.gate_profile, names}));
  }
  const std::string me = machineId();
  if (auto held = store->setting(enrolmentSetting(config.name)); held && !held->empty()) {
    nlohmann::json record = nlohmann::json::parse(*held, nullptr, false);
    const std::string machine = record.is_object() ? record.value("machine", "") : "";
    if (machine != me && !e.replace)
      throw Error(ErrorKind::Refused,
                  tr("enrol.error.taken", {config.name, record.is_object() ? record.value("host", "?") : "?",
                                           record.is_object() ? record.value("at", "?") : "?"}));
  }

  // 4. Write: the server's settings in one transaction (audited), then the files, each by one rename.
  const nlohmann::json record = {{"machine", me},
                                 {"host", hostName()},
                                 {"login", parts.login},
                                 {"role", codeOf(config.role)},
                                 {"at", dates::utcNowIso()}};
  const std::string user = systemUserName().empty() ? parts.login : systemUserName();
  GuardedStore guarded(*store, Actor{user, config.role, config.name});
  try {
    guarded.write([&] {
      guarded.setSetting(enrolmentSetting(config.name), record.dump());
      guarded.setSetting("station." + config.name + ".printer", config.printer);
      guarded.setSetting("station." + config.name + ".paper", config.paper);
      guarded.setSetting("station." + config.name + ".language", config.language);
    });
  } catch (const Error& err) {
    throw Error(err.kind(), tr("enrol.error.not_enrolled", {err.what()}));
  }
  pass->publish();
  conf->publish();
  if (autostart) autostart->publish();

  EnrolmentDone done;
  done.config = config;
  done.config_file = confFile;
  done.password_file = passFile;
  if (autostart) done.autostart_file = kioskAutostartFile();
  done.schema_version = store->schemaVersion();
  return done;
}

StationReset resetStation() {
  StationReset reset;
  try {
    reset.config = readStationConfig(stationConfigFile());
  } catch (const Error&) {
    // A file that does not read is removed all the same: resetting is how one gets rid of it.
  }
  if (reset.config) {
    const ServerParts parts = partsOf(reset.config->server);
    try {
      auto store = openStore(reset.config->server, OpenMode::Existing);
      const std::string key = enrolmentSetting(reset.config->name);
      auto held = store->setting(key);
      nlohmann::json record = held ? nlohmann::json::parse(*held, nullptr, false) : nlohmann::json();
      if (record.is_object() && record.value("machine", "") == machineId()) {
        GuardedStore guarded(*store, Actor{systemUserName(), reset.config->role, reset.config->name});
        guarded.setSetting(key, "");
      }
      reset.released = true;
    } catch (const Error& err) {
      reset.server_error = err.what();
    }
    std::error_code ec;
    if (fs::exists(passwordFile(), ec)) {
      writtenAside(passwordFile(), passwordFileWithout(parts), "enrol.error.password_folder")->publish();
    }
  }
  std::error_code ec;
  for (const fs::path& file : {stationConfigFile(), kioskAutostartFile()}) {
    fs::remove(file, ec);
    if (ec) throw Error(ErrorKind::Io, tr("enrol.error.write", {file.string(), ec.message()}));
  }
  return reset;
}

}  // namespace moussem
