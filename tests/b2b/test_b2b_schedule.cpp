// The B2B schedule through the store, on SQLite and on the PostgreSQL test server: `b2b schedule`'s
// JSON recounted here without the scheduler's or the checker's help, the preview that writes nothing,
// the same seed giving the same schedule, published meetings kept in place when new requests come, a
// booth that moved seen where it is now, people without a common session named, and availability
// imported all or nothing.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "b2b/availability.hpp"
#include "b2b/b2b_service.hpp"
#include "b2b/schedule_service.hpp"
#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "core/error.hpp"
#include "store/guarded_store.hpp"
#include "test_support.hpp"

using namespace moussem;
using nlohmann::json;

namespace {

struct Programme {
  test::TempDir dir;
  std::filesystem::path url = test::dbPath(dir, "b2b.db");
  std::unique_ptr<Store> store = createEditionDatabase(url, demoEdition());
  std::vector<Id> buyers, sellers;
  std::vector<Id> exhibitors;
  Id morning = 0, afternoon = 0;

  explicit Programme(bool withPlan = false) {
    if (withPlan) {
      DemoOptions o;
      o.participants = 0;
      o.exhibitors = 0;
      booth::fillDemoEdition(*store, o);
    }
  }
  Id exhibitor(const std::string& name, const std::string& sector) {
    Exhibitor x;
    x.name_fr = name;
    x.kind = "cooperative";
    x.sector = sector;
    x.region = "souss_massa";
    exhibitors.push_back(store->insertExhibitor(x));
    return x.id;
  }
  Id person(const std::string& first, const std::string& last, const std::string& ext, std::optional<Id> exhibitor,
            const std::string& country = "MA") {
    Person p;
    p.first_name = first;
    p.last_name = last;
    p.country = country;
    p.external_id = ext;
    p.email = ext + "@example.org";
    p.category = "forum";
    p.exhibitor_id = exhibitor;
    return store->insertPerson(p);
  }
  // Two sessions of 7 slots, 4 tables, 6 buyers and 6 sellers (3 exhibitors), 18 requests.
  void fill() {
    B2bSession s;
    s.day = "2026-02-10", s.starts = "09:00", s.ends = "11:55";
    morning = b2b::addSession(*store, s).id;
    s.starts = "14:00", s.ends = "16:55";
    afternoon = b2b::addSession(*store, s).id;
    for (int t = 1; t <= 4; ++t) b2b::addTable(*store, "T" + std::to_string(t), 2.0 * t, 5);
    for (int e = 0; e < 3; ++e) {
      const Id x = exhibitor("Coopérative " + std::to_string(e), e == 0 ? "carpet" : "pottery");
      for (int k = 0; k < 2; ++k)
        sellers.push_back(
            person("Seller", std::to_string(e) + std::to_string(k), "S-" + std::to_string(sellers.size()), x));
    }
    for (int b = 0; b < 6; ++b)
      buyers.push_back(person("Buyer", std::to_string(b), "B-" + std::to_string(b), std::nullopt, "US"));
    const char* priorities[] = {"must", "should", "could"};
    for (int b = 0; b < 6; ++b)
      for (int k = 0; k < 3; ++k)
        b2b::addRequest(*store, "B-" + std::to_string(b), "S-" + std::to_string((b + k * 2) % 6), priorities[k]);
    b2b::addRequest(*store, "S-0", "B-0", "must");  // reciprocal
    b2b::addRequest(*store, "S-1", "B-3", "no");    // blocks B-3 -> S-1 if B-3 asked
  }
  test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", url.string(), "--lang", "en"});
    return test::run("moussem-cli", args);
  }
  std::string refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return "(accepted)";
  }
};

// The requests as the store has them, by (buyer, seller): the weights of docs/b2b.md recomputed.
struct Asked {
  std::map<std::pair<Id, Id>, int> weight;  // granted pairs only
};

Asked askedPairs(Store& store, const std::set<Id>& sellerIds) {
  std::map<std::pair<Id, Id>, std::vector<B2bRequest>> byPair;
  for (const auto& r : store.b2bRequests()) {
    const bool fromSeller = sellerIds.count(r.from_person) > 0;
    const auto pair =
        fromSeller ? std::make_pair(r.to_person, r.from_person) : std::make_pair(r.from_person, r.to_person);
    byPair[pair].push_back(r);
  }
  Asked out;
  for (const auto& [pair, rs] : byPair) {
    bool no = false;
    int w = 0;
    for (const auto& r : rs) {
      no = no || r.refused;
      w += r.priority == 3 ? 4 : r.priority == 2 ? 2 : 1;
    }
    if (rs.size() == 2) w += 2;  // asked by both sides
    if (!no) out.weight[pair] = w;
  }
  return out;
}

}  // namespace

