// Backups and verified restores of a SQLite edition (see backup.hpp).
#include "store/backup.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "core/paths.hpp"
#include "core/test_pause.hpp"
#include "store/audit_anchor.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/sqlite/sqlite_db.hpp"

namespace moussem {

namespace fs = std::filesystem;

namespace {

// Copies the bytes of source into a new temporary (restore's staged copy, the replaced database's copy).
// A database this process has open through SQLite is never read this way: closing the descriptor would
// drop every lock SQLite holds on it (live_files.hpp); its copy goes through SQLite (onlineCopy).
void copyInto(const fs::path& source, PartialFile& dest) {
  if (live_files::isLive(source)) throw Error(ErrorKind::Refused, tr("io.error.open_database", {source.string()}));
  std::ifstream in(source, std::ios::binary);
  if (!in) dest.fail(std::strerror(errno));
  std::ofstream out(dest.handle(), std::ios::binary | std::ios::trunc);
  out << in.rdbuf();
  out.close();
  if (!out || in.bad()) dest.fail(std::strerror(errno ? errno : EIO));
}

void removeQuietly(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
}

// Copies the whole of source into dest, a new empty file (createPrivateFile, PartialFile: mode 0600),
// with the backup API: one read transaction, so one consistent snapshot even while other connections
// commit (in WAL mode they are not blocked). The copy is then made self-contained (rollback journal,
// not WAL) and checked.
void onlineCopy(sqlite3* source, const fs::path& dest) {
  sqlite::Database out(dest.string(), SQLITE_OPEN_READWRITE);
  sqlite3_backup* b = sqlite3_backup_init(out.handle(), "main", source, "main");
  if (!b) out.fail(sqlite3_errcode(out.handle()), "backup");
  int rc;
  for (int tries = 0;; ++tries) {
    rc = sqlite3_backup_step(b, -1);  // every page in one step: never restarted by a writer
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 200) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) out.fail(rc, "backup");
  out.exec("PRAGMA journal_mode = DELETE");
  auto& check = out.prepare("PRAGMA quick_check");
  std::string verdict = check.step() ? check.text(0) : "";
  check.reset();
  if (verdict != "ok") throw Error(ErrorKind::Corrupt, tr("restore.error.integrity", {dest.string(), verdict}));
}

std::string readChecksumFile(const fs::path& sumFile, const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(sumFile, ec))
    throw Error(ErrorKind::Refused, tr("restore.error.no_checksum", {file.string(), sumFile.string()}));
  std::ifstream in(sumFile);
  std::string hex;
  in >> hex;
  bool ok = hex.size() == 64;
  for (char c : hex) ok = ok && std::isxdigit(static_cast<unsigned char>(c));
  if (!ok) throw Error(ErrorKind::Corrupt, tr("restore.error.bad_checksum_file", {sumFile.string()}));
  for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hex;
}

struct EditionOf {
  int schema_version = 0;
  std::string uid, name;
};

// The schema version and edition of an open database; nullopt if it is not a Moussem database.
std::optional<EditionOf> editionOf(sqlite::Database& db) {
  EditionOf e;
  auto& v = db.prepare("PRAGMA user_version");
  e.schema_version = v.step() ? static_cast<int>(v.integer(0)) : 0;
  v.reset();
  if (e.schema_version <= 0) return std::nullopt;
  auto& t = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'edition'");
  bool hasTable = t.step() && t.integer(0) == 1;
  t.reset();
  if (!hasTable) return std::nullopt;
  auto& s = db.prepare("SELECT uid, name_fr FROM edition ORDER BY id LIMIT 1");
  if (s.step()) {
    e.uid = s.text(0);
    e.name = s.text(1);
  }
  s.reset();
  return e;
}

// The newest audit row of an open database (the genesis hash for an empty trail).
AuditHead newestAuditRow(sqlite::Database& db) {
  AuditHead head{0, auditGenesisHash()};
  auto& t = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'");
  const bool hasTable = t.step() && t.integer(0) == 1;
  t.reset();
  if (!hasTable) return head;
  auto& st = db.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
  if (st.step()) head = {st.integer(0), st.text(1)};
  st.reset();
  return head;
}

}  // namespace

