// A TCP relay between the tests and the test server, playing the network's faults: cut() drops every
// connection and refuses new ones (a pulled cable); freeze() stops forwarding while every connection
// stays open and new ones are still accepted by the kernel, never served (a hung server or proxy,
// SIGSTOP'd: no reset, no timeout, just silence) for at most the time given; thaw() resumes.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace moussem::test {

class TcpRelay {
 public:
  explicit TcpRelay(int target) : target_(target) {
    listen(0);
    thread_ = std::thread([this] { loop(); });
  }
  ~TcpRelay() {
    stop_ = true;
    thread_.join();
    cut();
    if (reserve_ >= 0) ::close(reserve_);
  }
  int port() const { return port_; }
  void cut() {
    std::lock_guard lock(m_);
    if (listener_ >= 0) {
      // The port stays ours while cut: a socket bound to it but not listening refuses connections
      // like a pulled cable, and no other test's connection can take it as its local port meanwhile
      // (restore() listening again on a port freed and retaken failed under ctest -j).
      reserve_ = socketFor(port_);
      ::close(listener_);
    }
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
    if (listener_ >= 0) return;
    listener_ = reserve_;
    reserve_ = -1;
    REQUIRE(::listen(listener_, 16) == 0);
  }
  // A freeze ends by itself after atMost: should the code under test wait on the network, it waits that
  // long and the test reports how long, instead of hanging until CTest kills it.
  void freeze(std::chrono::seconds atMost = std::chrono::seconds(30)) {
    thawAt_ = (std::chrono::steady_clock::now() + atMost).time_since_epoch().count();
    frozen_ = true;
  }
  void thaw() { frozen_ = false; }

  // The same database URL through this relay.
  std::string url(const std::string& direct) const {
    auto colon = direct.rfind(':');
    return direct.substr(0, colon + 1) + std::to_string(port_) + direct.substr(direct.find('/', colon));
  }
  static int portOf(const std::string& url) {
    auto colon = url.rfind(':');
    return std::stoi(url.substr(colon + 1, url.find('/', colon) - colon - 1));
  }

 private:
  // A socket bound to 127.0.0.1:port (0: any free port), shareable with the reserve.
  static int socketFor(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
  }
  void listen(int port) {
    listener_ = socketFor(port);
    REQUIRE(::listen(listener_, 16) == 0);
    sockaddr_in a{};
    socklen_t len = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  void loop() {
    while (!stop_) {
      if (frozen_ && std::chrono::steady_clock::now().time_since_epoch().count() >= thawAt_) frozen_ = false;
      if (frozen_) {  // nothing read, nothing accepted, nothing closed: silence
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      std::vector<pollfd> fds;
      {
        std::lock_guard lock(m_);
        if (listener_ >= 0) fds.push_back({listener_, POLLIN, 0});
        for (auto& [a, b] : pairs_) {
          fds.push_back({a, POLLIN, 0});
          fds.push_back({b, POLLIN, 0});
        }
      }
      if (::poll(fds.data(), fds.size(), 20) <= 0 || frozen_) continue;
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

  int target_, port_ = 0, listener_ = -1, reserve_ = -1;
  std::vector<std::pair<int, int>> pairs_;
  std::mutex m_;
  std::atomic<bool> stop_{false}, frozen_{false};
  std::atomic<std::chrono::steady_clock::rep> thawAt_{0};
  std::thread thread_;
};

}  // namespace moussem::test
