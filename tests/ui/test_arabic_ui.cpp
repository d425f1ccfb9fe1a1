// The Arabic interface against the French one, headless: every control of every screen within reach in
// both (the same IDs), menus and table headers mirrored, the audit trail shown at once, halls labelled.
#include <imgui.h>
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "badge/new_edition.hpp"
#include "booth/demo_venue.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "test_support.hpp"
#include "ui/screens/audit_screen.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/shell.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

// The demo edition on the venue the app's demo uses (OLM Souissi: halls A to D).
struct Demo {
  TempDir dir;
  std::unique_ptr<Store> store;
  Demo() {
    store = createEditionDatabase(dir / "demo.db", demoEdition());
    DemoOptions o;
    o.exhibitors = 20;
    o.participants = 150;
    // Filled as the app fills its demo: as an administrator, so the audit trail has its rows.
    GuardedStore owner(*store, Actor{"admin", Role::Admin, "desk-1"});
    booth::fillDemoEdition(owner, o);
  }
};

struct French {
  ~French() {
    i18n::setLanguage("fr");
    ui::clearDisplayCache();
  }
};

// One screen as a user meets it: drawn until what it shows stops changing (workers that load figures
// included), every collapsing section opened; the controls a user can reach (on screen, or by
// scrolling), with where each was seen and whether it is on screen without scrolling.
struct Seen {
  ImVec2 at;
  bool inView = false, atFold = false;
};
std::map<ImGuiID, Seen> walkScreen(test::HeadlessUi& ui, ui::Shell& shell) {
  std::map<ImGuiID, Seen> seen;
  auto reachable = [] {
    std::map<ImGuiID, Seen> out;
    for (const auto& item : test::itemsOfLastFrame())
      if (item.reachable) out.emplace(item.id, Seen{item.min, item.inView, item.atFold});
    return out;
  };
  // A table wider than the screen draws only the columns in view (as a long list draws only its rows),
  // and which columns those are depends on their widths, which follow the labels' language: the walk
  // scrolls every sideways-scrolling window to its start, middle and end, and keeps what each showed.
  std::map<ImGuiID, Seen> sideways;
  const float phases[] = {0.0f, 0.5f, 1.0f};
  int stable = 0;
  for (int i = 0; i < 400 && stable < 4; ++i) {
    ui.frame([&] { shell.draw(); });
    // Open every section there is (a tree node's open state is an int in its window's storage).
    for (const auto& item : test::itemsOfLastFrame())
      if (item.window && !item.window->StateStorage.GetInt(item.id, 0)) item.window->StateStorage.SetInt(item.id, 1);
    auto now = reachable();
    std::set<ImGuiID> a, b;
    for (const auto& [id, at] : now) a.insert(id);
    for (const auto& [id, at] : seen) b.insert(id);
    stable = a == b ? stable + 1 : 0;
    seen = std::move(now);
    if (i >= 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  for (float phase : phases) {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
      if (w->ScrollMax.x > 0) ImGui::SetScrollX(w, phase * w->ScrollMax.x);
    ui.frames(2, [&] { shell.draw(); });
    for (const auto& [id, at] : reachable()) sideways.emplace(id, at);
  }
  for (const auto& [id, at] : sideways) seen.emplace(id, at);
  return seen;
}

ImGuiWindow* shellWindow() {
  return ImGui::FindWindowByName("Moussem###shell");
}

// Where an item of the shell's window was drawn in the last frame.
std::optional<std::pair<ImVec2, ImVec2>> itemRect(ImGuiID id) {
  for (const auto& item : test::itemsOfLastFrame())
    if (item.id == id) return std::make_pair(item.min, item.max);
  return std::nullopt;
}

// The x range of the visible vertices a draw list filled with `colour` (shapes, not glyphs) inside `area`.
std::optional<std::pair<float, float>> shapesIn(const ImDrawList* dl, const ImRect& area, ImU32 colour) {
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  std::optional<std::pair<float, float>> span;
  for (const ImDrawCmd& cmd : dl->CmdBuffer) {
    for (unsigned int i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
      const ImDrawVert& v =
          dl->VtxBuffer[static_cast<int>(dl->IdxBuffer[static_cast<int>(i)]) + static_cast<int>(cmd.VtxOffset)];
      const bool visible = v.pos.x >= cmd.ClipRect.x && v.pos.x <= cmd.ClipRect.z && v.pos.y >= cmd.ClipRect.y &&
                           v.pos.y <= cmd.ClipRect.w;
      if (!visible || v.col != colour || v.uv.x != white.x || v.uv.y != white.y || !area.Contains(v.pos)) continue;
      if (!span) span = std::make_pair(v.pos.x, v.pos.x);
      span->first = std::min(span->first, v.pos.x);
      span->second = std::max(span->second, v.pos.x);
    }
  }
  return span;
}

}  // namespace

TEST_CASE("every control of every screen in French is there in Arabic, within reach, under the same ID") {
  Demo d;
  French guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  std::map<std::string, std::map<std::string, std::map<ImGuiID, Seen>>> walks;  // language → screen → items
  for (const char* lang : {"fr", "ar", "fr"}) {
    shell.setLanguage(lang);
    for (const auto& screen : shell.screens()) {
      shell.select(screen->id());
      walks[lang][screen->id()] = walkScreen(ui, shell);
    }
  }
  for (const auto& screen : shell.screens()) {
    const auto& fr = walks["fr"][screen->id()];
    const auto& ar = walks["ar"][screen->id()];
    std::ostringstream missing, extra;
    // A long list draws only the rows in view (ImGuiListClipper), and a heading one line taller in one
    // language shows a row less: a row at the bottom edge of a scrolling list may be in view on one side
    // only. Every other control on screen on one side must be there on the other.
    for (const auto& [id, s] : fr)
      if (!ar.count(id) && s.inView && !s.atFold)
        missing << " " << std::hex << id << std::dec << "@" << s.at.x << "," << s.at.y;
    for (const auto& [id, s] : ar)
      if (!fr.count(id) && s.inView && !s.atFold)
        extra << " " << std::hex << id << std::dec << "@" << s.at.x << "," << s.at.y;
    INFO(screen->id() << ": " << fr.size() << " controls in French, " << ar.size() << " in Arabic");
    INFO("in French only (x,y of the French item):" << missing.str());
    INFO("in Arabic only (x,y of the Arabic item):" << extra.str());
    CHECK(fr.size() > 3);
    CHECK(missing.str().empty());
    CHECK(extra.str().empty());
  }
}

TEST_CASE("the audit screen shows the latest rows at once, with its filters and buttons, in every language") {
  for (const char* lang : {"fr", "ar", "en"}) {
    INFO(lang);
    Demo d;
    French guard;
    test::HeadlessUi ui;
    ui::Shell shell(*d.store);
    shell.setLanguage(lang);
    shell.select("audit");
    ui.frames(2, [&] { shell.draw(); });
    auto* audit = dynamic_cast<const ui::AuditScreen*>(&shell.current());
    REQUIRE(audit);
    CHECK_FALSE(const_cast<ui::AuditScreen*>(audit)->model().rows().empty());
    // The rows are on screen: their selectables were drawn, within reach.
    int rows = 0;
    for (const auto& item : test::itemsOfLastFrame()) rows += item.reachable ? 1 : 0;
    CHECK(rows > 10);
    // Its filters and buttons, within reach (the shell draws each screen under its own ID).
    for (const char* id : {"###filter", "###verify", "###user", "###action", "###record"}) {
      INFO(id);
      bool found = false;
      for (const auto& item : test::itemsOfLastFrame())
        if (item.reachable && item.window && item.id == ImHashStr(id, 0, ImHashStr("audit", 0, item.window->ID)))
          found = true;
      CHECK(found);
    }
  }
}

TEST_CASE("in Arabic the menu bar reads from the right and each menu opens under its title, entries to the right") {
  Demo d;
  French guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  auto draw = [&] { shell.draw(); };
  for (const char* lang : {"fr", "ar"}) {
    INFO(lang);
    const bool rtl = std::string(lang) == "ar";
    shell.setLanguage(lang);
    ui.frames(3, draw);
    ImGuiWindow* w = shellWindow();
    REQUIRE(w);
    const ImGuiID bar = ImHashStr("##menubar", 0, w->ID);
    const auto file = itemRect(ImHashStr("###menu.file", 0, bar)), view = itemRect(ImHashStr("###menu.view", 0, bar)),
               language = itemRect(ImHashStr("###menu.language", 0, bar));
    REQUIRE(file);
    REQUIRE(view);
    REQUIRE(language);
    if (rtl) {
      CHECK(file->first.x > view->first.x);
      CHECK(view->first.x > language->first.x);
      CHECK(file->second.x > w->Size.x * 0.9f);  // against the right edge
    } else {
      CHECK(file->first.x < view->first.x);
      CHECK(view->first.x < language->first.x);
      CHECK(file->first.x < w->Size.x * 0.1f);
    }
    // Open the File menu: it hangs from the title's reading side.
    const ImVec2 centre((file->first.x + file->second.x) / 2, (file->first.y + file->second.y) / 2);
    ui.click(centre, draw);
    ui.frames(2, draw);
    ImGuiContext& g = *ImGui::GetCurrentContext();
    REQUIRE(g.OpenPopupStack.Size == 1);
    ImGuiWindow* menu = g.OpenPopupStack[0].Window;
    REQUIRE(menu);
    const float slack = ImGui::GetStyle().ItemSpacing.x + 2;
    if (rtl)
      CHECK(std::abs(menu->Pos.x + menu->Size.x - file->second.x) <= slack);
    else
      CHECK(std::abs(menu->Pos.x - file->first.x) <= slack);
    // Its entries: the label at the reading side. The refresh entry's row spans the menu; in Arabic
    // its shortcut (F5) is on the left.
    const auto refresh = itemRect(menu->GetID("###action.refresh"));
    REQUIRE(refresh);
    CHECK(refresh->second.x - refresh->first.x > menu->Size.x * 0.6f);
    ui.pressKey(ImGuiKey_Escape);
    ui.frames(2, draw);
    ui.click(ImVec2(w->Size.x / 2, w->Size.y / 2), draw);
    ui.frames(2, draw);
  }
}

TEST_CASE("in Arabic a sorted column's arrow sits at its left end, where its label's line ends") {
  French guard;
  test::HeadlessUi ui;
  for (const char* lang : {"fr", "ar"}) {
    INFO(lang);
    const bool rtl = std::string(lang) == "ar";
    i18n::setLanguage(lang);
    ImRect cell;
    ImDrawList* dl = nullptr;
    auto draw = [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(600, 300));
      ImGui::Begin("sorted", nullptr, ImGuiWindowFlags_NoDecoration);
      if (ImGui::BeginTable("t", 3, ImGuiTableFlags_Sortable | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(ui::LID("audit.screen.col.user"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui::LID("audit.screen.col.station"),
                                ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort);
        ImGui::TableSetupColumn(ui::LID("audit.screen.col.action"), ImGuiTableColumnFlags_WidthStretch);
        ui::TableHeaders();
        ImGuiTable* table = ImGui::GetCurrentTable();
        cell = ImGui::TableGetCellBgRect(table, 1);
        cell.Max.y = cell.Min.y + ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ui::Text("x");
        ImGui::EndTable();
      }
      dl = ImGui::GetWindowDrawList();
      ImGui::End();
    };
    ui.frames(3, draw);
    const auto arrow = shapesIn(dl, cell, ImGui::GetColorU32(ImGuiCol_Text));
    REQUIRE(arrow);
    const float arrowRoom =
        ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().CellPadding.x + 1;
    if (rtl)
      CHECK(arrow->second <= cell.Min.x + arrowRoom);
    else
      CHECK(arrow->first >= cell.Max.x - arrowRoom);
  }
}

TEST_CASE("every hall of the plan is labelled in every language: its name, its short name, or at worst its code") {
  Demo d;
  French guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  for (const char* lang : {"fr", "ar", "en"}) {
    INFO(lang);
    shell.setLanguage(lang);
    shell.select("plan");
    ui.frames(4, [&] { shell.draw(); });
    auto* plan = dynamic_cast<const ui::PlanScreen*>(&shell.current());
    REQUIRE(plan);
    const auto halls = d.store->halls();
    REQUIRE(halls.size() >= 4);
    for (const auto& h : halls) {
      INFO(h.code);
      const std::string shown = plan->hallLabel(h.code);
      CHECK(shown.size() > h.code.size());  // more than "C": a name a visitor can read
    }
  }
}

TEST_CASE("in the Arabic interface a French line too long for its pane keeps its beginning, cut at its end") {
  French guard;
  test::HeadlessUi ui;
  i18n::setLanguage("ar");
  const std::vector<std::string> parts{"عارض", "Coopérative féminine Nour de broderie et de couture traditionnelle"};
  float left = 0, right = 0;
  ImDrawList* dl = nullptr;
  int from = 0, to = 0;  // the vertices Segments added
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(100, 0));
    ImGui::SetNextWindowSize(ImVec2(320, 100));
    ImGui::Begin("pane", nullptr, ImGuiWindowFlags_NoDecoration);
    left = ImGui::GetCursorScreenPos().x;
    right = left + ImGui::GetContentRegionAvail().x;
    dl = ImGui::GetWindowDrawList();
    from = dl->VtxBuffer.Size;
    ui::Segments(ImVec4(0.3f, 0.3f, 0.3f, 1), parts);
    to = dl->VtxBuffer.Size;
    ImGui::End();
  };
  ui.frames(2, draw);
  // Every glyph drawn lies inside the pane: nothing runs off its left edge, where the line's start was.
  REQUIRE(to > from);
  float minX = 1e9f, maxX = -1e9f;
  for (int i = from; i < to; ++i) {
    minX = std::min(minX, dl->VtxBuffer[i].pos.x);
    maxX = std::max(maxX, dl->VtxBuffer[i].pos.x);
  }
  CHECK(minX >= left - 1);
  CHECK(maxX <= right + 1);
  // And the French part was cut at its end: its beginning is what fits.
  const std::string cut = ui::fitToWidth(parts[1], 200);
  CHECK(cut.rfind("Coopérative", 0) == 0);
}
