#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "gate/gate_station.hpp"
#include "held_lock.hpp"
#include "tcp_relay.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {
struct DemoDb {
  TempDir dir;
  std::string db = moussem::test::dbPath(dir, "demo.db").string();
  DemoDb() {
    REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "4", "--participants", "20"}).exit_code == 0);
  }
  moussem::test::RunResult cli(std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--db", db});
    return run("moussem-cli", args, in);
  }
  std::string payload(int person) {
    auto r = cli({"--json", "badge", "payload", "--person", std::to_string(person)});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["payload"];
  }
  long long count(const char* sql) {
    if (moussem::test::onPostgres()) return std::stoll(moussem::test::pgQuery(db, sql));
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
  }
};
std::vector<json> lines(const std::string& out) {
  std::vector<json> v;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) v.push_back(json::parse(l));
  return v;
}
}  // namespace

TEST_CASE("gate list shows the edition's defaults, gate add adds, refuses bad fields and duplicates") {
  DemoDb d;
  auto list = json::parse(d.cli({"--json", "gate", "list"}).out);
  REQUIRE(list.size() == 3);
  CHECK(list[0]["name"] == "exhibition");
  auto r =
      d.cli({"--json", "gate", "add", "b2b-in", "--zone", "b2b", "--direction", "in", "--categories", "buyer,economic",
             "--days", "2026-02-10,2026-02-11", "--hours", "09:00-13:00", "--reentry", "once-per-day"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["hours"] == "09:00-13:00");
  CHECK(d.cli({"gate", "add", "b2b-in", "--zone", "b2b", "--direction", "in"}).exit_code == 1);
  CHECK(d.cli({"gate", "add", "x", "--zone", "garden", "--direction", "in"}).exit_code == 1);
  CHECK(d.cli({"gate", "add", "x", "--zone", "b2b", "--direction", "in", "--hours", "13:00-09:00"}).exit_code == 1);
  CHECK(d.cli({"gate", "add", "x", "--zone", "b2b", "--direction", "up"}).exit_code == 2);
  CHECK(json::parse(d.cli({"--json", "gate", "list"}).out).size() == 4);
}

TEST_CASE(
    "gate add and scan refuse an unknown direction, re-entry or presence reset, naming the option and the codes") {
  DemoDb d;
  auto r = d.cli({"--lang", "en", "gate", "add", "x", "--zone", "b2b", "--reentry", "bogus"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--reentry") != std::string::npos);
  CHECK(r.err.find("bogus") != std::string::npos);
  CHECK(r.err.find("always, antipassback, once-per-day") != std::string::npos);
  r = d.cli({"--lang", "en", "gate", "add", "x", "--zone", "b2b", "--presence-reset", "weekly"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("weekly") != std::string::npos);
  r = d.cli({"--lang", "en", "scan", "--gate", "exhibition", "--direction", "Out"}, "\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--direction") != std::string::npos);
  CHECK(r.err.find("in, out") != std::string::npos);
  CHECK(json::parse(d.cli({"--json", "gate", "list"}).out).size() == 3);  // nothing added
  CHECK(d.count("SELECT count(*) FROM scan") == 0);                       // nothing logged
}

TEST_CASE("scan prints one verdict line per payload line, exactly in the documented shape") {
  DemoDb d;
  const std::string p = d.payload(1);
  auto r = d.cli({"scan", "--gate", "exhibition", "--at", "2026-02-10T10:00:00+01:00", "--operator", "samir"},
                 p + "\n\ngarbage\n" + std::string(10240, 'Z') + "\n" + p + "\r\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto v = lines(r.out);
  REQUIRE(v.size() == 5);
  std::vector<std::string> keys;
  for (auto it = v[0].begin(); it != v[0].end(); ++it) keys.push_back(it.key());
  CHECK(v[0]["verdict"] == "accepted");
  CHECK(v[0]["reason"] == "ok");
  CHECK(v[0]["gate"] == "exhibition");
  CHECK(v[0]["direction"] == "in");
  CHECK(v[0]["at"] == "2026-02-10T10:00:00+01:00");
  CHECK(v[0]["badge"]["version"] == 1);
  CHECK(v[0]["person"]["id"] == 1);
  CHECK(v[0]["person"].contains("name_ar"));
  CHECK(v[0]["latency_us"].is_number());
  for (int i : {1, 2, 3}) {
    CHECK(v[static_cast<std::size_t>(i)]["reason"] == "malformed");
    CHECK(v[static_cast<std::size_t>(i)]["badge"].is_null());
    CHECK(v[static_cast<std::size_t>(i)]["person"].is_null());
  }
  CHECK(v[4]["verdict"] == "accepted");
  CHECK(d.count("SELECT count(*) FROM scan") == 5);
  CHECK(d.count("SELECT count(*) FROM scan WHERE operator = 'samir'") == 5);
  // Unknown gate, bad moment: clear errors, nothing logged.
  CHECK(d.cli({"scan", "--gate", "nowhere"}, p + "\n").exit_code == 1);
  CHECK(d.cli({"scan", "--gate", "exhibition", "--at", "tomorrow"}, p + "\n").exit_code == 2);
  CHECK(d.count("SELECT count(*) FROM scan") == 5);
}

TEST_CASE("kill -9 during a stream of scans: every printed verdict is in the log, and the database is sound") {
  DemoDb d;
  const std::string p = d.payload(2);
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  const std::string bin = (moussem::test::binDir() / "moussem-cli").string();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[1]);
    close(out[0]);
    execl(bin.c_str(), bin.c_str(), "--db", d.db.c_str(), "scan", "--gate", "exhibition", "--at",
          "2026-02-10T10:00:00+01:00", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  // Feed payloads, read verdicts as they come; kill the process in the middle of the stream.
  std::string printed;
  int lineCount = 0;
  const std::string line = p + "\n";
  for (int i = 0; i < 200 && lineCount < 60; ++i) {
    if (write(in[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) break;
    char buf[4096];
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    printed.append(buf, static_cast<std::size_t>(n));
    lineCount = static_cast<int>(std::count(printed.begin(), printed.end(), '\n'));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  char buf[65536];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) printed.append(buf, static_cast<std::size_t>(n));
  close(in[1]);
  close(out[0]);
  const long long complete = std::count(printed.begin(), printed.end(), '\n');
  REQUIRE(complete > 10);
  CHECK(d.count("SELECT count(*) FROM scan") >= complete);
  CHECK(d.count("SELECT count(*) FROM scan WHERE verdict = 'accepted'") >= complete);
  {
    if (!moussem::test::onPostgres()) {  // the file itself is sound
      sqlite3* h = nullptr;
      REQUIRE(sqlite3_open(d.db.c_str(), &h) == SQLITE_OK);
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr);
      REQUIRE(sqlite3_step(st) == SQLITE_ROW);
      CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "ok");
      sqlite3_finalize(st);
      sqlite3_close(h);
    }
  }
  // The database opens again and scans go on.
  CHECK(d.cli({"scan", "--gate", "exhibition", "--at", "2026-02-10T11:00"}, p + "\n").exit_code == 0);
}

namespace {

// One `moussem-cli scan --local-copy` process with a 300 ms budget, on the server at url (directly or
// through a relay), fed the first badges of a demo edition in turn.
struct BudgetedGate {
  static constexpr long long kBudgetMs = 300;
  static constexpr long long kAllowedMs = kBudgetMs + 500;  // the local decision, the pipes, a busy machine

  DemoDb& d;
  std::vector<std::string> payloads;
  TempDir copy;
  moussem::test::Child child;
  std::size_t sent = 0;

  BudgetedGate(DemoDb& demo, const std::string& url, int badges)
      : d(demo),
        payloads(badgesOf(demo, badges)),
        child("moussem-cli", {"--db", url, "scan", "--gate", "exhibition", "--at", "2026-02-10T10:00:00+01:00",
                              "--local-copy", (copy / "gate.db").string(), "--budget-ms", std::to_string(kBudgetMs)}) {}
  static std::vector<std::string> badgesOf(DemoDb& demo, int n) {
    REQUIRE(demo.cli({"gate", "list"}).exit_code == 0);  // the edition's default profiles, made on first use
    std::vector<std::string> out;
    for (int i = 1; i <= n; ++i) out.push_back(demo.payload(i));
    return out;
  }
  json scan(std::chrono::milliseconds wait) {
    REQUIRE(child.writeLine(payloads[sent++ % payloads.size()]));
    auto line = child.readLine(wait);
    INFO(child.err());
    REQUIRE(line);
    return json::parse(*line);
  }
  // n verdicts during the fault, each decided from the copy within the budget. A fault lasts 30 s at
  // most (the relay's freeze, the held lock), so a gate that waits on it shows how long.
  void scansWithinBudget(int n) {
    for (int i = 0; i < n; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const auto v = scan(std::chrono::seconds(40));
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      INFO("verdict " << i << " after " << ms << " ms");
      CHECK(v["offline"] == true);
      CHECK(ms <= kAllowedMs);
      CHECK(v["latency_us"].get<long long>() <= kAllowedMs * 1000);
    }
  }
  // Back online by itself once its background thread has the server again; then every scan sent is on
  // the server exactly once, those decided from the copy included.
  void recoversAndLogsEachScanOnce() {
    bool online = false;
    for (int i = 0; i < 30 && !online; ++i) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      online = scan(std::chrono::seconds(10))["offline"] == false;
    }
    CHECK(online);
    child.closeInput();
    CHECK(child.wait() == 0);
    CHECK(d.count("SELECT count(*) FROM scan") == static_cast<long long>(sent));
    CHECK(d.count("SELECT count(DISTINCT uid) FROM scan") == static_cast<long long>(sent));
  }
};

}  // namespace

TEST_CASE("moussem-cli scan --local-copy answers within its budget while the server hangs, and logs every scan once",
          "[postgres]") {
  using namespace std::chrono_literals;
  DemoDb d;
  moussem::test::TcpRelay relay(moussem::test::TcpRelay::portOf(d.db));
  BudgetedGate gate(d, relay.url(d.db), 16);
  CHECK(gate.scan(60s)["offline"] == false);  // the first answer waits for the copy to be made

  // The proxy freezes, connections open: each verdict still comes within the budget (plus the local
  // decision and the pipes), decided from the copy.
  relay.freeze();
  gate.scansWithinBudget(6);
  relay.thaw();
  gate.recoversAndLogsEachScanOnce();
}

TEST_CASE("moussem-cli scan --local-copy answers within its budget while another session holds the scan log locked",
          "[postgres]") {
  using namespace std::chrono_literals;
  DemoDb d;
  BudgetedGate gate(d, d.db, 12);
  CHECK(gate.scan(60s)["offline"] == false);

  // Another session (a long report, a careless administrator) takes the scan log and keeps it. The
  // server is answering, the network is fine: only the lock holds the scan.
  moussem::test::HeldLock lock(d.db, "scan", 30s);
  gate.scansWithinBudget(5);
  lock.release();
  gate.recoversAndLogsEachScanOnce();
}

TEST_CASE("the scan budget is an edition setting: gate budget sets it and every gate started after reads it",
          "[postgres]") {
  using namespace std::chrono_literals;
  DemoDb d;
  auto shown = json::parse(d.cli({"--json", "gate", "budget"}).out);
  CHECK(shown["budget_ms"] == 300);
  CHECK(shown["default"] == true);
  CHECK(d.cli({"gate", "budget", "20"}).exit_code == 2);  // below 50 ms: refused, nothing set
  REQUIRE(d.cli({"gate", "budget", "750"}).exit_code == 0);
  CHECK(json::parse(d.cli({"--json", "gate", "budget"}).out)["budget_ms"] == 750);
  TempDir copies;
  moussem::gate::GateStation station(d.db, (copies / "a.db").string(), {"gate-1", ""});
  CHECK(station.scanBudget() == 750ms);
  moussem::gate::GateStation forced(d.db, (copies / "b.db").string(), {"gate-2", ""}, 60s, 120ms);
  CHECK(forced.scanBudget() == 120ms);
}

TEST_CASE("gate verdict-time shows and sets how long every gate screen shows a verdict, within 1 to 60 seconds") {
  DemoDb d;
  auto shown = json::parse(d.cli({"--json", "gate", "verdict-time"}).out);
  CHECK(shown["seconds"] == 5);
  CHECK(shown["default"] == true);
  CHECK(shown["setting"] == "gate.verdict_seconds");
  CHECK(d.cli({"gate", "verdict-time", "0"}).exit_code == 2);  // out of range: refused, nothing set
  CHECK(d.cli({"gate", "verdict-time", "61"}).exit_code == 2);
  CHECK(json::parse(d.cli({"--json", "gate", "verdict-time"}).out)["default"] == true);
  REQUIRE(d.cli({"gate", "verdict-time", "8"}).exit_code == 0);
  shown = json::parse(d.cli({"--json", "gate", "verdict-time"}).out);
  CHECK(shown["seconds"] == 8);
  CHECK(shown["default"] == false);
  const auto text = d.cli({"--lang", "en", "gate", "verdict-time"});
  CHECK(text.out.find("8 s") != std::string::npos);
}

TEST_CASE("a profile's presence resets every night unless gate add says never, and gate list shows which") {
  DemoDb d;
  auto list = json::parse(d.cli({"--json", "gate", "list"}).out);
  for (const auto& g : list) CHECK(g["presence_reset"] == "daily");
  REQUIRE(d.cli({"gate", "add", "camp", "--zone", "vip", "--reentry", "antipassback", "--presence-reset", "never"})
              .exit_code == 0);
  CHECK(d.cli({"gate", "add", "camp2", "--zone", "vip", "--presence-reset", "weekly"}).exit_code == 2);
  list = json::parse(d.cli({"--json", "gate", "list"}).out);
  bool found = false;
  for (const auto& g : list)
    if (g["name"] == "camp") found = g["presence_reset"] == "never";
  CHECK(found);
  CHECK(d.cli({"--lang", "en", "gate", "list"}).out.find("Until the exit") != std::string::npos);
}

TEST_CASE("a revoked badge's verdict line carries the reason it was revoked") {
  DemoDb d;
  const std::string p = d.payload(2);
  REQUIRE(d.cli({"badge", "revoke", "--person", "2", "--reason", "badge perdu"}).exit_code == 0);
  auto r = d.cli({"scan", "--gate", "exhibition", "--at", "2026-02-10T10:00:00+01:00"}, p + "\n" + d.payload(1) + "\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto v = lines(r.out);
  REQUIRE(v.size() == 2);
  CHECK(v[0]["reason"] == "revoked");
  CHECK(v[0]["revocation_reason"] == "badge perdu");
  CHECK_FALSE(v[1].contains("revocation_reason"));
}
