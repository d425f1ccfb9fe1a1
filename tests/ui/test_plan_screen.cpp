// The booth plan in the headless UI, driven with the mouse and keys as an organiser would: drag an
// exhibitor from the unassigned list onto a booth then undo and redo; drag a booth onto another to move
// and to swap; a locked booth refuses a drop and says why in the user's language; the automatic
// allocation previewed then discarded changes nothing, accepted then undone comes back; the plan draws
// in French, Arabic (side panel mirrored) and English, by status, sector and region.
#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "plan_fixture.hpp"
#include "test_support.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/shell.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct Plan {
  test::PlanDb d;
  test::HeadlessUi ui{ImVec2(1400, 900)};
  ui::PlanScreen screen{*d.store};
  explicit Plan(const std::string& lang = "fr") {
    i18n::setLanguage(lang);
    screen.onShow();
    frames(3);
  }
  ~Plan() { i18n::setLanguage("fr"); }
  void frames(int n) {
    ui.frames(n, [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("plan", nullptr, ImGuiWindowFlags_NoDecoration);
      screen.draw();
      ImGui::End();
    });
  }
  // Press at `from`, move in steps to `to`, release there: a mouse drag as ImGui sees it.
  void drag(ImVec2 from, ImVec2 to) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    for (int i = 1; i <= 6; ++i) {
      io.MousePos = ImVec2(from.x + (to.x - from.x) * static_cast<float>(i) / 6.0f,
                           from.y + (to.y - from.y) * static_cast<float>(i) / 6.0f);
      frames(1);
    }
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
  }
  void click(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(2);
  }
  bool key(ui::Key k, bool ctrl = false) { return screen.actions()->trigger({k, ctrl}); }
  // The first exhibitor of the unassigned list, scrolled into view.
  Id firstUnassigned() {
    REQUIRE_FALSE(screen.model().search().unassigned().empty());
    return screen.model().exhibitors()[screen.model().search().unassigned()[0]].id;
  }
};

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) {
  return p.x > a.x && p.x < b.x && p.y > a.y && p.y < b.y;
}

}  // namespace

TEST_CASE(
    "plan: dragging an exhibitor from the unassigned list onto a booth assigns it, Ctrl+Z undoes, Ctrl+Y redoes") {
  Plan p;
  const Id x = p.firstUnassigned();
  const int before = p.screen.model().search().unassignedTotal();
  auto from = p.screen.unassignedItemCentre(x);
  REQUIRE(from);
  const ImVec2 to = p.screen.boothCentre("A-05");
  REQUIRE(inside(to, p.screen.canvasMin(), p.screen.canvasMax()));
  p.drag(*from, to);
  CHECK(p.d.booth("A-05").exhibitor_id == x);
  CHECK(p.d.booth("A-05").status == BoothStatus::Assigned);
  CHECK(p.screen.model().search().unassignedTotal() == before - 1);
  CHECK(p.screen.model().selection().currentBooth()->booth.code == "A-05");
  CHECK_FALSE(p.screen.model().messageIsError());

  REQUIRE(p.key(ui::Key::Z, true));
  CHECK_FALSE(p.d.booth("A-05").exhibitor_id);
  CHECK(p.d.booth("A-05").status == BoothStatus::Free);
  CHECK(p.screen.model().search().unassignedTotal() == before);
  CHECK_FALSE(p.screen.model().operations().canUndo());

  REQUIRE(p.key(ui::Key::Y, true));
  CHECK(p.d.booth("A-05").exhibitor_id == x);
  CHECK_FALSE(p.key(ui::Key::Y, true));  // nothing more to redo
}

