#include "core/station.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"

namespace moussem {

namespace {

std::string hostName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || !host[0]) return "station";
  return host;
}

std::string trimmed(std::string s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

bool printable(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

// The field names, in the order the file lists them.
const std::vector<std::string>& fieldNames() {
  static const std::vector<std::string> names{"server",  "name",  "role",     "gate_profile",
                                              "printer", "paper", "language", "local_copy"};
  return names;
}

std::string* field(StationConfig& c, const std::string& name) {
  if (name == "server") return &c.server;
  if (name == "name") return &c.name;
  if (name == "gate_profile") return &c.gate_profile;
  if (name == "printer") return &c.printer;
  if (name == "paper") return &c.paper;
  if (name == "language") return &c.language;
  if (name == "local_copy") return &c.local_copy;
  return nullptr;
}

}  // namespace

std::string stationName() {
  if (const char* s = std::getenv("MOUSSEM_STATION"); s && *s) return s;
  try {
    if (const auto& enrolled = enrolledStation()) return enrolled->name;
  } catch (const Error&) {
    // A configuration that does not read is reported where it is used (opening its server).
  }
  return hostName();
}

std::string systemUserName() {
  const char* user = std::getenv("USER");
  return user ? user : "";
}

std::filesystem::path stationConfigFile() {
  return paths::configDir() / "station.conf";
}

bool validStationName(const std::string& name) {
  if (name.empty() || name.size() > 40) return false;
  if (!std::isalnum(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

void checkStationConfig(const StationConfig& c, const std::string& where) {
  auto bad = [&](const std::string& fieldName, const std::string& reason) {
    throw Error(ErrorKind::Invalid, tr("station.error.field", {where, fieldName, reason}));
  };
  if (c.server.empty()) bad("server", tr("station.error.missing"));
  if (!paths::isServerUrl(c.server)) bad("server", tr("station.error.server_url", {c.server}));
  // A password written in the URL would sit in a file anyone may copy, and in the process list.
  const std::string rest = c.server.substr(c.server.find("://") + 3);
  const auto at = rest.find('@'), slash = rest.find('/');
  if (c.server.find("password=") != std::string::npos ||
      (at != std::string::npos && (slash == std::string::npos || at < slash) &&
       rest.substr(0, at).find(':') != std::string::npos))
    bad("server", tr("station.error.server_password"));
  if (at == std::string::npos || (slash != std::string::npos && at > slash) || at == 0)
    bad("server", tr("station.error.server_login", {c.server}));
  if (!printable(c.server)) bad("server", tr("station.error.control"));
  if (!validStationName(c.name)) bad("name", tr("station.error.name", {c.name}));
  const std::pair<const char*, const std::string*> free[] = {
      {"gate_profile", &c.gate_profile}, {"printer", &c.printer}, {"paper", &c.paper}, {"local_copy", &c.local_copy}};
  for (const auto& [name, value] : free)
    if (!printable(*value) || value->size() > 1024) bad(name, tr("station.error.control"));
  const auto known = i18n::languages();
  if (std::find(known.begin(), known.end(), c.language) == known.end())
    bad("language", tr("station.error.language", {c.language}));
  if (!c.gate_profile.empty() && c.role != Role::Gate && c.role != Role::Admin && c.role != Role::Organizer)
    bad("gate_profile", tr("station.error.gate_profile_role", {std::string(codeOf(c.role))}));
}

std::optional<StationConfig> readStationConfig(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  const std::string where = paths::forDisplay(file.string());
  std::ifstream in(file);
  if (!in) throw Error(ErrorKind::Io, tr("station.error.read", {where}));
  StationConfig c;
  c.language.clear();
  std::vector<std::string> seen;
  std::string role;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string at = where + ":" + std::to_string(number);
    const std::string text = trimmed(line);
    if (text.empty() || text[0] == '#') continue;
    const auto eq = text.find('=');
    if (eq == std::string::npos) throw Error(ErrorKind::Invalid, tr("station.error.syntax", {at}));
    const std::string name = trimmed(text.substr(0, eq)), value = trimmed(text.substr(eq + 1));
    if (std::find(fieldNames().begin(), fieldNames().end(), name) == fieldNames().end())
      throw Error(ErrorKind::Invalid, tr("station.error.unknown", {at, name}));
    if (std::find(seen.begin(), seen.end(), name) != seen.end())
      throw Error(ErrorKind::Invalid, tr("station.error.twice", {at, name}));
    seen.push_back(name);
    if (name == "role") {
      auto r = fromCode<Role>(value);
      if (!r)
        throw Error(ErrorKind::Invalid, tr("station.error.field", {at, "role", tr("station.error.role", {value})}));
      c.role = *r;
      role = value;
    } else {
      *field(c, name) = value;
    }
  }
  if (in.bad()) throw Error(ErrorKind::Io, tr("station.error.read", {where}));
  for (const char* required : {"server", "name", "role", "language"})
    if (std::find(seen.begin(), seen.end(), required) == seen.end())
      throw Error(ErrorKind::Invalid, tr("station.error.field", {where, required, tr("station.error.missing")}));
  checkStationConfig(c, where);
  return c;
}

std::string stationConfigText(const StationConfig& c) {
  std::ostringstream out;
  out << "# Moussem: this station's configuration, written by `moussem-cli station enrol`.\n"
         "# `moussem-cli station show` prints it; `moussem-cli station reset` removes it. The password is\n"
         "# not here: it is in ~/.pgpass (mode 0600).\n";
  StationConfig copy = c;
  for (const auto& name : fieldNames()) {
    if (name == "role")
      out << "role = " << codeOf(c.role) << "\n";
    else
      out << name << " = " << *field(copy, name) << "\n";
  }
  return out.str();
}

std::string homeScreen(Role role) {
  switch (role) {
    case Role::Gate:
      return "gate";
    case Role::Desk:
      return "desk";
    default:
      return "overview";
  }
}

std::filesystem::path defaultLocalCopy(const std::string& station) {
  return paths::dataDir() / "gates" / (station + ".db");
}

const std::optional<StationConfig>& enrolledStation() {
  static const struct Loaded {
    std::optional<StationConfig> config;
    std::optional<Error> error;
    Loaded() {
      try {
        config = readStationConfig(stationConfigFile());
      } catch (const Error& e) {
        error = e;
      }
    }
  } loaded;
  if (loaded.error) throw *loaded.error;
  return loaded.config;
}

}  // namespace moussem
