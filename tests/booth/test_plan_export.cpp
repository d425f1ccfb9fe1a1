// Plan and directory exports through the command line, read back with independent tools: the plan
// PDF with poppler (booth codes, French and Arabic names in the index), the PNG's size, the directory
// CSV parsed back, the XLSX unzipped; a wrong extension or colour is refused and writes nothing.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "booth/plan_style.hpp"
#include "io/csv.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct ExportDb {
  TempDir dir;
  std::filesystem::path db = dir / "plan.db";
  std::unique_ptr<Store> store = createEditionDatabase(db, demoEdition());
  Exhibitor first, second;
  ExportDb() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);
    booth::assignBooth(*store, "A-05", 1);
    booth::assignBooth(*store, "B-07", 2);
    booth::lockBooth(*store, "A-05", true);
    first = *store->exhibitor(1);
    second = *store->exhibitor(2);
  }
  test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    return test::run("moussem-cli", args);
  }
};

// Text as poppler reads it back, for comparing Arabic: poppler puts spaces between some shaped glyphs
// of one word and wraps right-to-left runs in embedding marks (U+202A..U+202E). The letters stay in
// logical order, which is what a search in the PDF relies on. (Lam-alef ligatures come back with their
// two letters swapped: the names checked below have none.)
std::string lettersOnly(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\n') continue;
    if (text.compare(i, 2, "\xE2\x80") == 0 && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 2]) >= 0xAA && static_cast<unsigned char>(text[i + 2]) <= 0xAE)) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("venue plan --out FILE.pdf: the plan with booth codes, then an index by booth with French and Arabic names") {
  ExportDb d;
  const auto out = d.dir / "plan.pdf";
  auto r = d.cli({"--lang", "fr", "venue", "plan", "--out", out.string(), "--colour", "sector"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));
  auto info = test::runCommand("pdfinfo", {out.string()});
  CHECK(info.out.find("Pages:           2") != std::string::npos);    // the plan, one index page
  CHECK(info.out.find("1190.55 x 841.89 pts") != std::string::npos);  // A3 landscape
  auto text = test::runCommand("pdftotext", {out.string(), "-"});
  for (const char* code : {"A-05", "B-07", "C-01", "D-01"}) CHECK(text.out.find(code) != std::string::npos);
  CHECK(text.out.find("Plan des stands") != std::string::npos);
  CHECK(text.out.find(d.first.name_fr) != std::string::npos);
  // Shaped by Pango, read back in logical order.
  CHECK(lettersOnly(text.out).find(lettersOnly(d.first.name_ar)) != std::string::npos);
  CHECK(lettersOnly(text.out).find(lettersOnly(d.second.name_ar)) != std::string::npos);

  // A2 in Arabic: the title and the legend in Arabic.
  const auto a2 = d.dir / "plan-a2.pdf";
  REQUIRE(d.cli({"--lang", "ar", "venue", "plan", "--out", a2.string(), "--paper", "a2"}).exit_code == 0);
  CHECK(test::runCommand("pdfinfo", {a2.string()}).out.find("1683.78 x 1190.55 pts") != std::string::npos);
  const std::string arabic = lettersOnly(test::runCommand("pdftotext", {a2.string(), "-"}).out);
  CHECK(arabic.find("مخطط") != std::string::npos);  // the title
  CHECK(arabic.find("شاغر") != std::string::npos);  // "free" in the legend
}

TEST_CASE("venue plan --out FILE.png: the plan page as an A3 picture at 150 dpi") {
  ExportDb d;
  const auto out = d.dir / "plan.png";
  REQUIRE(d.cli({"venue", "plan", "--out", out.string(), "--colour", "region"}).exit_code == 0);
  const std::string png = slurp(out);
  REQUIRE(png.size() > 24);
  CHECK(png.compare(1, 3, "PNG") == 0);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  CHECK(be32(16) == 2480);  // 420 mm at 150 dpi
  CHECK(be32(20) == 1754);
}

