// In-app import and export, headless: the preview of a French spreadsheet (separator, header mapping,
// first rows) with a dry run that names the bad row, all-or-nothing then skip-invalid on a worker, the
// imported people searchable at once, and exports to CSV and XLSX.
#include <catch2/catch.hpp>
#include <fstream>

#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/desk_model.hpp"
#include "ui/screens/import_screen.hpp"
#include "ui/widgets/widgets.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

struct Setup {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::shared_ptr<ui::DeskSession> session;
  Setup() {
    store = createEditionDatabase(dir / "i.db", demoEdition());
    DemoOptions o;
    o.exhibitors = 5;
    o.participants = 20;
    fillDemo(*store, o);
    session = std::make_shared<ui::DeskSession>(*store);
    session->loadIndexNow();
  }
  std::string write(const std::string& name, const std::string& text) {
    auto p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

const char* kCsv =
    "\xEF\xBB\xBFPr\xC3\xA9nom;Nom;Cat\xC3\xA9gorie;Courriel;T\xC3\xA9l\xC3\xA9phone;Colonne inconnue\r\n"
    "Salma;Berrada;Presse;salma.berrada@example.ma;06 11 22 33 44;x\r\n"
    "Omar;Filali;Expert;omar@@example;0612345678;y\r\n"
    "Ines;Chraibi;forum;ines.chraibi@example.ma;+212 7 01 02 03 04;z\r\n";

}  // namespace

TEST_CASE("import screen: the preview shows separator, header mapping, first rows and the bad row from a dry run") {
  Setup s;
  ui::ImportModel m(*s.session);
  m.entity = io::Entity::Participants;
  m.path = s.write("people.csv", kCsv);
  const auto before = s.store->personIds().size();
  REQUIRE(m.startPreview());
  m.wait();
  REQUIRE(m.preview());
  const auto& p = *m.preview();
  INFO(p.error);
  CHECK(p.error.empty());
  CHECK(p.separator == ';');
  CHECK(p.bom);
  CHECK(p.total_rows == 3);
  REQUIRE(p.mapped.size() == 6);
  CHECK(p.mapped[0] == "first_name");
  CHECK(p.mapped[2] == "category");
  CHECK(p.mapped[3] == "email");
  CHECK(p.mapped[4] == "phone");
  CHECK(p.mapped[5].empty());  // ignored
  REQUIRE(p.rows.size() == 3);
  CHECK(p.rows[0][1] == "Berrada");
  REQUIRE(p.check.errors.size() == 1);
  CHECK(p.check.errors[0].line == 3);
  CHECK(p.check.errors[0].column == "Courriel");
  CHECK(ui::describeRowError(p.check.errors[0]).find("3") != std::string::npos);
  CHECK(s.store->personIds().size() == before);  // the preview wrote nothing
}

TEST_CASE("import screen: all-or-nothing refuses the file, skip-invalid imports the good rows, searchable at once") {
  Setup s;
  ui::ImportModel m(*s.session);
  ui::DeskModel desk(*s.session);
  m.path = s.write("people.csv", kCsv);
  const auto before = s.store->personIds().size();
  REQUIRE(m.startImport());
  m.wait();
  REQUIRE(m.report());
  CHECK_FALSE(m.report()->written);
  CHECK(m.messageIsError());
  CHECK(s.store->personIds().size() == before);

  m.skip_invalid = true;
  REQUIRE(m.startImport());
  m.wait();
  REQUIRE(m.report());
  CHECK(m.report()->written);
  CHECK(m.report()->created == 2);
  CHECK(m.report()->skipped == 1);
  CHECK(s.store->personIds().size() == before + 2);
  s.session->waitForIndex();
  desk.poll();
  desk.setQuery("salma berrada");
  REQUIRE(desk.results().size() == 1);
  auto salma = s.store->person(desk.results()[0].id);
  CHECK(salma->phone == "+212611223344");
  CHECK(salma->category == "press");
}

TEST_CASE("import screen: a file that is not UTF-8 or misses a column is refused with file and line") {
  Setup s;
  ui::ImportModel m(*s.session);
  m.path = s.write("latin1.csv", "Pr\xE9nom;Nom;Cat\xE9gorie\nH\xE9l\xE8ne;Dupr\xE9;forum\n");
  REQUIRE(m.startPreview());
  m.wait();
  REQUIRE(m.preview());
  CHECK_FALSE(m.preview()->error.empty());
  CHECK(m.preview()->error.find("latin1.csv") != std::string::npos);
  CHECK(m.messageIsError());

  m.path = s.write("nocat.csv", "Prénom;Nom\nSalma;Berrada\n");
  REQUIRE(m.startPreview());
  m.wait();
  CHECK(m.preview()->error.find("category") != std::string::npos);
  m.path = (s.dir / "missing.csv").string();
  REQUIRE(m.startPreview());
  m.wait();
  CHECK_FALSE(m.preview()->error.empty());
}

TEST_CASE("import screen: exports participants to CSV with a comma or a semicolon and exhibitors to XLSX") {
  Setup s;
  ui::ImportModel m(*s.session);
  m.export_entity = io::Entity::Participants;
  m.export_path = (s.dir / "people.csv").string();
  m.export_separator = ',';
  REQUIRE(m.startExport());
  m.wait();
  INFO(m.message());
  CHECK_FALSE(m.messageIsError());
  std::ifstream in(m.export_path);
  std::string header;
  std::getline(in, header);
  CHECK(header.find("first_name,last_name") != std::string::npos);
  m.export_entity = io::Entity::Exhibitors;
  m.export_path = (s.dir / "exhibitors.xlsx").string();
  REQUIRE(m.startExport());
  m.wait();
  CHECK_FALSE(m.messageIsError());
  CHECK(std::filesystem::file_size(m.export_path) > 1000);
  m.export_path = (s.dir / "exhibitors.pdf").string();
  REQUIRE(m.startExport());
  m.wait();
  CHECK(m.messageIsError());  // unknown extension: a clear message
}

TEST_CASE("import screen draws its preview and report in French, Arabic and English") {
  Setup s;
  test::HeadlessUi ui;
  ui::ImportScreen screen(s.session);
  screen.model().path = s.write("people.csv", kCsv);
  screen.model().startPreview();
  screen.model().wait();
  for (const char* lang : {"ar", "en", "fr"}) {
    i18n::setLanguage(lang);
    const int vertices = ui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("import", nullptr, ImGuiWindowFlags_NoDecoration);
      screen.draw();
      ImGui::End();
    });
    CHECK(vertices > 1000);
  }
  i18n::setLanguage("fr");
}

