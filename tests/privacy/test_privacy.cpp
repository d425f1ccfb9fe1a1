// Personal data (Law 09-08, issue 9), end to end through moussem-cli on a demo edition with a week of
// scans: export-person gives one person's data and nobody else's (JSON and a PDF poppler reads, Arabic
// included); anonymize leaves no personal value anywhere in the database (every column of every table
// is read back), keeps the report figures identical, refuses without --yes, runs twice safely, and is
// all or nothing when the database fails halfway.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/registry.hpp"
#include "privacy/anonymize.hpp"
#include "store/guarded_store.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace moussem;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

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

// Every value of every column of every table: "table.column" -> values, rows in a stable order.
using Dump = std::map<std::string, std::vector<std::string>>;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at - from));
    if (at == std::string::npos) return out;
    from = at + 1;
  }
}

Dump dumpSqlite(const fs::path& db) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &st,
                             nullptr) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  Dump dump;
  for (const auto& t : tables) {
    // Table names come from the database's own catalogue (test code: quoted identifiers).
    REQUIRE(sqlite3_prepare_v2(h, ("SELECT * FROM \"" + t + "\"").c_str(), -1, &st, nullptr) == SQLITE_OK);
    const int n = sqlite3_column_count(st);
    sqlite3_finalize(st);
    std::string order;
    for (int c = 1; c <= n; ++c) order += (c > 1 ? "," : "") + std::to_string(c);
    REQUIRE(sqlite3_prepare_v2(h, ("SELECT * FROM \"" + t + "\" ORDER BY " + order).c_str(), -1, &st, nullptr) ==
            SQLITE_OK);
    std::vector<std::string> names;
    for (int c = 0; c < n; ++c) names.push_back(t + "." + sqlite3_column_name(st, c));
    for (const auto& name : names) dump[name];
    while (sqlite3_step(st) == SQLITE_ROW)
      for (int c = 0; c < n; ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        dump[names[static_cast<std::size_t>(c)]].emplace_back(v ? reinterpret_cast<const char*>(v) : "<null>");
      }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return dump;
}

Dump dumpPostgres(const std::string& url) {
  Dump dump;
  const auto tables =
      split(test::pgQuery(url,
                          "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"),
            ',');
  for (const auto& t : tables) {
    const auto columns = split(test::pgQuery(url,
                                             "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                                             "information_schema.columns WHERE table_schema = current_schema() AND "
                                             "table_name = '" +
                                                 t + "'"),
                               ',');
    for (const auto& c : columns) {
      // One column at a time, rows ordered by the whole row's text; \x1f never occurs in our data.
      const std::string values =
          test::pgQuery(url, "SELECT string_agg(coalesce(\"" + c +
                                 "\"::text, '<null>'), E'\\x1f' ORDER BY r::text) FROM \"" + t + "\" r");
      dump[t + "." + c] = split(values, '\x1f');
    }
  }
  return dump;
}

Dump dumpAll(const fs::path& db) {
  return test::onPostgres() ? dumpPostgres(db.string()) : dumpSqlite(db);
}

// The data without the audit trail: each run of a command writes its own audit rows (who ran it, when).
Dump withoutAudit(Dump d) {
  // The trail and its anchors (one per row: the second run adds rows of its own).
  for (auto it = d.begin(); it != d.end();)
    it = it->first.rfind("audit.", 0) == 0 || it->first.rfind("audit_anchor.", 0) == 0 ? d.erase(it) : std::next(it);
  return d;
}

struct DemoDb {
  test::TempDir dir;
  fs::path db = test::dbPath(dir, "e.db");
  Id artisanStaff = 0;  // a person on the staff of an artisan whose contact she is
  Id withNote = 0;      // a person with a badge reason and a manual admission note naming people

  DemoDb() {
    auto r = cli({"demo", "--scans", "--participants", "40", "--exhibitors", "8"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    addPersonalFreeText();
  }
  test::RunResult cli(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db.string()});
    return test::run("moussem-cli", args);
  }
  std::unique_ptr<Store> open() const { return openStore(db.string()); }

