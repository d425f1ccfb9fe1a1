// `moussem-cli report` and `export scans`: the XLSX opens (unzipped and read: its sheets, the day table,
// a native chart), the PDF reads (poppler: page count, French and Arabic headings, the figures, forum
// attendance), the CSV tables and the scan log read back and agree with the figures and the database.
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <tuple>

#include "../gate/gate_fixture.hpp"
#include "io/csv.hpp"
#include "report/figures.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {
void scanSome(GateFixture& f) {
  gate::ScanPipeline pipeline(*f.store, {"gate-1", "steward"});
  GateProfile hall = f.profile("exhibition");
  auto badges = f.badges();
  for (Id who : {f.speaker, f.exhibitor, f.official, f.visitor})
    for (const char* at : {"2026-02-10T10:15:00+01:00", "2026-02-11T16:40:00+01:00"}) {
      pipeline.scan(badges.payload(who), hall, Direction::In, GateFixture::at(at));
      GateProfile out = hall;
      out.direction = Direction::Out;
      pipeline.scan(badges.payload(who), out, Direction::Out, GateFixture::at(at));
    }
}

// The forum on its two days: the speaker once a day, the official in, out and in again on the 10th;
// the exhibitor is refused (not a forum category) and not counted.
void scanForum(GateFixture& f) {
  gate::ScanPipeline pipeline(*f.store, {"forum-gate", "hafsa"});
  GateProfile in = f.profile("forum");
  GateProfile out = in;
  out.direction = Direction::Out;
  auto badges = f.badges();
  for (auto [who, gate, at] :
       std::vector<std::tuple<Id, GateProfile*, const char*>>{{f.speaker, &in, "2026-02-09T10:00:00+01:00"},
                                                              {f.official, &in, "2026-02-09T10:05:00+01:00"},
                                                              {f.speaker, &in, "2026-02-10T09:30:00+01:00"},
                                                              {f.official, &in, "2026-02-10T09:40:00+01:00"},
                                                              {f.official, &out, "2026-02-10T12:00:00+01:00"},
                                                              {f.official, &in, "2026-02-10T14:00:00+01:00"},
                                                              {f.exhibitor, &in, "2026-02-10T14:10:00+01:00"}})
    pipeline.scan(badges.payload(who), *gate, gate->direction, GateFixture::at(at));
}

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

csv::Table readCsv(const std::filesystem::path& file) {
  REQUIRE(std::filesystem::exists(file));
  return csv::parse(readAll(file));
}

// Each value of a table's column, keyed by the first column (or two, joined by '|').
std::map<std::string, std::string> column(const csv::Table& t, const std::string& name, int keys = 1) {
  const auto& header = t.rows.front().fields;
  const auto c = static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  REQUIRE(c < header.size());
  std::map<std::string, std::string> out;
  for (std::size_t r = 1; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r].fields;
    out[keys == 1 ? row[0] : row[0] + "|" + row[1]] = row[c];
  }
  return out;
}

std::vector<std::vector<std::string>> sqlRows(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::vector<std::vector<std::string>> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      row.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return rows;
}

}  // namespace

TEST_CASE("report --out FILE.xlsx writes a workbook with a sheet per table and native charts") {
  GateFixture f;
  scanSome(f);
  const auto out = f.dir / "report.xlsx";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "--lang", "fr", "report", "--out", out.string()});
  REQUIRE(r.exit_code == 0);
  auto book = test::runCommand("unzip", {"-p", out.string(), "xl/workbook.xml"});
  for (const char* sheet : {"Résumé", "Jours", "Heures", "Catégories", "Régions", "Filières", "Stands", "Présents"})
    CHECK(book.out.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
  auto list = test::runCommand("unzip", {"-l", out.string()});
  CHECK(list.out.find("xl/charts/chart1.xml") != std::string::npos);
  auto days = test::runCommand("unzip", {"-p", out.string(), "xl/worksheets/sheet2.xml"});
  auto strings = test::runCommand("unzip", {"-p", out.string(), "xl/sharedStrings.xml"});
  // Days are date cells (Excel's serial day number with a date format), not text.
  CHECK(strings.out.find("2026-02-10") == std::string::npos);
  CHECK(days.out.find("<v>46063</v>") != std::string::npos);  // 2026-02-10
  // 2026-02-10 (row 3, after the header and the 9th): three entries in the Entries column — the buyer's badge
  // is valid on the 11th only, so her scan that day is refused and not counted.
  INFO(days.out);
  CHECK(days.out.find("<c r=\"B3\" s=\"2\"><v>3</v></c>") != std::string::npos);  // s="2": the "#,##0" format
  CHECK(days.out.find("<c r=\"B2\" s=\"2\"><v>0</v></c>") != std::string::npos);
  CHECK(book.out.find("name=\"Édition\"") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));
}

