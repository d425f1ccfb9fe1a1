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
#include "test_support.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/shell.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct PlanDb {
  TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(dir / "plan.db", demoEdition());
  PlanDb() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);  // the OLM Souissi plan, every exhibitor still without a booth
  }
  Booth booth(const std::string& code) { return *booth::findBooth(*store, code); }
  std::vector<std::pair<std::string, std::optional<Id>>> holders() {
    std::vector<std::pair<std::string, std::optional<Id>>> out;
    for (const auto& b : store->booths()) out.emplace_back(b.code + "/" + b.status + (b.locked ? "/L" : ""), b.exhibitor_id);
    return out;
  }
};

struct Plan {
  PlanDb d;
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
      io.MousePos = ImVec2(from.x + (to.x - from.x) * static_cast<float>(i) / 6.0f, from.y + (to.y - from.y) * static_cast<float>(i) / 6.0f);
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
    REQUIRE_FALSE(screen.model().unassigned().empty());
    return screen.model().exhibitors()[screen.model().unassigned()[0]].id;
  }
};

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) { return p.x > a.x && p.x < b.x && p.y > a.y && p.y < b.y; }

}  // namespace

TEST_CASE("plan: dragging an exhibitor from the unassigned list onto a booth assigns it, Ctrl+Z undoes, Ctrl+Y redoes") {
  Plan p;
  const Id x = p.firstUnassigned();
  const int before = p.screen.model().unassignedTotal();
  auto from = p.screen.unassignedItemCentre(x);
  REQUIRE(from);
  const ImVec2 to = p.screen.boothCentre("A-05");
  REQUIRE(inside(to, p.screen.canvasMin(), p.screen.canvasMax()));
  p.drag(*from, to);
  CHECK(p.d.booth("A-05").exhibitor_id == x);
  CHECK(p.d.booth("A-05").status == "assigned");
  CHECK(p.screen.model().unassignedTotal() == before - 1);
  CHECK(p.screen.model().selectedBooth()->booth.code == "A-05");
  CHECK_FALSE(p.screen.model().messageIsError());

  REQUIRE(p.key(ui::Key::Z, true));
  CHECK_FALSE(p.d.booth("A-05").exhibitor_id);
  CHECK(p.d.booth("A-05").status == "free");
  CHECK(p.screen.model().unassignedTotal() == before);
  CHECK_FALSE(p.screen.model().canUndo());

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
    REQUIRE(p.screen.model().selectedBooth());
    REQUIRE(p.screen.model().selectedBooth()->booth.code == "A-05");
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
  p.screen.model().waitForAllocation();
  p.frames(2);
  REQUIRE(p.screen.model().previewing());
  CHECK(p.screen.model().previewChangeCount() > 0);
  CHECK(p.d.holders() == before);  // a preview writes nothing
  // Booths changed by the preview show their proposed exhibitor.
  int proposed = 0;
  for (int i = 0; i < static_cast<int>(p.screen.model().booths().size()); ++i)
    if (p.screen.model().previewChanged(i) && p.screen.model().shownHolder(i) >= 0) ++proposed;
  CHECK(proposed > 0);
  // Hand operations wait for the decision.
  CHECK_FALSE(p.screen.model().assign(p.screen.model().boothIndex("A-05"), p.firstUnassigned()));
  CHECK(p.screen.model().messageIsError());
  p.screen.model().discardPreview();
  p.frames(1);
  CHECK_FALSE(p.screen.model().previewing());
  CHECK(p.d.holders() == before);

  p.screen.model().startAllocation();
  p.screen.model().waitForAllocation();
  p.frames(2);
  REQUIRE(p.screen.model().previewing());
  const int changes = p.screen.model().previewChangeCount();
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
  CHECK(p.screen.model().highlighted(p.screen.model().boothIndex("A-05")));
  CHECK_FALSE(p.screen.model().highlighted(p.screen.model().boothIndex("B-07")));
  p.screen.model().setSearch(x.name_ar);
  CHECK(p.screen.model().highlighted(p.screen.model().boothIndex("B-07")));
  CHECK(p.screen.model().hitCount() >= 1);
  p.frames(1);
}

