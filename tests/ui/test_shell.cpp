#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/dashboard_screen.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/edition_screen.hpp"
#include "ui/screens/gate_screen.hpp"
#include "ui/screens/overview_screen.hpp"
#include "ui/shell.hpp"
#include "ui/text_display.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
struct DemoStore {
  TempDir dir;
  std::filesystem::path db = dir / "demo.db";
  std::unique_ptr<Store> store;
  DemoStore() {
    store = createEditionDatabase(db, demoEdition());
    DemoOptions o;
    o.exhibitors = 20;
    o.participants = 150;
    fillDemo(*store, o);
  }
  long long rawCount(const std::string& sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
  }
};

struct LanguageGuard {
  ~LanguageGuard() {
    i18n::setLanguage("fr");
    ui::clearDisplayCache();
  }
};

// The whole app's frame on demo data, headless, back in French at the end.
struct LiveShell {
  DemoStore d;
  LanguageGuard guard;
  test::HeadlessUi ui;
  ui::Shell shell{*d.store};
  void frames(int n) {
    ui.frames(n, [&] { shell.draw(); });
  }
};
}  // namespace

TEST_CASE("the overview shows the same figures as an independent count of the database") {
  DemoStore d;
  ui::OverviewModel model(*d.store);
  model.refresh();
  const Overview& o = model.figures();
  CHECK(o.exhibitors == d.rawCount("SELECT count(*) FROM exhibitor"));
  CHECK(o.people == d.rawCount("SELECT count(*) FROM person"));
  CHECK(o.booths == d.rawCount("SELECT count(*) FROM booth"));
  for (const auto& c : o.people_by_category)
    CHECK(c.count == d.rawCount("SELECT count(*) FROM person WHERE category = '" + c.code + "'"));
  long long regions = 0;
  for (const auto& r : o.exhibitors_by_region) regions += r.count;
  CHECK(regions == o.exhibitors);
  CHECK(model.editionDays() == 7);
  CHECK(model.edition()->is_demo);
}

TEST_CASE("the overview reads the store once, not every frame, and again on F5") {
  DemoStore d;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  ui.frames(30, [&] { shell.draw(); });
  const auto& overview = dynamic_cast<const ui::OverviewScreen&>(shell.current());
  CHECK(overview.model().refreshCount() == 1);
  CHECK(shell.onKey({ui::Key::F5}));
  ui.frames(5, [&] { shell.draw(); });
  CHECK(overview.model().refreshCount() == 2);
}

namespace {
std::string describe(const std::vector<test::IdClash>& clashes) {
  std::ostringstream out;
  for (const auto& c : clashes)
    out << "ID " << std::hex << c.id << std::dec << " twice in window \"" << c.window << "\" at (" << c.first.x << ","
        << c.first.y << ") and (" << c.second.x << "," << c.second.y << ")\n";
  return out.str();
}
}  // namespace

