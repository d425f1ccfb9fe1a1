// `bench report` (PRODUCT.md, Performance; issue 8): the organisers' report and the dashboard at the
// size of a large fair, 1,000,000 people and 5,000,000 scans over the edition's 7 days. The database is
// built once and kept in the cache folder (people from the demo generator, badges, prints and scans
// inserted in bulk by raw prepared statements). Measured: the figures' first full build (what the
// dashboard does when it opens), an incremental refresh after 1,000 new scans (what it does every few
// seconds), the PDF, the XLSX and the CSV tables, each from a fresh store as `report` does. Floor:
// reading the columns the figures need from every accepted scan, raw sqlite3, nothing else done.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>

#include "badge/new_edition.hpp"
#include "cli_context.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "report/figures.hpp"
#include "report/report.hpp"
#include "store/demo/demo_data.hpp"

namespace moussem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

long peakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

fs::path cacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "moussem" / "bench";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "moussem" / "bench";
  return fs::temp_directory_path() / "moussem-bench-cache";
}

struct Sql {
  sqlite3* h = nullptr;
  explicit Sql(const fs::path& file) {
    if (sqlite3_open(file.c_str(), &h) != SQLITE_OK) fail();
  }
  ~Sql() { sqlite3_close(h); }
  Sql(const Sql&) = delete;
  Sql& operator=(const Sql&) = delete;
  [[noreturn]] void fail() const { throw Error(ErrorKind::Io, std::string("bench report: ") + sqlite3_errmsg(h)); }
  void exec(const char* sql) const {
    if (sqlite3_exec(h, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
  }
  sqlite3_stmt* prepare(const char* sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) != SQLITE_OK) fail();
    return st;
  }
  void step(sqlite3_stmt* st) const {
    if (sqlite3_step(st) != SQLITE_DONE) fail();
    sqlite3_reset(st);
  }
  long long count(const char* sql) const {
    sqlite3_stmt* st = prepare(sql);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return n;
  }
};

