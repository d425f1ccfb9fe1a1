// The one record screen and its model, driven through each kind (participants, exhibitors) by the same
// tests: new (prefilled from the filters), inline validation, save, search, duplicates, delete, a record
// deleted elsewhere; and the filter row in reading order, from the right edge in Arabic.
#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
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
  Data() {
    store = createEditionDatabase(dir / "t.db", demoEdition());
    DemoOptions o;
    o.exhibitors = 20;
    o.participants = 200;
    fillDemo(*store, o);
    session = std::make_shared<ui::DeskSession>(*store);
    session->loadIndexNow();  // duplicates are looked up in the index
  }
};

// What tells the two kinds apart in these tests; everything else is the same test.
struct People {
  using Screen = ui::ParticipantsScreen;
  using Record = Person;
  static constexpr const char* kFirstFilter = "##f-category";
  static constexpr const char* kNameField = "last_name";
  static void setFilter(ui::ParticipantsModel& m) { m.category = "press"; }
  static void clearFilter(ui::ParticipantsModel& m) { m.category.clear(); }
  static bool prefilled(const Person& p) { return p.category == "press"; }
  static void name(Person& p, const std::string& name) {
    p.first_name = "Nadia";
    p.last_name = name;
  }
  static std::optional<Person> stored(Store& s, Id id) { return s.person(id); }
  static std::size_t count(Store& s) { return s.personIds().size(); }
  static void deleteElsewhere(ui::DeskSession& s, Id id) { s.deletePerson(id); }
  static void settle(ui::ParticipantsModel& m) { m.wait(); }  // its rows are ordered on a worker
};