TEST_CASE("b2b schedule: the command line's JSON holds no clash and only requested pairs, its objective recounted") {
  Programme f;
  f.fill();
  const std::set<Id> sellerIds(f.sellers.begin(), f.sellers.end());
  const Asked asked = askedPairs(*f.store, sellerIds);
  const auto lex = b2b::loadProblem(*f.store).problem.lex;  // the factors; the levels are recounted below
  f.store.reset();

  auto r = f.cli({"--json", "b2b", "schedule", "--seed", "7"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["hard_violations"] == 0);
  CHECK(j["written"] == true);
  CHECK(j["requested"] == static_cast<int>(asked.weight.size()));
  const auto& meetings = j["meetings"];
  CHECK(j["scheduled"] == static_cast<int>(meetings.size()));
  CHECK(meetings.size() >= 10);

  std::set<std::pair<Id, std::string>> personAt;          // (person, start)
  std::set<std::pair<std::string, std::string>> placeAt;  // (place, start)
  std::set<std::pair<Id, Id>> met;
  std::map<std::pair<Id, Id>, std::vector<int>> slotsOf;  // (person, session) -> slots
  long long weight = 0;
  for (const auto& m : meetings) {
    const Id buyer = m["buyer"].get<Id>(), seller = m["seller"].get<Id>();
    const std::string start = m["start"].get<std::string>(), place = m["place"].get<std::string>();
    CHECK(start.size() == 16);  // YYYY-MM-DDTHH:MM
    CHECK(personAt.insert({buyer, start}).second);
    CHECK(personAt.insert({seller, start}).second);
    CHECK(placeAt.insert({place, start}).second);
    CHECK(met.insert({buyer, seller}).second);
    const auto w = asked.weight.find({buyer, seller});
    REQUIRE(w != asked.weight.end());  // only granted pairs
    weight += w->second;
    const Id session = m["session_id"].get<Id>();
    slotsOf[{buyer, session}].push_back(m["slot"].get<int>());
    slotsOf[{seller, session}].push_back(m["slot"].get<int>());
  }
  // Idle gaps: within each person's half-day, the runs of consecutive slots after the first.
  long long gaps = 0;
  for (auto& [key, slots] : slotsOf) {
    std::sort(slots.begin(), slots.end());
    for (std::size_t k = 1; k < slots.size(); ++k) gaps += slots[k] != slots[k - 1] + 1;
  }
  std::set<Id> served;
  for (const auto& [pair, w] : asked.weight) {
    if (met.count(pair)) served.insert(pair.first), served.insert(pair.second);
  }
  CHECK(j["weight"] == weight);
  CHECK(j["idle_gaps"] == gaps);
  CHECK(j["objective"] == lex.weight_factor * weight - lex.gap_factor * gaps + static_cast<long long>(served.size()));

  // What the store now holds is what the JSON said.
  f.store = openStore(f.url.string(), OpenMode::Existing);
  CHECK(f.store->b2bMeetings().size() == meetings.size());
}

TEST_CASE("b2b schedule: --dry-run writes nothing, the same seed gives the same schedule") {
  Programme f;
  f.fill();
  f.store.reset();
  auto a = f.cli({"--json", "b2b", "schedule", "--dry-run", "--seed", "3"});
  auto b = f.cli({"--json", "b2b", "schedule", "--dry-run", "--seed", "3"});
  INFO(a.out << a.err);
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  const json ja = json::parse(a.out), jb = json::parse(b.out);
  CHECK(ja["dry_run"] == true);
  CHECK(ja["written"] == false);
  CHECK(ja["meetings"] == jb["meetings"]);
  CHECK(ja["objective"] == jb["objective"]);
  f.store = openStore(f.url.string(), OpenMode::Existing);
  CHECK(f.store->b2bMeetings().empty());
  // And what is applied with that seed is what the preview showed.
  f.store.reset();
  auto c = f.cli({"--json", "b2b", "schedule", "--seed", "3"});
  REQUIRE(c.exit_code == 0);
  CHECK(json::parse(c.out)["meetings"] == ja["meetings"]);
  // --export-lp writes the LP file and nothing else.
  f.store = openStore(f.url.string(), OpenMode::Existing);
  const auto before = f.store->b2bMeetings();
  f.store.reset();
  const auto lp = (f.dir / "b2b.lp").string();
  auto d = f.cli({"--json", "b2b", "schedule", "--export-lp", lp});
  REQUIRE(d.exit_code == 0);
  CHECK(json::parse(d.out)["lp"]["variables"].get<long long>() > 0);
  CHECK(std::filesystem::file_size(lp) > 0);
  f.store = openStore(f.url.string(), OpenMode::Existing);
  const auto after = f.store->b2bMeetings();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i].id == before[i].id);
}

