// Meeting check-in, on SQLite and on the PostgreSQL test server: a meeting held by both badges at the
// table, a no-show refused before the start plus the grace, the replacements a no-show's slot allows
// (only people present now and free then, must before should), one replacement written and the slot
// then taken, who may check in, and `b2b checkin`'s JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "b2b/b2b_service.hpp"
#include "b2b/checkin.hpp"
#include "b2b/schedule_service.hpp"
#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "test_support.hpp"

using namespace moussem;
using nlohmann::json;

namespace {

const std::string kDay = "2026-02-10";

// One session from 09:00 (20-minute meetings, 5-minute changeover: 09:00, 09:25, 09:50...), tables T1
// and T2; buyers B-1, B-2; sellers S-1 to S-6. B-1 asked S-1 (must), S-2 (should), S-3 (must), S-4
// (must), S-5 (must), S-6 (should). Meetings: B-1 with S-1 at T1 09:00, B-2 with S-5 at T2 09:00, B-1
// with S-6 at T2 09:25. Present today: B-1, S-2, S-3, S-5, S-6; S-4 came yesterday; S-1 never came.
struct Forum {
  test::TempDir dir;
  std::filesystem::path url = test::dbPath(dir, "checkin.db");
  std::unique_ptr<Store> store = createEditionDatabase(url, demoEdition());
  std::map<std::string, Id> id;  // by external id
  Id session = 0, t1 = 0, t2 = 0;
  Id first = 0;  // B-1 with S-1 at T1, 09:00

  // published: the first meeting is frozen, as after `b2b schedule --freeze`.
  explicit Forum(bool published = false) {
    Exhibitor x;
    x.name_fr = "Coopérative Tiwizi";
    x.kind = "cooperative";
    x.sector = "carpet";
    x.region = "souss_massa";
    const Id coop = store->insertExhibitor(x);
    for (int b = 1; b <= 2; ++b) person("Buyer", std::to_string(b), "B-" + std::to_string(b), std::nullopt);
    for (int s = 1; s <= 6; ++s) person("Seller", std::to_string(s), "S-" + std::to_string(s), coop);
    B2bSession s;
    s.day = kDay, s.starts = "09:00", s.ends = "11:55";
    session = b2b::addSession(*store, s).id;
    t1 = b2b::addTable(*store, "T1", 2, 5).id;
    t2 = b2b::addTable(*store, "T2", 4, 5).id;
    const char* asked[][2] = {{"S-1", "must"}, {"S-2", "should"}, {"S-3", "must"},
                              {"S-4", "must"}, {"S-5", "must"},   {"S-6", "should"}};
    for (const auto& a : asked) b2b::addRequest(*store, "B-1", a[0], a[1]);
    b2b::addRequest(*store, "B-2", "S-5", "must");
    first = meeting("B-1", "S-1", 0, t1, published);
    meeting("B-2", "S-5", 0, t2);
    meeting("B-1", "S-6", 1, t2);
    for (const char* who : {"B-1", "S-3", "S-5"}) present(who, "b2b", kDay);
    for (const char* who : {"S-2", "S-6"}) present(who, "forum", kDay);
    present("S-4", "b2b", "2026-02-09");
  }
  Id person(const std::string& given, const std::string& last, const std::string& ext, std::optional<Id> exhibitor) {
    Person p;
    p.first_name = given;
    p.last_name = last;
    p.country = "MA";
    p.external_id = ext;
    p.email = ext + "@example.org";
    p.category = "forum";
    p.exhibitor_id = exhibitor;
    id[ext] = store->insertPerson(p);
    Badge badge;
    badge.person_id = id[ext];
    badge.serial = "SER-" + ext;
    store->insertBadge(badge);
    return id[ext];
  }
  Id meeting(const std::string& buyer, const std::string& seller, int slot, Id place, bool frozen = false) {
    B2bMeeting m{0, id[buyer], id[seller], session, slot, place, MeetingStatus::Scheduled, frozen};
    return store->insertB2bMeeting(m);
  }
  void present(const std::string& who, const std::string& zone, const std::string& day) {
    ScanRecord s;
    s.uid = "scan-" + who + "-" + zone;
    s.gate = "B2B";
    s.zone = zone;
    s.direction = Direction::In;
    s.station = "gate-1";
    s.at = day + "T08:45:00+01:00";
    s.verdict = ScanVerdict::Accepted;
    s.reason = ScanReason::Ok;
    s.person_id = id[who];
    Presence inside{id[who], zone, true, s.at, day};
    store->recordScan(s, &inside, ReentryPolicy::Always);
  }
  B2bMeeting byId(Id m) {
    for (const auto& x : store->b2bMeetings())
      if (x.id == m) return x;
    FAIL("no meeting " << m);
    return {};
  }
  test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", url.string(), "--lang", "en"});
    return test::run("moussem-cli", args);
  }
};

b2b::VenueTime at(int hour, int minute) {
  return {kDay, hour * 60 + minute};
}

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(accepted)";
}

