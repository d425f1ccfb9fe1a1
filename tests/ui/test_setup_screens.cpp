// Set-up as an organiser meets it at 1280x800 (issue 25): registration tables whose columns are readable
// (widths that suit the data, the full value on hover, the "New" button whole) and whose layout each
// station keeps; the import screen's file dialog and a day outside the edition flagged on its row; the
// plan screen with no plan (an example or a venue file, in the app) and its honest empty lists; the
// Edition screen edited by an organiser, checked like the command line, audited, refused to others;
// the printer chosen and tested in the app, from the Badges screen and from the desk's own message.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "../badge/cups_server.hpp"
#include "badge/new_edition.hpp"
#include "badge/printing.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "store/users.hpp"
#include "test_support.hpp"
#include "ui/screens/badges_screen.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/edition_screen.hpp"
#include "ui/screens/exhibitors_screen.hpp"
#include "ui/screens/import_screen.hpp"
#include "ui/screens/participants_screen.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/shell.hpp"
#include "ui/text_display.hpp"
#include "ui/textures.hpp"
#include "ui/widgets/file_browser.hpp"
#include "ui/widgets/table_layout.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct NoTextures final : ui::TextureService {
  ImTextureID upload(int, int, const std::vector<unsigned char>&) override { return reinterpret_cast<ImTextureID>(1); }
  void release(ImTextureID) override {}
};

struct Data {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::shared_ptr<ui::DeskSession> session;
  explicit Data(int exhibitors = 30, int participants = 300) {
    store = createEditionDatabase(dir / "t.db", demoEdition());
    DemoOptions o;
    o.exhibitors = exhibitors;
    o.participants = participants;
    fillDemo(*store, o);
    session = std::make_shared<ui::DeskSession>(*store);
    session->loadIndexNow();
  }
};

template <typename Screen>
void drawFrames(test::HeadlessUi& ui, Screen& screen, int n) {
  ui.frames(n, [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("setup", nullptr, ImGuiWindowFlags_NoDecoration);
    screen.draw();
    ImGui::End();
  });
}

struct LanguageGuard {
  ~LanguageGuard() {
    i18n::setLanguage("fr");
    ui::clearDisplayCache();
  }
};

const ImGuiWindow* windowNamed(const char* part) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (ImGuiWindow* w : g.Windows)
    if (w->LastFrameActive == g.FrameCount && std::string(w->Name).find(part) != std::string::npos) return w;
  return nullptr;
}

const ImGuiTable* tableNamed(const char* suffix) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int n = 0; n < g.Tables.GetMapSize(); ++n)
    if (ImGuiTable* t = g.Tables.TryGetMapData(n); t && t->LastFrameActive == g.FrameCount && t->InnerWindow &&
                                                   std::string(t->InnerWindow->Name).find(suffix) != std::string::npos)
      return t;
  return nullptr;
}

}  // namespace

TEST_CASE("tables at 1280x800: phones, categories, countries and days are never cut, the New button is whole") {
  LanguageGuard lang;
  NoTextures textures;
  ui::setTextureService(&textures);
  {
    Data d;
    test::HeadlessUi ui(ImVec2(1280, 800));
    ui::Shell shell(*d.store);
    for (const char* language : {"fr", "ar", "en"}) {
      INFO(language);
      shell.setLanguage(language);
      for (const char* screen : {"participants", "exhibitors"}) {
        INFO(screen);
        shell.select(screen);
        ui.frames(2, [&] { shell.draw(); });
        if (std::string(screen) == "participants")  // its rows are read on a worker
          const_cast<ui::ParticipantsScreen&>(dynamic_cast<const ui::ParticipantsScreen&>(shell.current()))
              .model()
              .wait();
        ui.frames(4, [&] { shell.draw(); });
        // Every item of the filter row, the New button included, is whole on screen.
        for (const auto& item : test::itemsOfLastFrame())
          if (item.windowName.find("/") == std::string::npos || item.windowName.find("Table") == std::string::npos) {
            // top-level items of the screen (filters and buttons), not the table's own rows
            if (item.max.y < 200 && item.windowName.find("##") == std::string::npos) CHECK(item.whole());
          }
        const ui::TableReport* report = nullptr;
        if (std::string(screen) == "participants")
          report = &dynamic_cast<const ui::ParticipantsScreen&>(shell.current()).tableReport();
        else
          report = &dynamic_cast<const ui::ExhibitorsScreen&>(shell.current()).tableReport();
        for (int column : report->cut_columns) {
          INFO("cut column " << column);
          if (std::string(screen) == "participants")
            CHECK((column != ui::ParticipantsModel::Phone && column != ui::ParticipantsModel::Category &&
                   column != ui::ParticipantsModel::Country && column != ui::ParticipantsModel::Days));
          else
            CHECK((column != ui::ExhibitorsModel::Phone && column != ui::ExhibitorsModel::Kind &&
                   column != ui::ExhibitorsModel::Program && column != ui::ExhibitorsModel::Area));
        }
      }
    }
  }
  ui::setTextureService(nullptr);
}

