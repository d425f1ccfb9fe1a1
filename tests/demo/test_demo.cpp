// Tests of the demo data generator: deterministic, realistic (every region, sector and category,
// valid codes, phones, registration numbers, unique e-mails, days inside the edition), a plausible
// venue, and all-or-nothing (a refused or cancelled fill writes nothing).
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "badge/new_edition.hpp"
#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/phone.hpp"
#include "store/demo/demo_data.hpp"
#include "store/demo/demo_names.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

// Reads the database behind the store's back, so that the tests check what was really written.
class Raw {
 public:
  explicit Raw(const std::filesystem::path& db) { sqlite3_open_v2(db.c_str(), &h_, SQLITE_OPEN_READONLY, nullptr); }
  ~Raw() { sqlite3_close(h_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) FAIL(sqlite3_errmsg(h_) << " in " << sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
      auto& row = out.emplace_back();
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* text = sqlite3_column_text(st, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
    }
    sqlite3_finalize(st);
    return out;
  }
  long long count(const std::string& sql) { return std::stoll(rows(sql).at(0).at(0)); }
  std::string dump(const std::string& sql) {
    std::ostringstream s;
    for (const auto& row : rows(sql)) {
      for (const auto& cell : row) s << cell << '\x1f';
      s << '\n';
    }
    return s.str();
  }

 private:
  sqlite3* h_ = nullptr;
};

struct DemoDb {
  TempDir dir;
  std::filesystem::path db = dir / "demo.db";
  std::unique_ptr<Store> store = createEditionDatabase(db, demoEdition());
  DemoSummary summary;
  explicit DemoDb(DemoOptions o = {}) { summary = fillDemo(*store, o); }
};

// Every row the generator writes, without the timestamps the database adds.
std::string dumpAll(const std::filesystem::path& db) {
  Raw raw(db);
  return raw.dump(
             "SELECT id, external_id, name_fr, name_ar, kind, sector, region, city, contact_name, phone, email, "
             "registration_no, program, booth_area_m2, wants_corner, needs_power, preferred_zone, products "
             "FROM exhibitor ORDER BY id") +
         raw.dump("SELECT * FROM exhibitor_competitor ORDER BY 1, 2") +
         raw.dump(
             "SELECT id, external_id, first_name, last_name, name_ar, organization, position, category, country, "
             "email, phone, days, consent, consent_at, exhibitor_id FROM person ORDER BY id") +
         raw.dump("SELECT * FROM hall ORDER BY id") + raw.dump("SELECT * FROM booth ORDER BY id");
}

bool hasArabic(const std::string& text) {
  // U+0600..U+06FF are encoded with lead bytes 0xD8..0xDB.
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xD8 && b <= 0xDB;
  });
}

bool validIce(const std::string& ice) {
  if (!std::regex_match(ice, std::regex("[0-9]{15}"))) return false;
  return 97 - std::stoull(ice.substr(0, 13)) % 97 == std::stoull(ice.substr(13));
}

long long counted(Store& store) {
  const Overview o = store.overview();
  return o.exhibitors + o.people + o.booths + o.halls;
}

}  // namespace

TEST_CASE("the demo edition is the 9th Artisan Week in Rabat, clearly marked as a demo") {
  Edition e = demoEdition();
  CHECK(e.is_demo);
  CHECK(e.name_fr.find("(démo)") != std::string::npos);
  CHECK(e.name_ar.find("(تجريبي)") != std::string::npos);
  CHECK(e.name_en.find("(demo)") != std::string::npos);
  CHECK(e.starts_on == "2026-02-09");
  CHECK(e.ends_on == "2026-02-15");
  CHECK(e.venue.find("OLM Souissi") != std::string::npos);
  CHECK_NOTHROW(validateEdition(e));
}