std::string sha256OfFile(const fs::path& file) {
  if (sodium_init() < 0) throw Error(ErrorKind::Io, "libsodium");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::NotFound, tr("restore.error.no_file", {file.string()}));
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0)
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(in.gcount()));
  }
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

BackupInfo backupDatabase(const std::string& database, const fs::path& file) {
  if (pg::isPostgresUrl(database)) throw Error(ErrorKind::Refused, tr("backup.error.postgres"));
  const fs::path db(database);
  std::error_code ec;
  if (!fs::exists(db, ec)) throw Error(ErrorKind::NotFound, tr("store.error.not_found", {database}));
  if (!sqlite::isDatabaseFile(db)) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {database}));
  if (fs::exists(file, ec)) throw Error(ErrorKind::Refused, tr("store.error.exists", {file.string()}));
  const fs::path sumFile = file.string() + ".sha256";

  BackupInfo info;
  info.database = database;
  info.file = file.string();
  info.checksum_file = sumFile.string();
  bool sumPublished = false;
  try {
    sqlite::Database source(database, SQLITE_OPEN_READWRITE);
    sqlite3_busy_timeout(source.handle(), 5000);
    auto ed = editionOf(source);
    if (!ed) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {database}));
    info.schema_version = ed->schema_version;
    info.edition_uid = ed->uid;
    info.edition_name = ed->name;
    PartialFile copy(file, "backup.error.io", PartialFile::Naming::Named);  // SQLite writes it by name
    onlineCopy(source.handle(), copy.path());
    info.sha256 = sha256OfFile(copy.path());
    info.bytes = static_cast<long long>(fs::file_size(copy.path()));
    // The checksum file also anchors the audit trail as the copy holds it, signed with the edition's key.
    {
      sqlite::Database snapshot(copy.path().string(), SQLITE_OPEN_READONLY);
      const AuditHead head = newestAuditRow(snapshot);
      info.anchor = anchorText(makeAuditAnchor(ed->uid, head.id, head.hash, paths::keyFileFor(db)));
    }
    PartialFile sum(sumFile, "backup.error.io");
    {
      std::ofstream out(sum.handle(), std::ios::trunc);
      out << info.sha256 << "  " << file.filename().string() << "\n# " << info.anchor << "\n";
      out.close();
      if (!out) sum.fail(std::strerror(errno));
    }
    // Together or not at all: the checksum goes into place first, the backup last (its rename is the
    // moment the backup exists). A crash in between leaves a checksum naming no file, which the next
    // backup to that name replaces: never a backup without its checksum.
    testPausePoint("backup-before-publish");
    sum.publish();
    sumPublished = true;
    testPausePoint("backup-between-files");
    copy.publish();
  } catch (const Error& e) {
    if (sumPublished) removeQuietly(sumFile);
    if (e.kind() == ErrorKind::Corrupt || e.kind() == ErrorKind::Refused) throw;
    throw Error(e.kind(), tr("backup.error.failed", {database, file.string(), e.what()}));
  } catch (const fs::filesystem_error& e) {
    if (sumPublished) removeQuietly(sumFile);
    throw Error(ErrorKind::Io, tr("backup.error.failed", {database, file.string(), e.what()}));
  }
  return info;
}

