// Printing through a real CUPS scheduler (a private cupsd started for each test, see cups_server.hpp).
#include <catch2/catch.hpp>
#include <cstdlib>

#include "badge/badge_batch.hpp"
#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "cups_server.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::CupsServer;
using moussem::test::TempDir;

namespace {

// libcups reads CUPS_SERVER when it first connects; each test case runs in its own process.
struct UseScheduler {
  explicit UseScheduler(const CupsServer& s) { ::setenv("CUPS_SERVER", s.socket().c_str(), 1); }
  ~UseScheduler() { ::unsetenv("CUPS_SERVER"); }
};

struct Edition3 {
  TempDir dir;
  std::filesystem::path db = dir / "e.db";
  std::unique_ptr<Store> store;
  std::vector<Id> people;
  Edition3() {
    Edition e;
    e.name_fr = "Semaine Nationale de l'Artisanat";
    e.name_ar = "الأسبوع الوطني للصناعة التقليدية";
    e.starts_on = "2026-02-09";
    e.ends_on = "2026-02-15";
    store = createEditionDatabase(db, e);
    const char* names[][3] = {
        {"Fatima", "Zahra", "فاطمة الزهراء"}, {"Karim", "Bennani", "كريم بناني"}, {"Lucie", "Martin", ""}};
    for (auto& n : names) {
      Person p;
      p.first_name = n[0];
      p.last_name = n[1];
      p.name_ar = n[2];
      p.category = "forum";
      people.push_back(store->insertPerson(p));
    }
  }
  BadgeService service() { return BadgeService(*store, BadgeService::keyBeside(db.string()), {"desk-2", "omar"}); }
};

}  // namespace

TEST_CASE("a batch printed on a CUPS queue reaches the printer as one PDF and is logged per badge") {
  CupsServer cups;
  UseScheduler use(cups);
  Edition3 e;
  auto svc = e.service();
  BadgeRenderer renderer(loadTemplate("a6"));
  std::vector<std::string> stages;
  PrintOutcome r = printBatch(*e.store, svc, e.people, renderer, {"badges", ""}, false,
                              [&](const std::string& stage, std::size_t, std::size_t) {
                                if (stages.empty() || stages.back() != stage) stages.push_back(stage);
                              });
  CHECK(r.badges == 3);
  CHECK(r.job > 0);
  CHECK(stages == std::vector<std::string>{"prepare", "render", "print"});
  auto docs = cups.documents();
  REQUIRE(docs.size() == 1);
  CHECK(moussem::test::pdfPageCount(docs.front()) == 3);

  auto log = e.store->printLog();
  REQUIRE(log.size() == 3);
  for (const auto& line : log) {
    CHECK(line.station == "desk-2");
    CHECK(line.operator_name == "omar");
    CHECK(line.version == 1);
    CHECK_FALSE(line.at.empty());
  }
  CHECK(e.store->badgeOfPerson(e.people[0])->printed_count == 1);
}

TEST_CASE("printing the same badge version again needs a confirmation, a reprint does not") {
  CupsServer cups;
  UseScheduler use(cups);
  Edition3 e;
  auto svc = e.service();
  BadgeRenderer renderer(loadTemplate("cr80"));
  const std::vector<Id> one{e.people[1]};
  printBatch(*e.store, svc, one, renderer, {"badges", ""}, false);
  CHECK(svc.printedBefore(e.people[1]));

  // Without confirmation: refused, nothing sent, nothing logged.
  CHECK_THROWS_AS(printBatch(*e.store, svc, one, renderer, {"badges", ""}, false), Error);
  CHECK(cups.documents().size() == 1);
  CHECK(e.store->printLog(e.people[1]).size() == 1);
  CHECK(countAlreadyPrinted(svc, e.people) == 1);

  // Confirmed: printed and logged a second time.
  printBatch(*e.store, svc, one, renderer, {"badges", ""}, true);
  CHECK(e.store->printLog(e.people[1]).size() == 2);
  CHECK(e.store->badgeOfPerson(e.people[1])->printed_count == 2);

  // A new version (typo fixed) is a first print again.
  svc.reprint(e.people[1], "typo in the name");
  CHECK_FALSE(svc.printedBefore(e.people[1]));
  printBatch(*e.store, svc, one, renderer, {"badges", ""}, false);
  auto log = e.store->printLog(e.people[1]);
  REQUIRE(log.size() == 3);
  CHECK(log.front().version == 2);  // newest first
}

