// Signing in at a station, headless: the first administrator of a real edition, sign-in with wrong and
// right PINs, the screens each role gets, the lock after idle time, and the gate kiosk that only an
// administrator's PIN ends.
#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "headless.hpp"
#include "store/backup_schedule.hpp"
#include "store/demo/demo_data.hpp"
#include "store/users.hpp"
#include "test_support.hpp"
#include "ui/screens/audit_screen.hpp"
#include "ui/session.hpp"

using namespace moussem;
using moussem::test::TempDir;
using State = ui::Session::State;

namespace {

struct Station {
  TempDir dir;
  std::unique_ptr<Store> store;
  ui::Session::Clock::time_point now = ui::Session::Clock::now();
  explicit Station(bool demo) {
    Edition e = demoEdition();
    e.is_demo = demo;
    store = createEditionDatabase(dir / "e.db", e);
    DemoOptions o;
    o.exhibitors = 6;
    o.participants = 30;
    fillDemo(*store, o);
  }
  std::unique_ptr<ui::Session> session() {
    return std::make_unique<ui::Session>(*store, [this] { return now; });
  }
  void addUser(const std::string& name, Role role, const std::string& pin) {
    users::addUser(*store, {"root", Role::Admin, "bo"}, name, role, pin);
  }
};

std::vector<std::string> screenIds(ui::Shell& shell) {
  std::vector<std::string> ids;
  for (const auto& s : shell.screens()) ids.push_back(s->id());
  return ids;
}

}  // namespace

TEST_CASE("a demo edition without users opens at once, a real one asks for its first administrator") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  {
    Station demo(true);
    auto s = demo.session();
    CHECK(s->state() == State::Active);
    REQUIRE(s->shell());
    CHECK(s->shell()->actor().role == Role::Admin);
    CHECK(ui.frame([&] { s->draw(); }) > 0);
  }
  Station real(false);
  auto s = real.session();
  CHECK(s->state() == State::FirstAdmin);
  CHECK_FALSE(s->shell());
  CHECK(ui.frame([&] { s->draw(); }) > 0);  // the form
  CHECK_FALSE(s->submitFirstAdmin("directrice", "4821", "4822"));
  CHECK(s->model().error() == tr("user.error.pin_mismatch"));
  CHECK_FALSE(s->submitFirstAdmin("directrice", "12", "12"));
  CHECK(s->submitFirstAdmin("directrice", "482193", "482193"));
  CHECK(s->state() == State::Active);
  CHECK(s->shell()->actor().user == "directrice");
  CHECK(real.store->user("directrice")->role == Role::Admin);
  // Once a user exists, nobody creates another "first" administrator.
  auto again = real.session();
  CHECK(again->state() == State::SignIn);
  CHECK_FALSE(again->submitFirstAdmin("mallory", "1234", "1234"));
}

TEST_CASE("sign-in: a wrong PIN says so and opens nothing, each role gets its own screens") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  st.addUser("hassan", Role::Organizer, "2468");
  auto s = st.session();
  REQUIRE(s->state() == State::SignIn);
  CHECK_FALSE(s->submitSignIn("amina", "0000"));
  CHECK(s->model().error().rfind("nom ou code incorrect", 0) == 0);  // the one answer to every refusal
  CHECK_FALSE(s->shell());
  ui.frames(2, [&] { s->draw(); });

  REQUIRE(s->submitSignIn("amina", "1357"));
  auto desk = screenIds(*s->shell());
  CHECK(std::find(desk.begin(), desk.end(), "desk") != desk.end());
  CHECK(std::find(desk.begin(), desk.end(), "badges") != desk.end());
  CHECK(std::find(desk.begin(), desk.end(), "plan") == desk.end());
  CHECK(std::find(desk.begin(), desk.end(), "dashboard") == desk.end());
  CHECK(std::find(desk.begin(), desk.end(), "gate") == desk.end());
  ui.frames(3, [&] { s->draw(); });

  // Sign out (Ctrl+Shift+O), then the organiser.
  CHECK(s->onKey({ui::Key::O, true, true}));
  ui.frame([&] { s->draw(); });
  CHECK(s->state() == State::SignIn);
  REQUIRE(s->submitSignIn("hassan", "2468"));
  auto org = screenIds(*s->shell());
  CHECK(std::find(org.begin(), org.end(), "plan") != org.end());
  CHECK(std::find(org.begin(), org.end(), "dashboard") != org.end());
}

