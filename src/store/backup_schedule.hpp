// Scheduled backups of a station's SQLite edition: every N minutes into a chosen folder (a USB stick),
// keeping the newest K, with the time of the last one for the status line. The plan and the last time
// are this station's settings (station.<name>.backup_*), so each laptop backs up to its own stick.
// PostgreSQL editions are backed up on the server with pg_dump (docs/backups.md): refused here.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "store/backup.hpp"
#include "store/store.hpp"

namespace moussem {

struct BackupPlan {
  std::filesystem::path folder;
  int every_minutes = 30;  // 5 .. 1440
  int keep = 12;           // newest backups kept in the folder, 1 .. 1000
};

// Throws Error(Invalid) for limits out of range, Error(NotFound) for a folder that does not exist,
// Error(Refused) on PostgreSQL.
void setBackupPlan(Store& store, const std::string& station, const BackupPlan& plan);
std::optional<BackupPlan> backupPlan(Store& store, const std::string& station);
// UTC ISO time of this station's last scheduled backup; empty: none yet.
std::string lastBackup(Store& store, const std::string& station);
bool backupDue(Store& store, const std::string& station, std::chrono::system_clock::time_point now);
// The same from a plan and the last backup's time already read.
bool backupDue(const BackupPlan& plan, const std::string& last, std::chrono::system_clock::time_point now);

// One backup into folder, named moussem-YYYYMMDD-HHMMSS.db (+ .sha256), then the oldest of that name
// pattern beyond keep are deleted (never other files). Records the time as this station's last backup.
BackupInfo runFolderBackup(Store& store, const std::string& station, const std::filesystem::path& folder, int keep,
                           std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace moussem