TEST_CASE(
    "report --out FILE.pdf writes a cover, key figures, one page per day and the exhibitors, in French and Arabic") {
  GateFixture f;
  scanSome(f);
  const auto out = f.dir / "report.pdf";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "report", "--out", out.string()});
  REQUIRE(r.exit_code == 0);
  auto info = test::runCommand("pdfinfo", {out.string()});
  CHECK(info.out.find("Pages:           11") != std::string::npos);  // cover, figures, 7 days, forum, exhibitors
  auto text = test::runCommand("pdftotext", {"-layout", out.string(), "-"});
  CHECK(text.out.find("Semaine Nationale de l'Artisanat") != std::string::npos);
  CHECK(text.out.find("Chiffres clés") != std::string::npos);
  CHECK(text.out.find("أرقام رئيسية") != std::string::npos);
  CHECK(text.out.find("10 février 2026") != std::string::npos);
  CHECK(text.out.find("Occupation des stands") != std::string::npos);
}

TEST_CASE("report refuses another extension and a missing database without writing anything") {
  GateFixture f;
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "report", "--out", (f.dir / "r.docx").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("r.docx") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.dir / "r.docx"));
  auto missing =
      test::run("moussem-cli", {"--db", (f.dir / "none.db").string(), "report", "--out", (f.dir / "r.pdf").string()});
  CHECK(missing.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(f.dir / "r.pdf"));
}

TEST_CASE(
    "the PDF report has a forum attendance page: entries and people per day and per category, in French and Arabic") {
  GateFixture f;
  scanSome(f);
  scanForum(f);
  const auto out = f.dir / "report.pdf";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "report", "--out", out.string()});
  REQUIRE(r.exit_code == 0);
  auto text = test::runCommand("pdftotext", {"-layout", out.string(), "-"});
  INFO(text.out);
  CHECK(text.out.find("Fréquentation du forum") != std::string::npos);
  CHECK(text.out.find("الحضور في المنتدى") != std::string::npos);
  // The forum page (after the cover, the key figures and the 7 days): its value columns alone, cropped
  // (poppler mixes the Arabic labels into the lines), read top to bottom.
  auto values = test::runCommand("pdftotext", {"-f", "10", "-l", "10", "-layout", "-x", "400", "-y", "0", "-W", "160",
                                               "-H", "842", out.string(), "-"});
  // poppler wraps runs in bidi embedding marks (U+202A..U+202E): dropped.
  std::string plain;
  for (std::size_t i = 0; i < values.out.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(values.out[k]); };
    if (i + 2 < values.out.size() && b(i) == 0xE2 && b(i + 1) == 0x80 && b(i + 2) >= 0xAA && b(i + 2) <= 0xAE) {
      i += 2;
      continue;
    }
    plain += values.out[i];
  }
  std::vector<std::string> rows;
  std::istringstream lines(plain);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string word, row;  // the numbers that end the line (an Arabic label may start it)
    while (words >> word) {
      if (word.find_first_not_of("0123456789") != std::string::npos)
        row.clear();
      else
        row += (row.empty() ? "" : " ") + word;
    }
    if (!row.empty()) rows.push_back(row);
  }
  INFO(values.out);
  // Entries 5 (2 on the 9th, 3 on the 10th), 2 people; per day: entries, people; per category (official,
  // speaker): people, entries. The exhibitor's refused scan counts nowhere.
  CHECK(rows == std::vector<std::string>{"5", "2", "2 2", "3 2", "0 0", "0 0", "0 0", "0 0", "0 0", "1 3", "1 2"});
}