BackupInfo restoreDatabase(const std::string& database, const fs::path& file, bool allowOtherEdition) {
  if (pg::isPostgresUrl(database)) throw Error(ErrorKind::Refused, tr("restore.error.postgres"));
  const fs::path db(database);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw Error(ErrorKind::NotFound, tr("restore.error.no_file", {file.string()}));
  if (fs::is_directory(db, ec)) throw Error(ErrorKind::Invalid, tr("store.error.is_folder", {database}));
  const fs::path sumFile = file.string() + ".sha256";
  const std::string expected = readChecksumFile(sumFile, file);

  BackupInfo info;
  info.database = database;
  info.file = file.string();
  info.checksum_file = sumFile.string();
  info.sha256 = expected;

  // Everything is checked on a private copy in the target's folder (a PartialFile: new, 0600, never
  // through a link): the bytes checked are the bytes installed, and the final rename stays within one
  // file system (atomic). A failure removes the copies.
  if (db.has_parent_path() && !fs::exists(db.parent_path(), ec)) fs::create_directories(db.parent_path(), ec);
  const fs::path previous = database + ".before-restore";
  try {
    PartialFile stagedFile(db, "backup.error.io", PartialFile::Naming::Named);  // SQLite checks it by name
    const fs::path& staged = stagedFile.path();
    copyInto(file, stagedFile);
    const std::string actual = sha256OfFile(staged);
    if (actual != expected)
      throw Error(ErrorKind::Corrupt, tr("restore.error.checksum", {file.string(), expected, actual}));
    if (!sqlite::isDatabaseFile(staged))
      throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {file.string()}));
    info.bytes = static_cast<long long>(fs::file_size(staged));
    {
      std::optional<sqlite::Database> copy;
      std::string verdict;
      try {
        copy.emplace(staged.string(), SQLITE_OPEN_READWRITE);  // a private copy; read only
        auto& check = copy->prepare("PRAGMA integrity_check");
        verdict = check.step() ? check.text(0) : "";
        check.reset();
      } catch (const Error& e) {
        verdict = e.what();
      }
      if (verdict != "ok") throw Error(ErrorKind::Corrupt, tr("restore.error.integrity", {file.string(), verdict}));
      auto ed = editionOf(*copy);
      if (!ed) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {file.string()}));
      if (ed->schema_version > latestSchemaVersion())
        throw Error(ErrorKind::TooNew, tr("store.error.too_new", {file.string(), std::to_string(ed->schema_version),
                                                                  std::to_string(latestSchemaVersion())}));
      info.schema_version = ed->schema_version;
      info.edition_uid = ed->uid;
      info.edition_name = ed->name;
    }

    if (fs::exists(db, ec)) {
      // The current database: same edition? Then keep a consistent copy of it (its WAL included).
      std::optional<sqlite::Database> current;
      std::optional<EditionOf> currentEd;
      std::string why;
      try {
        if (!sqlite::isDatabaseFile(db)) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {database}));
        current.emplace(database, SQLITE_OPEN_READWRITE);
        sqlite3_busy_timeout(current->handle(), 5000);
        currentEd = editionOf(*current);
        if (!currentEd) why = tr("store.error.not_a_database", {database});
      } catch (const Error& e) {
        why = e.what();
        current.reset();
      }
      if (!allowOtherEdition) {
        if (!currentEd) throw Error(ErrorKind::Refused, tr("restore.error.target_unreadable", {database, why}));
        if (currentEd->uid != info.edition_uid)
          throw Error(ErrorKind::Refused,
                      tr("restore.error.other_edition", {file.string(), info.edition_name, info.edition_uid, database,
                                                         currentEd->name, currentEd->uid}));
      }
      PartialFile previousFile(previous, "backup.error.io", PartialFile::Naming::Named);
      if (current) {
        onlineCopy(current->handle(), previousFile.path());
        // Fold the WAL into the file so no stale -wal can be replayed onto the restored database.
        current->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        current.reset();
      } else {
        copyInto(db, previousFile);
      }
      previousFile.publish();
      info.previous = previous.string();
    }
    removeQuietly(staged.string() + "-wal");
    removeQuietly(staged.string() + "-shm");
    removeQuietly(database + "-wal");
    removeQuietly(database + "-shm");
    removeQuietly(database + "-journal");
    stagedFile.publish();
  } catch (const fs::filesystem_error& e) {
    throw Error(ErrorKind::Io, tr("backup.error.io", {database, e.what()}));
  }
  return info;
}

}  // namespace moussem
