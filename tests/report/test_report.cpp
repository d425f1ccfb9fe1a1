// `moussem-cli report`: the XLSX opens (unzipped and read: its sheets, the day table, a native chart)
// and the PDF reads (poppler: page count, French and Arabic headings, the figures).
#include <catch2/catch.hpp>

#include <random>

#include "../gate/gate_fixture.hpp"
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
      pipeline.scan(badges.payload(who), hall, "in", GateFixture::at(at));
      GateProfile out = hall;
      out.direction = "out";
      pipeline.scan(badges.payload(who), out, "out", GateFixture::at(at));
    }
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
  CHECK(strings.out.find("2026-02-10") != std::string::npos);
  // 2026-02-10 (row 3, after the header and the 9th): three entries in the Entries column — the buyer's badge
  // is valid on the 11th only, so her scan that day is refused and not counted.
  INFO(days.out);
  CHECK(days.out.find("<c r=\"B3\"><v>3</v></c>") != std::string::npos);
  CHECK(days.out.find("<c r=\"B2\"><v>0</v></c>") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out.string() + ".partial"));
}

TEST_CASE("report --out FILE.pdf writes a cover, key figures, one page per day and the exhibitors, in French and Arabic") {
  GateFixture f;
  scanSome(f);
  const auto out = f.dir / "report.pdf";
  auto r = test::run("moussem-cli", {"--db", f.db.string(), "report", "--out", out.string()});
  REQUIRE(r.exit_code == 0);
  auto info = test::runCommand("pdfinfo", {out.string()});
  CHECK(info.out.find("Pages:           10") != std::string::npos);  // cover, figures, 7 days, exhibitors
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
  auto missing = test::run("moussem-cli", {"--db", (f.dir / "none.db").string(), "report", "--out", (f.dir / "r.pdf").string()});
  CHECK(missing.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(f.dir / "r.pdf"));
}