TEST_CASE("report --format csv writes one CSV per table into a folder, and they read back as the figures") {
  GateFixture f;
  scanSome(f);
  scanForum(f);
  auto svc = f.badges();
  svc.recordPrint(f.speaker);
  const auto dir = f.dir / "tables";
  auto r =
      test::run("moussem-cli", {"--db", f.db.string(), "--json", "report", "--out", dir.string(), "--format", "csv"});
  REQUIRE(r.exit_code == 0);
  INFO(r.out);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["files"].size() == 11);  // ten tables and the audit trail's anchor
  CHECK(j["files"].back() == "audit-anchor.txt");
  CHECK(j["anchor"].get<std::string>().rfind("moussem-audit-anchor.1.", 0) == 0);

  report::FiguresBuilder b;
  b.update(*f.store);
  const report::EventFigures& fig = b.figures();
  auto summary = readCsv(dir / "summary.csv");
  CHECK(summary.had_bom);
  CHECK(summary.separator == ';');
  auto value = column(summary, "value");
  CHECK(value["registered"] == std::to_string(fig.people));
  CHECK(value["badges_printed"] == "1");
  CHECK(value["entries"] == std::to_string(fig.entries));
  CHECK(value["exits"] == std::to_string(fig.exits));
  CHECK(value["visitors"] == std::to_string(fig.visitors));
  CHECK(column(summary, "label")["entries"] == "Entrées");

  auto days = readCsv(dir / "days.csv");
  REQUIRE(days.rows.size() == 1 + fig.days.size());
  auto entries = column(days, "entries"), visitors = column(days, "visitors");
  auto hours = readCsv(dir / "hours.csv");
  for (const auto& d : fig.days) {
    CHECK(entries[d.day] == std::to_string(d.entries));
    CHECK(visitors[d.day] == std::to_string(d.visitors));
    for (int h = 0; h < 24; ++h) {
      char name[16];
      std::snprintf(name, sizeof name, "h%02d", h);
      CHECK(column(hours, name)[d.day] == std::to_string(d.by_hour[static_cast<std::size_t>(h)]));
    }
  }
  auto categories = readCsv(dir / "categories.csv");
  for (std::size_t i = 0; i < fig.funnel.size(); ++i) {
    const std::string code = fig.funnel[i].category;
    CHECK(column(categories, "registered")[code] == std::to_string(fig.funnel[i].registered));
    CHECK(column(categories, "printed")[code] == std::to_string(fig.funnel[i].printed));
    CHECK(column(categories, "entered")[code] == std::to_string(fig.funnel[i].entered));
    CHECK(column(categories, "entries")[code] == std::to_string(fig.entries_by_category[i].count));
  }
  CHECK(column(categories, "label")["speaker"] == "Intervenant");
  auto inside = readCsv(dir / "inside.csv");
  for (const auto& z : fig.inside_by_zone) CHECK(column(inside, "inside")[z.code] == std::to_string(z.count));
  // Forum attendance, against the scan log itself.
  auto zoneDays = readCsv(dir / "zones_days.csv");
  CHECK(column(zoneDays, "entries", 2)["forum|2026-02-09"] == "2");
  CHECK(column(zoneDays, "entries", 2)["forum|2026-02-10"] == "3");
  CHECK(column(zoneDays, "attendees", 2)["forum|2026-02-10"] == "2");
  CHECK(column(zoneDays, "entries", 2)["forum|2026-02-11"] == "0");
  auto zoneCategories = readCsv(dir / "zones_categories.csv");
  CHECK(column(zoneCategories, "attendees", 2)["forum|official"] == "1");
  CHECK(column(zoneCategories, "entries", 2)["forum|official"] == "3");  // the 9th, and twice on the 10th
  CHECK(column(zoneCategories, "attendees", 2)["forum|exhibitor"] == "0");
  for (const char* name : {"regions.csv", "sectors.csv", "booths.csv"}) CHECK(std::filesystem::exists(dir / name));
  for (const auto& e : std::filesystem::directory_iterator(dir))
    CHECK((e.path().extension() == ".csv" || e.path().filename() == "audit-anchor.txt"));
  std::ifstream anchor(dir / "audit-anchor.txt");
  std::string line;
  std::getline(anchor, line);
  CHECK(line == j["anchor"]);
}

TEST_CASE("report refuses a CSV file name and a missing folder for its tables, writing nothing") {
  GateFixture f;
  auto file = test::run("moussem-cli", {"--db", f.db.string(), "report", "--out", (f.dir / "r.csv").string()});
  CHECK(file.exit_code == 2);
  CHECK(file.err.find("dossier") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.dir / "r.csv"));
  auto deep = test::run(
      "moussem-cli", {"--db", f.db.string(), "report", "--out", (f.dir / "no" / "such").string(), "--format", "csv"});
  CHECK(deep.exit_code == 1);
  CHECK(deep.err.find((f.dir / "no").string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(f.dir / "no"));
}