TEST_CASE("the same seed gives byte-identical demo data, another seed different data") {
  DemoOptions o;
  o.seed = 7;
  DemoDb a(o), b(o);
  o.seed = 8;
  DemoDb c(o);
  const std::string da = dumpAll(a.db);
  CHECK(da.size() > 10000);
  CHECK(da == dumpAll(b.db));
  CHECK(da != dumpAll(c.db));
}

TEST_CASE("by default the demo has 62 exhibitors with 1 to 3 staff each, 400 participants and a venue of 3 halls") {
  DemoDb d;
  Raw raw(d.db);
  CHECK(d.summary.exhibitors == 62);
  CHECK(d.summary.participants == 400);
  CHECK(d.summary.halls == 3);
  CHECK(d.summary.booths >= 120);
  CHECK(d.summary.booths <= 140);
  CHECK(raw.count("SELECT count(*) FROM exhibitor") == 62);
  CHECK(raw.count("SELECT count(*) FROM person WHERE exhibitor_id IS NULL") == 400);
  CHECK(raw.count("SELECT count(*) FROM person WHERE exhibitor_id IS NOT NULL") == d.summary.staff);
  CHECK(raw.count("SELECT count(*) FROM hall") == 3);
  CHECK(raw.count("SELECT count(*) FROM booth") == d.summary.booths);
  for (const auto& row :
       raw.rows("SELECT e.id, count(p.id) FROM exhibitor e LEFT JOIN person p ON p.exhibitor_id = e.id "
                "GROUP BY e.id")) {
    INFO("exhibitor " << row[0]);
    CHECK(std::stoi(row[1]) >= 1);
    CHECK(std::stoi(row[1]) <= 3);
  }
}

TEST_CASE("demo data covers all 12 regions and 10 sectors, every kind of exhibitor and every programme") {
  DemoDb d;
  Raw raw(d.db);
  auto distinct = [&](const std::string& column) {
    std::set<std::string> out;
    for (const auto& row : raw.rows("SELECT DISTINCT " + column + " FROM exhibitor")) out.insert(row[0]);
    return out;
  };
  auto all = [](std::span<const std::string_view> codes) { return std::set<std::string>(codes.begin(), codes.end()); };
  CHECK(distinct("region") == all(codes::regions()));
  CHECK(distinct("sector") == all(codes::sectors()));
  CHECK(distinct("kind") == all(codes::kinds()));
  CHECK(distinct("program") == all(codes::programs()));
  // Mostly cooperatives, many of them women's cooperatives.
  CHECK(raw.count("SELECT count(*) FROM exhibitor WHERE kind = 'cooperative'") > 31);
  CHECK(raw.count("SELECT count(*) FROM exhibitor WHERE name_fr LIKE 'Coopérative féminine %' "
                  "AND name_ar LIKE '%النسوية%'") >= 10);
}

TEST_CASE("demo crafts come from the towns known for them") {
  DemoDb d;
  Raw raw(d.db);
  std::set<std::tuple<std::string, std::string, std::string>> places;
  for (const auto& p : demo::craftPlaces())
    places.emplace(std::string(p.sector), std::string(p.region), std::string(p.city_fr));
  for (const auto& row : raw.rows("SELECT sector, region, city FROM exhibitor")) {
    INFO(row[0] << " in " << row[2] << ", " << row[1]);
    CHECK(places.count({row[0], row[1], row[2]}) == 1);
  }
  // The places themselves are real ties: silver from Tiznit, thuya from Essaouira, carpets from Taznakht.
  CHECK(places.count({"jewelry", "souss-massa", "Tiznit"}) == 1);
  CHECK(places.count({"wood", "marrakech-safi", "Essaouira"}) == 1);
  CHECK(places.count({"carpet", "draa-tafilalet", "Taznakht"}) == 1);
  CHECK(places.count({"pottery", "marrakech-safi", "Safi"}) == 1);
  CHECK(places.count({"zellige", "fes-meknes", "Fès"}) == 1);
}

