// The registration desk end to end in the headless UI: type a name, find, move with the arrows, open
// with Enter; register a walk-in with Ctrl+N, see inline errors and the duplicate warning, open the
// existing record; the badge preview rendered once; print with Ctrl+P (a second print asks first),
// reprint with a reason, revoke. The index is loaded on a worker and queried only when the text changes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

#include "../badge/cups_server.hpp"
#include "badge/new_edition.hpp"
#include "badge/printing.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/station.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/shell.hpp"
#include "ui/text_display.hpp"
#include "ui/textures.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct FakeTextures final : ui::TextureService {
  int uploads = 0, live = 0;
  ImTextureID upload(int, int, const std::vector<unsigned char>&) override {
    ++uploads;
    ++live;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(uploads));
  }
  void release(ImTextureID) override { --live; }
};

struct Desk {
  TempDir dir;
  std::filesystem::path db = dir / "desk.db";
  std::unique_ptr<Store> store;
  std::shared_ptr<ui::DeskSession> session;
  Id helene = 0, karim = 0, exhibitor = 0;
  Desk() {
    store = createEditionDatabase(db, demoEdition());
    DemoOptions o;
    o.exhibitors = 8;
    o.participants = 60;
    fillDemo(*store, o);
    Exhibitor x;
    x.name_fr = "Coopérative Tifawine";
    x.name_ar = "تعاونية تيفاوين";
    x.kind = "cooperative";
    x.sector = "carpet";
    x.region = "souss-massa";
    x.city = "Taliouine";
    exhibitor = store->insertExhibitor(x);
    Person p;
    p.first_name = "Hélène";
    p.last_name = "Dupré";
    p.organization = "Coopérative Tifawine";
    p.category = "buyer";
    p.email = "helene.dupre@example.fr";
    p.phone = "+33612345678";
    helene = store->insertPerson(p);
    Person k;
    k.first_name = "Karim";
    k.last_name = "Bennani";
    k.name_ar = "كريم بناني";
    k.organization = "Dar Sanaa";
    k.category = "speaker";
    k.phone = "+212661234567";
    karim = store->insertPerson(k);
    session = std::make_shared<ui::DeskSession>(*store);
  }
};

struct Kiosk {
  Desk d;
  test::HeadlessUi ui{ImVec2(1280, 800)};
  ui::DeskScreen screen{d.session};
  Kiosk() {
    screen.onShow();
    d.session->waitForIndex();
    frames(2);
  }
  void frames(int n) {
    ui.frames(n, [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("desk", nullptr, ImGuiWindowFlags_NoDecoration);
      screen.draw();
      ImGui::End();
    });
  }
  void key(ImGuiKey k, int after = 2) {
    ui.pressKey(k);
    frames(after);
  }
  bool shortcut(ui::Key k) { return screen.actions()->trigger({k, true}); }
};

struct LanguageGuardDesk {
  ~LanguageGuardDesk() {
    i18n::setLanguage("fr");
    ui::clearDisplayCache();
  }
};

struct TextureGuard {
  FakeTextures textures;
  TextureGuard() { ui::setTextureService(&textures); }
  ~TextureGuard() { ui::setTextureService(nullptr); }
};

}  // namespace

TEST_CASE("desk: typing a name finds the person, the arrows move, Enter opens them") {
  TextureGuard t;
  {
    Kiosk k;
    // The search box has the keyboard when the screen opens: typed text lands there.
    k.ui.typeText("helene");
    k.frames(2);
    CHECK(k.screen.model().query() == "helene");
    REQUIRE_FALSE(k.screen.model().results().empty());
    CHECK(k.screen.model().results()[0].id == k.d.helene);
    // Accent- and case-insensitive, by organisation too: "dupre tifa" finds her.
    k.ui.typeText(" tifa");
    k.frames(2);
    REQUIRE(k.screen.model().results().size() == 1);
    k.key(ImGuiKey_Enter, 3);
    REQUIRE(k.screen.model().person());
    CHECK(k.screen.model().person()->id == k.d.helene);

    // Escape clears; a query with several results: Down moves the highlight, Enter opens that one.
    k.key(ImGuiKey_Escape, 3);
    CHECK(k.screen.model().query().empty());
    CHECK(k.screen.model().showingRecent());
    k.ui.typeText("coop");  // the exhibitor and the people of cooperatives
    k.frames(2);
    const auto& results = k.screen.model().results();
    REQUIRE(results.size() >= 2);
    CHECK(k.screen.model().selected() == 0);
    k.key(ImGuiKey_DownArrow);
    CHECK(k.screen.model().selected() == 1);
    CHECK(k.screen.model().query() == "coop");  // the arrow moved the highlight, not the caret's text
    k.key(ImGuiKey_UpArrow);
    k.key(ImGuiKey_DownArrow);
    const auto second = results[1];
    k.key(ImGuiKey_Enter, 3);
    if (second.kind == SearchIndex::Kind::Person) {
      REQUIRE(k.screen.model().person());
      CHECK(k.screen.model().person()->id == second.id);
    } else {
      REQUIRE(k.screen.model().exhibitor());
      CHECK(k.screen.model().exhibitor()->id == second.id);
    }
    // Still in the search box: the next name can be typed at once.
    k.key(ImGuiKey_Escape, 3);
    k.ui.typeText("bennani");
    k.frames(2);
    CHECK(k.screen.model().query() == "bennani");
  }
}

