// The participants and exhibitors tables, headless: loaded once and again only on change, sorted only
// when the sort specs are dirty, filters that agree with an independent count, editing with inline
// validation (E.164, ICE, e-mail), staff and competitors, deleting.
#include <catch2/catch.hpp>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/exhibitors_screen.hpp"
#include "ui/screens/participants_screen.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct Data {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::shared_ptr<ui::DeskSession> session;
  explicit Data(int exhibitors = 20, int participants = 400) {
    store = createEditionDatabase(dir / "t.db", demoEdition());
    DemoOptions o;
    o.exhibitors = exhibitors;
    o.participants = participants;
    fillDemo(*store, o);
    session = std::make_shared<ui::DeskSession>(*store);
  }
};

template <typename Screen>
void drawFrames(test::HeadlessUi& ui, Screen& screen, int n) {
  ui.frames(n, [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("tables", nullptr, ImGuiWindowFlags_NoDecoration);
    screen.draw();
    ImGui::End();
  });
}

}  // namespace

TEST_CASE("participants table: loaded once, sorted once, nothing per frame") {
  Data d;
  test::HeadlessUi ui;
  ui::ParticipantsScreen screen(d.session);
  screen.onShow();
  drawFrames(ui, screen, 2);
  auto& m = screen.model();
  m.wait();  // the ids are read on a worker
  drawFrames(ui, screen, 40);
  CHECK(m.loads() == 1);
  CHECK(m.sorts() == 1);  // the default sort, when the specs were first dirty
  CHECK(m.total() == d.store->personIds().size());
  // Sorted by name, accents and case ignored.
  for (std::size_t r = 1; r < m.shown(); ++r) {
    const std::string a = text::foldForSearch(m.cell(r - 1, ui::ParticipantsModel::Name));
    const std::string b = text::foldForSearch(m.cell(r, ui::ParticipantsModel::Name));
    if (!a.empty() && !b.empty()) CHECK(a <= b);
  }
  // A save elsewhere reloads once.
  Person p;
  p.last_name = "Aaronson";
  p.category = "press";
  d.session->savePerson(p);
  drawFrames(ui, screen, 2);
  m.wait();
  drawFrames(ui, screen, 10);
  CHECK(m.loads() == 2);
  CHECK(m.total() == d.store->personIds().size());
}

TEST_CASE("participants table: reads only the rows on show, and nothing while nobody scrolls") {
  Data d(20, 3000);
  test::HeadlessUi ui;
  ui::ParticipantsScreen screen(d.session);
  screen.onShow();
  drawFrames(ui, screen, 2);
  auto& m = screen.model();
  m.wait();
  drawFrames(ui, screen, 3);
  REQUIRE(m.shown() > 3000);
  // The first screenful and its margin: one window, not the table.
  const std::size_t first = m.rowsRead();
  CHECK(first > 0);
  CHECK(first <= 256);
  drawFrames(ui, screen, 30);
  CHECK(m.rowsRead() == first);  // idle frames read nothing
  // Scrolling the whole table with the wheel reads each row about once (the top row the clipper
  // measures every frame stays read: it does not evict the rows on show).
  ui.moveMouse(ImVec2(300, 400));
  for (int i = 0; i < 400; ++i) {
    ImGui::GetIO().MouseWheel = -3.0f;
    drawFrames(ui, screen, 1);
  }
  const std::size_t scrolled = m.rowsRead() - first;
  INFO("rows read while scrolling: " << scrolled << " of " << m.shown());
  CHECK(scrolled >= 256);
  CHECK(scrolled <= m.shown() * 2);
}

TEST_CASE("participants table: filters by category, exhibitor, day and text agree with the store") {
  Data d;
  ui::ParticipantsModel m(*d.session);
  m.load();
  m.wait();
  m.category = "press";
  m.filtersChanged();
  m.wait();
  CHECK(m.shown() == d.store->personIds("press").size());
  for (std::size_t r = 0; r < m.shown(); ++r)
    CHECK(m.cell(r, ui::ParticipantsModel::Category) == i18n::label("category", "press"));

  m.category.clear();
  Id someExhibitor = 0;
  for (Id id : d.store->personIds("exhibitor"))
    if (auto p = d.store->person(id); p && p->exhibitor_id) someExhibitor = *p->exhibitor_id;
  REQUIRE(someExhibitor != 0);
  m.exhibitor = someExhibitor;
  m.filtersChanged();
  m.wait();
  std::size_t staff = 0;
  for (Id id : d.store->personIds())
    if (d.store->person(id)->exhibitor_id == someExhibitor) ++staff;
  CHECK(m.shown() == staff);

  m.exhibitor = ui::ParticipantsModel::kAnyExhibitor;
  const std::string day = m.choices().edition_days.at(1);
  m.day = day;
  m.filtersChanged();
  m.wait();
  std::size_t onDay = 0;
  for (Id id : d.store->personIds()) {
    auto days = d.store->person(id)->days;
    if (std::find(days.begin(), days.end(), day) != days.end()) ++onDay;
  }
  CHECK(m.shown() == onDay);

  m.day.clear();
  auto first = d.store->person(d.store->personIds().front());
  m.text = first->email.empty() ? first->last_name : first->email;
  m.filtersChanged();
  m.wait();
  std::set<Id> shown;
  for (std::size_t r = 0; r < m.shown(); ++r) shown.insert(m.idAt(r));
  CHECK(shown.count(first->id) == 1);
}

