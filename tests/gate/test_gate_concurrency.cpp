// Global correctness with many gates on one database (both backends: one SQLite file shared by several
// processes, or the PostgreSQL server): when several gates scan the same badge at the same instant
// under anti-passback or once-per-day, exactly one is accepted and every scan is logged; a reprint at
// a desk makes the old badge superseded at a gate that loaded its index before.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <barrier>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "gate_fixture.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {

GateProfile door(GateFixture& f, const std::string& name, const std::string& reentry) {
  GateProfile g;
  g.name = name;
  g.zone = "exhibition";
  g.reentry = parseCode<ReentryPolicy>(reentry, "test");
  return f.add(g);
}

// Every gate (thread) has its own connection and pipeline, as separate machines would; all of them
// scan `payload` at the same instant (a barrier), round after round.
std::vector<int> acceptedPerRound(GateFixture& f, const GateProfile& profile, const std::vector<std::string>& payloads,
                                  int gates) {
  std::vector<std::unique_ptr<Store>> stores;
  std::vector<std::unique_ptr<gate::ScanPipeline>> pipelines;
  for (int g = 0; g < gates; ++g) {
    stores.push_back(openStore(f.db.string()));
    pipelines.push_back(
        std::make_unique<gate::ScanPipeline>(*stores.back(), gate::Station{"gate-" + std::to_string(g), ""}));
  }
  std::vector<int> accepted(payloads.size(), 0);
  std::mutex m;
  std::barrier sync(gates);
  std::vector<std::thread> threads;
  const auto at = GateFixture::at("2026-02-10T10:00:00+01:00");
  for (int g = 0; g < gates; ++g)
    threads.emplace_back([&, g] {
      for (std::size_t i = 0; i < payloads.size(); ++i) {
        sync.arrive_and_wait();
        auto v = pipelines[static_cast<std::size_t>(g)]->scan(payloads[i], profile, Direction::In, at);
        std::lock_guard lock(m);
        accepted[i] += v.accepted ? 1 : 0;
      }
    });
  for (auto& t : threads) t.join();
  return accepted;
}

}  // namespace

TEST_CASE("many gates scanning the same badge at the same instant: anti-passback accepts exactly one") {
  GateFixture f;
  auto profile = door(f, "door-apb", "antipassback");
  std::vector<std::string> payloads;
  for (int i = 0; i < 12; ++i)
    payloads.push_back(f.payload(f.addPerson("Ali", std::to_string(i).c_str(), "علي", "buyer", {})));
  const int gates = 6;
  auto accepted = acceptedPerRound(f, profile, payloads, gates);
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    INFO("badge " << i);
    CHECK(accepted[i] == 1);
  }
  // Every scan is in the log, the refusals with their reason.
  const auto since = std::string("2026-02-10");
  CHECK(f.store->countScans("door-apb", ScanVerdict::Accepted, since, "") == static_cast<long long>(payloads.size()));
  CHECK(f.store->countScans("door-apb", ScanVerdict::Rejected, since, "") ==
        static_cast<long long>(payloads.size()) * (gates - 1));
  for (const auto& s : f.store->recentScans("door-apb", 1000))
    if (s.verdict == ScanVerdict::Rejected) CHECK(s.reason == ScanReason::AlreadyInside);
}

TEST_CASE("many gates scanning the same badge at the same instant: once-per-day accepts exactly one") {
  GateFixture f;
  auto profile = door(f, "door-day", "once-per-day");
  std::vector<std::string> payloads;
  for (int i = 0; i < 8; ++i)
    payloads.push_back(f.payload(f.addPerson("Hind", std::to_string(i).c_str(), "هند", "press", {})));
  auto accepted = acceptedPerRound(f, profile, payloads, 5);
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    INFO("badge " << i);
    CHECK(accepted[i] == 1);
  }
  for (const auto& s : f.store->recentScans("door-day", 1000))
    if (s.verdict == ScanVerdict::Rejected) CHECK(s.reason == ScanReason::AlreadyUsedToday);
}

