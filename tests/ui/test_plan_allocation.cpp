// The allocation on the plan alone, on the demo edition's plan with nobody in a booth: solved on a
// worker, previewed over the plan's booths without a write, then taken to be written or discarded.
#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "test_support.hpp"
#include "ui/screens/plan_allocation.hpp"

using namespace moussem;

namespace {

struct Plan {
  test::TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(dir / "plan.db", demoEdition());
  std::vector<ui::PlanBooth> booths;
  Plan() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);  // the OLM Souissi plan, every exhibitor still without a booth
    for (auto& b : store->booths()) {
      ui::PlanBooth pb;
      pb.booth = std::move(b);
      booths.push_back(std::move(pb));
    }
  }
  // The plan's exhibitor index of an exhibitor: here its id, shifted so that 0 is a real index.
  static int index(Id id) { return static_cast<int>(id) - 1; }
  int assigned() {
    int n = 0;
    for (const auto& b : store->booths()) n += b.exhibitor_id.has_value();
    return n;
  }
};

}  // namespace

TEST_CASE("plan allocation: solved on a worker, previewed over the plan's booths, nothing written until taken") {
  Plan p;
  ui::PlanAllocation a(*p.store);
  CHECK_FALSE(a.poll(p.booths, Plan::index));  // nothing ran
  CHECK_FALSE(a.previewing());
  std::string error;
  REQUIRE(a.start(error));
  CHECK(error.empty());
  a.wait();
  const auto outcome = a.poll(p.booths, Plan::index);
  REQUIRE(outcome);
  INFO(outcome->message);
  REQUIRE(outcome->ok);
  CHECK(outcome->message == a.summary());
  REQUIRE(a.previewing());
  CHECK(a.changeCount() > 0);
  int changed = 0;
  for (int i = 0; i < static_cast<int>(p.booths.size()); ++i)
    if (a.changed(i)) {
      ++changed;
      CHECK(a.holder(i) >= 0);  // from an empty plan every change is a placement
    } else {
      CHECK(a.holder(i) == p.booths[i].holder);
    }
  CHECK(changed == a.changeCount());
  CHECK_FALSE(a.changed(-1));
  CHECK(p.assigned() == 0);  // a preview writes nothing
  // Taken: the preview ends, and what was previewed is what gets written.
  auto chosen = a.take();
  REQUIRE(chosen);
  CHECK_FALSE(a.previewing());
  CHECK_FALSE(a.take());
  CHECK(p.assigned() == 0);
  booth::applyAllocation(*p.store, chosen->problem, chosen->allocation);
  CHECK(p.assigned() == changed);
}

TEST_CASE("plan allocation: discarded, the preview ends and nothing is written") {
  Plan p;
  ui::PlanAllocation a(*p.store);
  std::string error;
  REQUIRE(a.start(error));
  a.wait();
  REQUIRE(a.poll(p.booths, Plan::index));
  REQUIRE(a.previewing());
  a.discard();
  CHECK_FALSE(a.previewing());
  CHECK(a.changeCount() == 0);
  CHECK_FALSE(a.changed(0));
  CHECK(a.holder(0) == -1);
  CHECK_FALSE(a.take());
  CHECK(p.assigned() == 0);
}