TEST_CASE("every demo participant category is present, exhibitor staff included") {
  DemoDb d;
  Raw raw(d.db);
  std::set<std::string> present;
  for (const auto& row : raw.rows("SELECT DISTINCT category FROM person")) present.insert(row[0]);
  CHECK(present == std::set<std::string>(codes::categories().begin(), codes::categories().end()));
  CHECK(raw.count("SELECT count(*) FROM person WHERE category = 'exhibitor' AND exhibitor_id IS NULL") == 0);
  CHECK(raw.count("SELECT count(*) FROM person WHERE category <> 'exhibitor' AND exhibitor_id IS NOT NULL") == 0);
}

TEST_CASE("every demo exhibitor has French and Arabic names, valid codes, an E.164 phone and a registration number") {
  DemoDb d;
  Raw raw(d.db);
  const std::regex mobile(R"(\+212[67][0-9]{8})");
  const std::regex odco(R"(ODCO-(20[0-2][0-9])-(0[1-9]|1[0-2])-[0-9]{5})");
  const std::regex rna(R"(RNA-[0-9]{8})");
  const std::regex asso(R"(ASSO-20[0-2][0-9]-(0[1-9]|1[0-2])-[0-9]{4,})");
  const std::regex email(R"([a-z0-9.-]+@[a-z0-9-]+\.example)");
  std::set<std::string> registrations;
  for (const auto& x :
       raw.rows("SELECT name_fr, name_ar, kind, sector, region, program, phone, registration_no, email, "
                "contact_name, products, booth_area_m2, external_id FROM exhibitor")) {
    INFO(x[0]);
    CHECK_FALSE(x[0].empty());
    CHECK_FALSE(hasArabic(x[0]));
    CHECK(hasArabic(x[1]));
    CHECK(codes::contains(codes::kinds(), x[2]));
    CHECK(codes::contains(codes::sectors(), x[3]));
    CHECK(codes::contains(codes::regions(), x[4]));
    CHECK(codes::contains(codes::programs(), x[5]));
    CHECK(std::regex_match(x[6], mobile));
    CHECK(phone::parse(x[6], "MA").reason == "");  // in use in Morocco's plan
    if (x[2] == "company") CHECK(validIce(x[7]));
    if (x[2] == "cooperative") CHECK(std::regex_match(x[7], odco));
    if (x[2] == "artisan") CHECK(std::regex_match(x[7], rna));
    if (x[2] == "association") CHECK(std::regex_match(x[7], asso));
    CHECK(registrations.insert(x[7]).second);
    CHECK(std::regex_match(x[8], email));
    CHECK(x[9].find(' ') != std::string::npos);
    CHECK_FALSE(x[10].empty());
    const std::set<double> areas{9, 12, 18, 24, 36};
    CHECK(areas.count(std::stod(x[11])) == 1);
    CHECK(std::regex_match(x[12], std::regex("EXP-[0-9]{3}")));
  }
  // A cooperative's number carries the number of its region.
  for (const auto& x : raw.rows("SELECT region, registration_no FROM exhibitor WHERE kind = 'cooperative'")) {
    const auto regions = codes::regions();
    const auto n = std::find(regions.begin(), regions.end(), x[0]) - regions.begin() + 1;
    CHECK(std::stoi(x[1].substr(10, 2)) == n);
  }
}