TEST_CASE("participants table: editing normalises the phone, flags a bad e-mail, and deleting asks first") {
  Data d;
  test::HeadlessUi ui;
  ui::ParticipantsScreen screen(d.session);
  auto& m = screen.model();
  drawFrames(ui, screen, 2);
  m.wait();  // the ids are read on a worker
  REQUIRE(m.shown() > 0);
  const Id id = m.idAt(0);
  m.select(id);
  drawFrames(ui, screen, 2);
  REQUIRE(m.editing());
  m.form.draft.phone = "+212 (0)6 61 00 11 22";
  m.form.changed("phone");
  CHECK(m.form.normalised().phone == "+212661001122");
  m.form.draft.email = "not an e-mail";
  m.form.changed("email");
  REQUIRE(m.form.error("email"));
  CHECK_FALSE(m.save());
  CHECK(d.store->person(id)->phone != "+212661001122");  // refused: nothing written
  m.form.draft.email = "Someone@Example.org";
  m.form.changed("email");
  REQUIRE(screen.actions()->trigger({ui::Key::S, true}));
  CHECK(d.store->person(id)->phone == "+212661001122");
  CHECK(d.store->person(id)->email == "someone@example.org");
  drawFrames(ui, screen, 2);

  // Consent ticked: dated.
  m.form.setConsent(true);
  CHECK_FALSE(m.form.draft.consent_at.empty());
  REQUIRE(m.save());
  CHECK(d.store->person(id)->consent);

  // Create from the table with Ctrl+N, then delete it.
  REQUIRE(screen.actions()->trigger({ui::Key::N, true}));
  m.form.draft.first_name = "Nadia";
  m.form.draft.last_name = "Tazi";
  m.form.changed("last_name");
  auto created = m.save();
  REQUIRE(created);
  drawFrames(ui, screen, 2);
  CHECK(d.store->person(*created));
  REQUIRE(m.remove(*created));
  CHECK_FALSE(d.store->person(*created));
  drawFrames(ui, screen, 2);
  CHECK_FALSE(m.editing());
}

TEST_CASE("exhibitors table: filters by region, sector, programme and booth status") {
  Data d(40, 50);
  ui::ExhibitorsModel m(*d.session);
  m.load();
  REQUIRE(m.total() == 40);
  std::map<std::string, std::size_t> byRegion, bySector, byProgram;
  std::size_t withoutBooth = 0;
  d.store->forEachExhibitor([&](const Exhibitor& x, const std::string& booth, const std::string&) {
    ++byRegion[x.region];
    ++bySector[x.sector];
    ++byProgram[x.program];
    if (booth.empty()) ++withoutBooth;
  });
  for (const auto& [region, n] : byRegion) {
    m.region = region;
    m.filtersChanged();
    CHECK(m.shown() == n);
  }
  m.region.clear();
  for (const auto& [sector, n] : bySector) {
    m.sector = sector;
    m.filtersChanged();
    CHECK(m.shown() == n);
  }
  m.sector.clear();
  for (const auto& [program, n] : byProgram) {
    m.program = program;
    m.filtersChanged();
    CHECK(m.shown() == n);
  }
  m.program.clear();
  m.booth_status = ui::ExhibitorsModel::kNoBooth;
  m.filtersChanged();
  CHECK(m.shown() == withoutBooth);
  m.booth_status.clear();
  m.sortBy(ui::ExhibitorsModel::Area, false);
  for (std::size_t r = 1; r < m.shown(); ++r)
    CHECK(std::stod(m.cell(r - 1, ui::ExhibitorsModel::Area)) >= std::stod(m.cell(r, ui::ExhibitorsModel::Area)));
}

