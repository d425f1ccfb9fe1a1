// SQLite implementation of Store. Opening checks that the file is a Moussem database of a version we
// know before anything is written, then applies pending migrations one transaction each.
#include "store/sqlite/sqlite_store.hpp"

#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/version.hpp"
#include "store/migrations.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

using sql_rows::joinList;

namespace fs = std::filesystem;

SqliteStore::SqliteStore(const std::string& path, OpenMode mode) {
  const fs::path file(path);
  std::error_code ec;
  if (mode == OpenMode::Existing) {
    if (!fs::exists(file, ec)) throw Error(ErrorKind::NotFound, tr("store.error.not_found", {path}));
    if (fs::is_directory(file, ec)) throw Error(ErrorKind::Invalid, tr("store.error.is_folder", {path}));
    // Checked through SQLite: this process may already hold the file open (a worker's connection).
    if (!sqlite::isDatabaseFile(file)) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {path}));
  } else {
    if (fs::exists(file, ec)) throw Error(ErrorKind::Refused, tr("store.error.exists", {path}));
    if (file.has_parent_path() && !fs::exists(file.parent_path(), ec)) {
      fs::create_directories(file.parent_path(), ec);
      if (ec) throw Error(ErrorKind::Io, tr("store.error.cannot_create", {path, ec.message()}));
    }
    createPrivateFile(file, "store.error.cannot_create");  // 0600: personal data (SQLite would make it 0644)
  }

  int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::Create ? SQLITE_OPEN_CREATE : 0);
  try {
    db_ = std::make_unique<sqlite::Database>(path, flags);
  } catch (const Error& e) {
    if (mode == OpenMode::Create) fs::remove(file, ec);  // the empty file made above
    throw Error(e.kind(), tr(mode == OpenMode::Create ? "store.error.cannot_create" : "store.error.cannot_open",
                             {path, e.what()}));
  }
  sqlite3_busy_timeout(db_->handle(), 5000);

  try {
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
      std::string writtenBy;
      try {  // a newer schema still keeps its settings: which Moussem to install
        writtenBy = setting(kSchemaWrittenBy).value_or("");
      } catch (const Error&) {
      }
      throw Error(ErrorKind::TooNew, tooNewMessage(path, version, writtenBy));
    }
    if (version == 0 && count("SELECT count(*) FROM sqlite_master") > 0)
      throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {path}));
    db_->exec("PRAGMA foreign_keys = ON");
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");  // in WAL: survives an application crash (kill -9)
    db_->exec("PRAGMA cache_size = -32768");   // 32 MiB: large imports stay in memory, not in the WAL
    migrate();
  } catch (const Error& e) {
    // SQLite's own words ("file is not a database") become the user's: this is not a Moussem database.
    if (e.kind() == ErrorKind::Corrupt) throw Error(ErrorKind::Corrupt, tr("store.error.not_a_database", {path}));
    throw;
  }
}

int SqliteStore::schemaVersion() {
  auto& st = db_->prepare("PRAGMA user_version");
  int v = st.step() ? static_cast<int>(st.integer(0)) : 0;
  st.reset();
  return v;
}

void SqliteStore::migrate() {
  int current = schemaVersion();
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    db_->exec("BEGIN IMMEDIATE");
    try {
      db_->exec(std::string(m.sql).c_str());
      if (m.version == 8) fillNameKeys();
      db_->exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
      if (m.version == latestSchemaVersion()) {
        auto& st = db_->prepare(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
        st.bind(1, std::string(kSchemaWrittenBy)).bind(2, std::string(appVersion()));
        st.run();
      }
      db_->exec("COMMIT");
    } catch (...) {
      db_->exec("ROLLBACK");
      throw;
    }
  }
}

void SqliteStore::checkWritable() {
  db_->checkWritable();
}

void SqliteStore::fillNameKeys() {
  // Migration 8 (inside its transaction): every person's folded list name, a batch at a time.
  Id after = 0;
  for (;;) {
    auto& read =
        db_->prepare("SELECT id, first_name, last_name, name_ar FROM person WHERE id > ?1 ORDER BY id LIMIT 10000");
    read.bind(1, after);
    std::vector<std::pair<Id, std::string>> keys;
    while (read.step()) {
      Person p;
      p.id = read.integer(0);
      p.first_name = read.text(1);
      p.last_name = read.text(2);
      p.name_ar = read.text(3);
      keys.emplace_back(p.id, names::sortKey(p));
    }
    read.reset();
    if (keys.empty()) return;
    auto& write = db_->prepare("UPDATE person SET name_key = ?1 WHERE id = ?2");
    for (const auto& [id, key] : keys) {
      write.bind(1, key).bind(2, id);
      write.run();
      write.reset();
    }
    after = keys.back().first;
  }
}

void SqliteStore::writeOne(const std::function<void()>& statement) {
  // One statement is atomic by itself: inside a transaction it needs no savepoint of its own.
  if (db_->depth() > 0)
    statement();
  else
    write(statement);
}

std::string SqliteStore::idList(const std::vector<Id>& ids) const {
  std::string list = "[";
  for (Id id : ids) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  return list + "]";
}

}  // namespace moussem