TEST_CASE("tables: a value wider than its column shows whole on hover") {
  Data d(10, 60);
  Person p;
  p.first_name = "Fatima Zahra";
  p.last_name = "Aaaa Benjelloun El Idrissi";
  p.organization = "Coopérative féminine de tissage de tapis de la vallée du Drâa et de Tazenakht";
  p.category = "buyer";
  d.session->savePerson(p);
  test::HeadlessUi ui(ImVec2(1280, 800));
  ui::ParticipantsScreen screen(d.session);
  screen.onShow();
  drawFrames(ui, screen, 2);
  screen.model().wait();  // the rows are read on a worker
  drawFrames(ui, screen, 4);
  REQUIRE(screen.model().shown() > 0);
  // The long organisation is cut in its cell; the mouse on it shows all of it.
  const auto& report = screen.tableReport();
  REQUIRE(std::find(report.cut_columns.begin(), report.cut_columns.end(), ui::ParticipantsModel::Organization) !=
          report.cut_columns.end());
  const ImGuiTable* t = tableNamed("participants");
  REQUIRE(t);
  // Sorted by name: "Aaaa Benjelloun..." is the first row; its organisation cell is the third column.
  const ImGuiTableColumn& org = t->Columns[2];
  const float rowH = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float rowY = t->OuterRect.Min.y + rowH * 1.5f;  // the header row, then the first row's middle
  ui.moveMouse(ImVec2((org.MinX + org.MaxX) / 2, rowY));
  drawFrames(ui, screen, 3);
  CHECK(screen.tableReport().tooltip == p.organization);
}

TEST_CASE("tables: widths and hidden columns are kept per station, and come back after a restart") {
  Data d(10, 60);
  ::setenv("MOUSSEM_STATION", "desk-1", 1);
  const std::string key = ui::tableLayoutSetting("desk-1", "participants");
  {
    test::HeadlessUi ui(ImVec2(1280, 800));
    ui::ParticipantsScreen screen(d.session);
    screen.onShow();
    drawFrames(ui, screen, 3);
    CHECK_FALSE(d.store->setting(key));  // nothing changed, nothing written
    // The operator drags the border of the name column 80 px to the right, and hides the e-mails
    // (what ImGui's header menu does).
    ImGuiTable* t = const_cast<ImGuiTable*>(tableNamed("participants"));
    REQUIRE(t);
    const float border = t->Columns[0].MaxX;
    const float y = t->OuterRect.Min.y + ImGui::GetTextLineHeight() * 0.5f + ImGui::GetStyle().CellPadding.y;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(border - 1, y);
    drawFrames(ui, screen, 2);
    io.MouseDown[0] = true;
    drawFrames(ui, screen, 2);
    io.MousePos = ImVec2(border + 79, y);
    drawFrames(ui, screen, 3);
    CHECK_FALSE(d.store->setting(key));  // not at every pixel of the drag
    io.MouseDown[0] = false;
    drawFrames(ui, screen, 3);
    REQUIRE(d.store->setting(key));
    ui::TableLayout kept = ui::TableLayout::parse(*d.store->setting(key));
    REQUIRE(kept.find("people.column.name"));
    CHECK(kept.find("people.column.name")->width > 14.5f);
    t = const_cast<ImGuiTable*>(tableNamed("participants"));
    REQUIRE(t);
    t->Columns[5].IsUserEnabledNextFrame = false;  // the e-mail column, as the header menu does
    drawFrames(ui, screen, 3);
    kept = ui::TableLayout::parse(*d.store->setting(key));
    REQUIRE(kept.find("people.field.email"));
    CHECK_FALSE(kept.find("people.field.email")->visible);
  }
  {
    // A restart: a new ImGui context, a new screen; the layout comes back from the station's setting.
    test::HeadlessUi ui(ImVec2(1280, 800));
    ui::ParticipantsScreen screen(d.session);
    screen.onShow();
    drawFrames(ui, screen, 3);
    const ImGuiTable* t = tableNamed("participants");
    REQUIRE(t);
    CHECK(t->Columns[0].WidthRequest > 14.5f * ImGui::GetFontSize());
    CHECK_FALSE(t->Columns[5].IsUserEnabled);
  }
  {
    // Another station keeps its own (the default here).
    ::setenv("MOUSSEM_STATION", "desk-2", 1);
    test::HeadlessUi ui(ImVec2(1280, 800));
    ui::ParticipantsScreen screen(d.session);
    screen.onShow();
    drawFrames(ui, screen, 3);
    const ImGuiTable* t = tableNamed("participants");
    REQUIRE(t);
    CHECK(t->Columns[5].IsUserEnabled);
  }
  ::unsetenv("MOUSSEM_STATION");
  // A damaged setting costs its bad entries, never the table.
  const auto parsed = ui::TableLayout::parse("a:12:1;b:x:1;c:5:2;:3:1;d:8.5:0");
  REQUIRE(parsed.columns.size() == 2);
  CHECK(parsed.serialize() == "a:12.0:1;d:8.5:0");
}

