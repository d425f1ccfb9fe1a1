// Personal B2B agendas and table sheets, on SQLite and on the PostgreSQL test server: the reader puts a
// person's meetings in time order with the partner, organisation, sector and place, and the times in
// UTC through the edition's zone (Casablanca is UTC+1 on 10 February 2026 and UTC+0 from 15 February,
// Ramadan); the PDF read back by poppler holds the names (Arabic in logical order), times and places,
// on A4 or A6 pages; the iCalendar file read by a parser Moussem did not write (python3-icalendar) and
// by libical holds one event per meeting at the right UTC times; the table sheets name both sides slot
// by slot; a desk prints agendas; the command line refuses an unknown person, a bad extension and an
// unwritable path with nothing written.
#include <libical/ical.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "b2b/agenda.hpp"
#include "b2b/agenda_ics.hpp"
#include "b2b/agenda_pdf.hpp"
#include "b2b/b2b_service.hpp"
#include "badge/new_edition.hpp"
#include "booth/demo_venue.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "test_support.hpp"

using namespace moussem;
namespace fs = std::filesystem;

namespace {

// pdftotext's Arabic: letters in logical order, with spaces and embedding marks (U+202A..U+202E) around
// right-to-left runs; compare letters only.
std::string lettersOnly(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\n') continue;
    if (text.compare(i, 2, "\xE2\x80") == 0 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 2]) >= 0xAA &&
        static_cast<unsigned char>(text[i + 2]) <= 0xAE) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string pdfText(const fs::path& pdf) {
  const auto r = test::runCommand("pdftotext", {"-layout", pdf.string(), "-"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string pdfInfo(const fs::path& pdf) {
  const auto r = test::runCommand("pdfinfo", {pdf.string()});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

int pdfPages(const fs::path& pdf) {
  const std::string info = pdfInfo(pdf);
  const auto at = info.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.substr(at + 6));
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

struct Forum {
  test::TempDir dir;
  std::filesystem::path url = test::dbPath(dir, "agenda.db");
  std::unique_ptr<Store> store = createEditionDatabase(url, demoEdition());
  Id cooperative = 0, fatima = 0, youssef = 0, emily = 0, claire = 0;
  Id morning = 0, ramadan = 0, t1 = 0, t2 = 0, boothPlace = 0;
  std::string boothCode;
  Id m1 = 0, m2 = 0, m3 = 0;

  Forum() {
    DemoOptions o;
    o.participants = 0;
    booth::fillDemoEdition(*store, o);
    Exhibitor x;
    x.name_fr = "Coopérative Tiwizi";
    x.name_ar = "تعاونية تويزي";
    x.kind = "cooperative";
    x.sector = "carpet";
    x.region = "souss-massa";
    cooperative = store->insertExhibitor(x);
    fatima = person("Fatima", "Ait Ali", "فاطمة آيت علي", "MA", "", cooperative);
    youssef = person("Youssef", "Amrani", "يوسف العمراني", "MA", "", cooperative);
    emily = person("Emily", "Carter", "", "US", "Carter Imports", std::nullopt);
    claire = person("Claire", "Dubois", "", "FR", "Maison Dubois", std::nullopt);
    // The cooperative holds a booth of the plan; Youssef receives a buyer there.
    Booth b = store->booths().front();
    b.exhibitor_id = cooperative;
    b.status = BoothStatus::Assigned;
    store->updateBooth(b);
    boothCode = b.code;

    morning = session("2026-02-10", "09:00", "12:30");  // Casablanca: UTC+1
    ramadan = session("2026-02-15", "09:00", "12:00");  // from 15 February 03:00: UTC+0
    t1 = b2b::addTable(*store, "T1", 66, 40).id;
    t2 = b2b::addTable(*store, "T2", 70, 40).id;
    b2b::addTable(*store, "T10", 74, 40);
    boothPlace = b2b::addBoothPlace(*store, boothCode).id;
    store->write([&] {
      m1 = meeting(emily, fatima, morning, 0, t1);           // 09:00-09:20 local, 08:00Z
      m2 = meeting(emily, youssef, morning, 2, boothPlace);  // 09:50-10:10 local, 08:50Z
      m3 = meeting(emily, fatima, ramadan, 1, t2);           // 09:25-09:45 local, 09:25Z
    });
  }
  Id person(const std::string& first, const std::string& last, const std::string& ar, const std::string& country,
            const std::string& org, std::optional<Id> exhibitor) {
    Person p;
    p.first_name = first;
    p.last_name = last;
    p.name_ar = ar;
    p.country = country;
    p.organization = org;
    p.category = "forum";
    p.exhibitor_id = exhibitor;
    return store->insertPerson(p);
  }
  Id session(const std::string& day, const std::string& starts, const std::string& ends) {
    B2bSession s;
    s.day = day, s.starts = starts, s.ends = ends;
    return b2b::addSession(*store, s).id;
  }
  Id meeting(Id buyer, Id seller, Id sessionId, int slot, Id place) {
    B2bMeeting m{0, buyer, seller, sessionId, slot, place, MeetingStatus::Scheduled, false};
    return store->insertB2bMeeting(m);
  }
  test::RunResult cli(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--db", url.string()};
    all.insert(all.end(), args.begin(), args.end());
    return test::run("moussem-cli", all);
  }
};

}  // namespace

TEST_CASE("agenda: a person's meetings in time order, partner, organisation, sector, place, UTC times") {
  Forum f;
  const auto a = b2b::agendaOf(*f.store, f.emily);
  CHECK(a.side == B2bSide::Buyer);
  CHECK(a.organisation == "Carter Imports");
  REQUIRE(a.meetings.size() == 3);
  CHECK(a.meetings[0].id == f.m1);
  CHECK(a.meetings[0].day == "2026-02-10");
  CHECK(b2b::clockText(a.meetings[0].start) == "09:00");
  CHECK(b2b::clockText(a.meetings[0].end) == "09:20");
  CHECK(a.meetings[0].start_utc == 1770710400);  // 2026-02-10T08:00:00Z
  CHECK(a.meetings[0].partner.name_ar == "فاطمة آيت علي");
  CHECK(a.meetings[0].organisation == "Coopérative Tiwizi");
  CHECK(a.meetings[0].organisation_ar == "تعاونية تويزي");
  CHECK(a.meetings[0].sector == "carpet");
  CHECK(a.meetings[0].place.code == "T1");
  CHECK(a.meetings[1].id == f.m2);
  CHECK(b2b::clockText(a.meetings[1].start) == "09:50");
  CHECK(a.meetings[1].place.kind == B2bPlaceKind::Booth);
  CHECK(a.meetings[1].place.booth == f.boothCode);
  CHECK_FALSE(a.meetings[1].hall.empty());  // a booth is in its hall
  CHECK(a.meetings[2].id == f.m3);
  CHECK(a.meetings[2].start_utc == 1771147500);  // 2026-02-15T09:25:00Z: Ramadan, UTC+0

  const auto seller = b2b::agendaOf(*f.store, f.fatima);
  CHECK(seller.side == B2bSide::Seller);
  CHECK(seller.sector == "carpet");
  REQUIRE(seller.meetings.size() == 2);
  CHECK(seller.meetings[0].partner.last_name == "Carter");
  CHECK(seller.meetings[0].organisation == "Carter Imports");
  CHECK(seller.meetings[0].sector.empty());

  CHECK(b2b::agendaOf(*f.store, f.claire).meetings.empty());  // an agenda that says so, not an error
  try {
    b2b::agendaOf(*f.store, 987654);
    FAIL("an unknown person was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::NotFound);
    CHECK(has(e.what(), "987654"));
  }
}

TEST_CASE("agenda: wall-clock to UTC follows Casablanca's 2026 rules") {
  const auto zone = tz::TimeZone::load("Africa/Casablanca");
  REQUIRE_FALSE(zone.isFallback());
  CHECK(b2b::localToUtc(zone, "2026-02-10", 9 * 60) == 1770710400);  // +01
  CHECK(b2b::localToUtc(zone, "2026-03-01", 9 * 60) == 1772355600);  // Ramadan: +00
  CHECK(b2b::localToUtc(zone, "2026-04-01", 9 * 60) == 1775030400);  // +01 again
  CHECK(b2b::localToUtc(zone, "2026-10-01", 9 * 60) == 1790845200);  // UTC+0 for good since 20 September
  CHECK(b2b::localToUtc(tz::TimeZone::utc(), "2026-10-01", 9 * 60) == 1790845200);
}

TEST_CASE("agenda PDF: poppler reads the names (Arabic too), times and places, on A4 and A6 pages") {
  Forum f;
  b2b::AgendaOptions o;
  const fs::path a4 = f.dir / "emily.pdf";
  b2b::writePersonAgenda(*f.store, f.emily, a4, o);
  const std::string text = pdfText(a4);
  CHECK(has(text, "Fatima Ait Ali"));
  CHECK(has(text, "Youssef Amrani"));
  CHECK(has(lettersOnly(text), lettersOnly("فاطمة آيت علي")));
  CHECK(has(text, "09:00–09:20"));
  CHECK(has(text, "09:50–10:10"));
  CHECK(has(text, "Table T1"));
  CHECK(has(text, "Stand " + f.boothCode));
  CHECK(has(text, "Coopérative Tiwizi"));
  CHECK(has(text, "Maroc"));
  CHECK(has(text, "Tapis"));
  CHECK(has(pdfInfo(a4), "595.28 x 841.89"));

  o.paper = "a6";
  const fs::path a6 = f.dir / "emily-a6.pdf";
  b2b::writePersonAgenda(*f.store, f.emily, a6, o);
  CHECK(has(pdfInfo(a6), "297.64 x 419.53"));
  const std::string pocket = pdfText(a6);
  CHECK(has(pocket, "Fatima Ait Ali"));
  CHECK(has(pocket, "09:25–09:45"));
  CHECK(has(pocket, "Table T2"));

  // In Arabic: the title and the seller's name in Arabic script, read back in logical order.
  o.paper = "a4";
  o.lang = "ar";
  const fs::path ar = f.dir / "emily-ar.pdf";
  b2b::writePersonAgenda(*f.store, f.emily, ar, o);
  const std::string arText = lettersOnly(pdfText(ar));
  CHECK(has(arText, lettersOnly(i18n::lookupIn("ar", "agenda.title"))));
  CHECK(has(arText, lettersOnly("فاطمة آيت علي")));
  CHECK(has(arText, lettersOnly("تعاونية تويزي")));

  // Someone with no meeting gets an agenda that says so.
  o.lang = "fr";
  const fs::path none = f.dir / "claire.pdf";
  b2b::writePersonAgenda(*f.store, f.claire, none, o);
  CHECK(has(pdfText(none), "Claire Dubois"));
  CHECK(has(pdfText(none), "Aucun rendez-vous"));
}

TEST_CASE("agenda iCalendar: one event per meeting at the right UTC times, read by python3-icalendar and libical") {
  Forum f;
  b2b::AgendaOptions o;
  const fs::path ics = f.dir / "emily.ics";
  b2b::writePersonAgenda(*f.store, f.emily, ics, o);
  auto r = test::runCommand("/usr/bin/python3", {(test::sourceDir() / "tests/b2b/read_ics.py").string(), ics.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == "2.0");
  CHECK(has(j["prodid"].get<std::string>(), "Moussem"));
  REQUIRE(j["events"].size() == 3);
  CHECK(j["events"][0]["start"] == "2026-02-10T08:00:00Z");
  CHECK(j["events"][0]["end"] == "2026-02-10T08:20:00Z");
  CHECK(j["events"][1]["start"] == "2026-02-10T08:50:00Z");
  CHECK(j["events"][2]["start"] == "2026-02-15T09:25:00Z");
  CHECK(j["events"][2]["end"] == "2026-02-15T09:45:00Z");
  CHECK(has(j["events"][0]["summary"].get<std::string>(), "Fatima Ait Ali"));
  CHECK(has(j["events"][0]["summary"].get<std::string>(), "Coopérative Tiwizi"));
  CHECK(has(j["events"][0]["location"].get<std::string>(), "Table T1"));
  CHECK(has(j["events"][0]["description"].get<std::string>(), "فاطمة آيت علي"));
  CHECK(j["events"][0]["status"] == "CONFIRMED");
  // UIDs are stable: the same meeting gives the same UID in a second export.
  const std::string uid = j["events"][0]["uid"];
  CHECK(has(uid, std::to_string(f.m1)));
  const fs::path again = f.dir / "again.ics";
  b2b::writePersonAgenda(*f.store, f.emily, again, o);
  auto r2 =
      test::runCommand("/usr/bin/python3", {(test::sourceDir() / "tests/b2b/read_ics.py").string(), again.string()});
  CHECK(nlohmann::json::parse(r2.out)["events"][0]["uid"] == uid);

  // In Arabic: the summary names the partner in Arabic script.
  o.lang = "ar";
  const fs::path ar = f.dir / "emily-ar.ics";
  b2b::writePersonAgenda(*f.store, f.emily, ar, o);
  auto r3 = test::runCommand("/usr/bin/python3", {(test::sourceDir() / "tests/b2b/read_ics.py").string(), ar.string()});
  REQUIRE(r3.exit_code == 0);
  const auto k = nlohmann::json::parse(r3.out);
  CHECK(has(k["events"][0]["summary"].get<std::string>(), "فاطمة آيت علي"));
  CHECK(has(k["events"][0]["summary"].get<std::string>(), "تعاونية تويزي"));
  CHECK(k["events"][0]["start"] == "2026-02-10T08:00:00Z");

  // A cancelled meeting stays in the calendar, marked cancelled, so that calendars drop it.
  f.store->setB2bMeetingStatus(f.m2, MeetingStatus::Cancelled);
  const fs::path cancelled = f.dir / "cancelled.ics";
  b2b::writePersonAgenda(*f.store, f.emily, cancelled, {});
  auto r4 = test::runCommand("/usr/bin/python3",
                             {(test::sourceDir() / "tests/b2b/read_ics.py").string(), cancelled.string()});
  REQUIRE(r4.exit_code == 0);
  const auto c = nlohmann::json::parse(r4.out);
  REQUIRE(c["events"].size() == 3);
  CHECK(c["events"][1]["status"] == "CANCELLED");
  CHECK(c["events"][0]["status"] == "CONFIRMED");

  // libical's own parser: the file round-trips with its three events and CRLF lines.
  std::ifstream in(ics, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string textIcs = ss.str();
  CHECK(has(textIcs, "\r\n"));
  icalcomponent* cal = icalparser_parse_string(textIcs.c_str());
  REQUIRE(cal != nullptr);
  CHECK(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) == 3);
  icalcomponent* first = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  REQUIRE(first != nullptr);
  CHECK(icaltime_as_timet_with_zone(icalcomponent_get_dtstart(first), icaltimezone_get_utc_timezone()) == 1770710400);
  icalcomponent_free(cal);
}

TEST_CASE("table sheets: a page per table, slot by slot, both names") {
  Forum f;
  const fs::path out = f.dir / "tables.pdf";
  CHECK(b2b::writeTableSheets(*f.store, out, {}) == 3);  // T1, T2, T10: booths are not tables
  const std::string text = pdfText(out);
  CHECK(pdfPages(out) == 3);
  // T1 on page 1: Emily Carter and Fatima Ait Ali at 09:00, then free slots.
  const std::string page1 = text.substr(0, text.find('\f'));
  CHECK(has(page1, "Table T1"));
  CHECK(has(page1, "09:00–09:20"));
  CHECK(has(page1, "Emily Carter"));
  CHECK(has(page1, "Fatima Ait Ali"));
  CHECK(has(page1, "libre"));
  CHECK_FALSE(has(page1, "Youssef"));  // his meeting is at the booth
  // T10 after T2 (numbers in order), and T2 holds the Ramadan-day meeting.
  CHECK(text.find("Table T2") < text.find("Table T10"));
  const auto sheets = b2b::tableSheets(b2b::readProgramme(*f.store));
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[1].place.code == "T2");
  CHECK(sheets[1].slots[static_cast<std::size_t>(0)].buyer == std::nullopt);
}

TEST_CASE("batch: every agenda in one PDF, one per person with meetings, in name order, with progress") {
  Forum f;
  const fs::path out = f.dir / "all.pdf";
  std::vector<double> steps;
  b2b::AgendaOptions o;
  o.progress = [&](double x) { steps.push_back(x); };
  CHECK(b2b::writeAllAgendas(*f.store, out, o) == 3);  // Claire has no meeting
  REQUIRE(steps.size() == 3);
  CHECK(steps.back() == 1.0);
  const std::string text = pdfText(out);
  // Family names in order: Ait Ali, Amrani, Carter.
  const auto fatima = text.find("Fatima Ait Ali\n"), youssef = text.find("Youssef Amrani\n"),
             emily = text.find("Emily Carter\n");
  CHECK(fatima < youssef);
  CHECK(youssef < emily);
  CHECK_FALSE(has(text, "Claire Dubois"));
}

TEST_CASE("agendas: a desk prints them, and the command line refuses bad requests with nothing written") {
  Forum f;
  GuardedStore desk(*f.store, Actor{"karim", Role::Desk, "desk-1"});
  const fs::path byDesk = f.dir / "desk.pdf";
  CHECK(b2b::writePersonAgenda(desk, f.emily, byDesk, {}).meetings.size() == 3);
  CHECK(fs::exists(byDesk));

  auto ok = f.cli({"b2b", "agenda", "--person", std::to_string(f.fatima), "--out", (f.dir / "f.ics").string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(fs::exists(f.dir / "f.ics"));
  auto a6 = f.cli({"--lang", "ar", "b2b", "agenda", "--person", std::to_string(f.fatima), "--out",
                   (f.dir / "f.pdf").string(), "--paper", "a6"});
  CHECK(a6.exit_code == 0);
  CHECK(has(pdfInfo(f.dir / "f.pdf"), "297.64 x 419.53"));
  auto all = f.cli({"--json", "b2b", "agenda", "--all", "--out", (f.dir / "all.pdf").string()});
  CHECK(all.exit_code == 0);
  CHECK(nlohmann::json::parse(all.out)["agendas"] == 3);
  auto tables = f.cli({"b2b", "tables", "--out", (f.dir / "t.pdf").string()});
  CHECK(tables.exit_code == 0);

  auto unknown = f.cli({"b2b", "agenda", "--person", "987654", "--out", (f.dir / "u.pdf").string()});
  CHECK(unknown.exit_code == 1);
  CHECK(has(unknown.err, "987654"));
  CHECK_FALSE(fs::exists(f.dir / "u.pdf"));
  auto ext = f.cli({"b2b", "agenda", "--person", std::to_string(f.emily), "--out", (f.dir / "e.txt").string()});
  CHECK(ext.exit_code == 2);
  CHECK(has(ext.err, "e.txt"));
  CHECK_FALSE(fs::exists(f.dir / "e.txt"));
  auto nowhere =
      f.cli({"b2b", "agenda", "--person", std::to_string(f.emily), "--out", (f.dir / "missing" / "e.pdf").string()});
  CHECK(nowhere.exit_code == 1);
  CHECK(has(nowhere.err, "e.pdf"));
  auto allIcs = f.cli({"b2b", "agenda", "--all", "--out", (f.dir / "all.ics").string()});
  CHECK(allIcs.exit_code == 2);
  CHECK_FALSE(fs::exists(f.dir / "all.ics"));
  auto neither = f.cli({"b2b", "agenda", "--out", (f.dir / "n.pdf").string()});
  CHECK(neither.exit_code == 2);
}