TEST_CASE("export scans writes the whole scan log, one line per scan, with no phone or e-mail") {
  GateFixture f;
  Person p = *f.store->person(f.speaker);
  p.email = "youssef.alaoui@example.ma";
  p.phone = "+212612345678";
  f.store->updatePerson(p);
  scanSome(f);
  scanForum(f);
  gate::ScanPipeline(*f.store, {"gate-1", "steward"})
      .scan("NOT-A-BADGE", f.profile("exhibition"), Direction::In, GateFixture::at("2026-02-12T09:00:00+01:00"));
  const auto out = f.dir / "scans.csv";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "export", "scans", out.string()});
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(out.string() + ".part"));
  const std::string bytes = readAll(out);
  CHECK(bytes.find("youssef.alaoui") == std::string::npos);
  CHECK(bytes.find("612345678") == std::string::npos);
  CHECK(bytes.find("Alaoui") == std::string::npos);
  auto t = csv::parse(bytes);
  REQUIRE_FALSE(t.rows.empty());
  CHECK(t.rows.front().fields == std::vector<std::string>{"at", "gate", "zone", "direction", "station", "operator",
                                                          "verdict", "reason", "badge_serial", "badge_version",
                                                          "category", "manual"});
  auto expected = sqlRows(f.db,
                          "SELECT s.at, s.gate, s.zone, s.direction, s.station, s.operator, s.verdict, s.reason, "
                          "coalesce(s.badge_serial,''), coalesce(s.badge_version,''), coalesce(p.category,''), "
                          "CASE s.manual WHEN 1 THEN 'yes' ELSE 'no' END "
                          "FROM scan s LEFT JOIN person p ON p.id = s.person_id ORDER BY s.id");
  REQUIRE(expected.size() == 24);  // 16 in the hall, 7 at the forum, and the unreadable one
  REQUIRE(t.rows.size() == 1 + expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(i);
    CHECK(t.rows[i + 1].fields == expected[i]);
  }
  const auto& last = t.rows.back().fields;
  CHECK(last[6] == "rejected");
  CHECK(last[7] == "malformed");
  CHECK(last[8].empty());
  CHECK(last[0] == "2026-02-12T09:00:00+01:00");  // the venue's local time, as the gate logged it
}

TEST_CASE("export scans to .xlsx writes a sheet with every scan, and a missing folder writes nothing") {
  GateFixture f;
  scanSome(f);
  const auto out = f.dir / "scans.xlsx";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "--json", "export", "scans", out.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["records"] == f.scans());
  auto book = test::runCommand("unzip", {"-p", out.string(), "xl/workbook.xml"});
  CHECK(book.out.find("name=\"scans\"") != std::string::npos);
  auto sheet = test::runCommand("unzip", {"-p", out.string(), "xl/worksheets/sheet1.xml"});
  long long rowTags = 0;
  for (std::size_t at = sheet.out.find("<row "); at != std::string::npos; at = sheet.out.find("<row ", at + 1))
    ++rowTags;
  CHECK(rowTags == 1 + f.scans());
  // The time is a date cell at the venue's clock (Excel's serial: 2026-02-10 10:15), not text.
  CHECK(sheet.out.find("2026-02-10T10:15:00+01:00") == std::string::npos);
  CHECK(sheet.out.find("<v>46063.427083") != std::string::npos);

  auto missing =
      test::run("moussem-cli", {"--db", f.db.string(), "export", "scans", (f.dir / "no" / "s.csv").string()});
  CHECK(missing.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(f.dir / "no"));
  auto wrong = test::run("moussem-cli", {"--db", f.db.string(), "export", "scans", (f.dir / "s.txt").string()});
  CHECK(wrong.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(f.dir / "s.txt"));
}

