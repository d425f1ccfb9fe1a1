#include "core/paths.hpp"

#include <cstdlib>

namespace moussem::paths {

std::filesystem::path dataDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "moussem";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "moussem";
  return std::filesystem::current_path() / ".moussem";
}

std::filesystem::path defaultDatabase() {
  if (const char* db = std::getenv("MOUSSEM_DB"); db && *db) return db;
  return dataDir() / "moussem.db";
}

std::filesystem::path demoDatabase() { return dataDir() / "demo.db"; }

std::filesystem::path keyFileFor(const std::filesystem::path& database) {
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