TEST_CASE("plan: dragging a booth onto a free one moves the exhibitor, onto a held one swaps them") {
  Plan p;
  booth::assignBooth(*p.d.store, "A-05", 1);
  booth::assignBooth(*p.d.store, "B-07", 2);
  p.screen.refresh();
  p.frames(2);
  // Move: A-05 onto the free A-06.
  REQUIRE_FALSE(p.d.booth("A-06").exhibitor_id);
  p.drag(p.screen.boothCentre("A-05"), p.screen.boothCentre("A-06"));
  CHECK(p.d.booth("A-06").exhibitor_id == Id{1});
  CHECK_FALSE(p.d.booth("A-05").exhibitor_id);
  // Swap: A-06 onto B-07.
  p.drag(p.screen.boothCentre("A-06"), p.screen.boothCentre("B-07"));
  CHECK(p.d.booth("A-06").exhibitor_id == Id{2});
  CHECK(p.d.booth("B-07").exhibitor_id == Id{1});
  // Both steps undo, in reverse order.
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-06").exhibitor_id == Id{1});
  CHECK(p.d.booth("B-07").exhibitor_id == Id{2});
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-05").exhibitor_id == Id{1});
  CHECK_FALSE(p.d.booth("A-06").exhibitor_id);
}

TEST_CASE("plan: a locked booth refuses a drop and says why in the user's language, nothing changes") {
  for (const char* lang : {"fr", "ar", "en"}) {
    Plan p(lang);
    // Select A-05 with a click, lock it with K.
    p.click(p.screen.boothCentre("A-05"));
    REQUIRE(p.screen.model().selection().currentBooth());
    REQUIRE(p.screen.model().selection().currentBooth()->booth.code == "A-05");
    REQUIRE(p.key(ui::Key::K));
    CHECK(p.d.booth("A-05").locked);
    const auto before = p.d.holders();
    const Id x = p.firstUnassigned();
    p.drag(*p.screen.unassignedItemCentre(x), p.screen.boothCentre("A-05"));
    CHECK(p.d.holders() == before);
    CHECK(p.screen.model().messageIsError());
    const std::string& m = p.screen.model().message();
    INFO(lang << ": " << m);
    CHECK(m.find("A-05") != std::string::npos);
    CHECK(m.find(tr("booth.locked")) != std::string::npos);  // "verrouillé", "مقفل", "locked"
    // Dragging the locked booth's neighbour onto it is refused too.
    booth::assignBooth(*p.d.store, "A-06", 3);
    p.screen.refresh();
    p.frames(1);
    p.drag(p.screen.boothCentre("A-06"), p.screen.boothCentre("A-05"));
    CHECK(p.d.booth("A-06").exhibitor_id == Id{3});
    CHECK(p.screen.model().messageIsError());
  }
}

TEST_CASE("plan: the automatic allocation previewed then discarded changes nothing, accepted it is one undo step") {
  Plan p;
  const auto before = p.d.holders();
  p.screen.actions()->run("plan.allocate");
  p.screen.model().allocation().wait();
  p.frames(2);
  REQUIRE(p.screen.model().previewing());
  CHECK(p.screen.model().allocation().changeCount() > 0);
  CHECK(p.d.holders() == before);  // a preview writes nothing
  // Booths changed by the preview show their proposed exhibitor.
  int proposed = 0;
  for (int i = 0; i < static_cast<int>(p.screen.model().booths().size()); ++i)
    if (p.screen.model().allocation().changed(i) && p.screen.model().shownHolder(i) >= 0) ++proposed;
  CHECK(proposed > 0);
  // Hand operations wait for the decision.
  CHECK_FALSE(p.screen.model().operations().assign(p.screen.model().boothIndex("A-05"), p.firstUnassigned()));
  CHECK(p.screen.model().messageIsError());
  p.screen.model().discardPreview();
  p.frames(1);
  CHECK_FALSE(p.screen.model().previewing());
  CHECK(p.d.holders() == before);

  p.screen.model().startAllocation();
  p.screen.model().allocation().wait();
  p.frames(2);
  REQUIRE(p.screen.model().previewing());
  const int changes = p.screen.model().allocation().changeCount();
  REQUIRE(p.screen.model().acceptPreview());
  int assigned = 0;
  for (const auto& b : p.d.store->booths()) assigned += b.exhibitor_id.has_value();
  CHECK(assigned == changes);  // from an empty plan every change is a placement
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.holders() == before);
}

