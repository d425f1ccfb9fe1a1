// The event in figures against independent counts: raw SQL on the same file, on a seeded edition with
// entries and exits over several days and hours, prints, exhibitors' staff and booths.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <random>

#include "../gate/gate_fixture.hpp"
#include "report/figures.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {

// The independent count: raw SQL on the same database, through the test server on PostgreSQL.
long long sqlCount(const std::filesystem::path& db, const std::string& sql) {
  if (test::onPostgres()) return std::stoll(test::pgQuery(db.string(), sql));
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

struct Seeded {
  GateFixture f;
  std::vector<Id> people;
  Id coop = 0;
  Seeded() {
    Exhibitor x;
    x.name_fr = "Coopérative Tafilalt";
    x.kind = "cooperative";
    x.sector = "pottery";
    x.region = "draa-tafilalet";
    coop = f.store->insertExhibitor(x);
    Exhibitor y = x;
    y.name_fr = "Atelier Fès";
    y.sector = "leather";
    y.region = "fes-meknes";
    f.store->insertExhibitor(y);
    const char* cats[] = {"exhibitor", "buyer", "press", "speaker", "official"};
    for (int i = 0; i < 40; ++i) {
      Person p;
      p.first_name = "P" + std::to_string(i);
      p.last_name = "Test";
      p.category = cats[i % 5];
      if (i % 5 == 0 && i < 20) p.exhibitor_id = coop;
      people.push_back(f.store->insertPerson(p));
    }
    people.insert(people.end(), {f.speaker, f.exhibitor, f.official, f.visitor});
  }
  // Scans at random moments of the edition's days, through the gate pipeline as a gate would.
  void scan(int n, unsigned seed) {
    std::mt19937 rng(seed);
    gate::ScanPipeline pipeline(*f.store, {"gate-1", "steward"});
    GateProfile hall = f.profile("exhibition");
    GateProfile hallOut = hall;
    hallOut.direction = Direction::Out;
    // The forum: its own gate in and out, open on the first two days to the forum categories.
    GateProfile forum = f.profile("forum");
    forum.reentry = ReentryPolicy::Always;
    GateProfile forumOut = forum;
    forumOut.direction = Direction::Out;
    auto badges = f.badges();
    for (int i = 0; i < n; ++i) {
      const Id who = people[rng() % people.size()];
      const bool atForum = rng() % 3 == 0;
      const int day = atForum ? 9 + static_cast<int>(rng() % 3) : 9 + static_cast<int>(rng() % 7),
                hour = 9 + static_cast<int>(rng() % 10);
      char at[40];
      // The venue's wall clock with Casablanca's offset: +01, and +00 from 15 February 03:00 (Ramadan).
      std::snprintf(at, sizeof at, "2026-02-%02dT%02d:%02d:00%s", day, hour, static_cast<int>(rng() % 60),
                    day == 15 ? "+00:00" : "+01:00");
      const bool out = rng() % 3 == 0;
      const GateProfile& gate = atForum ? (out ? forumOut : forum) : (out ? hallOut : hall);
      pipeline.scan(badges.payload(who), gate, out ? Direction::Out : Direction::In, GateFixture::at(at));
    }
  }
};

}  // namespace