TEST_CASE("file dialog: folders first, the wanted files, in and up, a path typed, a folder that cannot be read") {
  TempDir dir;
  std::filesystem::create_directories(dir / "Listes" / "2026");
  std::ofstream(dir / "Listes" / "participants.csv") << "a\n";
  std::ofstream(dir / "Listes" / "notes.odt") << "x";
  std::ofstream(dir / "Listes" / "Exposants.CSV") << "b\n";
  std::ofstream(dir / "Listes" / ".cache.csv") << "c\n";
  ui::FileBrowserModel m({".csv"});
  m.open(dir / "Listes" / "participants.csv");
  CHECK(m.folder() == dir / "Listes");
  CHECK(m.selected() == "participants.csv");
  REQUIRE(m.entries().size() == 3);
  CHECK(m.entries()[0].name == "2026");
  CHECK(m.entries()[0].folder);
  CHECK(m.entries()[1].name == "Exposants.CSV");  // by name, case aside; the extension's case aside
  CHECK(m.entries()[2].name == "participants.csv");
  REQUIRE(m.activate("2026"));
  CHECK(m.folder() == dir / "Listes" / "2026");
  CHECK(m.entries().empty());
  m.up();
  CHECK(m.folder() == dir / "Listes");
  REQUIRE(m.activate("Exposants.CSV"));
  REQUIRE(m.chosen());
  CHECK(*m.chosen() == dir / "Listes" / "Exposants.CSV");
  // Typed: a folder is entered, a file is chosen, anything else is named.
  CHECK_FALSE(m.typed("2026"));
  CHECK(m.folder() == dir / "Listes" / "2026");
  CHECK(m.typed((dir / "Listes" / "participants.csv").string()) == dir / "Listes" / "participants.csv");
  CHECK_FALSE(m.typed("nothing-here.csv"));
  CHECK(m.error().find("nothing-here.csv") != std::string::npos);
  // A missing start falls back to the nearest folder that exists.
  m.open(dir / "Listes" / "gone" / "x.csv");
  CHECK(m.folder() == dir / "Listes");
  CHECK_FALSE(m.places().empty());
}

TEST_CASE(
    "import screen: the file is chosen in the app's dialog, and a day outside the edition is flagged on its row") {
  Data d(5, 20);
  const auto file = d.dir / "jours.csv";
  std::ofstream(file) << "Prénom;Nom;Catégorie;Jours\n"
                         "Salma;Berrada;Presse;2026-02-09\n"
                         "Omar;Filali;Expert;\"2026-02-10,2026-03-10\"\n"
                         "Ines;Chraibi;forum;10/02/2026\n";
  test::HeadlessUi ui(ImVec2(1280, 800));
  ui::ImportScreen screen(d.session);
  drawFrames(ui, screen, 2);
  // "Choose…" opens the dialog where the path field points; the operator picks the file and presses
  // Enter: it goes into the path field and is previewed.
  screen.fileBrowser().request(d.dir.path());
  drawFrames(ui, screen, 2);
  REQUIRE(screen.fileBrowser().isOpen());
  REQUIRE(screen.fileBrowser().model().activate("jours.csv"));
  ui.pressKey(ImGuiKey_Enter);
  drawFrames(ui, screen, 2);
  CHECK_FALSE(screen.fileBrowser().isOpen());
  screen.model().wait();
  drawFrames(ui, screen, 2);
  CHECK(screen.model().path == file.string());
  REQUIRE(screen.model().preview());
  const auto& check = screen.model().preview()->check;
  REQUIRE(check.errors.size() == 1);
  CHECK(check.errors[0].line == 3);
  CHECK(check.errors[0].column == "Jours");
  CHECK(check.errors[0].message.find("2026-03-10") != std::string::npos);
}