TEST_CASE("plan: search highlights booths by code and exhibitors by name, in either script") {
  Plan p;
  booth::assignBooth(*p.d.store, "B-07", 1);
  p.screen.refresh();
  const auto x = *p.d.store->exhibitor(1);
  p.screen.model().setSearch("a-0");
  CHECK(p.screen.model().search().highlighted(p.screen.model().boothIndex("A-05")));
  CHECK_FALSE(p.screen.model().search().highlighted(p.screen.model().boothIndex("B-07")));
  p.screen.model().setSearch(x.name_ar);
  CHECK(p.screen.model().search().highlighted(p.screen.model().boothIndex("B-07")));
  CHECK(p.screen.model().search().hitCount() >= 1);
  p.frames(1);
}

TEST_CASE("plan: the screen draws in French, Arabic and English, coloured by status, sector and region") {
  for (const char* lang : {"fr", "ar", "en"}) {
    Plan p(lang);
    booth::assignBooth(*p.d.store, "A-05", 1);
    booth::lockBooth(*p.d.store, "A-05", true);
    p.screen.refresh();
    for (auto by : {booth::ColourBy::Status, booth::ColourBy::Sector, booth::ColourBy::Region}) {
      p.screen.model().setColourBy(by);
      int vertices = 0;
      p.ui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("plan", nullptr, ImGuiWindowFlags_NoDecoration);
        p.screen.draw();
        ImGui::End();
      });
      vertices = ImGui::GetDrawData()->TotalVtxCount;
      CHECK(vertices > 1000);
      CHECK(p.screen.model().legend().size() >= 2);
    }
    // The side panel sits where reading starts.
    auto item = p.screen.unassignedItemCentre(p.firstUnassigned());
    REQUIRE(item);
    if (std::string(lang) == "ar")
      CHECK(item->x > p.screen.canvasMax().x);
    else
      CHECK(item->x < p.screen.canvasMin().x);
    // Hovering a booth shows its tooltip without trouble.
    ImGui::GetIO().MousePos = p.screen.boothCentre("A-05");
    p.frames(2);
    CHECK(p.screen.hoveredBooth() == p.screen.model().boothIndex("A-05"));
  }
}

TEST_CASE("plan: the shell lists the plan screen and opens it") {
  test::PlanDb d;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  shell.select("plan");
  CHECK(std::string(shell.current().id()) == "plan");
  ui.frames(2, [&] { shell.draw(); });
}

TEST_CASE("plan: exports run on a worker and write the plan and the directory where asked") {
  Plan p;
  p.screen.model().exportPath = (p.d.dir / "plan.pdf").string();
  REQUIRE(p.screen.model().startExport(false));
  p.screen.model().waitForExport();
  p.frames(1);
  INFO(p.screen.model().message());
  CHECK_FALSE(p.screen.model().messageIsError());
  CHECK(std::filesystem::file_size(p.d.dir / "plan.pdf") > 1000);
  p.screen.model().exportPath = (p.d.dir / "directory.csv").string();
  REQUIRE(p.screen.model().startExport(true));
  p.screen.model().waitForExport();
  p.frames(1);
  CHECK(std::filesystem::exists(p.d.dir / "directory.csv"));
  // A wrong extension: the reason, and no file.
  p.screen.model().exportPath = (p.d.dir / "plan.doc").string();
  REQUIRE(p.screen.model().startExport(false));
  p.screen.model().waitForExport();
  p.frames(1);
  CHECK(p.screen.model().messageIsError());
  CHECK(p.screen.model().message().find("plan.doc") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(p.d.dir / "plan.doc"));
}