TEST_CASE("a desk left alone locks itself, its user's PIN opens it again where it was") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  auto s = st.session();
  REQUIRE(s->submitSignIn("amina", "1357"));
  s->shell()->select("participants");
  ui.frame([&] { s->draw(); });
  st.now += users::kIdleLock - std::chrono::seconds(5);
  ui.frame([&] { s->draw(); });
  CHECK(s->state() == State::Active);
  s->activity();  // someone typed: the clock starts again
  st.now += users::kIdleLock + std::chrono::seconds(1);
  ui.frame([&] { s->draw(); });
  CHECK(s->state() == State::Locked);
  CHECK_FALSE(s->shell());  // nothing of the desk on screen while locked
  CHECK_FALSE(s->submitUnlock("9999"));
  CHECK(s->state() == State::Locked);
  REQUIRE(s->submitUnlock("1357"));
  CHECK(s->state() == State::Active);
  CHECK(std::string(s->shell()->current().id()) == "participants");
}

TEST_CASE("a gate user gets the gate screen alone, never locked, leaving takes an administrator's PIN") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("karim", Role::Gate, "1111");
  st.addUser("amina", Role::Desk, "1357");
  st.addUser("directrice", Role::Admin, "482193");
  auto s = st.session();
  REQUIRE(s->submitSignIn("karim", "1111"));
  REQUIRE(s->shell());
  CHECK(s->shell()->kiosk());
  CHECK(screenIds(*s->shell()) == std::vector<std::string>{"gate"});
  // The edition's default gate profiles exist although a gate user may not create them.
  CHECK(st.store->gateProfiles().size() >= 3);
  CHECK_FALSE(s->onKey({ui::Key::Digit2, true}));  // no other screen to go to
  st.now += users::kIdleLock * 3;
  ui.frames(2, [&] { s->draw(); });
  CHECK(s->state() == State::Active);  // scanning goes on

  CHECK(s->onKey({ui::Key::O, true, true}));
  ui.frame([&] { s->draw(); });
  CHECK(s->state() == State::KioskExit);
  CHECK_FALSE(s->submitKioskExit("amina", "1357"));  // a desk user cannot
  CHECK(s->model().error() == tr("signin.error.admin_only"));
  CHECK_FALSE(s->submitKioskExit("directrice", "0000"));
  s->cancelKioskExit();
  CHECK(s->state() == State::Active);
  CHECK(s->onKey({ui::Key::O, true, true}));
  ui.frame([&] { s->draw(); });
  REQUIRE(s->submitKioskExit("directrice", "482193"));
  CHECK(s->state() == State::SignIn);
}

TEST_CASE("the sign-in form draws in French, Arabic and English") {
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  auto s = st.session();
  for (const char* lang : {"fr", "ar", "en", "fr"}) {
    s->setLanguage(lang);
    CHECK(ui.frame([&] { s->draw(); }) > 100);
  }
  ui.typeText("amina");
  ui.frames(2, [&] { s->draw(); });
}

