// The app's first start on a laptop never enrolled (ui/startup.hpp), headless: the enrolment form in
// every language, a failed enrolment that keeps the form and says why, and the demo edition instead.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/i18n.hpp"
#include "core/station.hpp"
#include "test_support.hpp"
#include "ui/headless.hpp"
#include "ui/startup.hpp"

using namespace moussem;
using namespace moussem::test;
using State = ui::Startup::State;

TEST_CASE("the first start shows the enrolment form, and a failed enrolment keeps it and writes nothing", "[sqlite]") {
  TempDir home;
  // This process is the station: its own home (each test case runs in a process of its own).
  ::setenv("HOME", home.path().c_str(), 1);
  ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
  ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
  HeadlessUi ui;
  ui::Startup startup("");
  CHECK(startup.state() == State::Enrol);
  CHECK(startup.stateCode() == "enrol");
  for (const char* lang : {"fr", "ar", "en"}) {
    i18n::setLanguage(lang);
    CHECK(ui.frame([&] { startup.draw(); }) > 300);
  }
  StationConfig c;
  c.server = "postgresql://porte@127.0.0.1:1/semaine";
  c.name = "gate-1";
  c.role = Role::Gate;
  c.language = "en";
  CHECK_FALSE(startup.submitEnrolment(c, "a-password", false));
  CHECK(startup.state() == State::Enrol);
  CHECK(startup.message().find("127.0.0.1:1") != std::string::npos);
  CHECK(startup.message().find("a-password") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(stationConfigFile()));
  CHECK_FALSE(std::filesystem::exists(home / ".pgpass"));
  CHECK(ui.frame([&] { startup.draw(); }) > 300);  // the form again, with the message
  // The other way in: the demo edition, made in the data folder.
  REQUIRE(startup.openDemo());
  CHECK(startup.ready());
  CHECK(startup.store().edition()->is_demo);
  // With the forum's B2B programme (60 foreign buyers), scheduled as the `demo` command does.
  CHECK(startup.store().b2bSessions().size() == 3);
  CHECK(startup.store().b2bRequests().size() > 300);
  CHECK(startup.store().b2bMeetings().size() > 300);
}

TEST_CASE("a station whose configuration does not read shows why above the enrolment form", "[sqlite]") {
  i18n::setLanguage("en");
  HeadlessUi ui;
  auto startup = ui::Startup::enrolFirst("/home/porte/.config/moussem/station.conf:3: field \"role\": nonsense");
  CHECK(startup.state() == State::Enrol);
  CHECK(startup.message().find("station.conf:3") != std::string::npos);
  CHECK(ui.frame([&] { startup.draw(); }) > 300);
}