  // What the demo may not have: an artisan (a natural person) with its contact on the staff, and staff
  // names and people's names in a badge's reason, a badge event and a manual admission's note.
  void addPersonalFreeText() {
    auto store = open();
    Exhibitor x;
    x.name_fr = "Maître artisan Driss Ouazzani";
    x.name_ar = "المعلم إدريس الوزاني";
    x.kind = "artisan";
    x.sector = "leather";
    x.region = "fes-meknes";
    x.city = "Fès";
    x.contact_name = "Driss Ouazzani";
    x.phone = "+212661234509";
    x.email = "driss.ouazzani@atelier-test.example";
    x.registration_no = "RNA-99887766";
    x.external_id = "ART-TEST-1";
    store->insertExhibitor(x);
    Person p;
    p.first_name = "Driss";
    p.last_name = "Ouazzani";
    p.name_ar = "إدريس الوزاني";
    p.organization = x.name_fr;
    p.position = "Maître artisan";
    p.category = "exhibitor";
    p.email = x.email;
    p.phone = x.phone;
    p.consent = true;
    p.consent_at = "2026-01-20T10:11:12Z";
    p.external_id = "ART-TEST-1-S1";
    p.exhibitor_id = x.id;
    artisanStaff = store->insertPerson(p);

    for (Id id : store->personIds())
      if (auto badge = store->badgeOfPerson(id)) {
        withNote = id;
        store->updateBadge(*badge, "Perdu, signalé par Salma Berrada");
        store->addBadgeEvent({0, badge->id, badge->version, BadgeAction::Issue,
                              "Remis en main propre par Salma Berrada", "desk-2", "Salma Berrada", ""});
        ScanRecord s;
        s.uid = "privacy-test-manual-1";
        s.gate = "Hall";
        s.zone = "exhibition";
        s.direction = Direction::In;
        s.station = "gate-9";
        s.operator_name = "Omar Tazi";
        s.at = "2026-02-12T11:00:00+01:00";
        s.verdict = ScanVerdict::Rejected;
        s.reason = ScanReason::UnknownBadge;
        s.person_id = id;
        s.manual = true;
        s.note = "Vue par Omar Tazi avec Mme Nawal Skalli";
        store->recordScan(s, nullptr);
        break;
      }
    REQUIRE(withNote != 0);
  }
};

// The personal values of the edition as it is now: what must be gone after anonymize.
std::set<std::string> personalValues(Store& store) {
  std::set<std::string> v;
  auto add = [&](const std::string& s) {
    if (s.size() >= 5) v.insert(s);
  };
  store.forEachPerson([&](const Person& p, const std::string&) {
    add(p.first_name + " " + p.last_name);
    add(p.name_ar);
    add(p.email);
    add(p.phone);
    add(p.external_id);
    add(p.consent_at);
  });
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
    add(x.contact_name);
    add(x.phone);
    add(x.email);
    add(x.external_id);
    if (x.kind == "artisan") {
      add(x.name_fr);
      add(x.name_ar);
      add(x.registration_no);
    }
  });
  for (const auto& name : store.operatorNames()) add(name);
  for (const char* s : {"Salma Berrada", "Omar Tazi", "Nawal Skalli"}) v.insert(s);
  return v;
}

std::map<std::string, std::string> reportCsv(const DemoDb& d, const std::string& name) {
  const fs::path folder = d.dir / name;
  auto r = d.cli({"report", "--out", folder.string() + "/", "--format", "csv"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().filename() != "audit-anchor.txt")  // the trail's anchor: the trail grows with every change
      files[e.path().filename().string()] = slurp(e.path());
  REQUIRE(files.size() >= 3);
  return files;
}

}  // namespace

