// The plan's hand operations alone, with no window: on the demo edition's plan (nobody in a booth yet)
// through a PlanModel, as the screen calls them: assign, move, swap, unassign, lock and hold, each one
// undo step; refusals say why and change nothing; nothing changes while an allocation is previewed.
#include <catch2/catch.hpp>

#include "booth/booth_service.hpp"
#include "core/i18n.hpp"
#include "plan_fixture.hpp"
#include "ui/screens/plan_model.hpp"

using namespace moussem;

namespace {

struct Plan : test::PlanDb {
  std::unique_ptr<ui::PlanModel> model = std::make_unique<ui::PlanModel>(*store);
  Plan() { model->load(); }
  ui::PlanOperations& ops() { return model->operations(); }
  int at(const std::string& code) { return model->boothIndex(code); }
};

}  // namespace

TEST_CASE("plan operations: assign, move onto a free booth, swap two held booths, each undone and redone") {
  Plan p;
  REQUIRE(p.ops().assign(p.at("A-05"), 1));
  CHECK(p.booth("A-05").exhibitor_id == Id{1});
  CHECK(p.booth("A-05").status == BoothStatus::Assigned);
  CHECK_FALSE(p.model->messageIsError());
  CHECK(p.model->message().find("A-05") != std::string::npos);
  // The model's rows follow the database.
  CHECK(p.model->booths()[p.at("A-05")].holder == p.model->exhibitorIndex(1));

  REQUIRE(p.ops().move(p.at("A-05"), p.at("A-06")));  // onto a free booth: moved
  CHECK(p.booth("A-06").exhibitor_id == Id{1});
  CHECK_FALSE(p.booth("A-05").exhibitor_id);
  REQUIRE(p.ops().assign(p.at("B-07"), 2));
  REQUIRE(p.ops().move(p.at("A-06"), p.at("B-07")));  // both held: swapped
  CHECK(p.booth("A-06").exhibitor_id == Id{2});
  CHECK(p.booth("B-07").exhibitor_id == Id{1});

  REQUIRE(p.ops().undo());  // the swap
  CHECK(p.booth("A-06").exhibitor_id == Id{1});
  CHECK(p.booth("B-07").exhibitor_id == Id{2});
  REQUIRE(p.ops().undo());  // B-07's assignment
  REQUIRE(p.ops().undo());  // the move
  CHECK(p.booth("A-05").exhibitor_id == Id{1});
  REQUIRE(p.ops().undo());  // the first assignment
  CHECK_FALSE(p.booth("A-05").exhibitor_id);
  CHECK_FALSE(p.ops().canUndo());
  REQUIRE(p.ops().canRedo());
  REQUIRE(p.ops().redo());
  CHECK(p.booth("A-05").exhibitor_id == Id{1});
  // Out of range or onto itself: nothing to do, no step.
  CHECK_FALSE(p.ops().move(p.at("A-05"), p.at("A-05")));
  CHECK_FALSE(p.ops().assign(-1, 1));
  CHECK_FALSE(p.ops().unassign(100000));
}

TEST_CASE("plan operations: a locked booth refuses an assignment in the user's language, nothing changes") {
  for (const char* lang : {"fr", "ar", "en"}) {
    i18n::setLanguage(lang);
    Plan p;
    REQUIRE(p.ops().toggleLock(p.at("A-05")));
    CHECK(p.booth("A-05").locked);
    CHECK_FALSE(p.ops().assign(p.at("A-05"), 1));
    CHECK(p.model->messageIsError());
    INFO(lang << ": " << p.model->message());
    CHECK(p.model->message().find("A-05") != std::string::npos);
    CHECK(p.model->message().find(tr("booth.locked")) != std::string::npos);
    CHECK_FALSE(p.booth("A-05").exhibitor_id);
    // Unlocked, then held and released: each one step, undone in reverse order.
    REQUIRE(p.ops().toggleLock(p.at("A-05")));
    REQUIRE(p.ops().toggleHold(p.at("A-05")));
    CHECK(p.booth("A-05").status == BoothStatus::Hold);
    REQUIRE(p.ops().toggleHold(p.at("A-05")));
    CHECK(p.booth("A-05").status == BoothStatus::Free);
    REQUIRE(p.ops().undo());
    CHECK(p.booth("A-05").status == BoothStatus::Hold);
    REQUIRE(p.ops().undo());
    REQUIRE(p.ops().undo());
    CHECK(p.booth("A-05").locked);
  }
  i18n::setLanguage("fr");
}

TEST_CASE("plan operations: while an allocation is previewed nothing is changed by hand, nor undone") {
  Plan p;
  REQUIRE(p.ops().assign(p.at("A-05"), 1));
  REQUIRE(p.model->startAllocation());
  p.model->allocation().wait();
  p.model->poll();
  REQUIRE(p.model->previewing());
  CHECK_FALSE(p.ops().canUndo());
  CHECK_FALSE(p.ops().undo());
  CHECK_FALSE(p.ops().unassign(p.at("A-05")));
  CHECK(p.model->messageIsError());
  CHECK(p.model->message() == tr("plan.error.previewing"));
  CHECK(p.booth("A-05").exhibitor_id == Id{1});
  p.model->discardPreview();
  REQUIRE(p.ops().canUndo());
  REQUIRE(p.ops().unassign(p.at("A-05")));
  CHECK_FALSE(p.booth("A-05").exhibitor_id);
}