TEST_CASE("figures match independent counts: entries per day and hour, categories, funnel, exhibitors, inside") {
  Seeded s;
  s.scan(300, 1);
  auto svc = s.f.badges();
  for (std::size_t i = 0; i < s.people.size(); i += 3) svc.recordPrint(s.people[i]);
  svc.recordPrint(s.people[0]);  // a second print of the same badge counts the person once

  report::FiguresBuilder b;
  b.update(*s.f.store);
  const report::EventFigures& fig = b.figures();
  const auto db = s.f.db;
  const std::string entries = "FROM scan WHERE verdict='accepted' AND direction='in'";
  CHECK(fig.entries == sqlCount(db, "SELECT count(*) " + entries));
  CHECK(fig.exits == sqlCount(db, "SELECT count(*) FROM scan WHERE verdict='accepted' AND direction='out'"));
  CHECK(fig.visitors == sqlCount(db, "SELECT count(DISTINCT person_id) " + entries));
  CHECK(fig.people == sqlCount(db, "SELECT count(*) FROM person"));
  CHECK(fig.badges_printed == sqlCount(db, "SELECT count(*) FROM badge WHERE printed_count > 0"));
  REQUIRE(fig.days.size() == 7);
  CHECK(fig.days.front().day == "2026-02-09");
  for (const auto& d : fig.days) {
    INFO(d.day);
    CHECK(d.entries == sqlCount(db, "SELECT count(*) " + entries + " AND substr(at,1,10)='" + d.day + "'"));
    CHECK(d.visitors ==
          sqlCount(db, "SELECT count(DISTINCT person_id) " + entries + " AND substr(at,1,10)='" + d.day + "'"));
    for (int h = 0; h < 24; ++h) {
      char hh[16];
      std::snprintf(hh, sizeof hh, "%02d", h);
      CHECK(d.by_hour[static_cast<std::size_t>(h)] ==
            sqlCount(db, "SELECT count(*) " + entries + " AND substr(at,1,10)='" + d.day + "' AND substr(at,12,2)='" +
                             hh + "'"));
    }
  }
  for (const auto& c : fig.entries_by_category) {
    INFO(c.code);
    CHECK(c.count == sqlCount(db,
                              "SELECT count(*) FROM scan s JOIN person p ON p.id = s.person_id WHERE "
                              "s.verdict='accepted' AND s.direction='in' AND p.category='" +
                                  c.code + "'"));
  }
  for (const auto& r : fig.funnel) {
    INFO(r.category);
    CHECK(r.registered == sqlCount(db, "SELECT count(*) FROM person WHERE category='" + r.category + "'"));
    CHECK(r.printed == sqlCount(db,
                                "SELECT count(*) FROM badge b JOIN person p ON p.id=b.person_id WHERE "
                                "b.printed_count > 0 AND p.category='" +
                                    r.category + "'"));
    CHECK(r.entered == sqlCount(db,
                                "SELECT count(DISTINCT s.person_id) FROM scan s JOIN person p ON p.id=s.person_id "
                                "WHERE s.verdict='accepted' AND s.direction='in' AND p.category='" +
                                    r.category + "'"));
  }
  for (const auto& z : fig.inside_by_zone) {
    INFO(z.code);
    CHECK(z.count == sqlCount(db, "SELECT count(*) FROM presence WHERE inside=1 AND zone='" + z.code + "'"));
  }
  REQUIRE(fig.exhibitors_by_region.size() == 2);
  const bool coopPresent = sqlCount(db,
                                    "SELECT count(*) FROM scan s JOIN person p ON p.id=s.person_id WHERE "
                                    "s.verdict='accepted' AND s.direction='in' AND p.exhibitor_id=" +
                                        std::to_string(s.coop)) > 0;
  for (const auto& g : fig.exhibitors_by_region) {
    CHECK(g.total == 1);
    CHECK(g.present == (g.code == "draa-tafilalet" && coopPresent ? 1 : 0));
  }
}

TEST_CASE("an incremental update gives the same figures as a fresh build, and reads new people") {
  Seeded s;
  s.scan(120, 2);
  report::FiguresBuilder live;
  live.update(*s.f.store);
  const Id late = s.f.addPerson("Late", "Comer", "", "press", {});
  s.people.push_back(late);
  s.scan(150, 3);
  live.update(*s.f.store);
  report::FiguresBuilder fresh;
  fresh.update(*s.f.store);
  const auto& a = live.figures();
  const auto& b = fresh.figures();
  CHECK(a.entries == b.entries);
  CHECK(a.visitors == b.visitors);
  CHECK(a.people == b.people);
  CHECK(a.last_scan == b.last_scan);
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    CHECK(a.days[i].entries == b.days[i].entries);
    CHECK(a.days[i].visitors == b.days[i].visitors);
    CHECK(a.days[i].by_hour == b.days[i].by_hour);
  }
  for (std::size_t i = 0; i < a.funnel.size(); ++i) {
    CHECK(a.funnel[i].registered == b.funnel[i].registered);
    CHECK(a.funnel[i].entered == b.funnel[i].entered);
  }
  for (std::size_t i = 0; i < a.inside_by_zone.size(); ++i)
    CHECK(a.inside_by_zone[i].count == b.inside_by_zone[i].count);
}

