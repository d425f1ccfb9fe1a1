#include "store/backup_schedule.hpp"

#include <algorithm>
#include <ctime>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace fs = std::filesystem;

namespace {

std::string key(const std::string& station, const char* what) {
  return "station." + station + ".backup_" + what;
}

void refusePostgres(Store& store) {
  if (store.backend() != "sqlite") throw Error(ErrorKind::Refused, tr("backup.error.postgres"));
}

int number(const std::optional<std::string>& s, int fallback) {
  if (!s || s->empty()) return fallback;
  try {
    return std::stoi(*s);
  } catch (...) {
    return fallback;
  }
}

bool ours(const fs::path& p) {  // moussem-YYYYMMDD-HHMMSS.db
  const std::string n = p.filename().string();
  if (n.size() != 26 || n.rfind("moussem-", 0) != 0 || n.substr(23) != ".db" || n[16] != '-') return false;
  for (std::size_t i = 8; i < 23; ++i)
    if (i != 16 && (n[i] < '0' || n[i] > '9')) return false;
  return true;
}

}  // namespace

void setBackupPlan(Store& store, const std::string& station, const BackupPlan& plan) {
  refusePostgres(store);
  if (plan.every_minutes < 5 || plan.every_minutes > 1440 || plan.keep < 1 || plan.keep > 1000)
    throw Error(ErrorKind::Invalid, tr("backup.schedule.error.limits"));
  std::error_code ec;
  if (!fs::is_directory(plan.folder, ec))
    throw Error(ErrorKind::NotFound, tr("backup.schedule.error.folder", {plan.folder.string()}));
  store.write([&] {
    store.setSetting(key(station, "folder"), fs::absolute(plan.folder).lexically_normal().string());
    store.setSetting(key(station, "every"), std::to_string(plan.every_minutes));
    store.setSetting(key(station, "keep"), std::to_string(plan.keep));
  });
}

std::optional<BackupPlan> backupPlan(Store& store, const std::string& station) {
  auto folder = store.setting(key(station, "folder"));
  if (!folder || folder->empty()) return std::nullopt;
  BackupPlan p;
  p.folder = *folder;
  p.every_minutes = number(store.setting(key(station, "every")), 30);
  p.keep = number(store.setting(key(station, "keep")), 12);
  return p;
}

std::string lastBackup(Store& store, const std::string& station) {
  return store.setting(key(station, "last")).value_or("");
}

bool backupDue(const BackupPlan& plan, const std::string& last, std::chrono::system_clock::time_point now) {
  return last.empty() || last < dates::utcIso(now - std::chrono::minutes(plan.every_minutes));
}

bool backupDue(Store& store, const std::string& station, std::chrono::system_clock::time_point now) {
  auto plan = backupPlan(store, station);
  return plan && store.backend() == "sqlite" && backupDue(*plan, lastBackup(store, station), now);
}

BackupInfo runFolderBackup(Store& store, const std::string& station, const fs::path& folder, int keep,
                           std::chrono::system_clock::time_point now) {
  refusePostgres(store);
  if (keep < 1) throw Error(ErrorKind::Invalid, tr("backup.schedule.error.limits"));
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw Error(ErrorKind::NotFound, tr("backup.schedule.error.folder", {folder.string()}));
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char name[40];
  std::strftime(name, sizeof name, "moussem-%Y%m%d-%H%M%S.db", &tm);
  fs::path file = folder / name;
  if (fs::exists(file, ec)) {  // two backups in one second: keep the first
    BackupInfo same;
    same.file = file.string();
    return same;
  }
  BackupInfo info = backupDatabase(store.location(), file);
  // Rotation: only our own files, oldest first by name (the name is the time).
  std::vector<fs::path> mine;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    if (e.is_regular_file() && ours(e.path())) mine.push_back(e.path());
    // A checksum alone: a backup interrupted between its two files (backup.hpp) left it; no backup of it.
    const fs::path backup = e.path().parent_path() / e.path().stem();
    if (e.path().extension() == ".sha256" && ours(backup) && !fs::exists(backup, ec)) fs::remove(e.path(), ec);
  }
  std::sort(mine.begin(), mine.end());
  while (static_cast<int>(mine.size()) > keep) {
    fs::remove(mine.front(), ec);
    fs::remove(mine.front().string() + ".sha256", ec);
    mine.erase(mine.begin());
  }
  store.setSetting(key(station, "last"), dates::utcIso(now));
  return info;
}

}  // namespace moussem