TEST_CASE(
    "plan editor: add, move, resize, duplicate, a row of N and delete booths on the 0.5 m grid, each one undo step") {
  Plan p;
  auto& m = p.screen.model();
  m.editor().setEditing(true);
  p.frames(2);  // the edit bar moves the canvas down: positions are read after it is drawn
  const auto count = [&] { return p.d.store->booths().size(); };
  const std::size_t start = count();
  const Booth a05 = p.d.booth("A-05");
  // Move by a drag on the canvas: lands on the grid, one step to undo.
  const ImVec2 from = p.screen.boothCentre("A-05");
  const float perMetre = static_cast<float>(p.screen.view().scale);
  p.drag(from, ImVec2(from.x, from.y - perMetre * 1.2f));  // 1.2 m up: lands 1 m up, on the grid
  INFO(m.message());
  CHECK(p.d.booth("A-05").y == Approx(a05.y - 1.0));
  CHECK(p.d.booth("A-05").x == Approx(a05.x));
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-05").y == a05.y);
  // Resize through the model: snapped; a size that overlaps the neighbour is refused, nothing changes.
  const int i = m.boothIndex("A-05");
  CHECK_FALSE(m.editor().resizeBooth(i, a05.width + 2.2, a05.depth));
  CHECK(m.messageIsError());
  CHECK(m.message().find("A-05") != std::string::npos);
  CHECK(p.d.booth("A-05").width == a05.width);
  // Duplicate into free floor, a row of 3, then delete one of them.
  // On the island of A-25: refused, it would overlap.
  CHECK_FALSE(m.editor().addBooth(14.0, 15.0));
  CHECK(m.message().find("A-25") != std::string::npos);
  // Free floor of hall A, between the aisles: a 3 x 3 m booth at (4, 15), the point snapped.
  REQUIRE(m.editor().addBooth(4.2, 15.1));
  CHECK(count() == start + 1);
  REQUIRE(m.boothAt(5, 16) >= 0);
  const Booth fresh = m.booths()[m.boothAt(5, 16)].booth;
  CHECK(fresh.x == 4.0);
  CHECK(fresh.y == 15.0);
  const std::string added = fresh.code;
  CHECK(added.rfind("A-", 0) == 0);
  REQUIRE(m.editor().duplicateBooth(m.boothIndex(added)));
  CHECK(count() == start + 2);
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(count() == start + 1);
  REQUIRE(p.key(ui::Key::Y, true));
  CHECK(count() == start + 2);
  // A row that runs out of the hall is refused whole.
  CHECK_FALSE(m.editor().addRow(m.boothIndex(added), 60));
  CHECK(m.messageIsError());
  CHECK(count() == start + 2);
  REQUIRE(m.editor().deleteBooth(m.boothIndex(added)));
  CHECK(count() == start + 1);
  REQUIRE(m.operations().undo());  // the deleted booth comes back with its code
  CHECK(booth::findBooth(*p.d.store, added));
  // Outside every hall: refused.
  CHECK_FALSE(m.editor().addBooth(-50, -50));
  CHECK(m.messageIsError());
  // An occupied booth cannot be deleted.
  booth::assignBooth(*p.d.store, "A-06", 2);
  p.screen.refresh();
  CHECK_FALSE(m.editor().deleteBooth(m.boothIndex("A-06")));
  CHECK(booth::findBooth(*p.d.store, "A-06"));
  p.frames(2);  // the edit bar and the grid draw
}

namespace {
// Screen point of a venue point.
ImVec2 at(const ui::PlanView& v, double x, double y) {
  return ImVec2(static_cast<float>(v.toScreenX(x)), static_cast<float>(v.toScreenY(y)));
}
std::vector<std::string> selectedCodes(const ui::PlanModel& m) {
  std::vector<std::string> out;
  for (int i : m.selection().booths()) out.push_back(m.booths()[i].booth.code);
  return out;
}
}  // namespace

