// `bench SCENARIO`: performance figures as one JSON object, with the physical floor measured in the
// same run where one exists (PRODUCT.md, Performance). Never used by timed tests.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>

#include "badge/new_edition.hpp"
#include "bench_support.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "store/demo/demo_data.hpp"

namespace moussem::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
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

// A folder for one benchmark run, removed afterwards.
// Drops a file's pages from the OS cache so the next open reads the disk ("cold").
void dropFromCache(const fs::path& file) {
  for (const char* suffix : {"", "-wal"}) {
    int fd = ::open((file.string() + suffix).c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

void check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw Error(ErrorKind::Io, sqlite3_errmsg(db));
}

// The floor of `demo`: the very rows the demo wrote (read back into memory first), inserted with one
// raw prepared statement in one transaction into an empty database of the same schema and settings.
double rawInsertSeconds(const fs::path& source, const fs::path& db) {
  constexpr int kColumns = 13;
  std::vector<std::string> cells;
  std::vector<int> isNull;
  {
    sqlite3* src = nullptr;
    check(sqlite3_open_v2(source.c_str(), &src, SQLITE_OPEN_READONLY, nullptr), src);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(src,
                             "SELECT external_id, first_name, last_name, name_ar, organization, position, category, "
                             "country, email, phone, days, consent_at, exhibitor_id FROM person ORDER BY id",
                             -1, &st, nullptr),
          src);
    while (sqlite3_step(st) == SQLITE_ROW)
      for (int c = 0; c < kColumns; ++c) {
        const unsigned char* t = sqlite3_column_text(st, c);
        isNull.push_back(t == nullptr);
        cells.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
      }
    sqlite3_finalize(st);
    sqlite3_close(src);
  }
  sqlite3* h = nullptr;
  check(sqlite3_open(db.c_str(), &h), h);
  sqlite3_exec(h,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768",
               nullptr, nullptr, nullptr);
  // Exhibitors first, so that staff rows keep a valid exhibitor_id.
  sqlite3_exec(h,
               ("ATTACH '" + source.string() +
                "' AS src; INSERT INTO main.exhibitor SELECT * FROM src.exhibitor; "
                "DETACH src;")
                   .c_str(),
               nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(h,
                           "INSERT INTO person (external_id, first_name, last_name, name_ar, organization, position, "
                           "category, country, email, phone, days, consent, consent_at, exhibitor_id) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?)",
                           -1, &st, nullptr),
        h);
  const std::size_t rows = cells.size() / kColumns;
  auto t0 = Clock::now();
  sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  for (std::size_t r = 0; r < rows; ++r) {
    for (int c = 0; c < kColumns; ++c) {
      std::size_t i = r * kColumns + static_cast<std::size_t>(c);
      if (isNull[i])
        sqlite3_bind_null(st, c + 1);
      else
        sqlite3_bind_text(st, c + 1, cells[i].c_str(), static_cast<int>(cells[i].size()), SQLITE_STATIC);
    }
    check(sqlite3_step(st), h);
    sqlite3_reset(st);
  }
  sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
  double s = secondsSince(t0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return s;
}

nlohmann::json benchDemo(long long n) {
  BenchScratch scratch("");
  auto store = createEditionDatabase(scratch.dir / "demo.db", demoEdition());
  DemoOptions o;
  o.participants = n;
  auto t0 = Clock::now();
  DemoSummary s = fillDemo(*store, o);
  double seconds = secondsSince(t0);
  const long demoRss = peakRssMb();
  store.reset();
  long long rows = s.participants + s.staff;  // people: the rows the floor inserts too

  createEditionDatabase(scratch.dir / "floor.db", demoEdition()).reset();
  double floorSeconds = rawInsertSeconds(scratch.dir / "demo.db", scratch.dir / "floor.db");
  double rate = static_cast<double>(rows) / seconds, floorRate = static_cast<double>(rows) / floorSeconds;
  return {
      {"scenario", "demo"},
      {"participants", s.participants},
      {"rows", rows},
      {"rows_note", "people (participants and exhibitor staff); exhibitors, halls and booths are not counted"},
      {"seconds", seconds},
      {"rows_per_s", rate},
      {"floor", "the same person rows, read back into memory, inserted by one raw prepared INSERT in one transaction"},
      {"floor_seconds", floorSeconds},
      {"floor_rows_per_s", floorRate},
      {"ratio_to_floor", rate / floorRate},
      {"peak_rss_mb_demo", demoRss},
      {"peak_rss_mb_with_floor", peakRssMb()}};
}

nlohmann::json benchOpen(long long n, const Context& ctx) {
  double buildSeconds = 0;
  const fs::path db = cachedDemoEdition(n, ctx, &buildSeconds);
  constexpr int kRuns = 5;
  std::vector<double> openMs, overviewMs, floorMs;
  long long people = 0;
  for (int i = 0; i < kRuns; ++i) {
    dropFromCache(db);
    auto t0 = Clock::now();
    auto store = openStore(db.string(), OpenMode::Existing);
    auto ed = store->edition();
    openMs.push_back(secondsSince(t0) * 1000);
    auto t1 = Clock::now();
    people = store->overview().people;
    overviewMs.push_back(secondsSince(t1) * 1000);
  }
  for (int i = 0; i < kRuns; ++i) {
    dropFromCache(db);
    auto t0 = Clock::now();
    sqlite3* h = nullptr;
    check(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr), h);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(h, "SELECT count(*) FROM person", -1, &st, nullptr), h);
    check(sqlite3_step(st), h);
    sqlite3_finalize(st);
    sqlite3_close(h);
    floorMs.push_back(secondsSince(t0) * 1000);
  }
  double total = median(openMs) + median(overviewMs);
  return {{"scenario", "open"},
          {"people", people},
          {"database_mb", static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0)},
          {"build_seconds", buildSeconds},
          {"runs", kRuns},
          {"open_ms_median", median(openMs)},
          {"open_ms_first", openMs.front()},
          {"overview_ms_median", median(overviewMs)},
          {"open_and_overview_ms_median", total},
          {"floor", "raw sqlite3_open + SELECT count(*) FROM person, page cache dropped"},
          {"floor_ms_median", median(floorMs)},
          {"ratio_to_floor", median(floorMs) / total},
          {"peak_rss_mb", peakRssMb()}};
}