TEST_CASE("every screen draws in French, Arabic and English, switching live") {
  DemoStore d;
  LanguageGuard guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  // What holds state on each screen (windows, tables), by language: it must not depend on the language.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> windows;
  std::map<std::string, std::map<std::string, std::vector<ImGuiID>>> tables;
  int pass = 0;
  for (const char* lang : {"fr", "ar", "en", "fr"}) {
    shell.setLanguage(lang);
    const std::string tag = std::string(lang) + (pass++ == 0 ? "-first" : "");
    for (const auto& screen : shell.screens()) {
      shell.select(screen->id());
      INFO(lang << " " << screen->id());
      // At least three frames; the dashboard, which loads its figures on a worker, until it has them
      // (its "loading" line and the navigation alone can pass the vertex count on a busy machine).
      auto* dashboard = dynamic_cast<ui::DashboardScreen*>(screen.get());
      auto waiting = [&] { return dashboard && !dashboard->model().loaded(); };
      int vertices = 0;
      for (int i = 0; i < 3 || ((vertices <= 1000 || waiting()) && i < 1000); ++i) {
        vertices = ui.frame([&] { shell.draw(); });
        if (i >= 3) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      CHECK_FALSE(waiting());
      CHECK(vertices > 1000);               // a real screen, not an empty window
      ui.frames(2, [&] { shell.draw(); });  // settled: the same frame twice
      const auto clashes = test::takeIdClashes();
      INFO(describe(clashes));
      CHECK(clashes.empty());
      CHECK(test::itemIdsOfLastFrame().size() > 5);  // the audit sees the widgets
      windows[screen->id()][tag] = test::windowsOfLastFrame();
      tables[screen->id()][tag] = test::tablesOfLastFrame();
    }
  }
  for (const auto& screen : shell.screens()) {
    INFO(screen->id());
    auto& w = windows[screen->id()];
    auto& t = tables[screen->id()];
    CHECK(w["ar"] == w["fr"]);
    CHECK(w["en"] == w["fr"]);
    CHECK(t["ar"] == t["fr"]);
    CHECK(t["en"] == t["fr"]);
  }
}

TEST_CASE(
    "an open record, a half-typed walk-in and the gate's open sections survive a live language switch, no ID clash") {
  LiveShell live;
  auto& ui = live.ui;
  auto& shell = live.shell;
  auto draw = [&] { shell.draw(); };
  ui::DeskScreen* desk = nullptr;
  ui::GateScreen* gate = nullptr;
  for (const auto& s : shell.screens()) {
    if (!desk) desk = dynamic_cast<ui::DeskScreen*>(s.get());
    if (!gate) gate = dynamic_cast<ui::GateScreen*>(s.get());
  }
  REQUIRE(desk);
  REQUIRE(gate);
  test::takeIdClashes();

  // The desk: an exhibitor open (its staff list), then a walk-in with Arabic typed in.
  shell.select("desk");
  ui.frames(2, draw);
  auto& m = desk->model();
  // The search box as typed, its first result opened once the index (loaded on a worker) answers.
  desk->startWith("Coop");
  for (int i = 0; i < 500 && !m.exhibitor() && !m.person(); ++i) {
    ui.frame(draw);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE((m.exhibitor().has_value() || m.person().has_value()));
  for (const char* lang : {"ar", "en", "fr"}) {
    shell.setLanguage(lang);
    ui.frames(3, draw);
    INFO(lang << " exhibitor open");
    CHECK((m.exhibitor().has_value() || m.person().has_value()));
    CHECK(test::takeIdClashes().empty());
  }
  m.startWalkIn();
  m.form.draft.name_ar = "سلمى العلوي";
  m.form.changed("name_ar");
  for (const char* lang : {"ar", "en", "fr"}) {
    shell.setLanguage(lang);
    ui.frames(3, draw);
    INFO(lang << " walk-in");
    CHECK(m.formOpen());
    CHECK(m.form.draft.name_ar == "سلمى العلوي");
    CHECK(test::takeIdClashes().empty());
  }
  m.cancelForm();

  // The gate: the manual section open, a search typed, the profile editor open.
  shell.select("gate");
  ui.frames(2, draw);
  gate->focusSearch();
  gate->model().search = "Ahmed";
  gate->model().runSearch();
  for (const char* lang : {"ar", "en", "fr"}) {
    shell.setLanguage(lang);
    ui.frames(3, draw);
    INFO(lang << " gate");
    CHECK(gate->model().search == "Ahmed");
    CHECK(test::takeIdClashes().empty());
  }
}

TEST_CASE("keyboard shortcuts move between screens, switch language and quit") {
  DemoStore d;
  LanguageGuard guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  ui.frame([&] { shell.draw(); });
  CHECK(std::string(shell.current().id()) == "overview");
  CHECK(shell.onKey({ui::Key::Digit2, true}));
  CHECK(std::string(shell.current().id()) == "edition");
  CHECK(shell.onKey({ui::Key::Tab, true}));
  CHECK(std::string(shell.current().id()) != "edition");  // the next screen
  CHECK(shell.onKey({ui::Key::L, true}));
  CHECK(i18n::language() == "ar");
  ui.frames(2, [&] { shell.draw(); });
  CHECK_FALSE(shell.onKey({ui::Key::F11}));  // unbound: not taken
  CHECK_FALSE(shell.quitRequested());
  CHECK(shell.onKey({ui::Key::Q, true}));
  CHECK(shell.quitRequested());
}

TEST_CASE("clicking a navigation entry opens its screen, on the right side in Arabic") {
  DemoStore d;
  LanguageGuard guard;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  auto draw = [&] { shell.draw(); };
  ui.frames(2, draw);
  REQUIRE(shell.navigationRects().size() >= 2);
  auto [min, max] = shell.navigationRects()[1];
  CHECK(max.x < 640);  // left side in French
  ui.click(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), draw);
  CHECK(std::string(shell.current().id()) == "edition");

  shell.setLanguage("ar");
  ui.frames(2, draw);
  auto [amin, amax] = shell.navigationRects()[0];
  CHECK(amin.x > 640);  // mirrored: navigation on the right
  ui.click(ImVec2((amin.x + amax.x) / 2, (amin.y + amax.y) / 2), draw);
  CHECK(std::string(shell.current().id()) == "overview");
}

TEST_CASE("in Arabic, list entries start on the right, and the chosen language is kept for this station") {
  LiveShell live;
  auto& shell = live.shell;
  auto& d = live.d;
  live.frames(1);
  CHECK(ImGui::GetStyle().SelectableTextAlign.x == 0.0f);
  // The menu and Ctrl+L choose for the station; --lang and tests only switch.
  shell.setLanguage("en");
  CHECK_FALSE(d.store->setting(ui::Shell::languageSetting(shell.stationName())));
  CHECK(shell.onKey({ui::Key::L, true}));  // en -> fr
  CHECK(i18n::language() == "fr");
  shell.chooseLanguage("ar");
  live.frames(1);
  CHECK(ImGui::GetStyle().SelectableTextAlign.x == 1.0f);  // staff lists, combo entries
  CHECK(ImGui::GetStyle().WindowTitleAlign.x == 1.0f);
  CHECK(d.store->setting(ui::Shell::languageSetting(shell.stationName())) == std::optional<std::string>("ar"));
  shell.setLanguage("fr");
  live.frames(1);
  CHECK(ImGui::GetStyle().SelectableTextAlign.x == 0.0f);
}

TEST_CASE("an empty edition draws its overview with zeros and no crash") {
  TempDir dir;
  Edition e;
  e.name_fr = "Festival Timizar";
  e.starts_on = "2026-07-10";
  e.ends_on = "2026-07-14";
  auto store = createEditionDatabase(dir / "empty.db", e);
  test::HeadlessUi ui;
  ui::Shell shell(*store);
  CHECK(ui.frame([&] { shell.draw(); }) > 0);
  const auto& overview = dynamic_cast<const ui::OverviewScreen&>(shell.current());
  CHECK(overview.model().figures().people == 0);
}

TEST_CASE("the Edition screen shows the time-zone data version, with a warning when the edition is far beyond it") {
  DemoStore d;
  ui::EditionModel model(*d.store);
  model.refresh();
  CHECK(model.timeZoneData().version >= "2026c");
  CHECK_FALSE(model.timeZoneDataStale());
  Edition late = *d.store->edition();
  late.starts_on = "2031-07-10";
  late.ends_on = "2031-07-15";
  late.id = 0;           // a new row in the new database
  late.is_demo = false;  // a demo edition is moved to the current week
  TempDir dir;
  auto store = createEditionDatabase(dir / "late.db", late);
  ui::EditionScreen screen(*store);
  test::HeadlessUi ui;
  ui.frames(2, [&] { screen.draw(); });  // draws the row and the warning
  ui::EditionModel lateModel(*store);
  lateModel.refresh();
  REQUIRE(lateModel.edition());
  CHECK(lateModel.timeZoneDataStale());
}