void bindText(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// The scans of a busy week: most in the exhibition hall, the forum on its first two days, a few at the
// VIP lounge and the B2B meetings; two thirds entries; 4% refused; times rising through each day from
// 08:30 to 20:00 with a midday peak, people drawn at random (some come often, many once).
struct ScanWriter {
  sqlite3_stmt* st;
  const Sql& db;
  std::vector<std::string> days;
  std::mt19937_64 rng{20260209};
  long long uid = 0;
  void write(long long count, long long people, const std::string& uidPrefix, int onlyDay = -1) {
    static const char* reasons[] = {"not_valid_today", "already_inside", "revoked", "outside_hours", "zone_denied"};
    const long long perDay = onlyDay >= 0 ? count : count / static_cast<long long>(days.size());
    for (std::size_t d = 0; d < days.size(); ++d) {
      if (onlyDay >= 0 && static_cast<int>(d) != onlyDay) continue;
      const long long n =
          onlyDay >= 0 ? count : (d + 1 == days.size() ? count - perDay * static_cast<long long>(d) : perDay);
      for (long long k = 0; k < n; ++k) {
        // Rising time with a midday bulge: a quadratic warp of the day's fraction.
        const double x = static_cast<double>(k) / static_cast<double>(std::max(1LL, n));
        const double warped = x + 0.18 * x * (1 - x) * (1 - 2 * x) * 4;
        const int second = 8 * 3600 + 1800 + static_cast<int>(warped * (11.5 * 3600));
        char at[40];
        std::snprintf(at, sizeof at, "%sT%02d:%02d:%02d+01:00", days[d].c_str(), second / 3600, second / 60 % 60,
                      second % 60);
        const auto roll = rng() % 100;
        const char* zone = roll < 80   ? "exhibition"
                           : roll < 92 ? (d < 2 ? "forum" : "exhibition")
                           : roll < 95 ? "vip"
                                       : "b2b";
        const bool in = rng() % 3 != 0;
        const bool accepted = rng() % 100 >= 4;
        const long long person = 1 + static_cast<long long>(rng() % static_cast<std::uint64_t>(people));
        char uidText[48];
        std::snprintf(uidText, sizeof uidText, "%s%012lld", uidPrefix.c_str(), uid++);
        char serial[16];
        std::snprintf(serial, sizeof serial, "B%07llX", person);
        const std::string gate = std::string(zone) + (in ? "-in" : "-out");
        bindText(st, 1, uidText);
        bindText(st, 2, gate);
        bindText(st, 3, zone);
        bindText(st, 4, in ? "in" : "out");
        bindText(st, 5, "gate-" + std::to_string(1 + rng() % 6));
        bindText(st, 6, "steward");
        bindText(st, 7, at);
        bindText(st, 8, accepted ? "accepted" : "rejected");
        bindText(st, 9, accepted ? "ok" : reasons[rng() % 5]);
        bindText(st, 10, serial);
        sqlite3_bind_int64(st, 11, person);
        db.step(st);
      }
    }
  }
};

constexpr const char* kInsertScan =
    "INSERT INTO scan (uid, gate, zone, direction, station, operator, at, verdict, reason, badge_serial, "
    "badge_version, person_id) VALUES (?,?,?,?,?,?,?,?,?,?,1,?)";

// Builds the cached database: people (copied from `bench open`'s cache when it is there, else made by
// the demo generator), then badges, print events and the scans in one transaction each.
double buildDatabase(const fs::path& db, long long people, long long scans, const Context& ctx) {
  const auto t0 = Clock::now();
  const fs::path creating = db.string() + ".creating";
  std::error_code ec;
  fs::remove(creating, ec);
  const fs::path open = cacheDir() / ("open-" + std::to_string(people) + ".db");
  if (fs::exists(open)) {
    fs::copy_file(open, creating, fs::copy_options::overwrite_existing);
  } else {
    auto store = createEditionDatabase(creating, demoEdition());
    DemoOptions o;
    o.participants = people;
    o.progress = [&ctx](double f) { ctx.progress(tr("demo.progress"), f); };
    fillDemo(*store, o);
  }
  fs::remove(paths::keyFileFor(creating), ec);
  {
    auto store = openStore(creating.string());  // the schema as migrations make it today
  }
  auto h = std::make_unique<Sql>(creating);
  h->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1500000");
  const long long total = h->count("SELECT count(*) FROM person");
  const long long maxId = h->count("SELECT max(id) FROM person");
  h->exec("BEGIN");
  // One badge each; 85% printed once (the funnel's middle step).
  h->exec(
      "INSERT INTO badge (person_id, serial, printed_count) SELECT id, printf('B%07X', id), "
      "CASE WHEN id % 20 < 17 THEN 1 ELSE 0 END FROM person");
  h->exec(
      "INSERT INTO badge_event (badge_id, action, version, station, operator) "
      "SELECT id, 'print', 1, 'desk-1', 'amina' FROM badge WHERE printed_count = 1");
  h->exec("COMMIT");
  ScanWriter w{h->prepare(kInsertScan), *h, {}, std::mt19937_64{20260209}, 0};
  auto edition = openStore(creating.string())->edition();
  w.days = dates::range(edition->starts_on, edition->ends_on);
  h->exec("BEGIN");
  w.write(scans, std::min(total, maxId), "bench-");
  h->exec("COMMIT");
  sqlite3_finalize(w.st);
  h->exec("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE");
  h.reset();  // closed before the rename, so that no -wal or -shm file is left under the old name
  fs::rename(creating, db);
  return msSince(t0) / 1000;
}

// The floor of the figures: every accepted scan's columns they use, read by raw sqlite3 with nothing done.
double floorMs(const fs::path& db, long long& rows) {
  const auto t0 = Clock::now();
  Sql h(db);
  sqlite3_stmt* st = h.prepare(
      "SELECT id, at, coalesce(person_id, 0), zone, direction = 'in' FROM scan "
      "WHERE id > 0 AND verdict = 'accepted' ORDER BY id");
  long long sum = 0;
  rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    sum += sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 2) + sqlite3_column_int64(st, 4);
    sum += sqlite3_column_bytes(st, 1) + sqlite3_column_bytes(st, 3);
    (void)sqlite3_column_text(st, 1);
    (void)sqlite3_column_text(st, 3);
    ++rows;
  }
  sqlite3_finalize(st);
  if (sum == 42) std::fputs("", stderr);  // keeps the loop's reads
  return msSince(t0);
}

}  // namespace