TEST_CASE("plan: the view zooms at the pointer and pans") {
  ui::PlanView v;
  v.originX = 100, v.originY = 50;
  v.fit({0, 0, 100, 50}, 1000, 500);
  CHECK(v.toScreenX(50) == Approx(100 + 500));
  const double mx = v.toVenueX(300), my = v.toVenueY(200);
  v.zoomAt(2.0, 300, 200);
  CHECK(v.toVenueX(300) == Approx(mx));  // the point under the pointer stays
  CHECK(v.toVenueY(200) == Approx(my));
  const double before = v.toScreenX(10);
  v.panBy(40, 0);
  CHECK(v.toScreenX(10) == Approx(before + 40));
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
    if (std::string(lang) == "ar") CHECK(item->x > p.screen.canvasMax().x);
    else CHECK(item->x < p.screen.canvasMin().x);
    // Hovering a booth shows its tooltip without trouble.
    ImGui::GetIO().MousePos = p.screen.boothCentre("A-05");
    p.frames(2);
    CHECK(p.screen.hoveredBooth() == p.screen.model().boothIndex("A-05"));
  }
}

TEST_CASE("plan: the shell lists the plan screen and opens it") {
  PlanDb d;
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

TEST_CASE("plan editor: add, move, resize, duplicate, a row of N and delete booths on the 0.5 m grid, each one undo step") {
  Plan p;
  auto& m = p.screen.model();
  m.setEditing(true);
  p.frames(2);  // the edit bar moves the canvas down: positions are read after it is drawn
  const auto count = [&] { return p.d.store->booths().size(); };
  const std::size_t start = count();
  const Booth a05 = p.d.booth("A-05");
  // Move by a drag on the canvas: lands on the grid, one step to undo.
  const ImVec2 from = p.screen.boothCentre("A-05");
  const float perMetre = static_cast<float>(m.view().scale);
  p.drag(from, ImVec2(from.x, from.y - perMetre * 1.2f));  // 1.2 m up: lands 1 m up, on the grid
  INFO(m.message());
  CHECK(p.d.booth("A-05").y == Approx(a05.y - 1.0));
  CHECK(p.d.booth("A-05").x == Approx(a05.x));
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(p.d.booth("A-05").y == a05.y);
  // Resize through the model: snapped; a size that overlaps the neighbour is refused, nothing changes.
  const int i = m.boothIndex("A-05");
  CHECK_FALSE(m.resizeBooth(i, a05.width + 2.2, a05.depth));
  CHECK(m.messageIsError());
  CHECK(m.message().find("A-05") != std::string::npos);
  CHECK(p.d.booth("A-05").width == a05.width);
  // Duplicate into free floor, a row of 3, then delete one of them.
  // On the island of A-25: refused, it would overlap.
  CHECK_FALSE(m.addBooth(14.0, 15.0));
  CHECK(m.message().find("A-25") != std::string::npos);
  // Free floor of hall A, between the aisles: a 3 x 3 m booth at (4, 15), the point snapped.
  REQUIRE(m.addBooth(4.2, 15.1));
  CHECK(count() == start + 1);
  REQUIRE(m.boothAt(5, 16) >= 0);
  const Booth fresh = m.booths()[m.boothAt(5, 16)].booth;
  CHECK(fresh.x == 4.0);
  CHECK(fresh.y == 15.0);
  const std::string added = fresh.code;
  CHECK(added.rfind("A-", 0) == 0);
  REQUIRE(m.duplicateBooth(m.boothIndex(added)));
  CHECK(count() == start + 2);
  REQUIRE(p.key(ui::Key::Z, true));
  CHECK(count() == start + 1);
  REQUIRE(p.key(ui::Key::Y, true));
  CHECK(count() == start + 2);
  // A row that runs out of the hall is refused whole.
  CHECK_FALSE(m.addRow(m.boothIndex(added), 60));
  CHECK(m.messageIsError());
  CHECK(count() == start + 2);
  REQUIRE(m.deleteBooth(m.boothIndex(added)));
  CHECK(count() == start + 1);
  REQUIRE(m.undo());  // the deleted booth comes back with its code
  CHECK(booth::findBooth(*p.d.store, added));
  // Outside every hall: refused.
  CHECK_FALSE(m.addBooth(-50, -50));
  CHECK(m.messageIsError());
  // An occupied booth cannot be deleted.
  booth::assignBooth(*p.d.store, "A-06", 2);
  p.screen.refresh();
  CHECK_FALSE(m.deleteBooth(m.boothIndex("A-06")));
  CHECK(booth::findBooth(*p.d.store, "A-06"));
  p.frames(2);  // the edit bar and the grid draw
}
