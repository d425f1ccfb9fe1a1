#include "store/transfer.hpp"

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/version.hpp"
#include "store/migrations.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::unique_ptr<TableAccess> sqliteTableAccess(SqliteStore& store);
std::unique_ptr<TableAccess> pgTableAccess(PgStore& store);

std::unique_ptr<TableAccess> tableAccess(Store& store) {
  if (auto* s = dynamic_cast<SqliteStore*>(&store)) return sqliteTableAccess(*s);
  if (auto* p = dynamic_cast<PgStore*>(&store)) return pgTableAccess(*p);
  throw Error(ErrorKind::Invalid, "no table access for backend " + store.backend());
}

namespace fs = std::filesystem;

std::string quotedName(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& c : names) out += (out.empty() ? "" : ", ") + quotedName(c);
  return out;
}

TransferSummary transferEdition(const std::string& from, const std::string& to,
                                const std::function<void(double)>& progress) {
  if (from == to) throw Error(ErrorKind::Usage, tr("station.migrate.same", {from}));
  auto source = openStore(from, OpenMode::Existing);
  if (!source->edition()) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
  const bool fileDestination = !pg::isPostgresUrl(to);
  std::unique_ptr<Store> dest = openStore(to, OpenMode::Create);  // a new file, or an empty server database
  TransferSummary summary;
  summary.from = source->location();
  summary.to = dest->location();
  auto removeFile = [&] {
    if (!fileDestination) return;
    dest.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(to + suffix, ec);
  };
  try {
    if (source->schemaVersion() != dest->schemaVersion())
      throw Error(ErrorKind::Refused, tr("station.migrate.versions", {std::to_string(source->schemaVersion()),
                                                                      std::to_string(dest->schemaVersion())}));
    auto in = tableAccess(*source);
    auto out = tableAccess(*dest);
    const auto destTables = out->tables();
    SnapshotScope snapshot(*in);
    const auto tables = in->tables();
    long long total = 0, done = 0;
    for (const auto& t : tables) total += in->rowCount(t);
    dest->write([&] {
      // A new database holds one row of its own: the note of the Moussem that made its schema
      // (schema.written_by, a setting). Emptied here; written again once the copy is verified.
      out->emptyTable("setting");
      for (const auto& t : tables) {
        if (std::find(destTables.begin(), destTables.end(), t) == destTables.end())
          throw Error(ErrorKind::Refused, tr("station.migrate.no_table", {t}));
        // The columns both sides have (PostgreSQL's zone.seq is its own: filled as rows arrive in order).
        std::vector<std::string> cols;
        const auto theirs = out->columns(t);
        for (const auto& c : in->columns(t))
          if (std::find(theirs.begin(), theirs.end(), c) != theirs.end()) cols.push_back(c);
        // Anything else in the new database: not a new database after all.
        if (out->rowCount(t) != 0) throw Error(ErrorKind::Refused, tr("store.error.exists", {summary.to}));
        in->forEachRow(t, cols, [&](const TableAccess::Row& row) {
          out->insertRow(t, cols, row);
          if (++done % 5000 == 0 && progress && total > 0)
            progress(static_cast<double>(done) / static_cast<double>(total));
        });
      }
      out->afterCopy();
      // Verify before committing: every table has as many rows on both sides.
      for (const auto& t : tables) {
        const long long a = in->rowCount(t), b = out->rowCount(t);
        if (a != b) throw Error(ErrorKind::Io, tr("station.migrate.count", {t, std::to_string(a), std::to_string(b)}));
        summary.tables.push_back({t, a});
        summary.rows += a;
      }
      dest->setSetting(kSchemaWrittenBy, std::string(appVersion()));
    });
    if (progress) progress(1.0);
  } catch (...) {
    removeFile();
    throw;
  }
  return summary;
}

}  // namespace moussem
