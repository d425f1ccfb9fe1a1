// The B2B scheduler, its independent checker and its model (src/b2b), on generated instances and on
// small hand-made ones where the right answer is known.
#include <catch2/catch.hpp>
#include <sstream>

#include "b2b/checker.hpp"
#include "b2b/instances.hpp"
#include "b2b/lp_export.hpp"
#include "b2b/scheduler.hpp"
#include "core/error.hpp"

using namespace moussem;
using namespace moussem::b2b;

namespace {

Participant buyer(const std::string& name, int most = 0) {
  Participant p;
  p.name = name;
  p.side = Side::Buyer;
  p.max_meetings = most;
  return p;
}

Participant seller(const std::string& name, const std::string& org, int most = 0) {
  Participant p;
  p.name = name;
  p.side = Side::Seller;
  p.organisation = org;
  p.max_meetings = most;
  return p;
}

// One session of `slots` slots of 20 minutes, 5 minutes apart (a 300 m walk), no break.
Session session(int slots) {
  Session s;
  s.day = "2026-12-10";
  s.start = 9 * 60;
  s.end = s.start + slots * 25 - 5;
  return s;
}

Place table(const std::string& code, double x = 0) {
  return {code, false, "", x, 0};
}

SchedulerOptions seeded(std::uint64_t seed) {
  SchedulerOptions o;
  o.seed = seed;
  return o;
}

std::string reasonOf(const Problem& p, const ScheduleResult& r, int buyerIndex, int sellerIndex) {
  for (const auto& u : r.unplaced)
    if (p.pairs[u.pair].buyer == buyerIndex && p.pairs[u.pair].seller == sellerIndex) return u.reason;
  return "";
}

}  // namespace

TEST_CASE("A generated schedule breaks no hard rule, recounted by the independent checker") {
  for (std::uint64_t seed : {1, 2, 3}) {
    const auto p = generateProblem(160, 1200, seed);
    const auto r = schedule(p, {}, seeded(seed));
    const auto v = checkSchedule(p, r.schedule);
    INFO("seed " << seed);
    CHECK(v.total() == 0);
    CHECK(r.schedule.meetings.size() > 300);
    CHECK(r.schedule.meetings.size() + r.unplaced.size() == p.pairs.size());
    for (const auto& u : r.unplaced) CHECK(u.reason != "free_slot");  // nothing left that fits as things are
  }
}

TEST_CASE("The checker counts each kind of broken rule") {
  auto p = buildProblem({session(3)}, {table("T1"), {"B1", true, "Coop A", 500, 0}},
                        {buyer("Amy"), buyer("Ben"), seller("Sara", "Coop A"), seller("Omar", "Coop B", 1)},
                        {{0, 2, 3, false}, {0, 3, 2, false}, {1, 3, 1, false}, {2, 1, 0, true}});
  Schedule s;
  s.meetings = {{0, 2, 0, 1},   // Amy-Sara at Sara's booth, 500 m from the table...
                {0, 3, 1, 0},   // ...then Amy-Omar at the table: too far to walk
                {1, 3, 1, 0},   // Ben-Omar: Omar twice in slot 1, the table twice, Omar one over his maximum
                {1, 2, 2, 0}};  // Ben-Sara: Sara said no
  const auto v = checkSchedule(p, s, {{0, 2, 2, 0, true}});
  CHECK(v.walking == 1);
  CHECK(v.person_twice == 1);
  CHECK(v.place_twice == 1);
  CHECK(v.over_maximum == 1);
  CHECK(v.not_requested == 1);
  CHECK(v.frozen_moved == 1);
  CHECK(v.wrong_place == 0);
  s.meetings = {{1, 3, 0, 1}};  // Ben-Omar at Coop A's booth
  CHECK(checkSchedule(p, s).wrong_place == 1);
}

TEST_CASE("The same seed gives the same schedule") {
  const auto p = generateProblem(200, 1500, 7);
  const auto a = schedule(p, {}, seeded(7));
  const auto b = schedule(p, {}, seeded(7));
  REQUIRE(a.schedule.meetings.size() == b.schedule.meetings.size());
  for (std::size_t i = 0; i < a.schedule.meetings.size(); ++i) {
    const Meeting &x = a.schedule.meetings[i], &y = b.schedule.meetings[i];
    CHECK(std::tie(x.buyer, x.seller, x.slot, x.place) == std::tie(y.buyer, y.seller, y.slot, y.place));
  }
}