TEST_CASE("plan screen with no plan: honest empty lists, then the example plan or a venue file, in the app") {
  TempDir dir;
  auto store = createEditionDatabase(dir / "p.db", demoEdition());
  test::HeadlessUi ui(ImVec2(1280, 800));
  ui::PlanScreen screen(*store);
  screen.onShow();
  drawFrames(ui, screen, 3);
  auto& m = screen.model();
  CHECK(m.booths().empty());
  CHECK(m.exhibitors().empty());
  CHECK(m.search().unassigned().empty());
  // Not "every exhibitor has a booth": there are none. The screen says why (checked on the model).
  CHECK(m.exhibitorsAskingForBooth() == 0);
  // The example plan, from the screen's own button.
  REQUIRE(m.editor().startFromExample());
  drawFrames(ui, screen, 2);
  CHECK_FALSE(m.booths().empty());
  CHECK_FALSE(m.messageIsError());
  // A venue file: a broken one is refused whole and changes nothing; a good one replaces the plan.
  const auto booths = m.booths().size();
  std::ofstream(dir / "broken.json") << "{\"name\": \"x\", \"halls\": [";
  CHECK_FALSE(m.editor().importVenueFile((dir / "broken.json").string()));
  CHECK(m.messageIsError());
  CHECK(m.booths().size() == booths);
}

TEST_CASE(
    "edition screen: an organiser sets the names, dates, venue, time zone, categories and zones, checked and audited") {
  TempDir dir;
  auto raw = createEditionDatabase(dir / "e.db", demoEdition());
  Store& base = *raw;
  users::addUser(base, Actor{"admin", Role::Admin, "s"}, "orga", Role::Organizer, "482913");
  users::addUser(base, Actor{"admin", Role::Admin, "s"}, "guichet", Role::Desk, "482913");
  GuardedStore organiser(std::move(raw), Actor{"orga", Role::Organizer, "poste-1"});
  test::HeadlessUi ui(ImVec2(1280, 800));
  ui::EditionScreen screen(organiser);
  screen.onShow();
  drawFrames(ui, screen, 2);
  auto& m = screen.model();
  REQUIRE(m.canEdit());
  REQUIRE(screen.actions()->trigger({ui::Key::E, true}));
  REQUIRE(m.editing());
  drawFrames(ui, screen, 2);
  m.draft.name_ar = "الأسبوع الوطني للصناعة التقليدية";
  m.draft.name_en = "National Artisan Week";
  m.draft.starts_on = "10/02/2026";  // French dates are accepted, stored ISO
  m.draft.ends_on = "2026-02-08";    // before the first day: refused
  m.draft.timezone = "Africa/Casablanca";
  m.draft_categories[0].color = "#00aa00";
  m.draft_categories[0].label_en = "Forum guest";
  REQUIRE(m.addZone("vip-lounge"));
  m.draft_zones.back().label_fr = "Salon VIP";
  CHECK_FALSE(m.save());
  REQUIRE(m.error("ends_on"));
  CHECK(organiser.edition()->name_en != "National Artisan Week");  // nothing written
  m.draft.ends_on = "16/02/2026";
  m.draft.timezone = "Mars/Olympus";
  CHECK_FALSE(m.save());
  REQUIRE(m.error("timezone"));
  m.draft.timezone = "Africa/Casablanca";
  drawFrames(ui, screen, 2);
  REQUIRE(screen.actions()->trigger({ui::Key::S, true}));
  drawFrames(ui, screen, 2);
  INFO(m.message());
  CHECK_FALSE(m.editing());
  const Edition ed = *organiser.edition();
  CHECK(ed.name_ar == "الأسبوع الوطني للصناعة التقليدية");
  CHECK(ed.starts_on == "2026-02-10");
  CHECK(ed.ends_on == "2026-02-16");
  CHECK(organiser.categories()[0].color == "#00AA00");
  bool zone = false;
  for (const auto& z : organiser.zones()) zone = zone || (z.code == "vip-lounge" && z.label_fr == "Salon VIP");
  CHECK(zone);
  // Audited, under the organiser's name.
  AuditFilter f;
  f.action = "edition.update";
  auto rows = base.auditRows(f, 10);  // (an organiser may not read the trail: its owner does)
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0].user_name == "orga");
  f.action = "category.save";
  CHECK_FALSE(base.auditRows(f, 10).empty());

  // A desk operator may not: the core refuses, whatever a screen would do.
  auto again = openStore((dir / "e.db").string(), OpenMode::Existing);
  GuardedStore desk(std::move(again), Actor{"guichet", Role::Desk, "poste-2"});
  ui::EditionModel dm(desk);
  dm.refresh();
  CHECK_FALSE(dm.canEdit());
  Edition e = *desk.edition();
  e.name_fr = "Autre";
  CHECK_THROWS_AS(desk.saveEdition(e), Error);
}