TEST_CASE("demo people have names, phones, countries and consent given before the edition") {
  DemoDb d;
  Raw raw(d.db);
  const std::regex e164(R"(\+[1-9][0-9]{7,14})");
  const std::regex consentAt(R"(20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)");
  std::set<std::string> countries;
  for (const auto& p : raw.rows("SELECT first_name, last_name, name_ar, organization, position, country, phone, "
                                "consent, consent_at, category FROM person")) {
    INFO(p[0] << " " << p[1] << " (" << p[5] << ")");
    CHECK_FALSE(p[0].empty());
    CHECK_FALSE(p[1].empty());
    CHECK_FALSE(hasArabic(p[0] + p[1]));
    CHECK_FALSE(p[3].empty());
    CHECK_FALSE(p[4].empty());
    CHECK(std::regex_match(p[5], std::regex("[A-Z]{2}")));
    countries.insert(p[5]);
    if (p[5] == "MA") {
      CHECK(hasArabic(p[2]));
      CHECK(std::regex_match(p[6], std::regex(R"(\+212[67][0-9]{8})")));
    } else {
      CHECK(p[2].empty());  // foreign guests have no Arabic name
      CHECK(p[6].rfind("+212", 0) != 0);
    }
    CHECK(std::regex_match(p[6], e164));
    // A number in use in its country's plan, as libphonenumber reads it: an export imports back.
    const auto parsed = phone::parse(p[6], p[5]);
    CHECK(parsed.reason == "");
    if (parsed.number) CHECK(parsed.number->region == p[5]);
    CHECK(p[7] == "1");
    CHECK(std::regex_match(p[8], consentAt));
    CHECK(p[8] < "2026-02-09");
    if (p[9] == "official" || p[9] == "staff") CHECK(p[5] == "MA");
  }
  for (const char* c : {"MA", "US", "FR", "ES", "TR", "IT", "DE", "GB"}) {
    INFO(c);
    CHECK(countries.count(c) == 1);
  }
}

TEST_CASE("foreign demo buyers follow the export markets: the United States first, then France, Spain among the next") {
  DemoOptions o;
  o.exhibitors = 10;
  o.participants = 5000;
  DemoDb d(o);
  Raw raw(d.db);
  const auto buyers = raw.rows(
      "SELECT country, count(*) FROM person WHERE category = 'buyer' AND country <> 'MA' "
      "GROUP BY country ORDER BY 2 DESC, 1 LIMIT 4");
  REQUIRE(buyers.size() == 4);
  CHECK(buyers[0][0] == "US");
  CHECK(buyers[1][0] == "FR");
  CHECK((buyers[2][0] == "ES" || buyers[3][0] == "ES"));
  // Most buyers come from abroad; officials never do.
  CHECK(raw.count("SELECT count(*) FROM person WHERE category = 'buyer' AND country <> 'MA'") * 100 >
        raw.count("SELECT count(*) FROM person WHERE category = 'buyer'") * 70);
}

TEST_CASE("no two demo people and no two demo exhibitors share an e-mail address") {
  DemoOptions o;
  o.exhibitors = 300;
  o.participants = 20000;
  DemoDb d(o);
  Raw raw(d.db);
  CHECK(raw.count("SELECT count(*) FROM person") == 20000 + d.summary.staff);
  CHECK(raw.count("SELECT count(DISTINCT email) FROM person") == raw.count("SELECT count(*) FROM person"));
  CHECK(raw.count("SELECT count(DISTINCT email) FROM exhibitor") == 300);
  CHECK(raw.count("SELECT count(DISTINCT external_id) FROM person") == raw.count("SELECT count(*) FROM person"));
  CHECK(raw.count("SELECT count(*) FROM person WHERE email NOT LIKE '%_@_%.example'") == 0);
}

TEST_CASE("demo attendance days lie inside the edition, and the forum comes on its first two days") {
  DemoDb d;
  Raw raw(d.db);
  const std::set<std::string> edition{"2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12",
                                      "2026-02-13", "2026-02-14", "2026-02-15"};
  long long forumPeople = 0, forumOnFirstTwoDaysOnly = 0;
  for (const auto& p : raw.rows("SELECT category, days FROM person")) {
    INFO(p[0] << ": " << p[1]);
    std::vector<std::string> days;
    std::stringstream s(p[1]);
    for (std::string day; std::getline(s, day, ',');) days.push_back(day);
    REQUIRE_FALSE(days.empty());
    CHECK(std::is_sorted(days.begin(), days.end()));
    CHECK(std::adjacent_find(days.begin(), days.end()) == days.end());
    for (const auto& day : days) CHECK(edition.count(day) == 1);
    if (p[0] == "exhibitor" || p[0] == "staff") CHECK(days.size() == 7);
    if (p[0] == "forum" || p[0] == "official" || p[0] == "speaker") {
      ++forumPeople;
      CHECK(days.front() == "2026-02-09");
      if (days.back() <= "2026-02-10") ++forumOnFirstTwoDaysOnly;
    }
  }
  REQUIRE(forumPeople > 100);
  CHECK(forumOnFirstTwoDaysOnly * 100 >= forumPeople * 80);
}