TEST_CASE("exhibitors table: ICE of 15 digits, E.164 phone, staff and competitors") {
  Data d(10, 60);
  test::HeadlessUi ui;
  ui::ExhibitorsScreen screen(d.session);
  auto& m = screen.model();
  drawFrames(ui, screen, 2);
  REQUIRE(screen.actions()->trigger({ui::Key::N, true}));
  drawFrames(ui, screen, 2);
  m.form.draft.name_fr = "Coopérative Argan Tamanar";
  m.form.draft.sector = "terroir";
  m.form.draft.region = "marrakech-safi";
  m.form.draft.registration_no = "12345";
  m.form.changed("registration_no");
  REQUIRE(m.form.error("registration_no"));
  CHECK_FALSE(m.save());
  m.form.draft.registration_no = "001234567000089";
  m.form.changed("registration_no");
  CHECK_FALSE(m.form.error("registration_no"));
  m.form.draft.phone = "0524 78 12 34";
  m.form.changed("phone");
  CHECK(m.form.normalised().phone == "+212524781234");
  const Id rival = m.idAt(0);
  m.form.addCompetitor(rival);
  auto id = m.save();
  REQUIRE(id);
  auto saved = d.store->exhibitor(*id);
  CHECK(saved->phone == "+212524781234");
  CHECK(saved->competitors == std::vector<Id>{rival});
  drawFrames(ui, screen, 2);

  // Staff: find a person, add them: linked, with an exhibitor badge category.
  const Id personId = d.store->personIds("forum").front();
  auto person = d.store->person(personId);
  m.setStaffQuery(person->email.empty() ? person->last_name : person->email);
  REQUIRE_FALSE(m.staffCandidates().empty());
  REQUIRE(m.form.addStaff(personId));
  CHECK(d.store->person(personId)->exhibitor_id == *id);
  CHECK(d.store->person(personId)->category == "exhibitor");
  CHECK(m.form.staff().size() == 1);
  drawFrames(ui, screen, 2);
  REQUIRE(m.form.removeStaff(personId));
  CHECK_FALSE(d.store->person(personId)->exhibitor_id);

  // Deleting an exhibitor keeps its former staff rows.
  REQUIRE(m.form.addStaff(personId));
  REQUIRE(m.remove(*id));
  CHECK_FALSE(d.store->exhibitor(*id));
  CHECK(d.store->person(personId));
  drawFrames(ui, screen, 2);
}

TEST_CASE("the tables draw in French, Arabic and English with thousands of rows") {
  Data d(60, 3000);
  test::HeadlessUi ui;
  ui::ParticipantsScreen people(d.session);
  ui::ExhibitorsScreen exhibitors(d.session);
  for (const char* lang : {"ar", "en", "fr"}) {
    i18n::setLanguage(lang);
    drawFrames(ui, people, 2);
    people.model().wait();                    // the rows come from a worker; the screen shows none before
    REQUIRE(people.model().shown() >= 3000);  // and the exhibitors' staff
    people.model().select(people.model().idAt(5));
    const int vertices = ui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("tables", nullptr, ImGuiWindowFlags_NoDecoration);
      people.draw();
      ImGui::End();
    });
    CHECK(vertices > 1000);
    CHECK(vertices < 400000);  // the clipper draws the visible rows, not 3,000
    drawFrames(ui, exhibitors, 2);
    exhibitors.model().select(exhibitors.model().idAt(0));
    drawFrames(ui, exhibitors, 2);
  }
  CHECK(people.model().loads() == 1);
  i18n::setLanguage("fr");
}

namespace {
// Where the table holding a column named "...###key" shows that column in the last frame: its left and
// right edges on screen, or nothing when the column is out of view.
std::optional<std::pair<float, float>> columnOnScreen(const char* key) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const std::string wanted = std::string("###") + key;
  for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
    ImGuiTable* table = g.Tables.TryGetMapData(i);
    if (!table) continue;
    for (int c = 0; c < table->ColumnsCount; ++c) {
      const char* name = ImGui::TableGetColumnName(table, c);
      if (!name || !std::strstr(name, wanted.c_str())) continue;
      const ImGuiTableColumn& column = table->Columns[c];
      if (!column.IsVisibleX) return std::nullopt;
      const float left = std::max(column.MinX, table->InnerClipRect.Min.x);
      const float right = std::min(column.MaxX, table->InnerClipRect.Max.x);
      if (right <= left) return std::nullopt;
      return std::make_pair(left, right);
    }
  }
  return std::nullopt;
}
}  // namespace

TEST_CASE(
    "a table wider than the screen opens where its reader starts: the names on the left in French, on the right in "
    "Arabic") {
  Data d(60, 300);
  test::HeadlessUi ui;
  ui::ParticipantsScreen people(d.session);
  const float width = ImGui::GetIO().DisplaySize.x;
  for (const char* lang : {"fr", "ar", "fr", "ar"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    drawFrames(ui, people, 2);
    people.model().wait();
    drawFrames(ui, people, 3);
    const auto name = columnOnScreen("people.column.name");
    REQUIRE(name);
    if (std::string(lang) == "ar")
      CHECK(name->second > width * 0.75f);
    else
      CHECK(name->first < width * 0.25f);
    // The table is wider than the screen: the badge column, at the far end, is out of view.
    CHECK_FALSE(columnOnScreen("people.column.badge"));
  }
  i18n::setLanguage("fr");
}