TEST_CASE(
    "plan editor: a rubber band and Shift+click select booths, a drag moves them all as one undo step, arrows nudge") {
  Plan p;
  auto& m = p.screen.model();
  REQUIRE(p.key(ui::Key::E, true));  // Ctrl+E: the editor
  REQUIRE(m.editor().editing());
  p.frames(2);
  const Booth a01 = p.d.booth("A-10"), a02 = p.d.booth("A-11"), a03 = p.d.booth("A-12"), a04 = p.d.booth("A-09");
  // A band dragged on the empty strip in front of the first row (right of the hall's name), down over
  //
  p.drag(at(p.screen.view(), 57.5, 1.0), at(p.screen.view(), 47.0, 5.0));
  CHECK(selectedCodes(m) == std::vector<std::string>{"A-10", "A-11", "A-12"});
  // Shift+click adds A-09, Shift+click again removes it.
  ImGui::GetIO().KeyShift = true;
  p.click(p.screen.boothCentre("A-09"));
  CHECK(m.selection().contains(m.boothIndex("A-09")));
  p.click(p.screen.boothCentre("A-09"));
  ImGui::GetIO().KeyShift = false;
  p.frames(1);
  CHECK_FALSE(m.selection().contains(m.boothIndex("A-09")));
  REQUIRE(m.selection().count() == 3);
  // Dragging one of them moves the three, snapped to the grid: 1.2 m up lands 1 m up.
  const ImVec2 from = p.screen.boothCentre("A-11");
  p.drag(from, ImVec2(from.x, from.y - static_cast<float>(p.screen.view().scale) * 1.2f));
  INFO(m.message());
  CHECK(p.d.booth("A-10").y == Approx(a01.y - 1));
  CHECK(p.d.booth("A-11").y == Approx(a02.y - 1));
  CHECK(p.d.booth("A-12").y == Approx(a03.y - 1));
  CHECK(p.d.booth("A-09").y == a04.y);
  CHECK(m.selection().count() == 3);  // still selected after the move
  // One undo step brings the three back.
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-10").y == a01.y);
  CHECK(p.d.booth("A-12").y == a03.y);
  // Arrow keys: 0.5 m; Shift+arrow: 5 m (here refused: it would leave the hall).
  REQUIRE(p.key(ui::Key::Up));
  CHECK(p.d.booth("A-11").y == Approx(a02.y - 0.5));
  CHECK(p.screen.actions()->trigger({ui::Key::Up, false, true}));
  CHECK(m.messageIsError());
  CHECK(p.d.booth("A-11").y == Approx(a02.y - 0.5));
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-11").y == a02.y);
  // Ctrl+A selects every booth; Escape nothing.
  REQUIRE(p.key(ui::Key::A, true));
  CHECK(m.selection().count() == static_cast<int>(m.booths().size()));
  REQUIRE(p.key(ui::Key::Escape));
  CHECK(m.selection().count() == 0);
  p.frames(2);
}

TEST_CASE(
    "plan editor: Ctrl+D duplicates the selection and Delete deletes it, each one undo step, an assigned booth is not "
    "deleted") {
  Plan p;
  auto& m = p.screen.model();
  m.editor().setEditing(true);
  const std::size_t start = p.d.store->booths().size();
  m.selection().select(m.boothIndex("A-02"));
  m.selection().toggle(m.boothIndex("A-03"));
  m.selection().toggle(m.boothIndex("A-04"));
  // Right of the group is A-05, left A-01, behind the back row: the copies go in front (above).
  REQUIRE(p.key(ui::Key::D, true));
  INFO(m.message());
  CHECK(p.d.store->booths().size() == start + 3);
  CHECK(m.selection().count() == 3);  // the copies, selected
  for (int i : m.selection().booths()) CHECK(m.booths()[i].booth.y == Approx(p.d.booth("A-02").y - 3));
  // Delete removes the three copies, Ctrl+Z brings them back, Ctrl+Y deletes them again.
  REQUIRE(p.key(ui::Key::Delete));
  CHECK(p.d.store->booths().size() == start);
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.store->booths().size() == start + 3);
  REQUIRE(p.key(ui::Key::Y, true));
  CHECK(p.d.store->booths().size() == start);
  // A selection holding an assigned booth: refused whole, the booth named, nothing deleted.
  booth::assignBooth(*p.d.store, "A-06", 2);
  p.screen.refresh();
  m.selection().select(m.boothIndex("A-05"));
  m.selection().toggle(m.boothIndex("A-06"));
  CHECK(p.key(ui::Key::Delete));  // enabled: it runs, and refuses
  CHECK(m.messageIsError());
  CHECK(m.message().find("A-06") != std::string::npos);
  CHECK(p.d.store->booths().size() == start);
  CHECK(booth::findBooth(*p.d.store, "A-05"));
}

