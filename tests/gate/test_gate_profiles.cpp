#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "gate_fixture.hpp"

using namespace moussem;
using moussem::test::GateFixture;

TEST_CASE("an edition gets its default gate profiles once, on first use of the gate") {
  GateFixture f;
  auto all = f.store->gateProfiles();
  REQUIRE(all.size() == 3);
  auto hall = f.profile("exhibition");
  CHECK(hall.zone == "exhibition");
  CHECK(hall.categories.empty());
  CHECK(hall.days.empty());
  CHECK(hall.direction == Direction::In);
  auto forum = f.profile("forum");
  CHECK(forum.days == std::vector<std::string>{"2026-02-09", "2026-02-10"});
  CHECK(std::find(forum.categories.begin(), forum.categories.end(), "exhibitor") == forum.categories.end());
  CHECK(std::find(forum.categories.begin(), forum.categories.end(), "speaker") != forum.categories.end());
  auto vip = f.profile("vip-lounge");
  CHECK(vip.zone == "vip");
  CHECK(vip.categories == std::vector<std::string>{"official", "vip"});
  // Deleting or renaming them is the organiser's choice: they are not recreated.
  hall.name = "hall-a";
  f.store->updateGateProfile(hall);
  CHECK(gate::ensureDefaultGateProfiles(*f.store).size() == 3);
  CHECK(!gate::findProfile(f.store->gateProfiles(), "exhibition"));
}

TEST_CASE("a gate profile with a bad field is refused, naming the field, and nothing is written") {
  GateFixture f;
  auto tryAdd = [&](auto edit) {
    GateProfile g;
    g.name = "x";
    g.zone = "forum";
    edit(g);
    CHECK_THROWS_AS(f.add(g), Error);
  };
  tryAdd([](GateProfile& g) { g.zone = "garden"; });
  // A direction or a re-entry rule that is none cannot be put in a profile: it is refused where it is
  // read (the command line, the database, JSON).
  CHECK_THROWS_AS(parseCode<Direction>("sideways", "test"), Error);
  CHECK_THROWS_AS(parseCode<ReentryPolicy>("twice", "test"), Error);
  tryAdd([](GateProfile& g) { g.categories = {"martian"}; });
  tryAdd([](GateProfile& g) { g.days = {"2026-03-01"}; });
  tryAdd([](GateProfile& g) { g.days = {"tomorrow"}; });
  tryAdd([](GateProfile& g) {
    g.hours_from = "18:00";
    g.hours_to = "09:00";
  });
  tryAdd([](GateProfile& g) {
    g.hours_from = "25:00";
    g.hours_to = "26:00";
  });
  tryAdd([](GateProfile& g) { g.name = ""; });
  CHECK(f.store->gateProfiles().size() == 3);
  // French dates are accepted and stored as ISO.
  GateProfile ok;
  ok.name = "b2b";
  ok.zone = "b2b";
  ok.days = {"11/02/2026"};
  CHECK(f.add(ok).days == std::vector<std::string>{"2026-02-11"});
}

TEST_CASE("moments and hours parse strictly") {
  CHECK(gate::parseMoment("2026-02-09T10:15")->minute == 615);
  CHECK(gate::parseMoment("2026-02-09 10:15:30.250+01:00")->day == "2026-02-09");
  CHECK(gate::parseMoment("2026-02-09T23:59:59Z")->minute == 23 * 60 + 59);
  for (const char* bad : {"", "2026-02-09", "2026-02-30T10:00", "2026-02-09T24:00", "2026-02-09T10:60",
                          "2026-02-09T10:00+1", "2026-02-09T10:00 garbage", "tomorrow at ten"})
    CHECK_FALSE(gate::parseMoment(bad));
  CHECK(gate::parseHours("08:30-18:00")->first == "08:30");
  CHECK_FALSE(gate::parseHours("18:00-08:30"));
  CHECK_FALSE(gate::parseHours("8h-18h"));
  auto now = gate::now();
  CHECK(gate::parseMoment(now.iso));
}
