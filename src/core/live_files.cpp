#include "core/live_files.hpp"

#include <sys/stat.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::live_files {

namespace fs = std::filesystem;

namespace {

std::mutex& mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, int>& databases() {  // absolute path -> open connections
  static std::map<std::string, int> open;
  return open;
}

std::string key(const fs::path& database) {
  std::error_code ec;
  fs::path abs = fs::absolute(database, ec);
  return (ec ? database : abs).lexically_normal().string();
}

bool sameFile(const struct stat& a, const std::string& path) {
  struct stat b {};
  return ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

}  // namespace

void add(const fs::path& database) {
  std::lock_guard lock(mutex());
  ++databases()[key(database)];
}

void remove(const fs::path& database) {
  std::lock_guard lock(mutex());
  auto it = databases().find(key(database));
  if (it != databases().end() && --it->second <= 0) databases().erase(it);
}

bool isLive(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  std::lock_guard lock(mutex());
  for (const auto& [db, count] : databases())
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      if (sameFile(st, db + suffix)) return true;
  return false;
}

std::string readUserFile(const fs::path& path) {
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec) || fs::is_directory(path, ec))
    throw Error(ErrorKind::NotFound, tr("io.error.no_file", {path.string()}));
  if (isLive(path)) throw Error(ErrorKind::Refused, tr("io.error.open_database", {path.string()}));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Io, tr("io.error.read", {path.string()}));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::Io, tr("io.error.read", {path.string()}));
  return buffer.str();
}

}  // namespace moussem::live_files