TEST_CASE(
    "printer: chosen and tested in the app, and the desk's no-printer message opens the choice, never the command "
    "line") {
  test::CupsServer cups;
  ::setenv("CUPS_SERVER", cups.socket().c_str(), 1);
  NoTextures textures;
  ui::setTextureService(&textures);
  {
    Data d(5, 20);
    // The Badges screen: the station's printer and a test page.
    ui::BadgesModel badges(*d.store);
    badges.refresh();
    auto& printer = badges.printer();
    REQUIRE(printer.printers().size() == 1);
    CHECK_FALSE(printer.ready());  // no printer chosen, no default one
    printer.settings.printer = "badges";
    printer.save();
    REQUIRE(printer.startTestPage("a6"));
    printer.task().wait();
    printer.poll();
    INFO(printer.message());
    CHECK_FALSE(printer.messageIsError());
    REQUIRE(cups.documents().size() == 1);
    CHECK(test::pdfPageCount(cups.documents()[0]) == 1);
    CHECK(d.store->printLog().empty());  // a test page issues and logs nothing
    saveStationPrintSettings(*d.store, stationName(), {});

    // The desk: Ctrl+P with no printer says so, with a button; nothing points to the command line.
    test::HeadlessUi ui(ImVec2(1280, 800));
    ui::DeskScreen desk(d.session);
    desk.onShow();
    drawFrames(ui, desk, 2);
    auto& m = desk.model();
    m.openPerson(d.store->personIds().front());
    drawFrames(ui, desk, 2);
    REQUIRE(desk.actions()->trigger({ui::Key::P, true}));
    drawFrames(ui, desk, 2);
    CHECK(m.offerPrinterChoice());
    CHECK(m.message().find("moussem-cli") == std::string::npos);
    CHECK_FALSE(m.printTask().running());
    // The message is whole: wrapped inside the pane, nothing runs past its edge, at 1280 px and on a
    // smaller desk screen too.
    const ImGuiWindow* pane = windowNamed("/detail_");
    REQUIRE(pane);
    CHECK(pane->ContentSize.x <= pane->InnerRect.GetWidth() + 1);
    ImGui::GetIO().DisplaySize = ImVec2(1024, 768);
    drawFrames(ui, desk, 3);
    pane = windowNamed("/detail_");
    REQUIRE(pane);
    CHECK(pane->ContentSize.x <= pane->InnerRect.GetWidth() + 1);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    // Its button opens the printer choice in place; the operator picks the queue and closes.
    desk.model().printer().settings.printer = "badges";
    desk.model().printer().save();
    desk.model().printerChosen();
    CHECK_FALSE(m.offerPrinterChoice());
    REQUIRE(desk.actions()->trigger({ui::Key::P, true}));
    m.printTask().wait();
    drawFrames(ui, desk, 3);
    INFO(m.message());
    CHECK_FALSE(m.messageIsError());
    CHECK(cups.documents().size() == 2);
  }
  ui::setTextureService(nullptr);
  ::unsetenv("CUPS_SERVER");
}