TEST_CASE("desk: the index is queried when the text changes, never per frame") {
  Kiosk k;
  k.ui.typeText("ka");
  k.frames(2);
  const int after = k.screen.model().searches();
  k.frames(30);
  CHECK(k.screen.model().searches() == after);
  k.ui.typeText("r");
  k.frames(1);
  CHECK(k.screen.model().searches() == after + 1);
}

TEST_CASE("desk: a key typed reads only the results on screen, and one deleted elsewhere says so") {
  TextureGuard t;
  Kiosk k;
  auto& m = k.screen.model();
  k.ui.typeText("a");
  k.frames(2);
  const auto& results = m.results();
  REQUIRE(results.size() > 20);  // more than the list shows at 1280x800
  const auto described = std::count_if(results.begin(), results.end(), [](const auto& r) { return r.described; });
  CHECK(described > 0);
  CHECK(static_cast<std::size_t>(described) < results.size());
  // What is shown is the record's own: names and details read when the row is drawn.
  const ui::DeskResult& first = m.row(0);
  auto p = k.d.store->person(first.id);
  REQUIRE(p);
  CHECK(first.name == names::list(*p));

  // Deleted behind the desk's back (another station): the row says so rather than show a stale name.
  const Id gone = m.results()[1].id;
  REQUIRE(m.results()[1].kind == SearchIndex::Kind::Person);
  k.d.store->deletePerson(gone);
  m.setQuery("");
  m.setQuery("a");
  for (std::size_t i = 0; i < m.results().size(); ++i)
    if (m.results()[i].id == gone && m.results()[i].kind == SearchIndex::Kind::Person)
      CHECK(m.row(static_cast<int>(i)).name == tr("table.deleted"));
}

TEST_CASE("desk: phone digits, Arabic without hamza and badge serials find people") {
  Kiosk k;
  auto& m = k.screen.model();
  auto found = [&](Id id) {
    for (const auto& r : m.results())
      if (r.id == id && r.kind == SearchIndex::Kind::Person) return true;
    return false;
  };
  m.setQuery("0661 23 45 67");
  CHECK(found(k.d.karim));
  m.setQuery("+212661234567");
  CHECK(found(k.d.karim));
  m.setQuery("كريم بناني");  // typed without the hamza-free / tatweel variants still matches
  CHECK(found(k.d.karim));
  m.setQuery("كـريم بنانى");  // tatweel, alef maqsura for ya
  CHECK(found(k.d.karim));
  // The badge serial, once issued.
  Badge b;
  b.person_id = k.d.karim;
  b.serial = "K7Q2M9XA";
  k.d.store->insertBadge(b);
  k.d.session->reindexPerson(k.d.karim);
  k.frames(1);
  m.setQuery("K7Q2");
  CHECK(found(k.d.karim));
}

TEST_CASE("desk: a walk-in with inline errors, the duplicate warning while typing, and opening the existing one") {
  TextureGuard t;
  Kiosk k;
  k.ui.typeText("Dupré Hélène");  // the last name first, as the search prefers
  k.frames(2);
  REQUIRE(k.shortcut(ui::Key::N));
  k.frames(2);
  auto& m = k.screen.model();
  REQUIRE(m.formOpen());
  // Prefilled from the search; nothing is flagged before the operator touches a field.
  CHECK(m.form.draft.first_name == "Hélène");
  CHECK(m.form.draft.last_name == "Dupré");
  CHECK(m.form.error("email") == nullptr);

  // The names are there: the organisation has the keyboard, typed text lands in it.
  k.ui.typeText("Coopérative Tifawine");
  k.frames(2);
  CHECK(m.form.draft.organization == "Coopérative Tifawine");
  // Same normalised name and organisation: the warning is there while typing.
  REQUIRE(m.form.duplicates().size() == 1);
  CHECK(m.form.duplicates()[0].id == k.d.helene);
  CHECK(m.form.duplicates()[0].reason == "name");

  // A bad e-mail is flagged inline once touched, and saving refuses it.
  m.form.draft.email = "helene@";
  m.form.changed("email");
  k.frames(2);
  REQUIRE(m.form.error("email"));
  const auto people = k.d.store->personIds().size();
  CHECK(k.shortcut(ui::Key::S));  // taken, and refused
  CHECK(m.formOpen());
  CHECK(k.d.store->personIds().size() == people);

  // "Open the existing one": the form closes and the existing record opens.
  m.openDuplicate(m.form.duplicates()[0]);
  k.frames(2);
  CHECK_FALSE(m.formOpen());
  REQUIRE(m.person());
  CHECK(m.person()->id == k.d.helene);
  CHECK(k.d.store->personIds().size() == people);
}

