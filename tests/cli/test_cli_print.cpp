// badge print / badge log / printer through the real moussem-cli and a private CUPS scheduler.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "../badge/cups_server.hpp"
#include "test_support.hpp"

using moussem::test::CupsServer;
using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {
struct PrintDesk {
  CupsServer cups;
  TempDir dir;
  std::string db = (dir / "demo.db").string();
  PrintDesk() {
    REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "4", "--participants", "12"}).exit_code == 0);
  }
  moussem::test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json"});
    return run("moussem-cli", args, "", {cups.envVar(), "MOUSSEM_STATION=desk-3", "USER=salma"});
  }
};
}  // namespace

TEST_CASE("badge print sends a category to the station's printer once, then asks for --again") {
  PrintDesk d;
  auto use = d.cli({"printer", "use", "badges", "--paper", "iso_a6_105x148mm"});
  INFO(use.err);
  REQUIRE(use.exit_code == 0);
  auto list = json::parse(d.cli({"printer", "list"}).out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["name"] == "badges");
  CHECK(list[0]["state"] == "idle");

  auto r = d.cli({"badge", "print", "--category", "press"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  const int printed = j["badges"];
  CHECK(printed > 0);
  CHECK(j["printer"] == "badges");
  REQUIRE(d.cups.documents().size() == 1);
  CHECK(moussem::test::pdfPageCount(d.cups.documents()[0]) == printed);

  auto log = json::parse(d.cli({"badge", "log"}).out);
  REQUIRE(log.size() == static_cast<std::size_t>(printed));
  CHECK(log[0]["station"] == "desk-3");
  CHECK(log[0]["operator"] == "salma");
  CHECK(log[0]["version"] == 1);

  // The same badges again: refused without confirmation, nothing sent or logged.
  auto again = d.cli({"badge", "print", "--category", "press"});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("--again") != std::string::npos);
  CHECK(d.cups.documents().size() == 1);
  CHECK(json::parse(d.cli({"badge", "log"}).out).size() == static_cast<std::size_t>(printed));
  // --not-printed leaves them out; --again prints them.
  CHECK(d.cli({"badge", "print", "--category", "press", "--not-printed"}).exit_code == 1);
  CHECK(d.cli({"badge", "print", "--category", "press", "--again"}).exit_code == 0);
  CHECK(d.cups.documents().size() == 2);
}

TEST_CASE("badge print to a stopped printer fails with its name and marks nothing printed") {
  PrintDesk d;
  d.cups.admin("cupsdisable", {"badges"});
  auto r = d.cli({"badge", "print", "--person", "1", "--printer", "badges"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("badges") != std::string::npos);
  CHECK(json::parse(d.cli({"badge", "log"}).out).empty());
  auto unknown = d.cli({"badge", "print", "--person", "1", "--printer", "laser-hall-b"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("laser-hall-b") != std::string::npos);
}

TEST_CASE("badge render takes an exhibitor's staff, and refuses an unknown exhibitor") {
  PrintDesk d;
  auto r = d.cli({"badge", "render", "--exhibitor", "1", "--out", (d.dir / "staff.pdf").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["badges"].get<int>() >= 1);
  auto bad = d.cli({"badge", "render", "--exhibitor", "999", "--out", (d.dir / "none.pdf").string()});
  CHECK(bad.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(d.dir / "none.pdf"));
}

TEST_CASE("badge print sends nothing to the printer before its badges are committed: kill -9 there") {
  using namespace std::chrono_literals;
  PrintDesk d;
  REQUIRE(d.cli({"printer", "use", "badges"}).exit_code == 0);
  const auto badges = json::parse(d.cli({"info"}).out)["badges"].get<long long>();
  const auto paused = d.dir / "paused";
  {
    moussem::test::Child print(
        "moussem-cli", {"--db", d.db, "badge", "print", "--category", "press"},
        {d.cups.envVar(), "MOUSSEM_STATION=desk-3", "MOUSSEM_TEST_PAUSE_AT=badge-print-before-commit",
         "MOUSSEM_TEST_PAUSE_FILE=" + paused.string()});
    REQUIRE(moussem::test::waitForFile(paused, 180s));
    print.kill9();
    print.wait();
  }
  CHECK(d.cups.documents().empty());
  CHECK(json::parse(d.cli({"badge", "log"}).out).empty());
  CHECK(json::parse(d.cli({"info"}).out)["badges"].get<long long>() == badges);
  // Printed afterwards, the badges issued then are the ones the printer gets and the log counts.
  auto r = d.cli({"badge", "print", "--category", "press"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(d.cups.documents().size() == 1);
  CHECK(json::parse(d.cli({"badge", "log"}).out).size() == json::parse(r.out)["badges"].get<std::size_t>());
}