TEST_CASE("an empty edition has figures too: every day and category at zero") {
  GateFixture f;
  report::FiguresBuilder b;
  b.update(*f.store);
  CHECK(b.figures().entries == 0);
  CHECK(b.figures().days.size() == 7);
  CHECK_FALSE(b.figures().funnel.empty());
  for (const auto& d : b.figures().days) CHECK(d.entries == 0);
}

TEST_CASE("forum attendance matches independent counts: entries and distinct people per day and per category") {
  Seeded s;
  s.scan(400, 7);
  report::FiguresBuilder b;
  b.update(*s.f.store);
  const report::EventFigures& fig = b.figures();
  const auto db = s.f.db;
  REQUIRE(fig.zones.size() == static_cast<std::size_t>(sqlCount(db, "SELECT count(*) FROM zone")));
  const report::ZoneAttendance* forum = fig.zone("forum");
  REQUIRE(forum != nullptr);
  const std::string in = "FROM scan s WHERE s.verdict='accepted' AND s.direction='in' AND s.zone='forum'";
  CHECK(forum->entries > 0);
  CHECK(forum->entries == sqlCount(db, "SELECT count(*) " + in));
  CHECK(forum->attendees == sqlCount(db, "SELECT count(DISTINCT s.person_id) " + in));
  REQUIRE(forum->entries_per_day.size() == fig.days.size());
  for (std::size_t d = 0; d < fig.days.size(); ++d) {
    INFO(fig.days[d].day);
    const std::string day = " AND substr(s.at,1,10)='" + fig.days[d].day + "'";
    CHECK(forum->entries_per_day[d] == sqlCount(db, "SELECT count(*) " + in + day));
    CHECK(forum->attendees_per_day[d] == sqlCount(db, "SELECT count(DISTINCT s.person_id) " + in + day));
  }
  for (std::size_t c = 0; c < forum->attendees_by_category.size(); ++c) {
    const std::string code = forum->attendees_by_category[c].code;
    INFO(code);
    const std::string join = " AND s.person_id IN (SELECT id FROM person WHERE category='" + code + "')";
    CHECK(forum->attendees_by_category[c].count == sqlCount(db, "SELECT count(DISTINCT s.person_id) " + in + join));
    CHECK(forum->entries_by_category[c].code == code);
    CHECK(forum->entries_by_category[c].count == sqlCount(db, "SELECT count(*) " + in + join));
  }
  // The exhibition hall too: every zone is counted the same way.
  const report::ZoneAttendance* hall = fig.zone("exhibition");
  REQUIRE(hall != nullptr);
  CHECK(hall->entries ==
        sqlCount(db, "SELECT count(*) FROM scan WHERE verdict='accepted' AND direction='in' AND zone='exhibition'"));
}

TEST_CASE("forum figures stay the same whether built at once or refreshed as scans and registrations arrive") {
  Seeded s;
  s.scan(150, 11);
  report::FiguresBuilder live;
  live.update(*s.f.store);
  s.people.push_back(s.f.addPerson("Late", "Speaker", "", "speaker", {}));  // registers, then scans at once
  s.scan(200, 12);
  live.update(*s.f.store);
  report::FiguresBuilder fresh;
  fresh.update(*s.f.store);
  const auto* a = live.figures().zone("forum");
  const auto* b = fresh.figures().zone("forum");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->entries == b->entries);
  CHECK(a->attendees == b->attendees);
  CHECK(a->entries_per_day == b->entries_per_day);
  CHECK(a->attendees_per_day == b->attendees_per_day);
  for (std::size_t c = 0; c < a->attendees_by_category.size(); ++c) {
    CHECK(a->attendees_by_category[c].count == b->attendees_by_category[c].count);
    CHECK(a->entries_by_category[c].count == b->entries_by_category[c].count);
  }
  for (std::size_t c = 0; c < live.figures().entries_by_category.size(); ++c)
    CHECK(live.figures().entries_by_category[c].count == fresh.figures().entries_by_category[c].count);
}