TEST_CASE("b2b schedule: a desk may preview but not apply, an organiser's schedule is one audited write") {
  Programme f;
  f.fill();
  GuardedStore desk(*f.store, Actor{"karim", Role::Desk, "desk-1"});
  const auto preview = b2b::planSchedule(desk);
  CHECK(preview.score.scheduled > 0);
  CHECK_THROWS_AS(b2b::applySchedule(desk, preview, false), Error);
  CHECK(f.store->b2bMeetings().empty());

  GuardedStore organiser(*f.store, Actor{"nadia", Role::Organizer, "office"});
  b2b::applySchedule(organiser, b2b::planSchedule(organiser), true);
  const auto meetings = f.store->b2bMeetings();
  CHECK(static_cast<int>(meetings.size()) == preview.score.scheduled);
  for (const auto& m : meetings) CHECK(m.frozen);
  int rows = 0;
  for (const auto& row : f.store->auditRows({}, 100)) {
    if (row.action == "b2b_meeting.create") FAIL("a row per meeting");
    if (row.action != "b2b.schedule") continue;
    ++rows;
    const json after = json::parse(row.after);
    CHECK(after["created"]["b2b_meeting"]["count"] == meetings.size());
    CHECK(row.user_name == "nadia");
  }
  CHECK(rows == 1);
}

