// Every XLSX Moussem writes (exhibitors, participants, scans, the report, the booth directory), read
// back by openpyxl (python3-openpyxl, not libxlsxwriter): dates are date cells with a format, numbers
// are numbers, one table per sheet with its header frozen, an autofilter and sized columns, and sheets
// written in Arabic are right to left.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace moussem::test;
using nlohmann::json;

namespace {
struct Workbooks {
  TempDir dir;
  std::string db = (dir / "demo.db").string();
  Workbooks() {
    REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "12", "--participants", "40"}).exit_code == 0);
    auto p = run("moussem-cli", {"--db", db, "--json", "badge", "payload", "--person", "1"});
    REQUIRE(p.exit_code == 0);
    const std::string payload = json::parse(p.out)["payload"];
    REQUIRE(run("moussem-cli", {"--db", db, "scan", "--gate", "exhibition", "--at", "2026-02-10T10:00:00+01:00"},
                payload + "\n" + payload + "\n")
                .exit_code == 0);
  }
  std::string out(const std::string& name) { return (dir / name).string(); }
  void cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    auto r = run("moussem-cli", args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json read(const std::vector<std::string>& files) {
    std::vector<std::string> args{(sourceDir() / "tests/io/read_xlsx.py").string()};
    args.insert(args.end(), files.begin(), files.end());
    auto r = runCommand("/usr/bin/python3", args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

const json& sheet(const json& book, const std::string& name) {
  for (const auto& s : book)
    if (s["name"] == name) return s;
  FAIL("no sheet " << name);
  return book;
}

std::vector<std::string> typesOf(const json& s, const std::string& column) {
  return s["types"].contains(column) ? s["types"][column].get<std::vector<std::string>>() : std::vector<std::string>{};
}
}  // namespace

TEST_CASE("every XLSX reads back in openpyxl as one table per sheet: frozen header, autofilter, sized columns") {
  Workbooks w;
  const std::vector<std::string> files{w.out("exhibitors.xlsx"), w.out("participants.xlsx"), w.out("scans.xlsx"),
                                       w.out("report.xlsx"), w.out("directory.xlsx")};
  w.cli({"export", "exhibitors", files[0]});
  w.cli({"export", "participants", files[1]});
  w.cli({"export", "scans", files[2]});
  w.cli({"report", "--out", files[3]});
  w.cli({"booth", "directory", "--out", files[4]});
  const json books = w.read(files);
  REQUIRE(books.size() == files.size());
  int sheets = 0;
  for (const auto& [file, book] : books.items()) {
    for (const auto& s : book) {
      INFO(file << " / " << s["name"]);
      ++sheets;
      CHECK(s["freeze"] == "A2");
      CHECK(s["autofilter"].get<std::string>().rfind("A1:", 0) == 0);
      CHECK(s["sized_columns"] == s["header"].size());
      CHECK_FALSE(s["rtl"]);  // written in French
      // One table: every header cell is a title, no blank column inside it.
      for (const auto& h : s["header"]) CHECK(h.is_string());
    }
  }
  CHECK(sheets >= 14);

  // Numbers are numbers, dates are dates; what must stay text (phones, codes) stays text.
  const json& ex = sheet(books[files[0]], "exhibitors");
  CHECK(typesOf(ex, "booth_area_m2") == std::vector<std::string>{"number"});
  CHECK(typesOf(ex, "phone") == std::vector<std::string>{"text"});
  const json& people = sheet(books[files[1]], "participants");
  CHECK(typesOf(people, "consent_at") == std::vector<std::string>{"date"});
  CHECK(people["date_formats"]["consent_at"] == json::array({"yyyy-mm-dd hh:mm:ss"}));
  const json& scans = sheet(books[files[2]], "scans");
  CHECK(scans["rows"] == 2);
  CHECK(typesOf(scans, "at") == std::vector<std::string>{"date"});
  CHECK(typesOf(scans, "badge_version") == std::vector<std::string>{"number"});

  const json& report = books[files[3]];
  const json& days = sheet(report, "Jours");
  CHECK(typesOf(days, "Jour") == std::vector<std::string>{"date"});
  CHECK(days["date_formats"]["Jour"] == json::array({"yyyy-mm-dd"}));
  CHECK(typesOf(days, "Entrées") == std::vector<std::string>{"number"});
  CHECK(typesOf(sheet(report, "Heures"), "Jour") == std::vector<std::string>{"date"});
  for (const char* name : {"Résumé", "Catégories", "Régions", "Filières", "Stands", "Présents"}) {
    const json& s = sheet(report, name);
    for (std::size_t c = 1; c < s["header"].size(); ++c) {
      INFO(name << " / " << s["header"][c]);
      const auto t = typesOf(s, s["header"][c]);
      CHECK((t.empty() || t == std::vector<std::string>{"number"}));
    }
  }
  // The forum: by day and by category, two sheets (no table stacked under another).
  CHECK(typesOf(sheet(report, "Forum"), "Jour") == std::vector<std::string>{"date"});
  CHECK(sheet(report, "Forum par catégorie")["header"][0] == "Catégorie");
  const json& edition = sheet(report, "Édition");
  CHECK(typesOf(edition, "Du") == std::vector<std::string>{"date"});
  CHECK(sheet(books[files[4]], "directory")["rows"] == 12);
}

TEST_CASE("sheets written in Arabic are right to left, and read back the same") {
  Workbooks w;
  const std::vector<std::string> files{w.out("report-ar.xlsx"), w.out("directory-ar.xlsx"),
                                       w.out("participants-ar.xlsx")};
  w.cli({"--lang", "ar", "report", "--out", files[0]});
  w.cli({"--lang", "ar", "booth", "directory", "--out", files[1]});
  w.cli({"--lang", "ar", "export", "participants", files[2]});
  const json books = w.read(files);
  for (const auto& [file, book] : books.items())
    for (const auto& s : book) {
      INFO(file << " / " << s["name"]);
      CHECK(s["rtl"]);
      CHECK(s["freeze"] == "A2");
    }
  CHECK(typesOf(sheet(books[files[0]], "الأيام"), "اليوم") == std::vector<std::string>{"date"});
}