struct BenchOptions {
  std::string scenario;
  long long n = 0;
  long long requests = 0;  // b2b: requests of the --n participants
  int seeds = 5;           // allocate, b2b: seeds per size
  std::string lp;          // allocate: also write the instance as an LP file (one size, one seed)
  int processes = 0;
  long long scans = 10000;
  int sample = 200;  // desk-find: people sampled
};

}  // namespace

void registerBench(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BenchOptions>();
  auto* sub = app.add_subcommand("bench", tr("cli.help.bench.about"));
  sub->add_option("scenario", opts->scenario, tr("cli.help.bench.scenario"))
      ->required()
      ->check(CLI::IsMember({"demo", "open", "search", "import", "badges", "gate", "allocate", "report", "ui-frame",
                             "desk-find", "b2b"}));
  sub->add_option("--n", opts->n, tr("cli.help.bench.n"))->check(CLI::Range(1LL, 10000000LL));
  sub->add_option("--requests", opts->requests, tr("cli.help.bench.requests"))->check(CLI::Range(1LL, 10000000LL));
  sub->add_option("--seeds", opts->seeds, tr("cli.help.bench.seeds"))->check(CLI::Range(1, 100));
  sub->add_option("--export-lp", opts->lp, tr("cli.help.bench.export-lp"));
  sub->add_option("--processes", opts->processes, tr("cli.help.bench.processes"))->check(CLI::Range(1, 64));
  sub->add_option("--scans", opts->scans, tr("cli.help.bench.scans"))->check(CLI::Range(1LL, 10000000LL));
  sub->add_option("--sample", opts->sample, tr("cli.help.bench.sample"))->check(CLI::Range(1, 100000));
  sub->callback([&ctx, opts] {
    ctx.action = [&ctx, opts] {
      nlohmann::json result;
      if (opts->scenario == "search" || opts->scenario == "import") {  // bench_registry.cpp
        result = opts->scenario == "search" ? benchSearch(opts->n > 0 ? opts->n : 1000000, ctx)
                                            : benchImport(opts->n > 0 ? opts->n : 100000, ctx);
        std::cout << result.dump() << std::endl;
        return;
      }
      if (opts->scenario == "ui-frame")
        result = benchUiFrame(opts->n > 0 ? opts->n : 1000000, ctx);  // bench_ui.cpp
      else if (opts->scenario == "desk-find")
        result = benchDeskFind(opts->n, opts->sample, ctx);  // bench_desk.cpp
      else if (opts->scenario == "allocate")
        result = benchAllocate(opts->n, opts->seeds, opts->lp);  // cmd_booth.cpp
      else if (opts->scenario == "b2b")
        result = benchB2b(opts->n, opts->requests, opts->seeds, opts->lp);  // bench_b2b.cpp
      else if (opts->scenario == "demo")
        result = benchDemo(opts->n > 0 ? opts->n : 100000);
      else if (opts->scenario == "badges")
        result = benchBadges(opts->n > 0 ? opts->n : 1000, ctx);
      else if (opts->scenario == "gate" && opts->processes > 0)
        result = benchGateStations(opts->n > 0 ? opts->n : 100000, opts->processes, opts->scans, ctx);
      else if (opts->scenario == "gate")
        result = benchGate(opts->n > 0 ? opts->n : 1000000, ctx);
      else if (opts->scenario == "report")
        result = benchReport(opts->n > 0 ? opts->n : 1000000, ctx);
      else
        result = benchOpen(opts->n > 0 ? opts->n : 1000000, ctx);
      std::cout << result.dump() << std::endl;
    };
  });
}

}  // namespace moussem::cli
