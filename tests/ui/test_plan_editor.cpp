// The plan's venue editor alone, with no window: on the demo edition's plan through a PlanModel, as the
// screen calls it. Every change is checked whole with the venue rules before anything is written, and
// is one undo step; a refusal names the booth and the rule and changes nothing.
#include <catch2/catch.hpp>

#include "booth/booth_service.hpp"
#include "plan_fixture.hpp"
#include "ui/screens/plan_model.hpp"

using namespace moussem;

namespace {

struct Plan : test::PlanDb {
  std::unique_ptr<ui::PlanModel> model = std::make_unique<ui::PlanModel>(*store);
  Plan() { model->load(); }
};

}  // namespace

TEST_CASE("plan editor: positions and sizes snap to the 0.5 m grid") {
  CHECK(ui::PlanEditor::snap(4.2) == 4.0);
  CHECK(ui::PlanEditor::snap(4.3) == 4.5);
  CHECK(ui::PlanEditor::snap(-1.2) == -1.0);
  Plan p;
  auto& e = p.model->editor();
  REQUIRE(e.addBooth(4.2, 15.1, 2.9, 3.2));
  const Booth fresh = p.model->booths()[p.model->boothAt(5, 16)].booth;
  CHECK(fresh.x == 4.0);
  CHECK(fresh.y == 15.0);
  CHECK(fresh.width == 3.0);
  CHECK(fresh.depth == 3.0);
}

TEST_CASE("plan editor: a selection's move that would overlap or leave the hall is refused whole, nothing changes") {
  Plan p;
  auto& m = *p.model;
  m.editor().setEditing(true);
  const auto before = p.holders();
  std::vector<Booth> booths = p.store->booths();
  m.selection().select(m.boothIndex("A-02"));
  m.selection().toggle(m.boothIndex("A-03"));
  // 1 m to the right: A-03 would overlap A-04.
  CHECK_FALSE(m.editor().moveSelection(1.0, 0));
  CHECK(m.messageIsError());
  CHECK(m.message().find("A-03") != std::string::npos);
  CHECK(m.message().find("A-04") != std::string::npos);
  // 5 m up: out of hall A (the message names the booth and the hall).
  CHECK_FALSE(m.editor().moveSelection(0, -5.0));
  CHECK(m.message().find("A-0") != std::string::npos);
  CHECK(m.message().find(" A") != std::string::npos);
  // Nothing moved, nothing to undo.
  const auto after = p.store->booths();
  REQUIRE(after.size() == booths.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].x == booths[i].x);
    CHECK(after[i].y == booths[i].y);
  }
  CHECK(p.holders() == before);
  CHECK_FALSE(m.operations().canUndo());
  // A locked booth in the selection: refused, named.
  booth::lockBooth(*p.store, "A-02", true);
  m.load();
  CHECK_FALSE(m.editor().moveSelection(0, -1.0));
  CHECK(m.message().find("A-02") != std::string::npos);
}

TEST_CASE("plan editor: arrows and Delete act on the selected booths, else the aisle or entrance, else the hall") {
  Plan p;
  auto& m = *p.model;
  auto& e = m.editor();
  // A new hall away from the others, an entrance in it: selected as it is added.
  REQUIRE(e.addHall(200, 0));
  const std::string hall = m.selection().hall()->code;
  REQUIRE(e.addFeature(VenueFeatureKind::Entrance, 210, 6));
  REQUIRE(m.selection().feature());
  const std::string door = m.selection().feature()->code;
  auto feature = [&](const std::string& code) {
    for (const auto& f : p.store->venueFeatures())
      if (f.code == code) return f;
    FAIL("no feature " << code);
    return VenueFeature{};
  };
  const double doorX = feature(door).x;
  REQUIRE(e.nudge(0.5, 0));  // the entrance moves, not the hall
  CHECK(feature(door).x == doorX + 0.5);
  // The hall selected: a nudge carries its entrance with it.
  m.selection().selectHall(hall);
  REQUIRE(e.nudge(0, 0.5));
  CHECK(feature(door).x == doorX + 0.5);
  CHECK(feature(door).y == Approx(5.5 + 0.5));
  // Delete: the hall with its entrance, one step, undone whole.
  REQUIRE(e.deleteSelected());
  CHECK_FALSE(m.selection().hall());
  for (const auto& f : p.store->venueFeatures()) CHECK(f.code != door);
  REQUIRE(m.operations().undo());
  CHECK(feature(door).code == door);
  // Nothing selected: nothing to do.
  m.selection().select(-1);
  CHECK_FALSE(e.nudge(0.5, 0));
  CHECK_FALSE(e.deleteSelected());
}

TEST_CASE("plan editor: refused while an allocation is previewed, nothing written") {
  Plan p;
  auto& m = *p.model;
  const auto before = p.store->booths().size();
  REQUIRE(m.startAllocation());
  m.allocation().wait();
  m.poll();
  REQUIRE(m.previewing());
  CHECK_FALSE(m.editor().addBooth(4, 15));
  CHECK(m.messageIsError());
  CHECK(p.store->booths().size() == before);
  m.discardPreview();
  CHECK(m.editor().addBooth(4, 15));
  CHECK(p.store->booths().size() == before + 1);
}