TEST_CASE(
    "plan editor: a hall moved carries its booths, aisles and entrances, and halls, aisles and entrances are added, "
    "renamed and deleted, each one undo step") {
  Plan p;
  auto& m = p.screen.model();
  m.editor().setEditing(true);
  auto hall = [&](const std::string& code) {
    for (const auto& h : p.d.store->halls())
      if (h.code == code) return h;
    FAIL("no hall " << code);
    return Hall{};
  };
  auto feature = [&](const std::string& code) {
    for (const auto& f : p.d.store->venueFeatures())
      if (f.code == code) return f;
    FAIL("no feature " << code);
    return VenueFeature{};
  };
  const Hall d = hall("D");
  const VenueFeature dm = feature("D-M"), de1 = feature("D-E1");
  std::vector<Booth> inD;
  for (const auto& b : p.d.store->booths())
    if (b.hall == "D") inD.push_back(b);
  REQUIRE_FALSE(inD.empty());
  // Hall D 5 m down: its booths, aisle and entrances come along; one undo step.
  REQUIRE(m.editor().moveHall("D", 0, 5));
  CHECK(hall("D").y == d.y + 5);
  CHECK(feature("D-M").y == dm.y + 5);
  CHECK(feature("D-E1").y == de1.y + 5);
  for (const auto& b : inD) CHECK(p.d.booth(b.code).y == b.y + 5);
  REQUIRE(m.operations().undo());
  CHECK(hall("D").y == d.y);
  CHECK(feature("D-M").y == dm.y);
  for (const auto& b : inD) CHECK(p.d.booth(b.code).y == b.y);
  // With the mouse, by its name (drawn at its top-left corner): 3 m to the right.
  p.frames(2);
  const ImVec2 name = at(p.screen.view(), d.x + 1.0, d.y + 0.8);
  p.drag(name, ImVec2(name.x + static_cast<float>(p.screen.view().scale) * 3.1f, name.y));
  INFO(m.message());
  CHECK(m.selection().hall());
  CHECK(hall("D").x == d.x + 3);
  CHECK(feature("D-M").x == dm.x + 3);
  for (const auto& b : inD) CHECK(p.d.booth(b.code).x == b.x + 3);
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(hall("D").x == d.x);
  // Selected, the arrows move it.
  m.selection().selectHall("D");
  REQUIRE(m.editor().nudge(0.5, 0));
  CHECK(hall("D").x == d.x + 0.5);
  REQUIRE(m.operations().undo());
  // A hall over another one is refused.
  CHECK_FALSE(m.editor().addHall(10, 10));
  CHECK(m.message().find("A") != std::string::npos);
  // A new hall below the others, renamed, with an aisle, an entrance and a booth.
  REQUIRE(m.editor().addHall(0, 80));
  REQUIRE(m.selection().hall());
  const std::string e = m.selection().hall()->code;
  CHECK(e == "E");
  REQUIRE(m.editor().renameHall(e, "Hall E — Poterie", "القاعة هـ"));
  CHECK(hall(e).name_ar == "القاعة هـ");
  REQUIRE(m.editor().addFeature(VenueFeatureKind::Aisle, 2, 81));
  const std::string aisle = m.selection().feature()->code;
  REQUIRE(m.editor().addFeature(VenueFeatureKind::Entrance, 10, 80));
  const std::string door = m.selection().feature()->code;
  REQUIRE(m.editor().setFeatureLabels(door, "Porte sud", "الباب الجنوبي", "South door"));
  REQUIRE(m.editor().addBooth(10, 84));
  const std::string newBooth = m.booths()[m.boothAt(11, 85)].booth.code;
  // A booth on the aisle: refused by the venue rules.
  CHECK_FALSE(m.editor().moveFeature(aisle, 8, 0));
  CHECK(m.message().find(newBooth) != std::string::npos);
  REQUIRE(m.editor().moveFeature(aisle, 1, 0));
  CHECK(feature(aisle).x == 3);
  // The whole new hall 5 m right: everything in it follows; undo puts it back.
  REQUIRE(m.editor().moveHall(e, 5, 0));
  CHECK(hall(e).x == 5);
  CHECK(feature(aisle).x == 8);
  CHECK(p.d.booth(newBooth).x == 15);
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth(newBooth).x == 10);
  // A hall with a booth is not deleted; its aisle and entrance are, then the empty hall.
  m.selection().selectHall(e);
  CHECK_FALSE(m.editor().deleteSelected());
  CHECK(m.message().find(newBooth) != std::string::npos);
  REQUIRE(m.editor().deleteBooth(m.boothIndex(newBooth)));
  REQUIRE(m.editor().deleteFeature(aisle));
  m.selection().selectHall(e);
  REQUIRE(p.key(ui::Key::Delete));  // the hall and its entrance
  CHECK(p.d.store->halls().size() == 4);
  // Undo, step by step, brings the hall, then the aisle, then the booth back.
  REQUIRE(m.operations().undo());
  CHECK(p.d.store->halls().size() == 5);
  CHECK(feature(door).label_en == "South door");
  REQUIRE(m.operations().undo());
  CHECK(feature(aisle).x == 3);
  REQUIRE(m.operations().undo());
  CHECK(booth::findBooth(*p.d.store, newBooth));
  // Rows put back have new ids: the older steps follow them (the aisle's move, then the booth's addition).
  REQUIRE(m.operations().undo());
  CHECK(feature(aisle).x == 2);
  REQUIRE(m.operations().undo());
  CHECK_FALSE(booth::findBooth(*p.d.store, newBooth));
  p.frames(2);  // draws with the new hall selected
}

