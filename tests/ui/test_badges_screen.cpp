// The Badges screen and its model, headless: selection, preview rendered once, batch to PDF on a
// worker with progress, printing with the confirmation of a second print, the print log.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "../badge/cups_server.hpp"
#include "badge/new_edition.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/badges_screen.hpp"
#include "ui/textures.hpp"

using namespace moussem;
using moussem::test::CupsServer;
using moussem::test::TempDir;

namespace {

struct CountingTextures final : ui::TextureService {
  int uploads = 0, releases = 0, live = 0;
  ImTextureID upload(int w, int h, const std::vector<unsigned char>& rgba) override {
    CHECK(rgba.size() == static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    ++uploads;
    ++live;
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(uploads));
  }
  void release(ImTextureID) override {
    ++releases;
    --live;
  }
};

struct Desk {
  TempDir dir;
  std::filesystem::path db = dir / "demo.db";
  std::unique_ptr<Store> store;
  Desk() {
    store = createEditionDatabase(db, demoEdition());
    DemoOptions o;
    o.exhibitors = 6;
    o.participants = 24;
    fillDemo(*store, o);
  }
  long long badges() {
    long long n = 0;
    for (Id id : store->peopleMatching({}))
      if (store->badgeOfPerson(id)) ++n;
    return n;
  }
};

void waitFor(ui::BadgesModel& m) {
  m.task().wait();
  m.poll();
}

}  // namespace

TEST_CASE("the batch count follows the chosen category and exhibitor, and looking writes nothing") {
  Desk d;
  ui::BadgesModel m(*d.store);
  m.refresh();
  CHECK(m.count() == d.store->peopleMatching({}).size());
  REQUIRE(m.previewFace().has_value());
  m.filter.category = "press";
  m.selectionChanged();
  CHECK(m.count() == d.store->peopleMatching({"press", 0, false}).size());
  REQUIRE(m.previewFace().has_value());
  CHECK(m.previewFace()->category_fr == "Presse");
  m.filter = {"", d.store->peopleMatching({"exhibitor", 0, false}).empty() ? 0 : 1, false};
  m.selectionChanged();
  CHECK(m.count() == d.store->peopleMatching(m.filter).size());
  CHECK(d.badges() == 0);  // the preview issued nothing
}

TEST_CASE("saving a batch as PDF runs on a worker with progress and reports the file") {
  Desk d;
  ui::BadgesModel m(*d.store);
  m.refresh();
  m.filter.category = "forum";
  m.selectionChanged();
  const auto n = m.count();
  REQUIRE(n > 0);
  m.pdf_path = (d.dir / "forum.pdf").string();
  REQUIRE(m.startRender());
  CHECK_FALSE(m.startRender());  // one task at a time
  waitFor(m);
  INFO(m.message());
  CHECK_FALSE(m.messageIsError());
  CHECK(m.task().fraction() == Approx(1.0));
  CHECK(moussem::test::pdfPageCount(d.dir / "forum.pdf") == static_cast<int>(n));
  CHECK(d.badges() == static_cast<long long>(n));
}

TEST_CASE("a cancelled batch leaves no file and no badge") {
  Desk d;
  ui::BadgesModel m(*d.store);
  m.refresh();
  m.pdf_path = (d.dir / "all.pdf").string();
  m.task().cancel();
  REQUIRE(m.startRender());
  m.task().cancel();  // at once: before or during the first badges
  waitFor(m);
  if (m.messageIsError()) {  // it was cancelled in time (it nearly always is)
    CHECK_FALSE(std::filesystem::exists(d.dir / "all.pdf"));
    CHECK(d.badges() == 0);
  }
}

TEST_CASE("printing from the screen's model logs the prints and asks before printing them again") {
  CupsServer cups;
  ::setenv("CUPS_SERVER", cups.socket().c_str(), 1);
  Desk d;
  ui::BadgesModel m(*d.store);
  m.refresh();
  REQUIRE(m.printer().printers().size() == 1);
  m.printer().settings = {"badges", ""};
  m.printer().save();
  m.filter.category = "official";
  m.selectionChanged();
  const auto n = m.count();
  REQUIRE(n > 0);
  REQUIRE(m.startPrint(false) == ui::BadgesModel::PrintStart::Started);
  waitFor(m);
  INFO(m.message());
  CHECK_FALSE(m.messageIsError());
  CHECK(m.log().size() == n);
  CHECK(m.alreadyPrinted() == n);
  CHECK(m.startPrint(false) == ui::BadgesModel::PrintStart::NeedsConfirmation);
  REQUIRE(m.startPrint(true) == ui::BadgesModel::PrintStart::Started);
  waitFor(m);
  CHECK(m.log().size() == 2 * n);
  CHECK(cups.documents().size() == 2);
  ::unsetenv("CUPS_SERVER");
}

TEST_CASE("the badges screen draws in every language and renders its preview once, again on change") {
  Desk d;
  CountingTextures textures;
  ui::setTextureService(&textures);
  {
    moussem::test::HeadlessUi ui;
    ui::BadgesScreen screen(*d.store);
    screen.onShow();
    for (const char* lang : {"fr", "ar", "en"}) {
      i18n::setLanguage(lang);
      ui.frames(3, [&] {
        ImGui::Begin("content");
        screen.draw();
        ImGui::End();
      });
    }
    CHECK(screen.preview().renders() == 1);
    CHECK(textures.uploads == 1);
    screen.model().template_name = "cr80";
    screen.model().selectionChanged();
    ui.frames(2, [&] {
      ImGui::Begin("content");
      screen.draw();
      ImGui::End();
    });
    CHECK(screen.preview().renders() == 2);
    CHECK(textures.live == 1);  // the old texture was released
    i18n::setLanguage("fr");
  }
  CHECK(textures.live == 0);
  ui::setTextureService(nullptr);
}
