// Offline gates ([postgres]: the pg/ registration): two gates reach the server through a TCP relay
// the test can cut and restore, as a network would. While cut, both keep deciding from their local
// copies and queue their scans; once restored, the queues are pushed exactly once (pushing again
// changes nothing) and the badge both admitted under anti-passback is reported as an offline conflict.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <catch2/catch.hpp>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "gate/gate_station.hpp"
#include "gate_fixture.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {

// Relays 127.0.0.1:port() to the test server; cut() drops every connection and refuses new ones.
class Relay {
 public:
  explicit Relay(int target) : target_(target) { listen(0); thread_ = std::thread([this] { loop(); }); }
  ~Relay() {
    stop_ = true;
    thread_.join();
    cut();
  }
  int port() const { return port_; }
  void cut() {
    std::lock_guard lock(m_);
    if (listener_ >= 0) ::close(listener_);
    listener_ = -1;
    for (auto& [a, b] : pairs_) {
      ::shutdown(a, SHUT_RDWR);
      ::shutdown(b, SHUT_RDWR);
      ::close(a);
      ::close(b);
    }
    pairs_.clear();
  }
  void restore() {
    std::lock_guard lock(m_);
    listen(port_);
  }

 private:
  void listen(int port) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(listener_, 16) == 0);
    socklen_t len = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  void loop() {
    while (!stop_) {
      std::vector<pollfd> fds;
      {
        std::lock_guard lock(m_);
        if (listener_ >= 0) fds.push_back({listener_, POLLIN, 0});
        for (auto& [a, b] : pairs_) {
          fds.push_back({a, POLLIN, 0});
          fds.push_back({b, POLLIN, 0});
        }
      }
      if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
      std::lock_guard lock(m_);
      for (const auto& p : fds) {
        if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
        if (p.fd == listener_) {
          int client = ::accept(listener_, nullptr, nullptr);
          if (client < 0) continue;
          int up = ::socket(AF_INET, SOCK_STREAM, 0);
          sockaddr_in a{};
          a.sin_family = AF_INET;
          a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
          a.sin_port = htons(static_cast<uint16_t>(target_));
          if (::connect(up, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            ::close(client);
            ::close(up);
            continue;
          }
          pairs_.emplace_back(client, up);
          continue;
        }
        for (std::size_t i = 0; i < pairs_.size(); ++i) {
          auto [a, b] = pairs_[i];
          if (p.fd != a && p.fd != b) continue;
          char buf[65536];
          ssize_t n = ::read(p.fd, buf, sizeof buf);
          if (n <= 0 || ::write(p.fd == a ? b : a, buf, static_cast<std::size_t>(n)) != n) {
            ::close(a);
            ::close(b);
            pairs_.erase(pairs_.begin() + static_cast<std::ptrdiff_t>(i));
          }
          break;
        }
      }
    }
  }

  int target_, port_ = 0, listener_ = -1;
  std::vector<std::pair<int, int>> pairs_;
  std::mutex m_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

int portOf(const std::string& url) {
  auto colon = url.rfind(':');
  return std::stoi(url.substr(colon + 1, url.find('/', colon) - colon - 1));
}
std::string throughRelay(const std::string& url, int port) {
  auto colon = url.rfind(':');
  return url.substr(0, colon + 1) + std::to_string(port) + url.substr(url.find('/', colon));
}

}  // namespace

TEST_CASE("offline gates decide from their copies, queue durably, push once and report the conflict",
          "[postgres]") {
  GateFixture f;
  GateProfile door;
  door.name = "door";
  door.zone = "exhibition";
  door.reentry = "antipassback";
  f.add(door);
  std::vector<Id> people;
  std::vector<std::string> payloads;
  for (int i = 0; i < 30; ++i) {
    people.push_back(f.addPerson("Amine", std::to_string(i).c_str(), "أمين", "buyer", {}));
    payloads.push_back(f.payload(people.back()));
  }
  const std::string shared = f.payload(f.visitor);  // the badge both gates will admit while cut off
  Relay relay(portOf(f.db.string()));
  const std::string url = throughRelay(f.db.string(), relay.port());
  gate::GateStation a(url, (f.dir / "gate-a.db").string(), {"gate-a", "amina"});
  gate::GateStation b(url, (f.dir / "gate-b.db").string(), {"gate-b", "omar"});
  REQUIRE(a.state().online);
  REQUIRE(b.state().online);
  CHECK_FALSE(a.state().clockWarning);
  const auto at = GateFixture::at("2026-02-11T09:30:00+01:00");
  CHECK(a.scan(payloads[0], door, "in", at).accepted);  // online: straight to the server
  CHECK(a.state().queued == 0);

  relay.cut();
  // A scan storm while cut: every scan decided locally, nothing lost.
  for (int i = 1; i < 20; ++i) CHECK(a.scan(payloads[static_cast<std::size_t>(i)], door, "in", at).accepted);
  CHECK_FALSE(a.state().online);
  CHECK(a.state().queued == 19);
  CHECK_FALSE(a.scan(payloads[0], door, "in", at).accepted);  // the copy knows it was admitted before the cut
  const auto later = GateFixture::at("2026-02-11T09:31:00+01:00");
  CHECK(a.scan(shared, door, "in", later).accepted);
  CHECK(b.scan(shared, door, "in", later).accepted);  // B cannot know: a conflict, to be reported
  for (int i = 20; i < 30; ++i) CHECK(b.scan(payloads[static_cast<std::size_t>(i)], door, "in", later).accepted);
  CHECK_FALSE(b.state().online);
  CHECK(a.state().queued == 21);
  CHECK(b.state().queued == 11);
  CHECK(f.store->countScans("door", "accepted", "") == 1);  // the server saw only the scan before the cut

  relay.restore();
  REQUIRE(a.tryOnline());
  REQUIRE(b.tryOnline());
  CHECK(a.state().queued == 0);
  CHECK(b.state().queued == 0);
  CHECK(a.state().conflicts == 0);
  CHECK(b.state().conflicts == 1);
  // The synced log: every scan exactly once.
  CHECK(f.store->countScans("door", "accepted", "") == 1 + 19 + 1 + 1 + 10);
  CHECK(f.store->countScans("door", "rejected", "") == 1);
  auto conflicts = gate::offlineConflicts(*f.store);
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].person_id == f.visitor);
  CHECK(conflicts[0].station == "gate-b");
  CHECK(conflicts[0].note.find("already_inside") != std::string::npos);
  // Pushing the same queue again (a crash between the server's answer and the mark) changes nothing.
  b.local().setSetting("offline.pushed_scan_id", "0");
  b.push();
  CHECK(f.store->countScans("door", "accepted", "") == 32);
  // Back online, scans go to the server again and its rules apply.
  CHECK_FALSE(a.scan(shared, door, "in", later).accepted);
  CHECK(a.state().online);
}