TEST_CASE("a stopped, refusing or unknown printer gets a clear message and nothing is marked printed") {
  CupsServer cups;
  UseScheduler use(cups);
  Edition3 e;
  auto svc = e.service();
  BadgeRenderer renderer(loadTemplate("a6"));
  auto expectRefusal = [&](const PrintSettings& settings, const std::string& words) {
    try {
      printBatch(*e.store, svc, e.people, renderer, settings, false);
      FAIL("printing should have been refused");
    } catch (const Error& err) {
      INFO(err.what());
      CHECK(std::string(err.what()).find(words) != std::string::npos);
    }
    CHECK(e.store->printLog().empty());
    CHECK(cups.documents().empty());
    // Issued (committed before the job went out), never marked printed: printing again sends them.
    for (Id p : e.people) {
      REQUIRE(e.store->badgeOfPerson(p).has_value());
      CHECK(e.store->badgeOfPerson(p)->printed_count == 0);
    }
  };
  expectRefusal({"nowhere", ""}, "nowhere");
  cups.admin("cupsdisable", {"badges"});
  expectRefusal({"badges", ""}, "badges");
  cups.admin("cupsenable", {"badges"});
  cups.admin("cupsreject", {"badges"});
  expectRefusal({"badges", ""}, "badges");
}

TEST_CASE("with no printer chosen and no default printer, printing says so") {
  CupsServer cups;
  UseScheduler use(cups);
  Edition3 e;
  auto svc = e.service();
  BadgeRenderer renderer(loadTemplate("a6"));
  CHECK_THROWS_WITH(printBatch(*e.store, svc, e.people, renderer, {"", ""}, false), Catch::Contains("imprimante"));
  CHECK(e.store->printLog().empty());
}

TEST_CASE("an unreachable network printer is reported, nothing printed") {
  Edition3 e;
  auto svc = e.service();
  BadgeRenderer renderer(loadTemplate("a6"));
  // A port nobody listens on.
  CHECK_THROWS_WITH(printBatch(*e.store, svc, e.people, renderer, {"ipp://127.0.0.1:9/ipp/print", ""}, false),
                    Catch::Contains("ipp://127.0.0.1:9/ipp/print"));
  CHECK(e.store->printLog().empty());
}

TEST_CASE("the station remembers its printer and paper") {
  Edition3 e;
  CHECK(stationPrintSettings(*e.store, "desk-2").printer.empty());
  saveStationPrintSettings(*e.store, "desk-2", {"badges", "iso_a6_105x148mm"});
  auto s = stationPrintSettings(*e.store, "desk-2");
  CHECK(s.printer == "badges");
  CHECK(s.paper == "iso_a6_105x148mm");
  CHECK(stationPrintSettings(*e.store, "gate-1").printer.empty());  // per station
}

TEST_CASE("page sizes map to standard paper names") {
  CHECK(mediaForPage(105, 148) == "iso_a6_105x148mm");
  CHECK(mediaForPage(210, 297) == "iso_a4_210x297mm");
  CHECK(mediaForPage(85.6, 54) == "custom_cr80_54x85.6mm");
  CHECK(mediaForPage(100, 150) == "custom_badge_100x150mm");
}

TEST_CASE("batches select by category, exhibitor and not yet printed, and skip revoked badges") {
  Edition3 e;
  auto svc = e.service();
  Exhibitor x;
  x.name_fr = "Coopérative Tighanimine";
  x.kind = "cooperative";
  x.sector = "terroir";
  x.region = "souss-massa";
  Id ex = e.store->insertExhibitor(x);
  Person staff;
  staff.first_name = "Aicha";
  staff.last_name = "Ait Taleb";
  staff.category = "exhibitor";
  staff.exhibitor_id = ex;
  Id s = e.store->insertPerson(staff);
  CHECK(e.store->peopleMatching({"", ex, false}) == std::vector<Id>{s});
  CHECK(e.store->peopleMatching({"forum", 0, false}) == e.people);
  CHECK(e.store->peopleMatching({"", 0, false}).size() == 4);
  svc.recordPrint(e.people[0]);
  CHECK(e.store->peopleMatching({"forum", 0, true}) == std::vector<Id>{e.people[1], e.people[2]});
  svc.revoke(e.people[2], "lost");
  CHECK(e.store->peopleMatching({"forum", 0, true}) == std::vector<Id>{e.people[1]});
  CHECK(e.store->peopleMatching({"", 0, false}).size() == 3);
}
