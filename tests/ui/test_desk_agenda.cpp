// The desk prints the open person's B2B agenda beside the badge with one keystroke (Ctrl+G), headless:
// on this station's printer (a private CUPS scheduler), in the interface's language, A6 when the
// station prints on A6; nothing is sent while no person is shown.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "../badge/cups_server.hpp"
#include "b2b/b2b_service.hpp"
#include "badge/new_edition.hpp"
#include "badge/printing.hpp"
#include "core/station.hpp"
#include "headless.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"
#include "ui/screens/desk_screen.hpp"

using namespace moussem;

namespace {

struct AgendaDesk {
  test::TempDir dir;
  std::filesystem::path db = dir / "desk.db";
  std::unique_ptr<Store> store = createEditionDatabase(db, demoEdition());
  Id buyer = 0, seller = 0;
  std::shared_ptr<ui::DeskSession> session;
  AgendaDesk() {
    Person b;
    b.first_name = "Emily";
    b.last_name = "Carter";
    b.organization = "Carter Imports";
    b.country = "US";
    b.category = "buyer";
    buyer = store->insertPerson(b);
    Person s;
    s.first_name = "Fatima";
    s.last_name = "Ait Ali";
    s.name_ar = "فاطمة آيت علي";
    s.organization = "Coopérative Tiwizi";
    s.category = "exhibitor";
    seller = store->insertPerson(s);
    B2bParticipant p{seller, B2bSide::Seller, 0, {}};
    store->saveB2bParticipant(p);
    B2bSession day;
    day.day = "2026-02-10", day.starts = "09:00", day.ends = "12:00";
    const Id sessionId = b2b::addSession(*store, day).id;
    const Id table = b2b::addTable(*store, "T7", 5, 5).id;
    B2bMeeting m{0, buyer, seller, sessionId, 1, table, MeetingStatus::Scheduled, false};
    store->insertB2bMeeting(m);
    session = std::make_shared<ui::DeskSession>(*store);
  }
};

std::string pdfText(const std::filesystem::path& pdf) {
  return test::runCommand("pdftotext", {pdf.string(), "-"}).out;
}

}  // namespace

TEST_CASE("desk: Ctrl+G prints the open person's B2B agenda on the station's printer") {
  test::CupsServer cups;
  ::setenv("CUPS_SERVER", cups.socket().c_str(), 1);
  {
    AgendaDesk d;
    test::HeadlessUi ui{ImVec2(1280, 800)};
    ui::DeskScreen screen{d.session};
    auto frames = [&](int n) {
      ui.frames(n, [&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("desk", nullptr, ImGuiWindowFlags_NoDecoration);
        screen.draw();
        ImGui::End();
      });
    };
    screen.onShow();
    d.session->waitForIndex();
    frames(2);
    saveStationPrintSettings(*d.store, stationName(), PrintSettings{"badges", ""});
    auto& m = screen.model();

    // Nobody shown: the key does nothing, nothing is printed.
    CHECK_FALSE(screen.actions()->trigger({ui::Key::G, true}));
    CHECK(m.printAgenda() == ui::DeskModel::PrintStart::NoPerson);

    m.openPerson(d.buyer);
    frames(2);
    REQUIRE(screen.actions()->trigger({ui::Key::G, true}));
    m.printTask().wait();
    frames(2);
    INFO(m.message());
    CHECK_FALSE(m.messageIsError());
    REQUIRE(cups.documents().size() == 1);
    const std::string text = pdfText(cups.documents()[0]);
    CHECK(text.find("Fatima Ait Ali") != std::string::npos);
    CHECK(text.find("09:25–09:45") != std::string::npos);
    CHECK(text.find("Table T7") != std::string::npos);
    CHECK(test::runCommand("pdfinfo", {cups.documents()[0].string()}).out.find("595.28 x 841.89") != std::string::npos);
    CHECK(d.store->badgeOfPerson(d.buyer) == std::nullopt);  // an agenda issues no badge

    // A station that prints on A6 (a badge printer) gets the pocket version.
    saveStationPrintSettings(*d.store, stationName(), PrintSettings{"badges", "iso_a6_105x148mm"});
    m.printer().refresh();
    CHECK(m.printAgenda() == ui::DeskModel::PrintStart::Started);
    m.printTask().wait();
    frames(2);
    REQUIRE(cups.documents().size() == 2);
    CHECK(test::runCommand("pdfinfo", {cups.documents()[1].string()}).out.find("297.64 x 419.53") != std::string::npos);
  }
  ::unsetenv("CUPS_SERVER");
}
