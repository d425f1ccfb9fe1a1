// The dashboard's model and screen, headless: the figures load on a worker, the report is exported to
// PDF, XLSX or a folder of CSV tables on a worker with a progress value while frames keep drawing, and
// a folder that cannot take the file is refused with a message in the user's language, writing nothing.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "../gate/gate_fixture.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "ui/screens/dashboard_screen.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {

void seed(GateFixture& f) {
  gate::ScanPipeline pipeline(*f.store, {"gate-1", "steward"});
  GateProfile hall = f.profile("exhibition");
  GateProfile forum = f.profile("forum");
  auto badges = f.badges();
  for (Id who : {f.speaker, f.official, f.exhibitor})
    pipeline.scan(badges.payload(who), hall, Direction::In, GateFixture::at("2026-02-09T10:15:00+01:00"));
  for (Id who : {f.speaker, f.official})
    pipeline.scan(badges.payload(who), forum, Direction::In, GateFixture::at("2026-02-09T11:00:00+01:00"));
  badges.recordPrint(f.speaker);
}

// Ticks the model as frames would until its refresh is in (a worker; bounded so a bug fails, not hangs).
void loadFigures(ui::DashboardModel& model) {
  for (int i = 0; i < 500 && !model.loaded(); ++i) {
    model.tick(static_cast<double>(i));
    model.wait();
  }
  model.tick(1e6);
  REQUIRE(model.loaded());
}

void finishExport(ui::DashboardModel& model) {
  model.waitExport();
  model.tick(2e6);
}

}  // namespace

TEST_CASE("the dashboard model loads the figures on a worker and exports them as PDF, XLSX and CSV tables") {
  i18n::setLanguage("fr");
  GateFixture f;
  seed(f);
  ui::DashboardModel model(*f.store);
  loadFigures(model);
  CHECK(model.figures().entries == 5);
  REQUIRE(model.figures().zone("forum"));
  CHECK(model.figures().zone("forum")->attendees == 2);

  model.export_path = (f.dir / "rapport").string();
  CHECK(model.exportTarget(ui::DashboardModel::Format::Pdf) == (f.dir / "rapport.pdf").string());
  CHECK(model.exportTarget(ui::DashboardModel::Format::Csv) == (f.dir / "rapport").string());
  model.export_path = (f.dir / "rapport.xlsx").string();  // a typed extension is replaced by the format's
  CHECK(model.exportTarget(ui::DashboardModel::Format::Pdf) == (f.dir / "rapport.pdf").string());
  model.export_path = "~/bilan";
  if (const char* home = std::getenv("HOME"); home && *home)
    CHECK(model.exportTarget(ui::DashboardModel::Format::Xlsx) == std::string(home) + "/bilan.xlsx");
  model.export_path = (f.dir / "rapport").string();

  REQUIRE(model.startExport(ui::DashboardModel::Format::Pdf));
  finishExport(model);
  CHECK_FALSE(model.exportFailed());
  CHECK(model.exportMessage().find("Rapport écrit") != std::string::npos);
  CHECK(std::filesystem::file_size(f.dir / "rapport.pdf") > 1000);
  CHECK(model.lastExport() == (f.dir / "rapport.pdf").string());
  auto text = test::runCommand("pdftotext", {(f.dir / "rapport.pdf").string(), "-"});
  CHECK(text.out.find("Fréquentation du forum") != std::string::npos);

  REQUIRE(model.startExport(ui::DashboardModel::Format::Xlsx));
  finishExport(model);
  CHECK_FALSE(model.exportFailed());
  auto book = test::runCommand("unzip", {"-p", (f.dir / "rapport.xlsx").string(), "xl/workbook.xml"});
  CHECK(book.out.find("name=\"Forum\"") != std::string::npos);

  REQUIRE(model.startExport(ui::DashboardModel::Format::Csv));
  finishExport(model);
  CHECK_FALSE(model.exportFailed());
  CHECK(std::filesystem::exists(f.dir / "rapport" / "days.csv"));
  CHECK(std::filesystem::exists(f.dir / "rapport" / "zones_days.csv"));
}

TEST_CASE(
    "an export to a missing folder or a path that cannot be written is refused in the user's language, nothing "
    "written") {
  GateFixture f;
  ui::DashboardModel model(*f.store);
  for (const char* lang : {"fr", "ar", "en"}) {
    i18n::setLanguage(lang);
    model.export_path = (f.dir / "absent" / "rapport").string();
    CHECK_FALSE(model.startExport(ui::DashboardModel::Format::Pdf));
    CHECK(model.exportFailed());
    CHECK(model.exportMessage() == tr("io.error.no_folder", {(f.dir / "absent").string()}));
    CHECK_FALSE(std::filesystem::exists(f.dir / "absent"));
  }
  i18n::setLanguage("fr");
  model.export_path = "  ";
  CHECK_FALSE(model.startExport(ui::DashboardModel::Format::Xlsx));
  CHECK(model.exportMessage() == tr("dashboard.export.no_path"));

  // A file where the CSV folder should be.
  { std::ofstream(f.dir / "tables") << "x"; }
  model.export_path = (f.dir / "tables").string();
  CHECK_FALSE(model.startExport(ui::DashboardModel::Format::Csv));
  CHECK(model.exportMessage().find("dossier") != std::string::npos);

  // A folder that refuses the file at write time (/proc takes no new files, not even root's): the
  // worker's failure comes back as a message, and no partial file is left.
  model.export_path = "/proc/moussem-report";
  if (model.startExport(ui::DashboardModel::Format::Pdf)) {
    finishExport(model);
  }
  CHECK(model.exportFailed());
  CHECK(model.exportMessage().find("/proc") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists("/proc/moussem-report.pdf"));
  CHECK_FALSE(std::filesystem::exists("/proc/moussem-report.pdf.partial"));
}

TEST_CASE("the dashboard screen keeps drawing frames while the report is written, and shows the outcome") {
  i18n::setLanguage("fr");
  GateFixture f;
  seed(f);
  test::HeadlessUi ui;
  ui::DashboardScreen screen(*f.store);
  screen.onShow();
  auto draw = [&] { screen.draw(); };
  for (int i = 0; i < 400 && !screen.model().loaded(); ++i) {
    ui.frame(draw);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(screen.model().loaded());
  screen.model().export_path = (f.dir / "rapport").string();
  REQUIRE(screen.model().startExport(ui::DashboardModel::Format::Pdf));
  int frames = 0;
  while (screen.model().exportTask().running() && frames < 100000) {
    CHECK(ui.frame(draw) > 0);  // a frame with the progress bar, drawn while the worker writes
    ++frames;
  }
  ui.frames(2, draw);
  CHECK(screen.model().exportMessage().find("rapport.pdf") != std::string::npos);
  CHECK(std::filesystem::exists(f.dir / "rapport.pdf"));
}
