#include "core/paths.hpp"

#include <cctype>
#include <cstdlib>

#include "core/station.hpp"

namespace moussem::paths {

std::filesystem::path dataDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "moussem";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "moussem";
  return std::filesystem::current_path() / ".moussem";
}

std::filesystem::path configDir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "moussem";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "moussem";
  return std::filesystem::current_path() / ".moussem";
}

std::filesystem::path defaultDatabase() {
  if (const char* db = std::getenv("MOUSSEM_DB"); db && *db) return db;
  if (const auto& station = enrolledStation()) return station->server;
  return dataDir() / "moussem.db";
}

std::filesystem::path demoDatabase() {
  return dataDir() / "demo.db";
}

bool isServerUrl(const std::string& database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

std::filesystem::path keyFileFor(const std::filesystem::path& database) {
  const std::string url = database.string();
  if (isServerUrl(url)) {
    // postgresql://user:secret@host:port/dbname?options -> keys/host_port_dbname.key in the data folder.
    std::string rest = url.substr(url.find("://") + 3);
    if (auto q = rest.find('?'); q != std::string::npos) rest.erase(q);
    if (auto at = rest.find('@'); at != std::string::npos) rest.erase(0, at + 1);
    std::string hostPort = rest.substr(0, rest.find('/'));
    std::string db = rest.find('/') == std::string::npos ? std::string() : rest.substr(rest.find('/') + 1);
    if (hostPort.empty()) hostPort = "localhost";
    std::string name = hostPort + "_" + (db.empty() ? "postgres" : db);
    for (char& c : name)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '_';
    return dataDir() / "keys" / (name + ".key");
  }
  auto key = database;
  key.replace_extension(".key");
  return key;
}

std::string forDisplay(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (!home || !*home) return path;
  std::string h = home;
  while (h.size() > 1 && h.back() == '/') h.pop_back();
  if (h == "/") return path;
  if (path == h) return "~";
  if (path.size() > h.size() && path.compare(0, h.size(), h) == 0 && path[h.size()] == '/')
    return "~" + path.substr(h.size());
  return path;
}

}  // namespace moussem::paths