TEST_CASE("a gate started while the server is down works from the copy it made before", "[postgres]") {
  GateFixture f;
  const std::string p = f.payload(f.exhibitor);
  Relay relay(portOf(f.db.string()));
  const std::string url = throughRelay(f.db.string(), relay.port());
  const std::string copy = (f.dir / "gate.db").string();
  { gate::GateStation first(url, copy, {"gate-1", ""}); }
  relay.cut();
  gate::GateStation again(url, copy, {"gate-1", ""});
  CHECK_FALSE(again.state().online);
  CHECK(again.scan(p, f.profile("exhibition"), "in", GateFixture::at("2026-02-10T10:00:00+01:00")).accepted);
  CHECK(again.state().queued == 1);
  // Without any copy, a gate cannot start: it says so.
  CHECK_THROWS_AS(gate::GateStation(url, (f.dir / "none.db").string(), {"gate-2", ""}), moussem::Error);
  relay.restore();
  REQUIRE(again.tryOnline());
  CHECK(f.store->countScans("exhibition", "accepted", "") == 1);
}

TEST_CASE("an offline gate goes back online by itself when the server answers again, no scan waiting for it",
          "[postgres]") {
  GateFixture f;
  const auto hall = f.profile("exhibition");
  const std::string exhibitor = f.payload(f.exhibitor), official = f.payload(f.official);  // in the copy
  Relay relay(portOf(f.db.string()));
  const std::string url = throughRelay(f.db.string(), relay.port());
  gate::GateStation station(url, (f.dir / "gate.db").string(), {"gate-1", "amina"});
  relay.cut();
  CHECK(station.scan(exhibitor, hall, "in", GateFixture::at("2026-02-10T10:00:00+01:00")).accepted);
  CHECK_FALSE(station.state().online);
  CHECK_FALSE(station.serverAnswering());
  relay.restore();
  // The background probe finds the server within a few seconds (it tries every 5 s).
  for (int i = 0; i < 400 && !station.serverAnswering(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE(station.serverAnswering());
  // The next scan goes online: the queue is pushed first, then this scan is decided by the server.
  CHECK(station.scan(official, hall, "in", GateFixture::at("2026-02-10T10:01:00+01:00")).accepted);
  CHECK(station.state().online);
  CHECK(station.state().queued == 0);
  CHECK(f.store->countScans("exhibition", "accepted", "") == 2);
}

TEST_CASE("a gate whose clock is off by minutes is detected and warned", "[postgres]") {
  GateFixture f;
  gate::GateStation station(f.db.string(), (f.dir / "gate.db").string(), {"gate-1", ""});
  REQUIRE(station.state().online);
  CHECK_FALSE(station.state().clockWarning);
  const long long real = static_cast<long long>(std::time(nullptr));
  station.useClock([real] { return real + 5 * 60; });  // five minutes ahead of the server
  REQUIRE(station.tryOnline());
  CHECK(station.state().clockWarning);
  CHECK(station.state().clockSkewSeconds >= 5 * 60 - 30);
  CHECK(station.state().clockSkewSeconds <= 5 * 60 + 30);
  station.useClock([real] { return real - 3 * 60; });
  REQUIRE(station.tryOnline());
  CHECK(station.state().clockWarning);
  CHECK(station.state().clockSkewSeconds < 0);
  station.useClock([] { return static_cast<long long>(std::time(nullptr)); });
  REQUIRE(station.tryOnline());
  CHECK_FALSE(station.state().clockWarning);
}
