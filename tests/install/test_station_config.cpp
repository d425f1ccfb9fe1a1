// A station's configuration file (core/station.hpp), as `station enrol` writes it and as a person may
// edit it: what it holds reads back the same, and a hand edit gone wrong is refused with the file, the
// line and the field named.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

StationConfig gate3() {
  StationConfig c;
  c.server = "postgresql://porte-3@serveur:5432/semaine2026";
  c.name = "gate-3";
  c.role = Role::Gate;
  c.gate_profile = "exhibition";
  c.printer = "Zebra_ZC300";
  c.paper = "custom_cr80_54x85.6mm";
  c.language = "ar";
  c.local_copy = "/home/kiosk/.local/share/moussem/gates/gate-3.db";
  return c;
}

// The message of the error reading `text` as a station configuration ("" if it reads).
std::string refusal(const std::string& text) {
  TempDir dir;
  const auto file = dir / "station.conf";
  std::ofstream(file) << text;
  try {
    readStationConfig(file);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Invalid);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a station's configuration reads back as it was written, comments and spaces aside", "[sqlite]") {
  TempDir dir;
  const auto file = dir / "station.conf";
  std::ofstream(file) << stationConfigText(gate3());
  const auto read = readStationConfig(file);
  REQUIRE(read);
  CHECK(read->server == gate3().server);
  CHECK(read->name == "gate-3");
  CHECK(read->role == Role::Gate);
  CHECK(read->gate_profile == "exhibition");
  CHECK(read->printer == "Zebra_ZC300");
  CHECK(read->paper == "custom_cr80_54x85.6mm");
  CHECK(read->language == "ar");
  CHECK(read->local_copy == gate3().local_copy);
  std::ofstream(file)
      << "# by hand\n\n  server =  postgresql://desk@db/ed  \nname=desk-1\r\nrole = desk\nlanguage = fr\n";
  const auto edited = readStationConfig(file);
  REQUIRE(edited);
  CHECK(edited->server == "postgresql://desk@db/ed");
  CHECK(edited->name == "desk-1");
  CHECK(edited->printer.empty());
  CHECK_FALSE(readStationConfig(dir / "none.conf"));  // not enrolled
}

TEST_CASE("a station's configuration edited into nonsense is refused, naming the file, the line and the field",
          "[sqlite]") {
  i18n::setLanguage("en");
  const std::string good = stationConfigText(gate3());
  CHECK(refusal(good).empty());
  // A line that is not "field = value", on line 5.
  auto r = refusal("server = postgresql://a@b/c\nname = g\nrole = gate\nlanguage = fr\nthis is not a field\n");
  CHECK(r.find("station.conf:5") != std::string::npos);
  r = refusal("server = postgresql://a@b/c\nname = g\nrole = boss\nlanguage = fr\n");
  CHECK(r.find("station.conf:3") != std::string::npos);
  CHECK(r.find("boss") != std::string::npos);
  r = refusal("server = postgresql://a@b/c\nnmae = g\n");
  CHECK(r.find("station.conf:2") != std::string::npos);
  CHECK(r.find("nmae") != std::string::npos);
  r = refusal("server = postgresql://a@b/c\nname = g\nname = h\nrole = desk\nlanguage = fr\n");
  CHECK(r.find("station.conf:3") != std::string::npos);
  r = refusal("server = postgresql://a@b/c\nrole = desk\nlanguage = fr\n");
  CHECK(r.find("name") != std::string::npos);
  r = refusal("server = /tmp/x.db\nname = g\nrole = desk\nlanguage = fr\n");
  CHECK(r.find("server") != std::string::npos);
  r = refusal("server = postgresql://a:secret@b/c\nname = g\nrole = desk\nlanguage = fr\n");
  CHECK(r.find("password") != std::string::npos);
  CHECK(r.find("secret") == std::string::npos);  // never repeated
  r = refusal("server = postgresql://a@b/c\nname = ../../etc\nrole = desk\nlanguage = fr\n");
  CHECK(r.find("name") != std::string::npos);
  r = refusal("server = postgresql://a@b/c\nname = g\nrole = desk\nlanguage = de\n");
  CHECK(r.find("language") != std::string::npos);
  r = refusal(std::string("server = postgresql://a@b/c\nname = g\nrole = gate\nlanguage = fr\nprinter = a\x01z\n"));
  CHECK(r.find("printer") != std::string::npos);
  r = refusal(std::string("\x89PNG\r\n\x1a\n\0\0\0binary", 17));
  CHECK(r.find("station.conf:1") != std::string::npos);
}

TEST_CASE("a station's job decides the screen it opens on", "[sqlite]") {
  CHECK(homeScreen(Role::Gate) == "gate");
  CHECK(homeScreen(Role::Desk) == "desk");
  CHECK(homeScreen(Role::Organizer) == "overview");
  CHECK(homeScreen(Role::Admin) == "overview");
  CHECK(validStationName("gate-3"));
  CHECK(validStationName("desk_1.b"));
  CHECK_FALSE(validStationName(""));
  CHECK_FALSE(validStationName("-x"));
  CHECK_FALSE(validStationName("a/b"));
  CHECK_FALSE(validStationName(std::string(41, 'a')));
}