TEST_CASE("desk: the same e-mail or phone is a duplicate too, and a registered walk-in is found at once") {
  Kiosk k;
  auto& m = k.screen.model();
  REQUIRE(k.shortcut(ui::Key::N));
  k.frames(2);
  m.form.draft.first_name = "H.";
  m.form.draft.last_name = "Dupre";
  m.form.changed("last_name");
  m.form.draft.phone = "+33 6 12 34 56 78";
  m.form.changed("phone");
  REQUIRE(m.form.duplicates().size() == 1);
  CHECK(m.form.duplicates()[0].reason == "phone");
  CHECK(m.form.normalised().phone == "+33612345678");
  // Saving over a duplicate needs "save anyway".
  CHECK_FALSE(m.saveForm());
  CHECK(m.formOpen());

  // A real walk-in: Moroccan phone written the national way, stored in E.164.
  m.startWalkIn();
  m.form.draft.first_name = "Yasmine";
  m.form.draft.last_name = "El Idrissi";
  m.form.draft.phone = "06 70 11 22 33";
  m.form.draft.email = "Yasmine.Idrissi@Example.MA";
  m.form.changed("phone");
  CHECK(m.form.duplicates().empty());
  REQUIRE(k.shortcut(ui::Key::S));
  k.frames(2);
  CHECK_FALSE(m.formOpen());
  REQUIRE(m.person());
  CHECK(m.person()->phone == "+212670112233");
  CHECK(m.person()->email == "yasmine.idrissi@example.ma");
  CHECK(m.person()->category == "forum");
  const Id created = m.person()->id;
  m.setQuery("yasm idri");
  REQUIRE(m.results().size() == 1);
  CHECK(m.results()[0].id == created);
  m.setQuery("0670112233");
  REQUIRE_FALSE(m.results().empty());
  CHECK(m.results()[0].id == created);
}

TEST_CASE("desk: saves made while the index loads on its worker are found once it is ready") {
  Desk d;
  ui::DeskModel m(*d.session);
  m.onShow();  // starts the worker
  Person p;
  p.last_name = "Zerhouni";
  p.category = "press";
  d.session->savePerson(p);
  d.session->waitForIndex();
  m.poll();
  m.setQuery("zerhou");
  REQUIRE(m.results().size() == 1);
  CHECK(m.results()[0].id == p.id);
}

TEST_CASE(
    "desk: the open person's badge is previewed once, printed with Ctrl+P, a second print asks, reprint and revoke") {
  test::CupsServer cups;
  ::setenv("CUPS_SERVER", cups.socket().c_str(), 1);
  TextureGuard t;
  {
    Kiosk k;
    auto& m = k.screen.model();
    PrintSettings settings{"badges", ""};
    saveStationPrintSettings(*k.d.store, stationName(), settings);
    m.openPerson(k.d.karim);
    k.frames(3);
    REQUIRE(m.face());
    CHECK(k.screen.preview().renders() == 1);
    CHECK_FALSE(k.d.store->badgeOfPerson(k.d.karim));  // looking issued nothing

    REQUIRE(k.shortcut(ui::Key::P));
    m.printTask().wait();
    k.frames(3);
    INFO(m.message());
    CHECK_FALSE(m.messageIsError());
    REQUIRE(k.d.store->badgeOfPerson(k.d.karim));
    CHECK(k.d.store->badgeOfPerson(k.d.karim)->printed_count == 1);
    CHECK(cups.documents().size() == 1);
    CHECK(k.screen.preview().renders() == 2);  // the badge now exists: its real serial and QR

    // The same version again: a confirmation first, nothing printed until it is given.
    REQUIRE(k.shortcut(ui::Key::P));
    k.frames(2);
    CHECK(k.screen.popup() == "confirm-print");
    CHECK(cups.documents().size() == 1);
    k.key(ImGuiKey_Escape);
    CHECK(k.screen.popup().empty());
    CHECK(m.print(true) == ui::DeskModel::PrintStart::Started);
    m.printTask().wait();
    k.frames(2);
    CHECK(cups.documents().size() == 2);
    CHECK(k.screen.preview().renders() == 2);  // printed again: the same face, not rendered again

    // Reprint needs a reason and bumps the version; the preview follows.
    CHECK_FALSE(m.reprint(""));
    REQUIRE(m.reprint("typo in the name"));
    k.frames(2);
    CHECK(k.d.store->badgeOfPerson(k.d.karim)->version == 2);
    CHECK(k.screen.preview().renders() == 3);
    CHECK(m.print(false) == ui::DeskModel::PrintStart::Started);  // a new version prints without asking
    m.printTask().wait();
    k.frames(2);

    // Revoke: the badge is refused from now on, and printing it is refused too.
    REQUIRE(m.revoke("badge stolen"));
    CHECK(k.d.store->badgeOfPerson(k.d.karim)->status == BadgeStatus::Revoked);
    CHECK(m.print(true) == ui::DeskModel::PrintStart::Revoked);
    k.frames(2);
  }
  ::unsetenv("CUPS_SERVER");
}

