// The plan's undo and redo alone, on the demo edition's plan: a booth change recorded is played back
// and again in the database; a step someone else changed since is refused and nothing is written; a
// step records only the booths that changed.
#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "test_support.hpp"
#include "ui/screens/plan_history.hpp"

using namespace moussem;

namespace {

struct Plan {
  test::TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(dir / "plan.db", demoEdition());
  Plan() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);  // the OLM Souissi plan, every exhibitor still without a booth
  }
  std::optional<Id> holder(const std::string& code) { return booth::findBooth(*store, code)->exhibitor_id; }
};

}  // namespace

TEST_CASE("plan history: a booth change recorded is undone and redone in the database") {
  Plan p;
  ui::PlanHistory h(*p.store);
  CHECK_FALSE(h.canUndo());
  CHECK(h.undo().kind == ui::PlanHistory::Played::Kind::Nothing);
  const auto before = booth::assignBooth(*p.store, "A-05", 1);
  h.record({"A-05 to 1", before, h.current(before), {}, {}, {}, {}});
  REQUIRE(h.canUndo());
  CHECK_FALSE(h.canRedo());
  auto played = h.undo();
  CHECK(played.kind == ui::PlanHistory::Played::Kind::Done);
  CHECK(played.text == "A-05 to 1");
  CHECK_FALSE(p.holder("A-05"));
  CHECK(h.canRedo());
  played = h.redo();
  CHECK(played.kind == ui::PlanHistory::Played::Kind::Done);
  CHECK(p.holder("A-05") == Id(1));
  // A new step forgets what could be redone.
  h.undo();
  const auto other = booth::assignBooth(*p.store, "A-06", 2);
  h.record({"A-06 to 2", other, h.current(other), {}, {}, {}, {}});
  CHECK_FALSE(h.canRedo());
}

TEST_CASE("plan history: a step another station changed since is refused, nothing is written, that side is forgotten") {
  Plan p;
  ui::PlanHistory h(*p.store);
  const auto before = booth::assignBooth(*p.store, "A-05", 1);
  h.record({"A-05 to 1", before, h.current(before), {}, {}, {}, {}});
  booth::swapBooths(*p.store, "A-05", "A-06");  // elsewhere: the exhibitor moved on
  const auto played = h.undo();
  CHECK(played.kind == ui::PlanHistory::Played::Kind::Changed);
  CHECK_FALSE(played.text.empty());
  CHECK(p.holder("A-06") == Id(1));  // their work stands
  CHECK_FALSE(p.holder("A-05"));
  CHECK_FALSE(h.canUndo());
}

TEST_CASE("plan history: a step records only the booths that changed, and none when nothing did") {
  Plan p;
  ui::PlanHistory h(*p.store);
  const auto all = p.store->booths();
  h.recordChanged("nothing", all, h.current(all));
  CHECK_FALSE(h.canUndo());
  booth::assignBooth(*p.store, "B-07", 3);
  h.recordChanged("B-07 to 3", all, h.current(all));
  REQUIRE(h.canUndo());
  booth::assignBooth(*p.store, "A-03", 4);  // not in the step: undo leaves it
  CHECK(h.undo().kind == ui::PlanHistory::Played::Kind::Done);
  CHECK_FALSE(p.holder("B-07"));
  CHECK(p.holder("A-03") == Id(4));
}