struct Exhibitors {
  using Screen = ui::ExhibitorsScreen;
  using Record = Exhibitor;
  static constexpr const char* kFirstFilter = "##f-region";
  static constexpr const char* kNameField = "name_fr";
  static void setFilter(ui::ExhibitorsModel& m) {
    m.region = "souss-massa";
    m.sector = "pottery";
  }
  static void clearFilter(ui::ExhibitorsModel& m) { m.region = m.sector = ""; }
  static bool prefilled(const Exhibitor& x) { return x.region == "souss-massa" && x.sector == "pottery"; }
  static void name(Exhibitor& x, const std::string& name) { x.name_fr = "Coopérative " + name; }
  static std::optional<Exhibitor> stored(Store& s, Id id) { return s.exhibitor(id); }
  static std::size_t count(Store& s) {
    std::size_t n = 0;
    s.forEachExhibitor([&](const Exhibitor&, const std::string&, const std::string&) { ++n; });
    return n;
  }
  static void deleteElsewhere(ui::DeskSession& s, Id id) { s.deleteExhibitor(id); }
  static void settle(ui::ExhibitorsModel&) {}  // read at once
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

TEMPLATE_TEST_CASE("a record table creates from its filters, refuses what is invalid, saves, finds and deletes", "",
                   People, Exhibitors) {
  Data d;
  test::HeadlessUi ui;
  typename TestType::Screen screen(d.session);
  auto& m = screen.model();
  screen.onShow();
  drawFrames(ui, screen, 2);
  TestType::settle(m);
  drawFrames(ui, screen, 2);
  const std::size_t before = TestType::count(*d.store);
  CHECK(m.total() == before);

  // New (Ctrl+N) takes the filters' values.
  TestType::setFilter(m);
  m.filtersChanged();
  TestType::settle(m);
  REQUIRE(screen.actions()->trigger({ui::Key::N, true}));
  drawFrames(ui, screen, 2);
  REQUIRE(m.editing());
  CHECK(m.selected() == 0);
  CHECK(m.form.draft.id == 0);
  CHECK(TestType::prefilled(m.form.draft));

  // An invalid e-mail is flagged once touched; saving is refused and writes nothing.
  TestType::name(m.form.draft, "Zouhairiyine");
  m.form.changed(TestType::kNameField);
  m.form.draft.email = "not an e-mail";
  CHECK_FALSE(m.form.error("email"));  // not touched yet
  m.form.changed("email");
  CHECK(m.form.error("email"));
  CHECK_FALSE(m.form.valid());
  CHECK_FALSE(m.save());
  CHECK(m.form.message() == tr("form.fix_errors"));
  CHECK(TestType::count(*d.store) == before);

  // Corrected and saved with Ctrl+S: stored normalised, selected, still open.
  m.form.draft.email = "Zouhairiyine@Example.org";
  m.form.changed("email");
  CHECK(m.form.valid());
  REQUIRE(screen.actions()->trigger({ui::Key::S, true}));
  const Id id = m.selected();
  REQUIRE(id != 0);
  CHECK(m.editing());
  CHECK(m.form.message() == tr("form.saved"));
  CHECK_FALSE(m.form.dirty());
  REQUIRE(TestType::stored(*d.store, id));
  CHECK(TestType::stored(*d.store, id)->email == "zouhairiyine@example.org");
  CHECK(TestType::count(*d.store) == before + 1);

  // The table reloads once and finds it by its name.
  drawFrames(ui, screen, 2);
  TestType::settle(m);
  CHECK(m.total() == before + 1);
  TestType::clearFilter(m);
  m.text = "zouhairiyine";
  m.filtersChanged();
  TestType::settle(m);
  REQUIRE(m.shown() == 1);
  CHECK(m.idAt(0) == id);

  // Another new record with the same e-mail: refused until the operator confirms it.
  TestType::setFilter(m);
  m.startNew();
  TestType::name(m.form.draft, "Bouqentar");
  m.form.changed(TestType::kNameField);
  m.form.draft.email = "zouhairiyine@example.org";
  m.form.changed("email");
  REQUIRE(m.form.duplicates().size() == 1);
  CHECK(m.form.duplicates().front().id == id);
  CHECK_FALSE(m.save());
  CHECK(m.form.message() == tr("form.duplicates_first"));
  CHECK(TestType::count(*d.store) == before + 1);
  const auto twin = m.save(true);
  REQUIRE(twin);
  CHECK(TestType::count(*d.store) == before + 2);

  // Deleting the open record closes its form.
  REQUIRE(m.remove(*twin));
  CHECK_FALSE(TestType::stored(*d.store, *twin));
  CHECK_FALSE(m.editing());
  CHECK(m.selected() == 0);
  CHECK(m.message() == tr("table.deleted"));
  drawFrames(ui, screen, 2);

  // A record that is gone cannot be opened; one deleted elsewhere closes at the next reload.
  m.select(*twin);
  CHECK_FALSE(m.editing());
  CHECK(m.selected() == 0);
  m.select(id);
  REQUIRE(m.editing());
  CHECK(m.form.draft.id == id);
  TestType::deleteElsewhere(*d.session, id);
  drawFrames(ui, screen, 2);
  TestType::settle(m);
  drawFrames(ui, screen, 2);
  CHECK_FALSE(m.editing());
  CHECK(m.selected() == 0);
}

TEMPLATE_TEST_CASE("a record table's filter row reads from the left in French and from the right in Arabic", "", People,
                   Exhibitors) {
  Data d;
  test::HeadlessUi ui;
  typename TestType::Screen screen(d.session);
  struct Ids {
    ImGuiID newButton = 0, firstFilter = 0, search = 0;
    float left = 0, right = 0;  // the window's content edges
  } ids;
  auto frame = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("tables", nullptr, ImGuiWindowFlags_NoDecoration);
    ids.left = ImGui::GetCursorScreenPos().x;
    ids.right = ids.left + ImGui::GetContentRegionAvail().x;
    screen.draw();
    ids.newButton = ImGui::GetID("###new");
    ids.firstFilter = ImGui::GetID(TestType::kFirstFilter);
    ids.search = ImGui::GetID("##f-text");
    ImGui::End();
  };
  auto rect = [](ImGuiID id) -> std::optional<ImRect> {
    for (const auto& item : test::itemsOfLastFrame())
      if (item.id == id) return ImRect(item.min, item.max);
    return std::nullopt;
  };
  for (const char* lang : {"fr", "ar", "fr"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    ui.frames(3, frame);
    const auto newButton = rect(ids.newButton), first = rect(ids.firstFilter), search = rect(ids.search);
    REQUIRE(newButton);
    REQUIRE(first);
    REQUIRE(search);
    CHECK(first->GetCenter().y == Approx(newButton->GetCenter().y));  // side by side
    if (std::string(lang) == "ar") {
      // "New" first, at the right edge; the first filter on its left; the search further on.
      CHECK(newButton->Max.x == Approx(ids.right).margin(1));
      CHECK(first->Max.x < newButton->Min.x);
      if (search->Min.y > first->Max.y)  // on the next line: it starts at the right edge
        CHECK(search->Max.x == Approx(ids.right).margin(1));
      else
        CHECK(search->Max.x < first->Min.x);
    } else {
      CHECK(newButton->Min.x == Approx(ids.left).margin(1));
      CHECK(first->Min.x > newButton->Max.x);
      if (search->Min.y > first->Max.y)
        CHECK(search->Min.x == Approx(ids.left).margin(1));
      else
        CHECK(search->Min.x > first->Max.x);
    }
  }
  i18n::setLanguage("fr");
}
