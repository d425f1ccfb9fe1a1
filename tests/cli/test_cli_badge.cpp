#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/paths.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {
struct DemoDb {
  TempDir dir;
  std::string db = moussem::test::dbPath(dir, "demo.db").string();
  DemoDb() {
    auto r = run("moussem-cli", {"--db", db, "demo", "--exhibitors", "6", "--participants", "30"});
    REQUIRE(r.exit_code == 0);
  }
  moussem::test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json"});
    return run("moussem-cli", args);
  }
  long long badges() { return json::parse(cli({"info"}).out)["badges"].get<long long>(); }
  // Temporaries (*.partial) left in the folder.
  std::size_t partials() const {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
      if (e.path().extension() == ".partial") ++n;
    return n;
  }
  // Runs moussem-cli --db db ARGS..., waits for it to pause at the test-only point, and kills it (-9) there.
  void killedAt(const std::string& point, std::vector<std::string> args) {
    using namespace std::chrono_literals;
    const auto paused = dir / (point + ".paused");
    std::filesystem::remove(paused);
    args.insert(args.begin(), {"--db", db});
    moussem::test::Child child("moussem-cli", args,
                               {"MOUSSEM_TEST_PAUSE_AT=" + point, "MOUSSEM_TEST_PAUSE_FILE=" + paused.string()});
    REQUIRE(moussem::test::waitForFile(paused, 180s));
    child.kill9();
    child.wait();
  }
};
}  // namespace

TEST_CASE("badge payload prints the signed QR text of a person's current badge") {
  DemoDb d;
  auto r = d.cli({"badge", "payload", "--person", "1"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["payload"].get<std::string>().rfind("MSM1.", 0) == 0);
  CHECK(j["version"] == 1);
  // Asking again gives the same badge (no new serial).
  CHECK(json::parse(d.cli({"badge", "payload", "--person", "1"}).out)["serial"] == j["serial"]);
}

TEST_CASE("badge reprint bumps the version and revoke marks the badge revoked") {
  DemoDb d;
  REQUIRE(d.cli({"badge", "payload", "--person", "2"}).exit_code == 0);
  auto r = d.cli({"badge", "reprint", "--person", "2", "--reason", "faute de frappe"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["version"] == 2);
  auto v = d.cli({"badge", "revoke", "--person", "2", "--reason", "perdu"});
  REQUIRE(v.exit_code == 0);
  CHECK(json::parse(v.out)["status"] == "revoked");
  CHECK(d.cli({"badge", "payload", "--person", "2"}).exit_code == 1);
  CHECK(d.cli({"badge", "reprint", "--person", "2"}).exit_code == 2);  // --reason is required
}

TEST_CASE("badge render writes a PDF of a category and a PNG of one person") {
  DemoDb d;
  auto pdf = (d.dir / "forum.pdf").string();
  auto r = d.cli({"badge", "render", "--category", "exhibitor", "--out", pdf, "--template", "a4x4"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["badges"].get<int>() >= 6);
  CHECK(std::filesystem::file_size(pdf) > 1000);
  auto png = (d.dir / "one.png").string();
  REQUIRE(d.cli({"badge", "render", "--person", "3", "--out", png}).exit_code == 0);
  CHECK(std::filesystem::exists(png));
}

TEST_CASE("badge render refuses bad requests and writes nothing") {
  DemoDb d;
  CHECK(d.cli({"badge", "render", "--all", "--out", (d.dir / "x.png").string()}).exit_code == 2);
  CHECK(d.cli({"badge", "render", "--out", (d.dir / "x.pdf").string()}).exit_code == 2);
  CHECK(d.cli({"badge", "render", "--all", "--out", (d.dir / "x.docx").string()}).exit_code == 2);
  CHECK(d.cli({"badge", "render", "--all", "--out", (d.dir / "x.pdf").string(), "--template", "poster"}).exit_code ==
        1);
  CHECK(d.cli({"badge", "render", "--person", "99999", "--out", (d.dir / "x.pdf").string()}).exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(d.dir / "x.pdf"));
  CHECK_FALSE(std::filesystem::exists(d.dir / "x.png"));
}

TEST_CASE("a station without the key file cannot mint badges") {
  DemoDb d;
  std::filesystem::rename(moussem::paths::keyFileFor(d.db), d.dir / "elsewhere.key");
  auto r = d.cli({"badge", "payload", "--person", "1"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("keys export-public writes the public key and nothing secret") {
  DemoDb d;
  auto file = d.dir / "gate.pub";
  REQUIRE(d.cli({"keys", "export-public", file.string()}).exit_code == 0);
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text.find("moussem-public-key 1") == 0);
  CHECK(text.find("public ") != std::string::npos);
  CHECK(text.find("secret") == std::string::npos);
}

TEST_CASE("badge render --all publishes its PDF only once its badges are committed: kill -9 on either side") {
  DemoDb d;
  const long long before = d.badges();
  const auto pdf = d.dir / "all.pdf";
  const std::vector<std::string> render = {"badge", "render", "--all", "--out", pdf.string()};
  // Killed with the PDF drawn and the transaction open: no file, no badge, no temporary left behind.
  d.killedAt("badge-render-before-commit", render);
  CHECK_FALSE(std::filesystem::exists(pdf));
  CHECK(d.partials() == 0);
  CHECK(d.badges() == before);
  // Killed right after the commit: the badges are issued, the file is not there yet...
  d.killedAt("badge-render-after-commit", render);
  CHECK_FALSE(std::filesystem::exists(pdf));
  CHECK(d.partials() == 0);
  const long long issued = d.badges();
  CHECK(issued > before);
  // ... and the same command writes it, with the very badges the gates know (none issued anew).
  auto again = d.cli(render);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(json::parse(again.out)["badges"].get<long long>() == issued);
  CHECK(d.badges() == issued);
  const auto info = moussem::test::runCommand("pdfinfo", {pdf.string()});
  CHECK(info.out.find("Pages:") != std::string::npos);
  CHECK(info.out.find(" " + std::to_string(issued) + "\n") != std::string::npos);
}

TEST_CASE("a badge rendered to a PNG is published only once the badge is committed: kill -9 on either side") {
  DemoDb d;
  // The demo issues no badge: person 1 has none yet.
  const long long person = 1;
  const long long before = d.badges();
  REQUIRE(before == 0);
  const auto png = d.dir / "one.png";
  const std::vector<std::string> render = {"badge", "render",    "--person", std::to_string(person),
                                           "--out", png.string()};
  // Killed with the PNG drawn and the transaction open: no file, no badge, no temporary left behind.
  d.killedAt("badge-render-before-commit", render);
  CHECK_FALSE(std::filesystem::exists(png));
  CHECK(d.partials() == 0);
  CHECK(d.badges() == before);
  // Killed right after the commit: the badge is issued, the file not there yet...
  d.killedAt("badge-render-after-commit", render);
  CHECK_FALSE(std::filesystem::exists(png));
  CHECK(d.partials() == 0);
  CHECK(d.badges() == before + 1);
  // ... and the same command writes it: its QR (read by zbarimg) is the badge the gates know.
  auto again = d.cli(render);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(d.badges() == before + 1);
  const auto payload = json::parse(d.cli({"badge", "payload", "--person", std::to_string(person)}).out);
  CHECK(payload["version"] == 1);
  const auto read = moussem::test::runCommand("zbarimg", {"--raw", "-q", "--nodbus", png.string()});
  CHECK(read.out == payload["payload"].get<std::string>() + "\n");
}
