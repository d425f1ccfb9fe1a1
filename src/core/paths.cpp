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

}  // namespace moussem::paths