TEST_CASE("export-person gives everything held about that person, as JSON, and nobody else's data") {
  DemoDb d;
  auto store = d.open();
  // A person with a printed badge and scans: the richest record.
  Id who = 0;
  for (Id id : store->personIds())
    if (id != d.withNote && !store->scansOfPerson(id).empty() && !store->printLog(id, 10).empty() &&
        store->person(id)->exhibitor_id) {
      who = id;
      break;
    }
  REQUIRE(who != 0);
  const Person p = *store->person(who);
  const Badge badge = *store->badgeOfPerson(who);

  auto r = d.cli({"export-person", std::to_string(who)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["format"] == "moussem-person-export/1");
  CHECK(j["exported_by"] == "admin");
  CHECK(j["exported_at"].get<std::string>().size() == 20);
  CHECK(j["person"]["id"] == who);
  CHECK(j["person"]["first_name"] == p.first_name);
  CHECK(j["person"]["last_name"] == p.last_name);
  CHECK(j["person"]["name_ar"] == p.name_ar);
  CHECK(j["person"]["email"] == p.email);
  CHECK(j["person"]["phone"] == p.phone);
  CHECK(j["person"]["consent"] == p.consent);
  CHECK(j["person"]["consent_at"] == p.consent_at);
  CHECK(j["exhibitor"]["id"] == *p.exhibitor_id);
  if (const auto booth = store->boothOfExhibitor(*p.exhibitor_id))
    CHECK(j["booth"] == *booth);
  else
    CHECK(j["booth"].is_null());
  CHECK(j["badge"]["serial"] == badge.serial);
  CHECK(j["badge"]["version"] == badge.version);
  CHECK(j["badge_events"].size() == store->badgeEvents(badge.id).size());
  CHECK(j["prints"].size() == store->printLog(who, 100000).size());
  const auto scans = store->scansOfPerson(who);
  REQUIRE(j["scans"].size() == scans.size());
  for (std::size_t i = 0; i < scans.size(); ++i) {
    CHECK(j["scans"][i]["at"] == scans[i].at);
    CHECK(j["scans"][i]["verdict"] == scans[i].verdict);
  }
  for (const auto& s : j["scans"])
    if (!s["badge"].is_null()) CHECK(s["badge"]["serial"] == badge.serial);
  for (const auto& pr : j["prints"]) CHECK(pr["serial"] == badge.serial);
  CHECK(j["presence"].size() == store->presencesOfPerson(who).size());

  // Nobody else: no other person's name, e-mail or phone; no staff names; no contact of the exhibitor
  // who is not this person.
  const std::string text = r.out;
  long long others = 0;
  store->forEachPerson([&](const Person& o, const std::string&) {
    if (o.id == who) return;
    ++others;
    INFO("person " << o.id);
    if (!o.email.empty()) CHECK(text.find(o.email) == std::string::npos);
    if (!o.phone.empty() && o.phone != p.phone) CHECK(text.find(o.phone) == std::string::npos);
    if (!o.last_name.empty() && o.last_name != p.last_name)
      CHECK(text.find("\"" + o.last_name + "\"") == std::string::npos);
    if (!o.name_ar.empty() && o.name_ar != p.name_ar) CHECK(text.find("\"" + o.name_ar + "\"") == std::string::npos);
  });
  CHECK(others > 40);
  for (const auto& name : store->operatorNames()) CHECK(text.find("\"" + name + "\"") == std::string::npos);
  const Exhibitor x = *store->exhibitor(*p.exhibitor_id);
  CHECK(j["exhibitor"]["is_contact"] == false);
  CHECK(text.find(x.email) == std::string::npos);
  CHECK(text.find(x.phone) == std::string::npos);

  // To a file: the same record.
  const auto out = d.dir / "person.json";
  auto f = d.cli({"--json", "export-person", std::to_string(who), "--out", out.string()});
  REQUIRE(f.exit_code == 0);
  CHECK(nlohmann::json::parse(f.out)["out"] == out.string());
  auto fromFile = nlohmann::json::parse(slurp(out));
  CHECK(fromFile["person"] == j["person"]);
  CHECK(fromFile["scans"] == j["scans"]);

  // The contact of an artisan sees the contact fields, which are hers.
  auto a = nlohmann::json::parse(d.cli({"export-person", std::to_string(d.artisanStaff)}).out);
  CHECK(a["exhibitor"]["is_contact"] == true);
  CHECK(a["exhibitor"]["email"] == "driss.ouazzani@atelier-test.example");
  CHECK(a["badge"].is_null());
  CHECK(a["scans"].empty());
}

TEST_CASE("consent and its date travel through the participants export, and export-person shows them") {
  DemoDb d;
  const auto csv = d.dir / "participants.csv";
  REQUIRE(d.cli({"export", "participants", csv.string()}).exit_code == 0);
  const std::string text = slurp(csv);
  const std::string header = text.substr(0, text.find('\n'));
  CHECK(header.find("consent") != std::string::npos);
  CHECK(header.find("consent_at") != std::string::npos);
  CHECK(text.find("2026-01-20T10:11:12Z") != std::string::npos);
  auto j = nlohmann::json::parse(d.cli({"export-person", std::to_string(d.artisanStaff)}).out);
  CHECK(j["person"]["consent"] == true);
  CHECK(j["person"]["consent_at"] == "2026-01-20T10:11:12Z");
}

TEST_CASE("export-person --out FILE.pdf: poppler reads the Latin and Arabic names and the stamp") {
  DemoDb d;
  auto store = d.open();
  const Person p = *store->person(d.artisanStaff);
  const auto out = d.dir / "person.pdf";
  auto r = d.cli({"--lang", "fr", "export-person", std::to_string(d.artisanStaff), "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(fs::exists(out.string() + ".partial"));
  auto text = test::runCommand("pdftotext", {out.string(), "-"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Données personnelles") != std::string::npos);
  CHECK(text.out.find("Exporté par admin") != std::string::npos);
  CHECK(text.out.find("Driss") != std::string::npos);
  CHECK(text.out.find("Ouazzani") != std::string::npos);
  CHECK(text.out.find("driss.ouazzani@atelier-test.example") != std::string::npos);
  CHECK(lettersOnly(text.out).find(lettersOnly(p.name_ar)) != std::string::npos);

  // A person with scans and a manual admission: the scans are listed, the note too.
  const auto out2 = d.dir / "person2.pdf";
  REQUIRE(d.cli({"export-person", std::to_string(d.withNote), "--out", out2.string()}).exit_code == 0);
  auto text2 = test::runCommand("pdftotext", {out2.string(), "-"});
  const Person q = *store->person(d.withNote);
  CHECK(text2.out.find(q.last_name) != std::string::npos);
  CHECK(lettersOnly(text2.out).find("admissionmanuelle") != std::string::npos);

  // In Arabic: the labels are Arabic.
  const auto out3 = d.dir / "person-ar.pdf";
  REQUIRE(d.cli({"--lang", "ar", "export-person", std::to_string(d.artisanStaff), "--out", out3.string()}).exit_code ==
          0);
  CHECK(lettersOnly(test::runCommand("pdftotext", {out3.string(), "-"}).out).find(lettersOnly("الهوية والتسجيل")) !=
        std::string::npos);
}

TEST_CASE("export-person refuses an unknown id, a wrong extension and an unwritable folder, and writes nothing") {
  DemoDb d;
  auto unknown = d.cli({"export-person", "987654"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("987654") != std::string::npos);
  CHECK(unknown.out.empty());
  auto wrong = d.cli({"export-person", std::to_string(d.artisanStaff), "--out", (d.dir / "p.txt").string()});
  CHECK(wrong.exit_code == 2);
  CHECK_FALSE(fs::exists(d.dir / "p.txt"));
  for (const char* name : {"p.pdf", "p.json"}) {
    const auto bad = d.dir / "missing-folder" / name;
    auto r = d.cli({"export-person", std::to_string(d.artisanStaff), "--out", bad.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(bad.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(d.dir / "missing-folder"));
  }
}

TEST_CASE("anonymize without --yes says what it would do, exits 1 and changes nothing") {
  DemoDb d;
  const Dump before = dumpAll(d.db);
  auto r = d.cli({"anonymize"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("personnes") != std::string::npos);
  CHECK(r.err.find("--yes") != std::string::npos);
  auto j = d.cli({"--json", "anonymize"});
  CHECK(j.exit_code == 1);
  const auto plan = nlohmann::json::parse(j.out.substr(0, j.out.find('\n')));
  CHECK(plan["done"] == false);
  CHECK(plan["people"].get<long long>() > 40);
  CHECK(plan["operators"].get<long long>() >= 2);
  CHECK(dumpAll(d.db) == before);
  auto store = d.open();
  CHECK_FALSE(privacy::isAnonymised(*store));
}

TEST_CASE("anonymize leaves no personal value in any column of any table, keeps every code and link") {
  DemoDb d;
  std::set<std::string> old;
  std::map<Id, Person> people;
  std::map<Id, Exhibitor> exhibitors;
  {
    // An edit at the desk: its audit row holds the person before and after (phone included).
    GuardedStore desk(d.open(), Actor{"amina", Role::Desk, "desk-2"});
    auto p = desk.person(d.artisanStaff);
    REQUIRE(p);
    p->phone = "+212661234599";
    p->position = "Maîtresse artisane";
    desk.updatePerson(*p);
  }
  {
    auto store = d.open();
    old = personalValues(*store);
    store->forEachPerson([&](const Person& p, const std::string&) { people[p.id] = p; });
    store->forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) { exhibitors[x.id] = x; });
  }
  REQUIRE(old.size() > 150);
  REQUIRE(old.count("Driss Ouazzani") == 1);
  // Before: the dump finds them (the check below can see what it looks for).
  const Dump before = dumpAll(d.db);
  auto holds = [](const Dump& dump, const std::string& value) {
    for (const auto& [column, values] : dump)
      for (const auto& v : values)
        if (v.find(value) != std::string::npos) return column;
    return std::string();
  };
  auto inColumn = [](const Dump& dump, const std::string& column, const std::string& value) {
    for (const auto& v : dump.at(column))
      if (v.find(value) != std::string::npos) return true;
    return false;
  };
  CHECK(inColumn(before, "exhibitor.email", "driss.ouazzani@atelier-test.example"));
  CHECK_FALSE(holds(before, "Omar Tazi").empty());
  CHECK(inColumn(before, "audit.after", "Maîtresse artisane"));
  CHECK(inColumn(before, "audit.before", "+212661234509"));

  auto r = d.cli({"anonymize", "--yes"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  const Dump after = dumpAll(d.db);
  REQUIRE(after.count("person.email") == 1);
  REQUIRE(after.count("exhibitor.contact_name") == 1);
  std::vector<std::string> leaks;
  for (const auto& [column, values] : after)
    for (const auto& v : values)
      for (const auto& o : old)
        if (v.find(o) != std::string::npos) leaks.push_back(column + ": " + o);
  INFO("first leaks: " << (leaks.empty() ? "" : leaks.front()) << (leaks.size() > 1 ? " | " + leaks[1] : ""));
  CHECK(leaks.empty());
  CHECK(holds(after, "Maîtresse artisane").empty());
  // The audit trail lost its values, not its chain.
  auto verified = d.cli({"audit", "verify"});
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);

  // Column by column, the personal columns are empty or tokens; the rest is as it was.
  auto store = d.open();
  CHECK(privacy::isAnonymised(*store));
  CHECK(store->setting(privacy::kAnonymisedBy) == std::optional<std::string>("admin"));
  long long seen = 0;
  store->forEachPerson([&](const Person& p, const std::string&) {
    ++seen;
    const Person& was = people.at(p.id);
    INFO("person " << p.id);
    CHECK(p.first_name.empty());
    CHECK(p.last_name == privacy::kPersonToken + std::to_string(p.id));
    CHECK(p.name_ar.empty());
    CHECK(p.external_id.empty());
    CHECK(p.organization.empty());
    CHECK(p.position.empty());
    CHECK(p.email.empty());
    CHECK(p.phone.empty());
    CHECK(p.consent_at.empty());
    CHECK(p.category == was.category);
    CHECK(p.country == was.country);
    CHECK(p.days == was.days);
    CHECK(p.consent == was.consent);
    CHECK(p.exhibitor_id == was.exhibitor_id);
  });
  CHECK(seen == static_cast<long long>(people.size()));
  store->forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
    const Exhibitor& was = exhibitors.at(x.id);
    INFO("exhibitor " << x.id);
    CHECK(x.contact_name.empty());
    CHECK(x.phone.empty());
    CHECK(x.email.empty());
    CHECK(x.external_id.empty());
    if (x.kind == "artisan") {
      CHECK(x.name_fr == privacy::kArtisanToken + std::to_string(x.id));
      CHECK(x.name_ar.empty());
      CHECK(x.registration_no.empty());
    } else {
      CHECK(x.name_fr == was.name_fr);
      CHECK(x.registration_no == was.registration_no);
    }
    CHECK(x.kind == was.kind);
    CHECK(x.sector == was.sector);
    CHECK(x.region == was.region);
    CHECK(x.city == was.city);
  });
  for (const auto& name : store->operatorNames()) CHECK(name.rfind(privacy::kOperatorToken, 0) == 0);
  // Codes, times and links of badges, events and scans are untouched.
  for (const char* column :
       {"badge.serial",     "badge.version",       "badge.status",      "badge.printed_count", "badge_event.action",
        "badge_event.at",   "badge_event.station", "scan.at",           "scan.gate",           "scan.zone",
        "scan.verdict",     "scan.reason",         "scan.badge_serial", "scan.person_id",      "presence.zone",
        "presence.last_at", "booth.exhibitor_id",  "person.category",   "person.days",         "exhibitor.region"}) {
    INFO(column);
    CHECK(after.at(column) == before.at(column));
  }
}

TEST_CASE("reports give the same figures before and after anonymize") {
  DemoDb d;
  const auto before = reportCsv(d, "before");
  const auto infoBefore = nlohmann::json::parse(d.cli({"--json", "info"}).out);
  REQUIRE(d.cli({"anonymize", "--yes"}).exit_code == 0);
  const auto after = reportCsv(d, "after");
  CHECK(after == before);
  auto infoAfter = nlohmann::json::parse(d.cli({"--json", "info"}).out);
  for (const char* k : {"exhibitors", "people", "badges", "booths", "scans"}) {
    INFO(k);
    if (infoBefore.contains(k)) CHECK(infoAfter[k] == infoBefore[k]);
  }
}

TEST_CASE("anonymize twice: the second run changes nothing and keeps the first date") {
  DemoDb d;
  REQUIRE(d.cli({"anonymize", "--yes"}).exit_code == 0);
  const Dump once = withoutAudit(dumpAll(d.db));
  auto r = d.cli({"--json", "anonymize", "--yes"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["people"] == 0);
  CHECK(j["exhibitors"] == 0);
  CHECK(j["operators"] == 0);
  CHECK(j["notes"] == 0);
  CHECK(j["scrubbed"] == true);
  CHECK(withoutAudit(dumpAll(d.db)) == once);
  // The plan now says when it was done.
  auto plan = d.cli({"anonymize"});
  CHECK(plan.exit_code == 1);
  CHECK(plan.out.find("déjà été anonymisée") != std::string::npos);
}

TEST_CASE("anonymize is all or nothing: a database error halfway changes nothing") {
  DemoDb d;
  // Exhibitors are anonymised after people: make their UPDATE fail.
  if (test::onPostgres()) {
    test::pgQuery(d.db.string(),
                  "CREATE FUNCTION privacy_test_fail() RETURNS trigger LANGUAGE plpgsql AS "
                  "$$ BEGIN RAISE EXCEPTION 'injected failure'; END $$; "
                  "CREATE TRIGGER privacy_test_fail BEFORE UPDATE ON exhibitor FOR EACH ROW "
                  "EXECUTE FUNCTION privacy_test_fail();");
  } else {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(d.db.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h,
                         "CREATE TRIGGER privacy_test_fail BEFORE UPDATE ON exhibitor "
                         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  const Dump before = dumpAll(d.db);
  auto r = d.cli({"anonymize", "--yes"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("injected failure") != std::string::npos);
  CHECK(dumpAll(d.db) == before);
  auto store = d.open();
  CHECK_FALSE(privacy::isAnonymised(*store));
}

TEST_CASE("after anonymize the search index loads, finds a token, and flags no duplicates among tokens") {
  DemoDb d;
  REQUIRE(d.cli({"anonymize", "--yes"}).exit_code == 0);
  auto store = d.open();
  Registry registry(*store);
  registry.loadIndex();
  const Person p = *store->person(d.artisanStaff);
  const auto hits = registry.search(p.last_name, 20);
  bool found = false;
  for (const auto& h : hits.hits) found = found || (h.kind == SearchIndex::Kind::Person && h.id == p.id);
  CHECK(found);
  for (Id id : store->personIds()) {
    INFO("person " << id);
    CHECK(registry.duplicatesOf(*store->person(id)).empty());
  }
  // The desk still registers a walk-in, even one named like somebody before anonymisation.
  Person walkIn;
  walkIn.first_name = "Driss";
  walkIn.last_name = "Ouazzani";
  walkIn.category = "buyer";
  walkIn.email = "driss.ouazzani@atelier-test.example";
  CHECK(registry.duplicatesOf(walkIn).empty());
  CHECK(registry.savePerson(walkIn) > 0);
}

TEST_CASE("anonymize refuses while the edition is not over, unless --before-end") {
  test::TempDir dir;
  const auto db = test::dbPath(dir, "future.db");
  auto init = test::run("moussem-cli", {"--db", db.string(), "init", "--edition-name", "Salon 2099", "--from",
                                        "2099-03-01", "--to", "2099-03-05"});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  auto r = test::run("moussem-cli", {"--db", db.string(), "anonymize", "--yes"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("2099-03-05") != std::string::npos);
  {
    auto store = openStore(db.string());
    CHECK_FALSE(privacy::isAnonymised(*store));
  }
  CHECK(test::run("moussem-cli", {"--db", db.string(), "anonymize", "--yes", "--before-end"}).exit_code == 0);
  auto store = openStore(db.string());
  CHECK(privacy::isAnonymised(*store));
}

// Debian's SQLite is built with SECURE_DELETE (freed content is zeroed), so this holds there even
// without the VACUUM that anonymize runs; the VACUUM and the WAL truncation cover builds without it.
TEST_CASE("anonymize leaves no old value in the SQLite file's free pages or its WAL", "[sqlite]") {
  DemoDb d;
  std::set<std::string> old;
  {
    auto store = d.open();
    old = personalValues(*store);
  }
  auto r = d.cli({"--json", "anonymize", "--yes"});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["scrubbed"] == true);
  std::string bytes = slurp(d.db);
  if (fs::exists(d.db.string() + "-wal")) bytes += slurp(d.db.string() + "-wal");
  REQUIRE(bytes.size() > 10000);
  std::vector<std::string> found;
  for (const auto& o : old)
    if (bytes.find(o) != std::string::npos) found.push_back(o);
  INFO("still in the file: " << (found.empty() ? "" : found.front()));
  CHECK(found.empty());
}