TEST_CASE("demo competitors are workshops of the same craft in the same town") {
  DemoDb d;
  Raw raw(d.db);
  const auto pairs = raw.rows(
      "SELECT a.sector, b.sector, a.city, b.city FROM exhibitor_competitor c "
      "JOIN exhibitor a ON a.id = c.exhibitor_id JOIN exhibitor b ON b.id = c.other_id");
  CHECK(pairs.size() >= 3);
  for (const auto& p : pairs) {
    CHECK(p[0] == p[1]);
    CHECK(p[2] == p[3]);
  }
  // The store reads them back with the exhibitor.
  const auto first = raw.rows("SELECT exhibitor_id, other_id FROM exhibitor_competitor ORDER BY 1, 2 LIMIT 1");
  REQUIRE(first.size() == 1);
  auto x = d.store->exhibitor(std::stoll(first[0][0]));
  REQUIRE(x);
  CHECK(std::find(x->competitors.begin(), x->competitors.end(), std::stoll(first[0][1])) != x->competitors.end());
}

TEST_CASE("the demo venue has three halls of free booths in rows, inside their hall and never overlapping") {
  DemoDb d;
  Raw raw(d.db);
  struct Rect {
    double x, y, w, h;
  };
  std::map<std::string, Rect> halls;
  for (const auto& h : raw.rows("SELECT code, x, y, width, height FROM hall"))
    halls[h[0]] = {std::stod(h[1]), std::stod(h[2]), std::stod(h[3]), std::stod(h[4])};
  CHECK(halls.size() == 3);
  std::vector<Rect> booths;
  std::set<std::string> types;
  long long powered = 0;
  for (const auto& b : raw.rows("SELECT code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked "
                                "FROM booth ORDER BY id")) {
    INFO(b[0]);
    CHECK(std::regex_match(b[0], std::regex("[ABC]-[0-9]{2}")));
    CHECK(b[0].substr(0, 1) == b[1]);
    REQUIRE(halls.count(b[1]) == 1);
    const Rect r{std::stod(b[2]), std::stod(b[3]), std::stod(b[4]), std::stod(b[5])};
    const Rect& h = halls[b[1]];
    CHECK(r.x >= h.x);
    CHECK(r.y >= h.y);
    CHECK(r.x + r.w <= h.x + h.w);
    CHECK(r.y + r.h <= h.y + h.h);
    for (const auto& o : booths) {
      const bool apart = r.x + r.w <= o.x || o.x + o.w <= r.x || r.y + r.h <= o.y || o.y + o.h <= r.y;
      CHECK(apart);
    }
    booths.push_back(r);
    types.insert(b[6]);
    powered += b[7] == "1";
    CHECK(b[8] == "free");
    CHECK(b[9] == "NULL");
    CHECK(b[10] == "0");
  }
  CHECK(types == std::set<std::string>{"inline", "corner", "island"});
  CHECK(powered > 0);
  CHECK(powered < static_cast<long long>(booths.size()));
  // Halls do not overlap either.
  for (const auto& [a, ra] : halls)
    for (const auto& [b, rb] : halls)
      if (a < b) CHECK((ra.x + ra.w <= rb.x || rb.x + rb.w <= ra.x || ra.y + ra.h <= rb.y || rb.y + rb.h <= ra.y));
}

