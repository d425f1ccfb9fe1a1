// Another session holding a table of the test server locked (a long report, a forgotten transaction in
// psql): the server answers, the network is fine, only the lock is in the way. The lock goes at
// release(), at the end of the scope, or by itself after atMost: should the code under test wait on it,
// it waits that long and the test reports how long, instead of hanging until CTest kills it.
#pragma once
#include <libpq-fe.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <string>
#include <thread>

namespace moussem::test {

class HeldLock {
 public:
  HeldLock(const std::string& url, const std::string& table, std::chrono::seconds atMost = std::chrono::seconds(20))
      : session_(PQconnectdb(url.c_str())) {
    REQUIRE(PQstatus(session_) == CONNECTION_OK);
    PQclear(PQexec(session_, "BEGIN"));
    PGresult* locked = PQexec(session_, ("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE").c_str());
    const bool ok = PQresultStatus(locked) == PGRES_COMMAND_OK;
    PQclear(locked);
    REQUIRE(ok);
    keeper_ = std::thread([this, atMost, over = released_.get_future()] {
      over.wait_for(atMost);
      PQclear(PQexec(session_, "COMMIT"));
    });
  }
  ~HeldLock() {
    release();
    PQfinish(session_);
  }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;
  void release() {
    if (!keeper_.joinable()) return;
    released_.set_value();
    keeper_.join();
  }

 private:
  PGconn* session_;
  std::promise<void> released_;
  std::thread keeper_;
};

}  // namespace moussem::test