TEST_CASE("Re-scheduling keeps frozen meetings where they are, and refuses a frozen meeting that breaks a rule") {
  const auto p = generateProblem(160, 1200, 4);
  const auto first = schedule(p, {}, seeded(4));
  // Publish every third meeting, and move the frozen ones' slots out of the greedy's first choice by
  // re-scheduling with another seed: they must not move.
  std::vector<Meeting> previous = first.schedule.meetings;
  std::vector<Meeting> frozen;
  for (std::size_t i = 0; i < previous.size(); i += 3) {
    previous[i].frozen = true;
    frozen.push_back(previous[i]);
  }
  const auto again = schedule(p, previous, seeded(99));
  const auto v = checkSchedule(p, again.schedule, frozen);
  CHECK(v.frozen_moved == 0);
  CHECK(v.total() == 0);
  // Not moved without need: the objective is no lower, most unfrozen meetings stay where they were.
  CHECK(scoreSchedule(p, again.schedule).objective >= scoreSchedule(p, first.schedule).objective);
  // A frozen meeting in a slot its buyer is already busy in (two frozen meetings clash).
  std::vector<Meeting> clash{frozen[0], frozen[0]};
  clash[1].place = (clash[1].place + 1) % static_cast<int>(p.places.size());
  try {
    schedule(p, clash);
    FAIL("a clashing frozen meeting was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Invalid);
    CHECK(std::string(e.what()).find("frozen meeting 2") != std::string::npos);
  }
}

TEST_CASE("A request left out says why: no common slot, maximum reached, place capacity") {
  SECTION("no common slot") {
    auto amy = buyer("Amy");
    amy.available = {true, false};
    auto sara = seller("Sara", "Coop A");
    sara.available = {false, true};
    const auto p = buildProblem({session(2), session(2)}, {table("T1")}, {amy, sara}, {{0, 1, 3, false}});
    const auto r = schedule(p);
    CHECK(reasonOf(p, r, 0, 1) == "no_common_slot");
  }
  SECTION("maximum reached") {
    const auto p =
        buildProblem({session(4)}, {table("T1"), table("T2")},
                     {buyer("Amy", 1), seller("Sara", "A"), seller("Omar", "B")}, {{0, 1, 3, false}, {0, 2, 1, false}});
    const auto r = schedule(p);
    REQUIRE(r.schedule.meetings.size() == 1);
    CHECK(r.schedule.meetings[0].seller == 1);  // the must before the could
    CHECK(reasonOf(p, r, 0, 2) == "maximum_reached");
  }
  SECTION("place capacity") {
    const auto p = buildProblem({session(1)}, {table("T1")},
                                {buyer("Amy"), buyer("Ben"), seller("Sara", "A"), seller("Omar", "B")},
                                {{0, 2, 3, false}, {1, 3, 1, false}});
    const auto r = schedule(p);
    REQUIRE(r.schedule.meetings.size() == 1);
    CHECK(reasonOf(p, r, 1, 3) == "place_capacity");
  }
}

TEST_CASE("Two consecutive meetings of one person are never further apart than a changeover's walk") {
  // Sara receives at her booth 500 m from Omar's: Amy cannot go from one to the other in 5 minutes.
  const auto p = buildProblem({session(3)}, {{"A1", true, "Coop A", 500, 0}, {"B1", true, "Coop B", 0, 0}},
                              {buyer("Amy"), seller("Sara", "Coop A"), seller("Omar", "Coop B")},
                              {{0, 1, 3, false}, {0, 2, 3, false}});
  REQUIRE(p.reachBefore(1) == Approx(300));
  const auto r = schedule(p);
  REQUIRE(r.schedule.meetings.size() == 2);  // both, with a slot between them to walk
  CHECK(std::abs(r.schedule.meetings[0].slot - r.schedule.meetings[1].slot) == 2);
  CHECK(checkSchedule(p, r.schedule).total() == 0);
  // With two slots only, one of them: the walk rules out the other.
  const auto two = buildProblem({session(2)}, p.places, p.people, p.requests);
  const auto r2 = schedule(two);
  CHECK(r2.schedule.meetings.size() == 1);
  CHECK(r2.unplaced.size() == 1);
  CHECK(r2.unplaced[0].reason == "walking");
}

TEST_CASE("Nobody with requests goes home with none when a slot was possible (fair share)") {
  // Sara takes one meeting. Amy (who also meets Omar) and Ben both asked her with the same weight:
  // Ben gets her, so that everyone meets someone.
  const auto p = buildProblem({session(2)}, {table("T1"), table("T2")},
                              {buyer("Amy"), buyer("Ben"), seller("Sara", "A", 1), seller("Omar", "B")},
                              {{0, 2, 2, false}, {0, 3, 2, false}, {1, 2, 2, false}});
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto r = schedule(p, {}, seeded(seed));
    const auto sc = scoreSchedule(p, r.schedule);
    CHECK(sc.weight == 4);
    CHECK(sc.fair == 4);
  }
}