TEST_CASE("filling an edition that already has people is refused and writes nothing") {
  TempDir dir;
  auto store = createEditionDatabase(dir / "demo.db", demoEdition());
  Person walkIn;
  walkIn.first_name = "Khadija";
  walkIn.last_name = "Bennani";
  walkIn.category = "forum";
  store->insertPerson(walkIn);
  const long long before = counted(*store);
  try {
    fillDemo(*store, {});
    FAIL("filled a database that had a person");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
  }
  CHECK(counted(*store) == before);
}

TEST_CASE("filling the demo twice is refused and changes nothing") {
  DemoDb d;
  const std::string before = dumpAll(d.db);
  DemoOptions again;
  again.seed = 2;
  CHECK_THROWS_AS(fillDemo(*d.store, again), Error);
  CHECK(dumpAll(d.db) == before);
}

TEST_CASE("a cancelled demo fill writes nothing, and the edition can be filled afterwards") {
  TempDir dir;
  auto store = createEditionDatabase(dir / "demo.db", demoEdition());
  int asked = 0;
  DemoOptions o;
  o.participants = 5000;
  o.cancelled = [&] { return ++asked > 50; };  // halfway through
  try {
    fillDemo(*store, o);
    FAIL("a cancelled fill finished");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
  }
  CHECK(asked > 50);
  CHECK(counted(*store) == 0);
  o.cancelled = nullptr;
  CHECK(fillDemo(*store, o).participants == 5000);
}

TEST_CASE("demo progress rises from 0 to 1 in at most about 200 reports") {
  TempDir dir;
  auto store = createEditionDatabase(dir / "demo.db", demoEdition());
  std::vector<double> reports;
  DemoOptions o;
  o.participants = 5000;
  o.progress = [&](double f) { reports.push_back(f); };
  fillDemo(*store, o);
  REQUIRE_FALSE(reports.empty());
  CHECK(reports.size() <= 201);
  CHECK(reports.size() >= 50);
  CHECK(std::is_sorted(reports.begin(), reports.end()));
  CHECK(reports.front() >= 0.0);
  CHECK(reports.back() == 1.0);
}

TEST_CASE("demo sizes follow the options, down to an empty demo") {
  SECTION("no exhibitors, no participants: only the venue") {
    DemoOptions o;
    o.exhibitors = 0;
    o.participants = 0;
    DemoDb d(o);
    CHECK(d.summary.exhibitors == 0);
    CHECK(d.summary.staff == 0);
    CHECK(d.summary.participants == 0);
    CHECK(d.summary.booths > 0);
  }
  SECTION("a handful") {
    DemoOptions o;
    o.exhibitors = 5;
    o.participants = 7;
    DemoDb d(o);
    Raw raw(d.db);
    CHECK(raw.count("SELECT count(*) FROM exhibitor") == 5);
    CHECK(raw.count("SELECT count(*) FROM person WHERE exhibitor_id IS NULL") == 7);
  }
  SECTION("negative sizes are a usage error") {
    TempDir dir;
    auto store = createEditionDatabase(dir / "demo.db", demoEdition());
    DemoOptions o;
    o.participants = -1;
    try {
      fillDemo(*store, o);
      FAIL("accepted a negative size");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Usage);
    }
  }
}

TEST_CASE("demo days follow the edition's own dates") {
  TempDir dir;
  Edition e = demoEdition();
  e.starts_on = "2025-07-15";
  e.ends_on = "2025-07-19";
  auto store = createEditionDatabase(dir / "timizar.db", e);
  DemoOptions o;
  o.exhibitors = 10;
  o.participants = 200;
  fillDemo(*store, o);
  Raw raw(dir / "timizar.db");
  for (const auto& p : raw.rows("SELECT days, consent_at FROM person")) {
    CHECK(p[0].rfind("2025-07-15", 0) == 0);
    CHECK(p[0].find("2026") == std::string::npos);
    CHECK(p[1] < "2025-07-15");
  }
}