TEST_CASE("the audit screen, for administrators only: rows filtered, a change's before and after, the chain verified") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  st.addUser("directrice", Role::Admin, "482193");
  auto s = st.session();
  REQUIRE(s->submitSignIn("amina", "1357"));
  auto ids = screenIds(*s->shell());
  CHECK(std::find(ids.begin(), ids.end(), "audit") == ids.end());
  {
    GuardedStore desk(*st.store, s->shell()->actor());
    Person p = *desk.person(3);
    p.organization = "Coopérative Argan";
    desk.updatePerson(p);
  }
  CHECK(s->onKey({ui::Key::O, true, true}));
  ui.frame([&] { s->draw(); });
  REQUIRE(s->submitSignIn("directrice", "482193"));
  s->shell()->select("audit");
  REQUIRE(std::string(s->shell()->current().id()) == "audit");
  ui::AuditScreen* audit = nullptr;
  for (const auto& screen : s->shell()->screens())
    if (auto* a = dynamic_cast<ui::AuditScreen*>(screen.get())) audit = a;
  REQUIRE(audit);
  for (const char* lang : {"fr", "ar", "en", "fr"}) {
    s->setLanguage(lang);
    CHECK(ui.frame([&] { s->draw(); }) > 500);
  }
  auto& m = audit->model();
  m.filter().user_name = "amina";
  m.refresh();
  REQUIRE_FALSE(m.rows().empty());
  CHECK(m.rows().front().action == "person.update");
  m.select(0);
  CHECK(ui::AuditModel::pretty(m.selected()->after).find("Coopérative Argan") != std::string::npos);
  ui.frames(2, [&] { s->draw(); });  // with the before/after panels
  m.verify();
  REQUIRE(m.check());
  CHECK(m.check()->problems.empty());
  CHECK(m.check()->rows > 3);
}

TEST_CASE("the shell backs up on schedule into the station's folder and shows the last backup") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(true);
  const auto stick = st.dir / "usb";
  std::filesystem::create_directories(stick);
  setBackupPlan(*st.store, moussem::stationName(), {stick, 30, 2});
  auto s = st.session();
  REQUIRE(s->shell());
  const auto now = std::chrono::system_clock::now();
  REQUIRE(s->shell()->backupIfDue(now));
  s->shell()->waitForBackup();
  CHECK_FALSE(s->shell()->backupIfDue(now + std::chrono::minutes(5)));  // done, and not due again yet
  CHECK_FALSE(lastBackup(*st.store, moussem::stationName()).empty());
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(stick)) files += e.path().extension() == ".db";
  CHECK(files == 1);
  CHECK(ui.frame([&] { s->draw(); }) > 0);
}

TEST_CASE("a locked station (--kiosk): nothing quits it, signing out and closing take an administrator's PIN") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  st.addUser("directrice", Role::Admin, "482193");
  auto s = st.session();
  s->setLocked(true);
  s->setHomeScreen("desk");  // a self-service desk's job
  REQUIRE(s->submitSignIn("amina", "1357"));
  REQUIRE(s->shell());
  CHECK(std::string(s->shell()->current().id()) == "desk");
  CHECK(s->shell()->locked());
  CHECK_FALSE(s->onKey({ui::Key::Q, true}));  // Ctrl+Q quits nothing
  ui.frames(2, [&] { s->draw(); });
  CHECK_FALSE(s->quitRequested());
  // Signing out goes through an administrator, even for a desk user.
  CHECK(s->onKey({ui::Key::O, true, true}));
  ui.frame([&] { s->draw(); });
  CHECK(s->state() == State::KioskExit);
  CHECK_FALSE(s->submitKioskClose("amina", "1357"));
  CHECK_FALSE(s->submitKioskClose("directrice", "0000"));
  CHECK_FALSE(s->quitRequested());
  ui.frames(2, [&] { s->draw(); });  // the form, with its Close button, draws
  REQUIRE(s->submitKioskClose("directrice", "482193"));
  CHECK(s->quitRequested());
}

TEST_CASE("without --kiosk a desk quits with Ctrl+Q and signs out by itself") {
  i18n::setLanguage("fr");
  test::HeadlessUi ui;
  Station st(false);
  st.addUser("amina", Role::Desk, "1357");
  auto s = st.session();
  REQUIRE(s->submitSignIn("amina", "1357"));
  CHECK_FALSE(s->shell()->locked());
  CHECK(s->onKey({ui::Key::Q, true}));
  CHECK(s->quitRequested());
}
