// Backups of a SQLite edition and their verified restore (PostgreSQL: pg_dump/pg_restore, see
// docs/backups.md). A backup is taken online with SQLite's backup API, so it is one consistent snapshot
// even while other stations write; it is written to FILE.partial, made self-contained (no -wal file),
// checked, and its SHA-256 stored beside it in FILE.sha256 (sha256sum format, with the audit trail's
// signed anchor on a comment line); the checksum goes into place first, then the backup: never one
// without the other. Files are created 0600.
// A restore checks everything before touching the target: checksum, integrity, a Moussem schema this
// build knows, and the same edition as the target (unless told otherwise); then replaces the target
// atomically and keeps the previous file as <db>.before-restore.
#pragma once
#include <filesystem>
#include <string>

namespace moussem {

struct BackupInfo {
  std::string database;       // the database backed up, or restored into
  std::string file;           // the backup file
  std::string checksum_file;  // FILE.sha256
  std::string sha256;         // hex, lower case
  long long bytes = 0;
  int schema_version = 0;
  std::string edition_uid;
  std::string edition_name;
  std::string previous;  // restore only: where the replaced database was kept (empty if there was none)
  std::string anchor;    // backup only: the audit trail's anchor written in the checksum file
};

// Throws Error (in the user's language): Refused for PostgreSQL or an existing FILE, NotFound, Corrupt, Io.
BackupInfo backupDatabase(const std::string& database, const std::filesystem::path& file);

// Throws Error and leaves the target untouched unless every check passed.
BackupInfo restoreDatabase(const std::string& database, const std::filesystem::path& file, bool allowOtherEdition);

// SHA-256 of a file's bytes, lower-case hex (libsodium).
std::string sha256OfFile(const std::filesystem::path& file);

}  // namespace moussem
