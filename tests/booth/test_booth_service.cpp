#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "booth/allocator.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "core/error.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct DemoVenueDb {
  TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(test::dbPath(dir, "b.db"), demoEdition());
  DemoVenueDb() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);
  }
  Booth booth(const std::string& code) { return *booth::findBooth(*store, code); }
};

}  // namespace

TEST_CASE("assign, swap, unassign and undo a booth by hand") {
  DemoVenueDb d;
  auto before = booth::assignBooth(*d.store, "A-05", 1);
  CHECK(d.booth("A-05").exhibitor_id == Id{1});
  CHECK(d.booth("A-05").status == BoothStatus::Assigned);
  // Giving the exhibitor another booth moves them.
  booth::assignBooth(*d.store, "B-07", 1);
  CHECK(!d.booth("A-05").exhibitor_id);
  CHECK(d.booth("B-07").exhibitor_id == Id{1});
  auto swap = booth::swapBooths(*d.store, "B-07", "A-05");
  CHECK(d.booth("A-05").exhibitor_id == Id{1});
  CHECK(!d.booth("B-07").exhibitor_id);
  booth::restoreBooths(*d.store, swap);
  CHECK(d.booth("B-07").exhibitor_id == Id{1});
  booth::unassignBooth(*d.store, "B-07");
  CHECK(d.booth("B-07").status == BoothStatus::Free);
  booth::restoreBooths(*d.store, before);
  CHECK(!d.booth("A-05").exhibitor_id);
}

TEST_CASE("locked, blocked and confirmed booths refuse changes by hand, and an unknown booth is named") {
  DemoVenueDb d;
  booth::assignBooth(*d.store, "A-05", 2);
  booth::lockBooth(*d.store, "A-05", true);
  CHECK_THROWS_AS(booth::unassignBooth(*d.store, "A-05"), Error);
  CHECK_THROWS_AS(booth::assignBooth(*d.store, "A-05", 3), Error);
  CHECK(d.booth("A-05").exhibitor_id == Id{2});
  CHECK_THROWS_AS(booth::assignBooth(*d.store, "A-01", 3), Error);  // blocked in the example plan
  try {
    booth::assignBooth(*d.store, "Z-99", 3);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("Z-99") != std::string::npos);
  }
}

TEST_CASE("allocating the demo edition places everyone who fits, keeps locked booths, and applies in one go") {
  DemoVenueDb d;
  booth::assignBooth(*d.store, "C-03", 5);
  booth::lockBooth(*d.store, "C-03", true);
  const auto p = booth::loadProblem(*d.store);
  const auto r = booth::allocate(p);
  CHECK(r.violations.total() == 0);
  CHECK(r.score.assigned >= 55);
  booth::applyAllocation(*d.store, p, r.allocation);
  CHECK(d.booth("C-03").exhibitor_id == Id{5});
  int assigned = 0;
  for (const auto& b : d.store->booths()) assigned += b.exhibitor_id ? 1 : 0;
  CHECK(assigned == r.score.assigned);
  // Allocating again from the applied state changes nothing that matters: still no violation.
  const auto again = booth::allocate(booth::loadProblem(*d.store));
  CHECK(again.violations.total() == 0);
  CHECK(checkAllocation(p, booth::currentAllocation(p, d.store->booths())).total() == 0);
}