namespace {
// A moussem-cli scan process reading payloads from a pipe; its verdicts go to a file.
struct GateProcess {
  pid_t pid = -1;
  int input = -1;
  std::filesystem::path out;
};

GateProcess startGate(const std::string& db, const std::string& gateName, const std::filesystem::path& out) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string bin = (test::binDir() / "moussem-cli").string();
  GateProcess g;
  g.out = out;
  g.pid = ::fork();
  REQUIRE(g.pid >= 0);
  if (g.pid == 0) {
    ::dup2(fds[0], 0);
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(o, 1);
    ::close(fds[1]);
    ::execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "scan", "--gate", gateName.c_str(), "--at",
            "2026-02-10T10:00:00+01:00", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  g.input = fds[1];
  return g;
}
}  // namespace

TEST_CASE("many gate processes scanning the same badges together: each badge is accepted exactly once") {
  GateFixture f;
  door(f, "turnstile", "antipassback");
  constexpr int kGates = 6, kBadges = 25;
  std::string payloads;
  std::vector<std::string> serials;
  for (int i = 0; i < kBadges; ++i) {
    Id id = f.addPerson("Omar", std::to_string(i).c_str(), "عمر", "buyer", {});
    payloads += f.payload(id) + "\n";
    serials.push_back(f.store->badgeOfPerson(id)->serial);
  }
  std::vector<GateProcess> gates;
  for (int g = 0; g < kGates; ++g)
    gates.push_back(startGate(f.db.string(), "turnstile", f.dir / ("gate" + std::to_string(g) + ".out")));
  // Let every process open the database and load its index, then release the same stream to all at once.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ::signal(SIGPIPE, SIG_IGN);
  for (auto& g : gates)
    REQUIRE(::write(g.input, payloads.data(), payloads.size()) == static_cast<ssize_t>(payloads.size()));
  for (auto& g : gates) ::close(g.input);
  std::map<std::string, int> acceptedBySerial;
  int lines = 0;
  for (auto& g : gates) {
    int status = 0;
    ::waitpid(g.pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    std::ifstream in(g.out);
    for (std::string line; std::getline(in, line);) {
      auto v = nlohmann::json::parse(line);
      ++lines;
      if (v["verdict"] == "accepted")
        ++acceptedBySerial[v["badge"]["serial"].get<std::string>()];
      else
        CHECK(v["reason"] == "already_inside");
    }
  }
  CHECK(lines == kGates * kBadges);  // no scan lost
  for (const auto& s : serials) {
    INFO("badge " << s);
    CHECK(acceptedBySerial[s] == 1);  // no double accept
  }
  CHECK(f.store->countScans("turnstile", ScanVerdict::Accepted, "", "") == kBadges);
  CHECK(f.store->countScans("turnstile", ScanVerdict::Rejected, "", "") == kBadges * (kGates - 1));
}

TEST_CASE("a reprint at a desk makes the old badge superseded at a gate that loaded before it") {
  GateFixture f;
  const std::string old = f.payload(f.visitor);
  auto gateStore = openStore(f.db.string());  // the gate: its own connection, index loaded now
  gate::ScanPipeline pipeline(*gateStore, {"gate-1", ""});
  const auto at = GateFixture::at("2026-02-11T10:00:00+01:00");
  CHECK(pipeline.scan(old, f.profile("exhibition"), Direction::Out, at).accepted);
  const long long before = gateStore->dataVersion();
  {
    auto desk = openStore(f.db.string());  // another station reprints
    BadgeService(*desk, BadgeService::keyBeside(f.db.string()), {"desk-2", "hind"}).reprint(f.visitor, "lost");
  }
  f.awaitOtherStation(before, gateStore.get());  // milliseconds: "within seconds" is the promise
  auto v = pipeline.scan(old, f.profile("exhibition"), Direction::In, at);
  CHECK_FALSE(v.accepted);
  CHECK(v.reason == ScanReason::Superseded);
  CHECK(pipeline.scan(f.payload(f.visitor), f.profile("exhibition"), Direction::In, at).accepted);
}