TEST_CASE(
    "demo --scans rehearses the gates the same way for the same seed: accepted and refused scans, forum attendance") {
  test::TempDir dir;
  std::string logs[2];
  for (int i = 0; i < 2; ++i) {
    const auto db = dir / ("demo" + std::to_string(i) + ".db");
    auto r = test::run("moussem-cli",
                       {"--db", db.string(), "--json", "demo", "--scans", "--participants", "60", "--exhibitors", "8"});
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["badges"] == j["participants"].get<long long>() + j["staff"].get<long long>());
    CHECK(j["printed"].get<long long>() < j["badges"].get<long long>());
    CHECK(j["accepted"].get<long long>() > 0);
    CHECK(j["accepted"].get<long long>() < j["scans"].get<long long>());  // some are refused, as at a real gate
    const auto out = dir / ("scans" + std::to_string(i) + ".csv");
    REQUIRE(test::run("moussem-cli", {"--db", db.string(), "export", "scans", out.string()}).exit_code == 0);
    // Badge serials are random by design (they say nothing about order): every other column is compared.
    for (const auto& row : csv::parse(readAll(out)).rows) {
      auto cells = row.fields;
      cells.erase(cells.begin() + 8);
      for (const auto& c : cells) logs[i] += c + ";";
      logs[i] += "\n";
    }
    if (i == 0) {
      auto svc = openStore(db.string());
      report::FiguresBuilder b;
      b.update(*svc);
      REQUIRE(b.figures().zone("forum"));
      CHECK(b.figures().zone("forum")->attendees > 0);
      CHECK(b.figures().badges_printed == j["printed"].get<long long>());
    }
  }
  CHECK(logs[0] == logs[1]);
  CHECK(logs[0].find(";rejected;") != std::string::npos);
  CHECK(logs[0].find(";forum;") != std::string::npos);
}

TEST_CASE(
    "reports group thousands as the chosen language writes them, XLSX cells stay numbers with a grouping format, CSV "
    "stays raw") {
  test::TempDir dir;
  const std::string db = (dir / "big.db").string();
  REQUIRE(test::run("moussem-cli", {"--db", db, "demo", "--exhibitors", "8", "--participants", "1300"}).exit_code == 0);
  // The CSV tables carry raw digits, whatever the language.
  const auto tables = dir / "tables";
  REQUIRE(test::run("moussem-cli", {"--db", db, "--lang", "fr", "report", "--out", tables.string(), "--format", "csv"})
              .exit_code == 0);
  const std::string digits = column(readCsv(tables / "summary.csv"), "value")["registered"];
  INFO(digits);
  REQUIRE(digits.size() == 4);
  REQUIRE(digits.find_first_not_of("0123456789") == std::string::npos);
  const std::string head = digits.substr(0, digits.size() - 3), tail = digits.substr(digits.size() - 3);

  SECTION("PDF in French: 1 3xx with a no-break space; in English: 1,3xx and English headings") {
    for (auto [lang, grouped, heading] :
         {std::tuple{"fr", head + "\xC2\xA0" + tail, "Chiffres clés"},
          std::tuple{"en", head + "," + tail, "Key figures"}, std::tuple{"ar", head + "," + tail, "Chiffres clés"}}) {
      const auto out = dir / (std::string("report-") + lang + ".pdf");
      REQUIRE(test::run("moussem-cli", {"--db", db, "--lang", lang, "report", "--out", out.string()}).exit_code == 0);
      auto text = test::runCommand("pdftotext", {"-layout", out.string(), "-"});
      INFO(lang);
      // pdftotext may give the no-break space back as a plain space.
      CHECK((text.out.find(grouped) != std::string::npos ||
             (std::string(lang) == "fr" && text.out.find(head + " " + tail) != std::string::npos)));
      if (std::string(lang) == "fr") CHECK(text.out.find(head + "," + tail) == std::string::npos);
      CHECK(text.out.find(heading) != std::string::npos);
      CHECK(text.out.find("أرقام رئيسية") != std::string::npos);  // Arabic on the right, always
    }
  }
  SECTION("XLSX: the figure is a number cell formatted #,##0") {
    const auto out = dir / "report.xlsx";
    REQUIRE(test::run("moussem-cli", {"--db", db, "--lang", "en", "report", "--out", out.string()}).exit_code == 0);
    auto summary = test::runCommand("unzip", {"-p", out.string(), "xl/worksheets/sheet1.xml"});
    auto styles = test::runCommand("unzip", {"-p", out.string(), "xl/styles.xml"});
    INFO(summary.out);
    CHECK(summary.out.find("s=\"2\"><v>" + digits + "</v>") != std::string::npos);
    // "#,##0": Excel's built-in format 3, or written out as a custom format.
    CHECK((styles.out.find("numFmtId=\"3\"") != std::string::npos ||
           styles.out.find("formatCode=\"#,##0\"") != std::string::npos));
  }
}