TEST_CASE("b2b schedule: published meetings stay where they are when new requests are scheduled") {
  Programme f;
  f.fill();
  f.store.reset();
  auto r = f.cli({"--json", "b2b", "schedule", "--freeze", "--seed", "5"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json published = json::parse(r.out)["meetings"];
  REQUIRE(published.size() > 0);
  for (const auto& m : published) CHECK(m["frozen"] == true);
  // New people and requests after publication.
  f.store = openStore(f.url.string(), OpenMode::Existing);
  const Id x = f.exhibitor("Coopérative tardive", "jewelry");
  f.person("Late", "Seller", "S-9", x);
  f.person("Late", "Buyer", "B-9", std::nullopt, "FR");
  b2b::addRequest(*f.store, "B-9", "S-9", "must");
  b2b::addRequest(*f.store, "B-9", "S-0", "must");
  b2b::addRequest(*f.store, "B-0", "S-9", "should");
  f.store.reset();
  r = f.cli({"--json", "b2b", "schedule", "--seed", "11"});
  REQUIRE(r.exit_code == 0);
  const json again = json::parse(r.out);
  CHECK(again["hard_violations"] == 0);
  std::set<std::string> now;
  for (const auto& m : again["meetings"])
    now.insert(std::to_string(m["buyer"].get<Id>()) + "/" + std::to_string(m["seller"].get<Id>()) + "@" +
               m["start"].get<std::string>() + "/" + m["place"].get<std::string>());
  for (const auto& m : published)
    CHECK(now.count(std::to_string(m["buyer"].get<Id>()) + "/" + std::to_string(m["seller"].get<Id>()) + "@" +
                    m["start"].get<std::string>() + "/" + m["place"].get<std::string>()));
  CHECK(again["meetings"].size() > published.size());  // the new pairs got in around them
  f.store = openStore(f.url.string(), OpenMode::Existing);
  std::size_t frozen = 0;
  for (const auto& m : f.store->b2bMeetings()) frozen += m.frozen;
  CHECK(frozen == published.size());
  CHECK(f.store->b2bMeetings().size() == again["meetings"].size());
}

TEST_CASE("b2b schedule: a booth that moved after it became a meeting place is where it is now for the walking rule") {
  Programme f(true);
  const Id coop = f.exhibitor("Coopérative Tiwizi", "carpet");
  const Id other = f.exhibitor("Atelier Fès", "pottery");
  const Id s1 = f.person("Fatima", "Ait Ali", "S-1", coop);
  f.person("Omar", "Bennani", "S-2", other);
  f.person("Hind", "Tazi", "S-3", other);
  f.person("Emily", "Carter", "B-1", std::nullopt, "US");
  f.person("Claire", "Dubois", "B-2", std::nullopt, "FR");
  (void)s1;
  booth::assignBooth(*f.store, "A-05", coop);
  Booth a05 = *booth::findBooth(*f.store, "A-05");
  // Two consecutive slots; one table right beside the booth, and the booth as the cooperative's place.
  B2bSession s;
  s.day = "2026-02-10", s.starts = "09:00", s.ends = "09:45";
  b2b::addSession(*f.store, s);
  b2b::addTable(*f.store, "T1", a05.x + a05.width / 2 + 10, a05.y + a05.depth / 2);
  b2b::addBoothPlace(*f.store, "A-05");
  // Emily meets Omar (a table) and Fatima (a table or her booth); Claire meets Hind (a table): the table
  // is taken in both slots, so Emily must walk between the table and the booth.
  b2b::addRequest(*f.store, "B-1", "S-2", "must");
  b2b::addRequest(*f.store, "B-1", "S-1", "must");
  b2b::addRequest(*f.store, "B-2", "S-3", "must");
  auto near = b2b::planSchedule(*f.store);
  CHECK(near.violations.total() == 0);
  CHECK(near.score.scheduled == 3);
  // The booth moves 500 m away on the plan (the place keeps the position stored when it was added).
  a05.x += 500;
  f.store->updateBooth(a05);
  const auto in = b2b::loadProblem(*f.store);
  for (const auto& p : in.problem.places)
    if (p.code == "A-05") CHECK(p.x == Approx(a05.x + a05.width / 2));
  auto far = b2b::planSchedule(*f.store);
  CHECK(far.violations.total() == 0);
  CHECK(far.score.scheduled == 2);
  REQUIRE(far.result.unplaced.size() == 1);
  CHECK(far.result.unplaced[0].reason == "walking");
}

TEST_CASE("b2b schedule: people without a session in common and requests left out are named, with the reason") {
  Programme f;
  f.fill();
  // Buyer 0 is away at both sessions: every request of theirs has no common slot.
  B2bParticipant away;
  away.person_id = f.buyers[0];
  away.side = B2bSide::Buyer;
  away.unavailable = {f.morning, f.afternoon};
  f.store->saveB2bParticipant(away);
  // Buyer 1 has at most one meeting.
  B2bParticipant busy;
  busy.person_id = f.buyers[1];
  busy.side = B2bSide::Buyer;
  busy.max_meetings = 1;
  f.store->saveB2bParticipant(busy);
  f.store.reset();
  auto r = f.cli({"--json", "b2b", "schedule", "--dry-run"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  REQUIRE(j["no_common_slot"].size() == 1);
  CHECK(j["no_common_slot"][0]["person"] == f.buyers[0]);
  CHECK(j["no_common_slot"][0]["name"] == "Buyer 0");
  std::map<std::string, int> reasons;
  for (const auto& u : j["unplaced"]) {
    if (u["buyer"] == f.buyers[0]) CHECK(u["reason"] == "no_common_slot");
    if (u["buyer"] == f.buyers[1]) CHECK(u["reason"] == "maximum_reached");
    ++reasons[u["reason"].get<std::string>()];
  }
  CHECK(reasons["no_common_slot"] == 3);   // three pairs (the seller's reciprocal request joins one)
  CHECK(reasons["maximum_reached"] == 2);  // three pairs, one placed
  // In words, in the user's language.
  r = f.cli({"b2b", "schedule", "--dry-run"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Buyer 0 has no session in common") != std::string::npos);
  CHECK(r.out.find("Not placed: Buyer 1 — ") != std::string::npos);
  CHECK(r.out.find("maximum number of meetings reached") != std::string::npos);
  r = test::run("moussem-cli", {"--db", f.url.string(), "--lang", "fr", "b2b", "schedule", "--dry-run"});
  INFO(r.out << r.err);
  CHECK(r.out.find("Buyer 0 n'a aucune séance en commun") != std::string::npos);
}

TEST_CASE("b2b import availability: all or nothing, every bad row named, half-days and session numbers") {
  Programme f;
  f.fill();
  B2bSession s;
  s.day = "2026-02-11", s.starts = "09:00", s.ends = "11:55";
  const Id wednesday = b2b::addSession(*f.store, s).id;
  const std::string bad =
      "person;session;available\n"
      "B-0;2026-02-10 am;no\n"             // fine
      "B-1;2026-03-01 pm;no\n"             // line 3: outside the edition
      "B-2;#999;no\n"                      // line 4: no such session
      "B-3;2026-02-12 am;no\n"             // line 5: a day of the edition without a session
      "B-4;2026-02-10;maybe\n"             // line 6: neither yes nor no
      "nobody@nowhere;2026-02-10 pm;no\n"  // line 7: nobody
      "B-5;2026-02-10 tea-time;no\n";      // line 8: not a half-day
  auto report = b2b::importAvailabilityText(*f.store, bad, "availability.csv");
  CHECK_FALSE(report.written);
  CHECK(f.store->b2bParticipants().empty());
  REQUIRE(report.errors.size() == 6);
  CHECK(report.errors[0].line == 3);
  CHECK(report.errors[0].column == "session");
  CHECK(report.errors[0].message.find("2026-03-01") != std::string::npos);
  CHECK(report.errors[1].line == 4);
  CHECK(report.errors[1].message.find("#999") != std::string::npos);
  CHECK(report.errors[2].line == 5);
  CHECK(report.errors[3].line == 6);
  CHECK(report.errors[3].column == "available");
  CHECK(report.errors[4].line == 7);
  CHECK(report.errors[4].column == "person");
  CHECK(report.errors[5].line == 8);

  const std::string good =
      "person;session;available\n"
      "B-0;2026-02-10 am;no\n"
      "B-0;" +
      std::to_string(wednesday) +
      ";non\n"
      "S-1;10/02/2026;no\n"       // the whole day: both sessions
      "S-1;2026-02-10 pm;oui\n";  // then the afternoon after all
  report = b2b::importAvailabilityText(*f.store, good, "availability.csv");
  CHECK(report.written);
  CHECK(report.created == 2);
  const auto rows = f.store->b2bParticipants();
  REQUIRE(rows.size() == 2);
  std::map<Id, B2bParticipant> by;
  for (const auto& p : rows) by[p.person_id] = p;
  CHECK(by[f.buyers[0]].side == B2bSide::Buyer);
  CHECK(by[f.buyers[0]].unavailable == std::vector<Id>{std::min(f.morning, wednesday), std::max(f.morning, wednesday)});
  CHECK(by[f.sellers[1]].side == B2bSide::Seller);
  CHECK(by[f.sellers[1]].unavailable == std::vector<Id>{f.morning});

  // The command line: refused whole, each bad row named with its line and column.
  f.store.reset();
  std::ofstream(f.dir / "availability.csv") << bad;
  auto r = f.cli({"b2b", "import", "availability", (f.dir / "availability.csv").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("availability.csv:3: session: ") != std::string::npos);
  CHECK(r.err.find("2026-03-01") != std::string::npos);
  f.store = openStore(f.url.string(), OpenMode::Existing);
  CHECK(f.store->b2bParticipants().size() == 2);  // as before
}

TEST_CASE(
    "b2b demo: about 60 buyers from the export markets, several hundred requests, scheduled without a violation") {
  test::TempDir dir;
  const std::string db = test::dbPath(dir, "demo.db").string();
  auto r = test::run("moussem-cli", {"--db", db, "--json", "demo"});  // the full demo edition
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j["b2b_buyers"] == 60);
  CHECK(j["b2b_requests"].get<long long>() >= 300);
  CHECK(j["b2b_hard_violations"] == 0);
  CHECK(j["b2b_meetings"].get<long long>() >= 200);
  {
    auto store = openStore(db, OpenMode::Existing);
    std::map<std::string, int> byCountry;
    store->forEachPerson([&](const Person& p, const std::string&) {
      if (p.external_id.rfind("B2B-", 0) == 0) ++byCountry[p.country];
    });
    CHECK(byCountry["US"] == 26);  // 44 % of 60
    CHECK(byCountry["FR"] == 9);
    CHECK(byCountry["ES"] >= 3);
    CHECK(byCountry.count("MA") == 0);
    CHECK(store->b2bSessions().size() == 3);
    CHECK(store->b2bPlaces().size() == 30);
    CHECK(static_cast<long long>(store->b2bRequests().size()) == j["b2b_requests"].get<long long>());
    CHECK(static_cast<long long>(store->b2bMeetings().size()) == j["b2b_meetings"].get<long long>());
  }
  r = test::run("moussem-cli", {"--db", db, "--json", "b2b", "schedule", "--dry-run"});
  REQUIRE(r.exit_code == 0);
  const json again = json::parse(r.out);
  CHECK(again["hard_violations"] == 0);
  CHECK(again["scheduled"].get<long long>() >= 200);
  // Seeded: a second demo edition with the same seed has the same programme and the same schedule.
  const std::string other = test::dbPath(dir, "demo2.db").string();
  auto r2 = test::run("moussem-cli", {"--db", other, "--json", "demo"});
  REQUIRE(r2.exit_code == 0);
  CHECK(json::parse(r2.out)["b2b_requests"] == j["b2b_requests"]);
  auto s2 = test::run("moussem-cli", {"--db", other, "--json", "b2b", "schedule", "--dry-run"});
  REQUIRE(s2.exit_code == 0);
  CHECK(json::parse(s2.out)["meetings"] == again["meetings"]);
}