TEST_CASE("Gaps: meetings of a person's half-day are packed together") {
  // Two meetings each for Amy in a 4-slot half-day: never with an idle slot between them.
  const auto p =
      buildProblem({session(4)}, {table("T1"), table("T2")}, {buyer("Amy"), seller("Sara", "A"), seller("Omar", "B")},
                   {{0, 1, 2, false}, {0, 2, 2, false}});
  const auto r = schedule(p);
  CHECK(scoreSchedule(p, r.schedule).gaps == 0);
  CHECK(r.schedule.meetings.size() == 2);
}

TEST_CASE("The first-fit floor schedules less than the scheduler, and breaks no rule either") {
  const auto p = generateProblem(400, 3000, 1);
  const auto ours = schedule(p);
  const auto floor = firstFitSchedule(p);
  CHECK(checkSchedule(p, floor.schedule).total() == 0);
  const auto a = scoreSchedule(p, ours.schedule), b = scoreSchedule(p, floor.schedule);
  CHECK(a.weight > b.weight);
  CHECK(a.gaps < b.gaps);
  CHECK(a.objective > b.objective);
}

TEST_CASE("Bad requests are refused with the row named, and nothing is built") {
  const std::vector<Participant> people{buyer("Amy"), buyer("Ben"), seller("Sara", "A")};
  auto refused = [&](std::vector<Request> requests, const std::string& words) {
    try {
      buildProblem({session(2)}, {table("T1")}, people, std::move(requests));
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Invalid);
      INFO(e.what());
      CHECK(std::string(e.what()).find(words) != std::string::npos);
    }
  };
  refused({{0, 2, 2, false}, {0, 7, 2, false}}, "request 2: names nobody");
  refused({{2, 2, 2, false}}, "request 1: a person cannot meet themselves");
  refused({{0, 1, 2, false}}, "request 1: two buyers (Amy, Ben)");
  refused({{0, 2, 2, false}, {1, 2, 1, false}, {0, 2, 3, false}}, "request 3: duplicate of request 1");
  refused({{0, 2, 9, false}}, "request 1: priority");
  auto absent = people;
  absent[0].available = {true, true, true};
  try {
    buildProblem({session(2)}, {table("T1")}, absent, {});
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("participant 1 (Amy)") != std::string::npos);
  }
}

TEST_CASE("Requests merge into pairs: reciprocal ones weigh more, a no blocks the pair") {
  const auto p =
      buildProblem({session(2)}, {table("T1")}, {buyer("Amy"), buyer("Ben"), seller("Sara", "A"), seller("Omar", "B")},
                   {{0, 2, 3, false}, {2, 0, 3, false}, {1, 2, 3, false}, {1, 3, 2, false}, {3, 1, 0, true}});
  REQUIRE(p.pairs.size() == 2);
  CHECK(p.pairs[0].reciprocal);
  CHECK(p.pairs[0].weight == 2 * kPriorityWeight[3] + kReciprocalBonus);
  CHECK(p.pairs[1].weight == kPriorityWeight[3]);
  CHECK(priorityFromText("must") == 3);
  CHECK(priorityFromText("could") == 1);
  CHECK(priorityFromText("often") == 0);
}

TEST_CASE("Slots skip the breaks of a session") {
  Session s;
  s.start = 9 * 60;
  s.end = 11 * 60;
  s.breaks = {{9 * 60 + 50, 10 * 60 + 10}};
  const auto slots = sessionSlots({s});
  // 9:00, 9:25 (until 9:45), then the break: 10:10, 10:35 (until 10:55).
  REQUIRE(slots.size() == 4);
  CHECK(slots[2].start == 10 * 60 + 10);
  CHECK(slots[3].end == 10 * 60 + 55);
}

TEST_CASE("The LP export states the same model, exact when the tables cannot be told apart") {
  const auto p = generateProblem(40, 200, 1);
  std::ostringstream lp;
  const auto stats = writeLp(p, lp);
  CHECK(stats.exact);
  CHECK(stats.variables > 0);
  CHECK(lp.str().find("Maximize") != std::string::npos);
  CHECK(lp.str().find("Binary") != std::string::npos);
  // A booth 200 m from one table and 400 m from another: pooling them is only a relaxation.
  auto places = p.places;
  places.push_back({"T99", false, "", 600, 0});
  const auto q = buildProblem(p.sessions, places, p.people, p.requests);
  std::ostringstream lp2;
  CHECK_FALSE(writeLp(q, lp2).exact);
  std::ostringstream lp3;
  CHECK(writeLp(q, lp3, {.pool_tables = false}).exact);
}

TEST_CASE("Progress is reported and a cancelled schedule stops") {
  const auto p = generateProblem(120, 800, 1);
  double last = -1;
  SchedulerOptions o;
  o.progress = [&](double f) {
    CHECK(f >= last);
    last = f;
  };
  schedule(p, {}, o);
  CHECK(last == Approx(1.0));
  SchedulerOptions c;
  c.cancelled = [] { return true; };
  CHECK_THROWS_AS(schedule(p, {}, c), Error);
}