TEST_CASE("plan: entrance and aisle labels are shown in the interface language, French when a language has none") {
  for (const char* lang : {"fr", "ar", "en"}) {
    Plan p(lang);
    auto& m = p.screen.model();
    const VenueFeature* e1 = nullptr;
    for (const auto& f : m.features())
      if (f.code == "A-E1") e1 = &f;
    REQUIRE(e1);
    const std::string shown = booth::featureLabel(*e1, lang);
    if (std::string(lang) == "fr") CHECK(shown == "Entrée principale");
    if (std::string(lang) == "ar") CHECK(shown == "المدخل الرئيسي");
    if (std::string(lang) == "en") CHECK(shown == "Main entrance");
    // A feature labelled in French only shows French everywhere.
    m.editor().setEditing(true);
    REQUIRE(m.editor().setFeatureLabels("A-E2", "Sortie", "", ""));
    for (const auto& f : m.features())
      if (f.code == "A-E2") CHECK(booth::featureLabel(f, lang) == "Sortie");
    // Drawn zoomed in, labels on, in every language.
    p.screen.view().zoomAt(3, (p.screen.canvasMin().x + p.screen.canvasMax().x) / 2,
                           (p.screen.canvasMin().y + p.screen.canvasMax().y) / 2);
    m.selection().selectFeature("A-E1");
    p.frames(2);
  }
}