std::vector<std::string> partners(Forum& f, const std::vector<b2b::Replacement>& list) {
  std::vector<std::string> out;
  for (const auto& r : list)
    for (const auto& [ext, pid] : f.id)
      if (pid == r.partner) out.push_back(ext);
  return out;
}

}  // namespace

TEST_CASE("b2b checkin: both badges scanned at the table mark their meeting held, from five minutes before") {
  Forum f;
  // Too early: the refusal names the first person's next meeting, its time and its table.
  const std::string early = refusal([&] { b2b::checkInByBadges(*f.store, "SER-B-1", "SER-S-1", at(8, 50)); });
  CHECK(early.find("09:00") != std::string::npos);
  CHECK(early.find("T1") != std::string::npos);
  CHECK(f.byId(f.first).status == MeetingStatus::Scheduled);
  // Two people with no meeting together.
  CHECK(refusal([&] { b2b::checkInByBadges(*f.store, "SER-B-2", "SER-S-1", at(9, 0)); }) != "(accepted)");
  CHECK(refusal([&] { b2b::checkInByBadges(*f.store, "SER-B-1", "SER-B-1", at(9, 0)); }) != "(accepted)");
  CHECK(refusal([&] { b2b::checkInByBadges(*f.store, "SER-B-1", "NO-SUCH", at(9, 0)); }).find("NO-SUCH") !=
        std::string::npos);
  // In either order, within the grace before the start, by the table host (a gate), audited once.
  GuardedStore host(*f.store, Actor{"samir", Role::Gate, "gate-1"});
  const auto rows = f.store->auditRows({}, 100).size();
  const B2bMeeting m = b2b::checkInByBadges(host, "SER-S-1", "SER-B-1", at(8, 56));
  CHECK(m.id == f.first);
  CHECK(f.byId(f.first).status == MeetingStatus::Held);
  CHECK(f.store->auditRows({}, 100).size() == rows + 1);
  // Scanned twice: the same meeting, nothing written again.
  CHECK(b2b::checkInByBadges(host, "SER-B-1", "SER-S-1", at(9, 3)).id == f.first);
  CHECK(f.store->auditRows({}, 100).size() == rows + 1);
}

TEST_CASE("b2b checkin: a no-show is refused before the start plus the grace, the time named") {
  Forum f;
  const std::string early = refusal([&] { b2b::checkIn(*f.store, f.first, MeetingStatus::NoShow, at(9, 4)); });
  CHECK(early.find("09:05") != std::string::npos);
  CHECK(f.byId(f.first).status == MeetingStatus::Scheduled);
  CHECK(refusal([&] { b2b::checkIn(*f.store, 999999, MeetingStatus::Held, at(9, 4)); }).find("999999") !=
        std::string::npos);
  b2b::checkIn(*f.store, f.first, MeetingStatus::NoShow, at(9, 0 + b2b::kNoShowGraceMinutes));
  CHECK(f.byId(f.first).status == MeetingStatus::NoShow);
  b2b::checkIn(*f.store, f.first, MeetingStatus::Cancelled, at(8, 0));  // cancelling needs no clock
  CHECK(f.byId(f.first).status == MeetingStatus::Cancelled);
}

TEST_CASE("b2b checkin: a no-show's replacements are people present now and free then, must before should") {
  Forum f;
  // Not a no-show yet: nothing to fill.
  CHECK(refusal([&] { b2b::proposeReplacements(*f.store, f.first, at(9, 6)); }) != "(accepted)");
  b2b::checkIn(*f.store, f.first, MeetingStatus::NoShow, at(9, 6));
  // S-1 did not come; S-4 came yesterday only; S-5 is in a meeting then; S-6 already has theirs.
  const auto list = b2b::proposeReplacements(*f.store, f.first, at(9, 6));
  CHECK(partners(f, list) == std::vector<std::string>{"S-3", "S-2"});
  for (const auto& r : list) CHECK(r.stays == f.id["B-1"]);
  CHECK(list.at(0).priority == 3);
  // When the slot is over, there is nothing left to propose.
  CHECK(refusal([&] { b2b::proposeReplacements(*f.store, f.first, at(9, 20)); }) != "(accepted)");
}

