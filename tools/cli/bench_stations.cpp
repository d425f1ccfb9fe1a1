// `bench gate --processes P [--scans S] [--n N] [--db postgresql://...|FILE.db]`: P gate processes
// scanning the same badges at once on one database, through the very ScanPipeline of the kiosk. Every
// process scans the same S badges in its own order under anti-passback, so every badge is contended P
// times: exactly one acceptance per badge is expected. Prints total scans/s, p50/p99 latency, and the
// checks "lost" (scans not in the log) and "double_accepts" (badges accepted more than once), both
// counted in the database afterwards. Without --db: a temporary SQLite file, for the figures beside.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>

#include "badge/new_edition.hpp"
#include "badge/payload.hpp"
#include "cli_context.hpp"
#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"
#include "gate/gate_profiles.hpp"
#include "gate/scan_pipeline.hpp"
#include "store/demo/demo_data.hpp"
#include "store/postgres/pg_db.hpp"

namespace moussem::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

std::string arrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\"" : "\"") + items[i] + "\"";
  return out + "}";
}

// People and badges on the server in batches of 10,000 rows per statement (arrays as parameters).
void fillServer(const std::string& url, long long n) {
  pg::Connection c(url);
  std::vector<std::string> cats;
  for (auto code : codes::categories()) cats.emplace_back(code);
  c.exec("BEGIN");
  for (long long from = 1; from <= n; from += 10000) {
    const long long to = std::min(n, from + 9999);
    c.run(
        "INSERT INTO person (id, first_name, last_name, name_ar, organization, category, consent) "
        "SELECT i, 'Youssef', 'Alaoui', 'يوسف العلوي', 'Coopérative', ($3::text[])[1 + i % array_length($3::text[], "
        "1)], 1 "
        "FROM generate_series($1::bigint, $2::bigint) AS i",
        pg::Params().add(static_cast<std::int64_t>(from)).add(static_cast<std::int64_t>(to)).add(arrayLiteral(cats)));
    std::vector<std::string> ids, serials;
    for (long long i = from; i <= to; ++i) {
      ids.push_back(std::to_string(i));
      serials.push_back(benchSerial(static_cast<std::uint64_t>(i)));
    }
    c.run(
        "INSERT INTO badge (person_id, serial, version) SELECT p, s, 1 FROM unnest($1::bigint[], $2::text[]) AS t(p, "
        "s)",
        pg::Params().add(arrayLiteral(ids)).add(arrayLiteral(serials)));
  }
  c.run("SELECT setval(pg_get_serial_sequence('person', 'id'), $1)", pg::Params().add(static_cast<std::int64_t>(n)));
  c.exec("COMMIT");
}

long long scalar(const std::string& db, const std::string& sql) {
  if (pg::isPostgresUrl(db)) {
    pg::Connection c(db);
    auto r = c.run(sql);
    return r.rows() ? r.integer(0, 0) : -1;
  }
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr);
  long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

double percentile(std::vector<float>& v, double p) {
  if (v.empty()) return 0;
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  return v[i];
}

struct WorkerResult {
  long long accepted = 0, rejected = 0, errors = 0;
};

// One gate process: its own connection and pipeline; waits for the start signal, then scans.
[[noreturn]] void worker(const std::string& db, int index, std::vector<std::string> payloads,
                         const GateProfile& profile, const gate::Moment& at, int ready, int go, const fs::path& out) {
  int code = 0;
  try {
    auto store = openStore(db);
    gate::ScanPipeline pipeline(*store, {"bench-gate-" + std::to_string(index), "bench"});
    std::mt19937_64 rnd(static_cast<std::uint64_t>(index) + 1);
    std::shuffle(payloads.begin(), payloads.end(), rnd);
    char b = 1;
    if (::write(ready, &b, 1) != 1) ::_exit(3);
    if (::read(go, &b, 1) != 1) ::_exit(3);
    WorkerResult r;
    std::vector<float> latency;
    latency.reserve(payloads.size());
    for (const auto& p : payloads) {
      auto t0 = Clock::now();
      try {
        auto v = pipeline.scan(p, profile, Direction::In, at);
        (v.accepted ? r.accepted : r.rejected) += 1;
      } catch (const std::exception&) {
        ++r.errors;
      }
      latency.push_back(std::chrono::duration<float, std::micro>(Clock::now() - t0).count());
    }
    std::ofstream f(out, std::ios::binary);
    f.write(reinterpret_cast<const char*>(&r), sizeof r);
    f.write(reinterpret_cast<const char*>(latency.data()),
            static_cast<std::streamsize>(latency.size() * sizeof(float)));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench gate worker %d: %s\n", index, e.what());
    char b = 0;
    (void)!::write(ready, &b, 1);
    code = 2;
  }
  ::_exit(code);
}

}  // namespace