TEST_CASE(
    "import screen: a quoted line break is kept in the preview and shown as one line, a stray quote is a bad row") {
  Setup s;
  ui::ImportModel m(*s.session);
  m.entity = io::Entity::Exhibitors;
  m.path = s.write("coops.csv",
                   "Nom;Type;Secteur;Région;Produits\r\n"
                   "Coop Tiguemi;Coopérative;Poterie;Souss-Massa;\"Tajines\r\nPlats à couscous\"\r\n"
                   "\"Coop \"Atlas\" Azilal\";Coopérative;Tapis;Béni Mellal-Khénifra;Tapis\r\n");
  REQUIRE(m.startPreview());
  m.wait();
  REQUIRE(m.preview());
  const auto& p = *m.preview();
  REQUIRE(p.rows.size() == 2);
  CHECK(p.rows[0][4] == "Tajines\r\nPlats à couscous");
  CHECK(ui::oneLine(p.rows[0][4]) == "Tajines \xE2\x86\xB5 Plats à couscous");
  REQUIRE(p.check.errors.size() == 1);
  CHECK(p.check.errors[0].line == 4);  // the row above spans lines 2 and 3
  CHECK(p.check.errors[0].column == "Nom");
  // Drawn: the preview row keeps one line's height.
  test::HeadlessUi ui;
  ui::ImportScreen screen(s.session);
  screen.model().entity = io::Entity::Exhibitors;
  screen.model().path = m.path;
  screen.model().startPreview();
  screen.model().wait();
  CHECK(ui.frame([&] { screen.draw(); }) > 500);
}