TEST_CASE("b2b checkin: accepting a replacement writes one meeting in the freed slot, a second one is refused") {
  Forum f;
  GuardedStore organiser(*f.store, Actor{"nadia", Role::Organizer, "office"});
  b2b::checkIn(organiser, f.first, MeetingStatus::NoShow, at(9, 6));
  const std::size_t before = f.store->b2bMeetings().size();
  // Someone who never asked to meet B-1 is no proposal.
  CHECK(refusal([&] { b2b::acceptReplacement(organiser, f.first, f.id["B-2"], at(9, 7)); }) != "(accepted)");
  CHECK(f.store->b2bMeetings().size() == before);

  const B2bMeeting m = b2b::acceptReplacement(organiser, f.first, f.id["S-2"], at(9, 7));
  const B2bMeeting stored = f.byId(m.id);
  CHECK(stored.buyer == f.id["B-1"]);
  CHECK(stored.seller == f.id["S-2"]);
  CHECK(stored.session_id == f.session);
  CHECK(stored.slot == 0);
  CHECK(stored.place_id == f.t1);
  CHECK(stored.status == MeetingStatus::Scheduled);
  CHECK(f.store->b2bMeetings().size() == before + 1);
  int created = 0;
  for (const auto& row : f.store->auditRows({}, 50)) created += row.action == "b2b_meeting.create" ? 1 : 0;
  CHECK(created == 1);

  // The slot is taken now: S-3 (still a must) is refused, T1 and the meeting there named.
  const std::string taken = refusal([&] { b2b::acceptReplacement(organiser, f.first, f.id["S-3"], at(9, 8)); });
  CHECK(taken.find("T1") != std::string::npos);
  CHECK(taken.find(std::to_string(m.id)) != std::string::npos);
  CHECK(f.store->b2bMeetings().size() == before + 1);
  // The no-show cannot come back into the place its replacement took.
  const std::string back = refusal([&] { b2b::checkIn(organiser, f.first, MeetingStatus::Held, at(9, 9)); });
  CHECK(back.find("T1") != std::string::npos);
  CHECK(back.find(std::to_string(m.id)) != std::string::npos);
  CHECK(f.byId(f.first).status == MeetingStatus::NoShow);
}

TEST_CASE("b2b checkin: a published no-show's replacement is published, and a new schedule keeps it without a clash") {
  Forum f(true);
  b2b::checkIn(*f.store, f.first, MeetingStatus::NoShow, at(9, 6));
  const B2bMeeting m = b2b::acceptReplacement(*f.store, f.first, f.id["S-3"], at(9, 7));
  CHECK(f.byId(m.id).frozen);
  const auto outcome = b2b::planSchedule(*f.store);
  CHECK(outcome.violations.total() == 0);
  b2b::applySchedule(*f.store, outcome, false);
  CHECK(f.byId(m.id).status == MeetingStatus::Scheduled);  // kept where it is
  CHECK(f.byId(f.first).status == MeetingStatus::NoShow);  // and the no-show stays on record
}

TEST_CASE("b2b checkin: gates and organisers check in, a desk does not, writing a replacement is an organiser's") {
  Forum f;
  GuardedStore desk(*f.store, Actor{"karim", Role::Desk, "desk-1"});
  CHECK_THROWS_AS(b2b::checkIn(desk, f.first, MeetingStatus::Held, at(9, 1)), Error);
  CHECK_THROWS_AS(b2b::checkInByBadges(desk, "SER-B-1", "SER-S-1", at(9, 1)), Error);
  CHECK(f.byId(f.first).status == MeetingStatus::Scheduled);

  GuardedStore gate(*f.store, Actor{"samir", Role::Gate, "gate-1"});
  b2b::checkIn(gate, f.first, MeetingStatus::NoShow, at(9, 6));
  CHECK(f.byId(f.first).status == MeetingStatus::NoShow);
  CHECK(b2b::proposeReplacements(gate, f.first, at(9, 6)).size() == 2);  // the table host sees them
  const std::size_t before = f.store->b2bMeetings().size();
  CHECK_THROWS_AS(b2b::acceptReplacement(gate, f.first, f.id["S-3"], at(9, 7)), Error);
  CHECK(f.store->b2bMeetings().size() == before);
}

TEST_CASE("b2b checkin: the command line checks in at --at, lists the replacements as JSON and writes one") {
  Forum f;
  const std::string s1 = std::to_string(f.first);
  f.store.reset();
  auto r = f.cli({"b2b", "checkin", "--meeting", s1, "--no-show", "--at", kDay + "T09:02"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("09:05") != std::string::npos);
  r = f.cli({"--json", "b2b", "checkin", "--meeting", s1, "--no-show", "--at", kDay + "T09:06"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["status"] == "no_show");

  r = f.cli({"--json", "b2b", "checkin", "--meeting", s1, "--replacements", "--at", kDay + "T09:06"});
  REQUIRE(r.exit_code == 0);
  const json list = json::parse(r.out)["replacements"];
  REQUIRE(list.size() == 2);
  CHECK(list[0]["priority"] == "must");
  CHECK(list[1]["priority"] == "should");
  const Id partner = list[0]["partner"].get<Id>();

  r = f.cli({"--json", "b2b", "checkin", "--meeting", s1, "--replace-with", std::to_string(partner), "--at",
             kDay + "T09:07"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["seller"].get<Id>() == partner);
  r = f.cli({"b2b", "checkin", "--meeting", s1, "--replace-with", std::to_string(partner), "--at", kDay + "T09:07"});
  CHECK(r.exit_code == 1);

  r = f.cli({"--json", "b2b", "checkin", "--badges", "SER-B-1", "SER-S-6", "--at", kDay + "T09:24"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["status"] == "held");
  CHECK(f.cli({"b2b", "checkin", "--meeting", s1}).exit_code == 2);  // no action given
  CHECK(f.cli({"b2b", "checkin", "--meeting", s1, "--held", "--cancelled"}).exit_code == 2);
}
