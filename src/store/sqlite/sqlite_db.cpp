#include "store/sqlite/sqlite_db.hpp"

#include <sys/statvfs.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"

namespace moussem::sqlite {

namespace {

// Less free space than this on the database's disk: a failed write is a full disk.
constexpr unsigned long long kNearlyFull = 256 * 1024;

std::string folderOf(const std::string& path) {
  const std::filesystem::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// A database on a read-only file system (a write-protected stick, a read-only mount) cannot even be
// opened in WAL mode: SQLite says "unable to open database file".
bool readOnlyDisk(const std::string& path) {
  struct statvfs st {};
  return ::statvfs(folderOf(path).c_str(), &st) == 0 && (st.f_flag & ST_RDONLY);
}

bool diskFull(const std::string& path) {
  struct statvfs st {};
  if (::statvfs(folderOf(path).c_str(), &st) != 0) return false;
  return static_cast<unsigned long long>(st.f_bavail) * st.f_frsize < kNearlyFull;
}

ErrorKind kindOf(int rc) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return ErrorKind::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return ErrorKind::Io;
    case SQLITE_CONSTRAINT:
      return ErrorKind::Invalid;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorKind::Refused;
    default:
      return ErrorKind::Io;
  }
}

}  // namespace

std::string failureMessage(int rc, const std::string& path, const std::string& message) {
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return tr("store.error.disk_full", {path});
    case SQLITE_READONLY:
      return tr("store.error.read_only", {path});
    case SQLITE_IOERR:
      return diskFull(path) ? tr("store.error.disk_full", {path}) : tr("store.error.io", {path, message});
    case SQLITE_CANTOPEN:
      if (!path.empty() && readOnlyDisk(path)) return tr("store.error.read_only", {path});
      return path.empty() ? message : path + ": " + message;
    default:
      return path.empty() ? message : path + ": " + message;
  }
}

namespace {
std::string fileOf(sqlite3* db) {
  const char* f = db ? sqlite3_db_filename(db, "main") : nullptr;
  return f ? f : "";
}
// A failing statement: data errors keep SQLite's words (callers name the record); the disk's failures
// become one sentence naming the file.
std::string stepMessage(int rc, sqlite3* db) {
  const std::string msg = sqlite3_errmsg(db);
  switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      return failureMessage(rc, fileOf(db), msg);
    default:
      return msg;
  }
}
}  // namespace

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, bool returns_id) : db_(db), stmt_(stmt), returns_id_(returns_id) {
  const int n = sqlite3_bind_parameter_count(stmt_);
  for (int k = 1; k <= n; ++k) {
    const char* name = sqlite3_bind_parameter_name(stmt_, k);
    if (!name || name[0] != '$' || name[1] < '1' || name[1] > '9') continue;
    const int number = std::atoi(name + 1);
    if (number >= static_cast<int>(slots_.size())) slots_.resize(static_cast<std::size_t>(number) + 1, 0);
    slots_[static_cast<std::size_t>(number)] = k;
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, slot(index), value); rc != SQLITE_OK)
    throw Error(ErrorKind::Io, sqlite3_errmsg(db_));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, slot(index), value); rc != SQLITE_OK)
    throw Error(ErrorKind::Io, sqlite3_errmsg(db_));
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, slot(index), value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      rc != SQLITE_OK)
    throw Error(ErrorKind::Io, sqlite3_errmsg(db_));
  return *this;
}

Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_, slot(index));
  return *this;
}

bool Statement::step() {
  if (returns_id_ && id_row_ != IdRow::NotRun) {
    id_row_ = IdRow::Done;
    return false;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    if (!returns_id_) return false;
    // One row inserted (not one skipped by ON CONFLICT DO NOTHING): its id, as RETURNING would say.
    id_row_ = sqlite3_changes(db_) > 0 ? IdRow::Shown : IdRow::Done;
    inserted_id_ = sqlite3_last_insert_rowid(db_);
    return id_row_ == IdRow::Shown;
  }
  std::string msg = stepMessage(rc, db_);
  sqlite3_reset(stmt_);
  throw Error(kindOf(rc), msg);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  id_row_ = IdRow::NotRun;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::view(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::string Statement::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

Database::Database(const std::string& path, int flags) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(kindOf(rc), failureMessage(rc, path, msg));
  }
  sqlite3_extended_result_codes(db_, 1);
  live_files::add(path_);  // readers of user-named files refuse it from now on
}

Database::~Database() {
  cache_.clear();  // finalize statements before closing
  if (db_) sqlite3_close(db_);
  live_files::remove(path_);
}

void Database::exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw Error(kindOf(rc), failureMessage(sqlite3_extended_errcode(db_), path_, msg));
  }
}

void Database::run(const std::string& sql) {
  Statement& st = prepare(sql);
  try {
    st.run();
  } catch (const Error& e) {
    const std::string what = e.what();
    throw Error(e.kind(), what.find(path_) == std::string::npos ? path_ + ": " + what : what);
  }
  st.reset();
}

namespace {

// SQLite runs a statement with RETURNING as if it had triggers: inside a transaction of several
// statements each one then writes every page it touches to a statement journal, a temporary file (an
// import of 20,000 people wrote 455 MB there and took 6 times as long as the same inserts without it).
// A single-row INSERT ... RETURNING id (the shared store's way of asking for the new id, which
// PostgreSQL needs) runs here without the clause, and the id comes from sqlite3_last_insert_rowid.
constexpr std::string_view kReturningId = " RETURNING id";

bool returnsOnlyNewId(std::string_view sql) {
  return sql.size() > kReturningId.size() && sql.substr(sql.size() - kReturningId.size()) == kReturningId &&
         sql.rfind("INSERT ", 0) == 0 && sql.find("DO UPDATE") == std::string_view::npos &&
         sql.find(" SELECT ") == std::string_view::npos;
}

}  // namespace

Statement& Database::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->reset();
    return *it->second;
  }
  const bool returnsId = returnsOnlyNewId(sql);
  const std::string_view text =
      returnsId ? std::string_view(sql).substr(0, sql.size() - kReturningId.size()) : std::string_view(sql);
  sqlite3_stmt* stmt = nullptr;
  int rc =
      sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  auto& slot = cache_[sql];
  slot = std::make_unique<Statement>(db_, stmt, returnsId);
  return *slot;
}

void Database::checkWritable() const {
  if (sqlite3_db_readonly(db_, "main") == 1) throw Error(ErrorKind::Refused, tr("store.error.read_only", {path_}));
}

void Database::begin() {
  checkWritable();
  run("BEGIN IMMEDIATE");
}

void Database::fail(int rc, std::string_view what) const {
  throw Error(kindOf(rc), failureMessage(rc, path_, std::string(what) + ": " + sqlite3_errmsg(db_)));
}

bool isDatabaseFile(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);  // stat(): no descriptor
  if (ec || size == 0) return false;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);  // reads the header
  sqlite3_close(db);
  // Only "not a database" says no: a damaged, busy or unreadable database is still one (and the caller
  // says what is wrong with it when it opens it).
  return (rc & 0xff) != SQLITE_NOTADB;
}

}  // namespace moussem::sqlite