nlohmann::json benchGateStations(long long n, int processes, long long scansEach, const Context& ctx) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("moussem-bench-stations-" + std::to_string(rd()));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path d;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  } cleanup{dir};
  const std::string db = ctx.db.empty() ? (dir / "gate.db").string() : ctx.db;
  const bool server = pg::isPostgresUrl(db);

  auto t0 = Clock::now();
  createEditionDatabase(db, demoEdition()).reset();  // a server database must be empty (like init)
  if (server)
    fillServer(db, n);
  else
    fillBadges(db, n, ctx);
  const double buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();

  GateProfile profile;
  std::vector<std::string> payloads;
  Edition edition;
  {
    auto store = openStore(db);
    edition = *store->edition();
    profile.name = "bench-turnstile";
    profile.zone = "exhibition";
    profile.reentry = ReentryPolicy::Antipassback;
    store->insertGateProfile(profile);
    const SigningKey key = readKeyFile(paths::keyFileFor(db));
    const long long distinct = std::min(n, scansEach);
    auto cats = codes::categories();
    for (long long k = 0; k < distinct; ++k) {
      const auto id = static_cast<std::uint64_t>(1 + (k * 7919) % n);  // spread over the whole index
      BadgeClaims c;
      c.edition = edition.uid;
      c.serial = benchSerial(id);
      c.category = std::string(cats[id % cats.size()]);
      payloads.push_back(signPayload(c, key.secret_key));
    }
    while (static_cast<long long>(payloads.size()) < scansEach)  // more scans than badges: scan again
      payloads.push_back(payloads[payloads.size() % static_cast<std::size_t>(distinct)]);
  }
  const auto at = *gate::parseMoment(edition.starts_on + "T10:00:00+01:00");

  int ready[2], go[2];
  if (::pipe(ready) != 0 || ::pipe(go) != 0) throw Error(ErrorKind::Io, "pipe");
  std::vector<pid_t> pids;
  for (int p = 0; p < processes; ++p) {
    pid_t pid = ::fork();
    if (pid < 0) throw Error(ErrorKind::Io, "fork");
    if (pid == 0) {
      ::close(ready[0]);
      ::close(go[1]);
      worker(db, p, payloads, profile, at, ready[1], go[0], dir / ("worker" + std::to_string(p)));
    }
    pids.push_back(pid);
  }
  ::close(ready[1]);
  ::close(go[0]);
  int readyCount = 0;
  for (int p = 0; p < processes; ++p) {
    char b = 0;
    if (::read(ready[0], &b, 1) == 1 && b == 1) ++readyCount;
  }
  const auto tScan = Clock::now();
  std::string starts(static_cast<std::size_t>(processes), '\1');
  (void)!::write(go[1], starts.data(), starts.size());
  ::close(go[1]);
  int failedWorkers = 0;
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failedWorkers;
  }
  const double wall = std::chrono::duration<double>(Clock::now() - tScan).count();
  ::close(ready[0]);

  WorkerResult total;
  std::vector<float> latency;
  for (int p = 0; p < processes; ++p) {
    std::ifstream f(dir / ("worker" + std::to_string(p)), std::ios::binary);
    WorkerResult r;
    if (!f.read(reinterpret_cast<char*>(&r), sizeof r)) continue;
    total.accepted += r.accepted;
    total.rejected += r.rejected;
    total.errors += r.errors;
    std::vector<float> l(static_cast<std::size_t>(scansEach));
    f.read(reinterpret_cast<char*>(l.data()), static_cast<std::streamsize>(l.size() * sizeof(float)));
    latency.insert(latency.end(), l.begin(), l.begin() + f.gcount() / static_cast<std::streamsize>(sizeof(float)));
  }
  const long long expected = static_cast<long long>(processes) * scansEach;
  const long long logged = scalar(db, "SELECT count(*) FROM scan WHERE gate = 'bench-turnstile'");
  const long long doubles = scalar(db,
                                   "SELECT count(*) FROM (SELECT badge_serial FROM scan WHERE gate = 'bench-turnstile' "
                                   "AND verdict = 'accepted' GROUP BY badge_serial HAVING count(*) > 1) AS d");
  const long long acceptedLogged =
      scalar(db, "SELECT count(*) FROM scan WHERE gate = 'bench-turnstile' AND verdict = 'accepted'");
  const long long distinct = std::min(n, scansEach);
  return {{"scenario", "gate-stations"},
          {"backend", server ? "postgresql" : "sqlite"},
          {"badges", n},
          {"processes", processes},
          {"processes_ready", readyCount},
          {"scans_per_process", scansEach},
          {"build_seconds", buildSeconds},
          {"scans", expected},
          {"seconds", wall},
          {"scans_per_s", static_cast<double>(total.accepted + total.rejected) / wall},
          {"p50_us", percentile(latency, 0.50)},
          {"p99_us", percentile(latency, 0.99)},
          {"max_us", percentile(latency, 1.0)},
          {"accepted", total.accepted},
          {"rejected", total.rejected},
          {"errors", total.errors},
          {"failed_processes", failedWorkers},
          {"logged", logged},
          {"lost", expected - logged},
          {"double_accepts", doubles},
          {"expected_accepted", distinct},
          {"accepted_logged", acceptedLogged},
          {"path",
           "P processes, each its own connection and ScanPipeline (the kiosk's code): parse, Ed25519 verify, "
           "index, rules, one logged scan with the anti-passback guard in the database, person summary"}};
}

}  // namespace moussem::cli