TEST_CASE("booth directory --out FILE.csv parses back: one row per exhibitor, booth, names, sector and region codes") {
  ExportDb d;
  const auto out = d.dir / "directory.csv";
  auto r = d.cli({"--json", "booth", "directory", "--out", out.string()});
  REQUIRE(r.exit_code == 0);
  const auto table = csv::parse(slurp(out));
  CHECK(table.had_bom);
  CHECK(table.separator == ';');
  REQUIRE(table.rows.size() > 2);
  const std::vector<std::string> header{"booth", "hall", "name_fr", "name_ar", "sector", "region", "city"};
  CHECK(table.rows[0].fields == header);
  int exhibitors = 0;
  d.store->forEachExhibitor([&](const Exhibitor&, const std::string&, const std::string&) { ++exhibitors; });
  CHECK(static_cast<int>(table.rows.size()) - 1 == exhibitors);
  CHECK(r.out.find("\"exhibitors\":" + std::to_string(exhibitors)) != std::string::npos);
  bool found = false;
  for (const auto& row : table.rows)
    if (row.fields.size() == 7 && row.fields[2] == d.first.name_fr) {
      found = true;
      CHECK(row.fields[0] == "A-05");
      CHECK(row.fields[1] == "A");
      CHECK(row.fields[3] == d.first.name_ar);
      CHECK(row.fields[4] == d.first.sector);
      CHECK(row.fields[5] == d.first.region);
    }
  CHECK(found);
}

TEST_CASE("booth directory --out FILE.xlsx: a sheet with translated headers, booths and both names") {
  ExportDb d;
  const auto out = d.dir / "directory.xlsx";
  REQUIRE(d.cli({"--lang", "fr", "booth", "directory", "--out", out.string()}).exit_code == 0);
  auto strings = test::runCommand("unzip", {"-p", out.string(), "xl/sharedStrings.xml"});
  REQUIRE(strings.exit_code == 0);
  for (const std::string& s :
       {std::string("Stand"), std::string("Nom (arabe)"), std::string("A-05"), d.first.name_ar, d.second.name_fr})
    CHECK(strings.out.find(s) != std::string::npos);
  auto sheet = test::runCommand("unzip", {"-p", out.string(), "xl/worksheets/sheet1.xml"});
  CHECK(sheet.out.find("<pane") != std::string::npos);  // the header row stays in view
}

TEST_CASE("booth directory --out FILE.pdf lists exhibitors with both names") {
  ExportDb d;
  const auto out = d.dir / "directory.pdf";
  REQUIRE(d.cli({"booth", "directory", "--out", out.string()}).exit_code == 0);
  auto text = test::runCommand("pdftotext", {out.string(), "-"});
  CHECK(text.out.find("Annuaire des exposants") != std::string::npos);
  CHECK(lettersOnly(text.out).find(lettersOnly(d.second.name_ar)) != std::string::npos);
  CHECK(text.out.find("B-07") != std::string::npos);
}

TEST_CASE("plan exports refuse an unknown extension or colour and write nothing") {
  ExportDb d;
  auto r = d.cli({"venue", "plan", "--out", (d.dir / "plan.svg").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("plan.svg") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(d.dir / "plan.svg"));
  CHECK(d.cli({"venue", "plan", "--out", (d.dir / "p.pdf").string(), "--colour", "mood"}).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(d.dir / "p.pdf"));
  auto dir = d.cli({"booth", "directory", "--out", (d.dir / "d.docx").string()});
  CHECK(dir.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(d.dir / "d.docx"));
  // A folder that does not exist: a clear failure, no stray partial file.
  auto missing = d.cli({"venue", "plan", "--out", (d.dir / "no" / "plan.pdf").string()});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("plan.pdf") != std::string::npos);
}

TEST_CASE("short names drop legal forms for booth labels") {
  CHECK(booth::shortName("Coopérative féminine Tiwizi poterie") == "Tiwizi poterie");
  CHECK(booth::shortName("Poterie Fès SARL") == "Poterie Fès");
  CHECK(booth::shortName("تعاونية الأمل للنسيج") == "الأمل للنسيج");
  CHECK(booth::shortName("Association") == "Association");  // nothing left: kept
}