nlohmann::json benchReport(long long people, const Context& ctx) {
  constexpr long long kScans = 5000000, kLiveScans = 1000;
  const fs::path db = cacheDir() / ("report-" + std::to_string(people) + "-" + std::to_string(kScans) + ".db");
  double buildSeconds = 0;
  if (!fs::exists(db)) {
    fs::create_directories(db.parent_path());
    buildSeconds = buildDatabase(db, people, kScans, ctx);
  }
  {  // scans left by an interrupted run's live phase
    Sql h(db);
    h.exec("DELETE FROM scan WHERE uid >= 'live-' AND uid < 'live.'");
  }
  const fs::path out = fs::temp_directory_path() / ("moussem-bench-report-" + std::to_string(std::random_device{}()));
  fs::create_directories(out);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{out};

  nlohmann::json result{{"scenario", "report"}};
  {
    auto store = openStore(db.string());
    const Overview o = store->overview();
    result["people"] = o.people;
    result["scans"] = o.scans;
    result["database_mb"] = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
    result["database_build_seconds"] = buildSeconds;
  }

  // Floor (run first too, so that both read from a warm page cache: the dashboard's machine has the
  // database open all day).
  long long floorRows = 0;
  floorMs(db, floorRows);
  std::vector<double> floor, full;
  for (int i = 0; i < 3; ++i) floor.push_back(floorMs(db, floorRows));

  // The dashboard: first full build, then refreshes as gates append scans.
  report::FiguresBuilder live;
  std::unique_ptr<Store> store;
  for (int i = 0; i < 3; ++i) {
    auto t0 = Clock::now();
    auto s = openStore(db.string());
    report::FiguresBuilder b;
    b.update(*s);
    full.push_back(msSince(t0));
    if (i == 2) {
      live = std::move(b);
      store = std::move(s);
    }
  }
  std::vector<double> incremental, idle;
  {
    Sql h(db);
    h.exec("PRAGMA busy_timeout=5000");
    ScanWriter w{h.prepare(kInsertScan), h, {}, std::mt19937_64{7}, 0};
    const Edition e = store->edition().value_or(Edition{});
    w.days = dates::range(e.starts_on, e.ends_on);
    for (int round = 0; round < 5; ++round) {
      h.exec("BEGIN");
      w.write(kLiveScans, std::max<long long>(1, result["people"].get<long long>()), "live-", 6);
      h.exec("COMMIT");
      auto t0 = Clock::now();
      live.update(*store);
      incremental.push_back(msSince(t0));
      auto t1 = Clock::now();
      live.update(*store);
      idle.push_back(msSince(t1));
    }
    // Every 5 minutes the dashboard re-reads every person (categories changed, people deleted).
    sqlite3_finalize(w.st);
  }
  auto t2 = Clock::now();
  live.update(*store, true);
  const double rereadMs = msSince(t2);
  const long long liveEntries = live.figures().entries;
  store.reset();
  {
    Sql h(db);
    h.exec("DELETE FROM scan WHERE uid >= 'live-' AND uid < 'live.'");
    h.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  // The reports, each as `report --out` makes it: a fresh store, the figures, the file.
  auto reportRun = [&](const std::string& format) {
    auto t0 = Clock::now();
    auto s = openStore(db.string());
    const Edition e = s->edition().value_or(Edition{});
    report::FiguresBuilder b;
    b.update(*s);
    const double figuresMs = msSince(t0);
    auto t1 = Clock::now();
    if (format == "pdf")
      report::writePdf(b.figures(), e, out / "report.pdf");
    else if (format == "xlsx")
      report::writeXlsx(b.figures(), e, out / "report.xlsx");
    else
      report::writeCsvTables(b.figures(), out / "csv");
    const double writeMs = msSince(t1);
    return nlohmann::json{{"seconds", (figuresMs + writeMs) / 1000}, {"figures_ms", figuresMs}, {"write_ms", writeMs}};
  };
  result["pdf"] = reportRun("pdf");
  result["pdf"]["bytes"] = fs::file_size(out / "report.pdf");
  result["xlsx"] = reportRun("xlsx");
  result["xlsx"]["bytes"] = fs::file_size(out / "report.xlsx");
  result["csv"] = reportRun("csv");
  result["target_report_seconds"] = 5;

  result["dashboard"] = {{"full_build_ms_median", median(full)},
                         {"full_build_ms_runs", full},
                         {"incremental_scans", kLiveScans},
                         {"incremental_ms_median", median(incremental)},
                         {"incremental_ms_max", *std::max_element(incremental.begin(), incremental.end())},
                         {"no_change_ms_median", median(idle)},
                         {"reread_people_ms", rereadMs},
                         {"entries_after_live_scans", liveEntries},
                         {"target_ms", 50},
                         {"note", "off the UI thread: the dashboard shows its last figures while a refresh runs"}};
  result["floor"] =
      "raw sqlite3: SELECT of the columns the figures use from every accepted scan, warm page cache, nothing done";
  result["floor_rows"] = floorRows;
  result["floor_ms_median"] = median(floor);
  result["ratio_to_floor"] = median(floor) / median(full);
  result["ratio_note"] = "floor / dashboard full build: 1 would be no cost beyond reading the scans";
  result["peak_rss_mb"] = peakRssMb();
  return result;
}

}  // namespace moussem::cli