TEST_CASE("desk: the screen draws in French, Arabic and English with a person open and the walk-in form") {
  TextureGuard t;
  Kiosk k;
  auto& m = k.screen.model();
  for (const char* lang : {"ar", "en", "fr"}) {
    i18n::setLanguage(lang);
    m.setQuery("bennani");
    m.openSelected();
    k.frames(2);
    m.startWalkIn();
    k.frames(2);
    m.cancelForm();
    m.setQuery("");
    k.frames(2);
  }
  i18n::setLanguage("fr");
}

TEST_CASE("desk: the shell lists the desk and gives it Ctrl+N while it is shown") {
  Desk d;
  test::HeadlessUi ui;
  ui::Shell shell(*d.store);
  shell.select("desk");
  ui.frames(3, [&] { shell.draw(); });
  CHECK(std::string(shell.current().id()) == "desk");
  CHECK(shell.onKey({ui::Key::N, true}));
  auto& desk = const_cast<ui::DeskScreen&>(dynamic_cast<const ui::DeskScreen&>(shell.current()));
  CHECK(desk.model().formOpen());
  ui.frames(2, [&] { shell.draw(); });
  shell.select("overview");
  CHECK_FALSE(shell.onKey({ui::Key::N, true}));  // not the desk's any more
}

TEST_CASE("desk: Arabic typed into the walk-in form is previewed shaped and stored in logical order, NFKC") {
  TextureGuard t;
  Kiosk k;
  auto& m = k.screen.model();
  REQUIRE(k.shortcut(ui::Key::N));
  k.frames(2);
  REQUIRE(m.formOpen());
  k.ui.typeText("Lalla");
  k.frames(2);
  k.key(ImGuiKey_Tab, 2);
  k.ui.typeText("Alaoui");
  k.frames(2);
  k.key(ImGuiKey_Tab, 2);
  // A Moroccan keyboard types lam-alef as one presentation-form character (U+FEFB).
  k.ui.typeText(
      "\xEF\xBB\xBB"
      "لة سلمى");
  k.frames(3);
  CHECK(m.form.draft.first_name == "Lalla");
  CHECK(m.form.draft.last_name == "Alaoui");
  CHECK(m.form.draft.name_ar ==
        "\xEF\xBB\xBB"
        "لة سلمى");                                     // as typed, logical order
  CHECK(ui::needsShapedPreview(m.form.draft.name_ar));  // so the form shows it shaped under the field
  CHECK(m.form.normalised().name_ar == "لالة سلمى");    // the storage form: lam + alef
  CHECK(test::takeIdClashes().empty());
  REQUIRE(k.shortcut(ui::Key::S));
  k.frames(2);
  INFO(m.form.message());
  REQUIRE(m.person());
  const auto stored = k.d.store->person(m.person()->id);
  REQUIRE(stored);
  CHECK(stored->name_ar == "لالة سلمى");
  // Found by the Arabic name typed either way.
  m.setQuery("لالة");
  k.frames(2);
  CHECK_FALSE(m.results().empty());
}

TEST_CASE(
    "desk: an exhibitor opens in Arabic with no ID clash, long names wrap in logical order, phones read left to "
    "right") {
  TextureGuard t;
  LanguageGuardDesk guard;
  Kiosk k;
  auto& m = k.screen.model();
  i18n::setLanguage("ar");
  k.frames(1);
  m.setQuery("Tifawine");
  k.frames(2);
  REQUIRE_FALSE(m.results().empty());
  m.openSelected();
  k.frames(3);
  CHECK(test::takeIdClashes().empty());
  CHECK(ui::display("الهاتف: +212661234567").find("+212661234567") != std::string::npos);
  const auto lines = ui::wrapLogical("تعاونية النور النسوية للطرز والخياطة التقليدية بوجدة", 120);
  CHECK(lines.size() > 1);
  CHECK(lines.front().rfind("تعاونية", 0) == 0);  // logical order: the first words on the first line
}
