#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {
std::string fileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}
}  // namespace

TEST_CASE("init creates the database and a private key file, and says where") {
  TempDir dir;
  auto db = (dir / "rabat.db").string();
  auto r = run("moussem-cli", {"--db", db, "--json", "init", "--edition-name", "Semaine Nationale de l'Artisanat",
                               "--from", "2026-02-09", "--to", "15/02/2026"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["database"] == db);
  CHECK(j["edition"]["from"] == "2026-02-09");
  CHECK(j["edition"]["to"] == "2026-02-15");
  CHECK(j["schema_version"].get<int>() >= 1);
  struct stat st {};
  REQUIRE(::stat((dir / "rabat.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("info reports counts, schema version and backend, as text or JSON") {
  TempDir dir;
  auto db = (dir / "e.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
  auto r = run("moussem-cli", {"--db", db, "--json", "info"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["backend"] == "sqlite");
  CHECK(j["exhibitors"] == 0);
  CHECK(j["participants"] == 0);
  CHECK(j["participants_by_category"].size() == 11);
  CHECK(j["edition"]["from"] == "2026-02-09");

  auto fr = run("moussem-cli", {"--db", db, "info"});
  CHECK(fr.exit_code == 0);
  CHECK(fr.out.find("0 exposant") != std::string::npos);
  auto en = run("moussem-cli", {"--db", db, "--lang", "en", "info"});
  CHECK(en.out.find("0 exhibitors") != std::string::npos);
  auto ar = run("moussem-cli", {"--db", db, "--lang", "ar", "info"});
  CHECK(ar.out.find("قاعدة البيانات") != std::string::npos);
}

TEST_CASE("the database defaults to $MOUSSEM_DB") {
  TempDir dir;
  auto db = (dir / "env.db").string();
  auto r = run("moussem-cli", {"init"}, "", {"MOUSSEM_DB=" + db});
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(db));
  CHECK(run("moussem-cli", {"info"}, "", {"MOUSSEM_DB=" + db}).exit_code == 0);
}

TEST_CASE("usage errors exit with code 2 and name the problem") {
  auto unknown = run("moussem-cli", {"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);
  CHECK(run("moussem-cli", {}).exit_code == 2);
  CHECK(run("moussem-cli", {"info", "--no-such-option"}).exit_code == 2);
  CHECK(run("moussem-cli", {"--lang", "de", "info"}).exit_code == 2);
  TempDir dir;
  auto bad = run("moussem-cli", {"--db", (dir / "x.db").string(), "init", "--from", "2026-02-31"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("2026-02-31") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.db"));
}

TEST_CASE("--help describes the commands and exits 0") {
  auto r = run("moussem-cli", {"--help"});
  CHECK(r.exit_code == 0);
  for (const char* cmd : {"init", "demo", "info", "bench", "--db", "--json", "--lang"})
    CHECK(r.out.find(cmd) != std::string::npos);
}

TEST_CASE("a missing database is an error naming the file, and nothing is created") {
  TempDir dir;
  auto db = (dir / "nowhere.db").string();
  auto r = run("moussem-cli", {"--db", db, "info"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(db) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
  auto j = run("moussem-cli", {"--db", db, "--json", "info"});
  CHECK(j.exit_code == 1);
  CHECK(json::parse(j.out).contains("error"));
}

TEST_CASE("a corrupt or foreign file is refused and left as it was") {
  TempDir dir;
  auto db = dir / "corrupt.db";
  std::ofstream(db) << "this is a spreadsheet, not a database";
  auto before = fileBytes(db);
  auto r = run("moussem-cli", {"--db", db.string(), "info"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Moussem") != std::string::npos);
  CHECK(fileBytes(db) == before);
  CHECK(run("moussem-cli", {"--db", db.string(), "demo"}).exit_code == 1);
  CHECK(fileBytes(db) == before);
}

TEST_CASE("init refuses to overwrite an existing database") {
  TempDir dir;
  auto db = (dir / "e.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}).exit_code == 0);
  auto before = fileBytes(dir / "e.key");
  auto r = run("moussem-cli", {"--db", db, "init"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(db) != std::string::npos);
  CHECK(fileBytes(dir / "e.key") == before);
}

TEST_CASE("init in a folder that cannot be written fails clearly and writes nothing") {
  auto r = run("moussem-cli", {"--db", "/proc/moussem/e.db", "init"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("/proc/moussem/e.db") != std::string::npos);
}

TEST_CASE("demo fills a new database with the Artisan Week, deterministically") {
  TempDir dir;
  auto a = (dir / "a.db").string(), b = (dir / "b.db").string();
  auto r = run("moussem-cli", {"--db", a, "--json", "demo", "--seed", "7"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["exhibitors"] == 62);
  CHECK(j["participants"] == 400);
  CHECK(j["created"] == true);
  REQUIRE(run("moussem-cli", {"--db", b, "demo", "--seed", "7"}).exit_code == 0);
  auto ia = json::parse(run("moussem-cli", {"--db", a, "--json", "info"}).out);
  auto ib = json::parse(run("moussem-cli", {"--db", b, "--json", "info"}).out);
  CHECK(ia["participants_by_category"] == ib["participants_by_category"]);
  CHECK(ia["edition"]["demo"] == true);
  CHECK(ia["exhibitors"] == 62);

  // A second demo on the same database is refused and changes nothing.
  auto again = run("moussem-cli", {"--db", a, "demo"});
  CHECK(again.exit_code == 1);
  CHECK(json::parse(run("moussem-cli", {"--db", a, "--json", "info"}).out)["participants"] == ia["participants"]);
}

TEST_CASE("demo sizes follow the flags") {
  TempDir dir;
  auto db = (dir / "s.db").string();
  auto r = run("moussem-cli", {"--db", db, "--json", "demo", "--exhibitors", "10", "--participants", "2500"});
  REQUIRE(r.exit_code == 0);
  auto info = json::parse(run("moussem-cli", {"--db", db, "--json", "info"}).out);
  CHECK(info["exhibitors"] == 10);
  CHECK(info["participants"].get<long long>() >= 2500);
}

TEST_CASE("bench demo prints one JSON object with its floor measured in the same run") {
  auto r = run("moussem-cli", {"bench", "demo", "--n", "2000"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["scenario"] == "demo");
  CHECK(j["rows_per_s"].get<double>() > 0);
  CHECK(j["floor_rows_per_s"].get<double>() > 0);
  CHECK(j["ratio_to_floor"].get<double>() > 0);
}

TEST_CASE("bench open prints cold-open figures and its floor") {
  TempDir cache;
  auto r = run("moussem-cli", {"bench", "open", "--n", "1500"}, "", {"XDG_CACHE_HOME=" + cache.path().string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["scenario"] == "open");
  CHECK(j["people"].get<long long>() >= 1500);
  CHECK(j["open_ms_median"].get<double>() > 0);
  CHECK(j["floor_ms_median"].get<double>() > 0);
  CHECK(j.contains("ratio_to_floor"));
}

TEST_CASE("bench ui-frame draws the participants, desk and plan in the app and prints frames, memory and floors") {
  TempDir cache;
  auto r = run("moussem-cli", {"bench", "ui-frame", "--n", "3000"}, "", {"XDG_CACHE_HOME=" + cache.path().string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["scenario"] == "ui-frame");
  CHECK(j["people"].get<long long>() >= 3000);
  for (const char* screen : {"participants", "desk", "plan"}) {
    INFO(screen);
    const auto& s = j["screens"][screen];
    CHECK(s["frames"].get<long long>() > 0);
    CHECK(s["frame_ms_median"].get<double>() > 0);
    CHECK(s["first_frame_ms"].get<double>() > 0);
    CHECK(s["rss_mb"].get<double>() > 0);
  }
  CHECK(j["floor_frame_ms_median"].get<double>() > 0);
  CHECK(j["floor_rss_mb"].get<double>() > 0);
  CHECK(j["cli_floor_rss_mb"].get<double>() > 0);
  CHECK(j["peak_rss_mb"].get<double>() > 0);
}

TEST_CASE("info shows the time-zone data version, and warns when the edition is far beyond it") {
  TempDir dir;
  auto db = (dir / "e.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
  auto j = json::parse(run("moussem-cli", {"--db", db, "--json", "info"}).out);
  const std::string version = j["tzdata"]["version"];
  CHECK(version >= "2026c");  // tools/setup keeps tzdata current: Morocco's permanent +00 is known
  CHECK(j["tzdata"]["date"].get<std::string>().size() == 10);
  CHECK(j["tzdata"]["stale"] == false);
  auto en = run("moussem-cli", {"--db", db, "--lang", "en", "info"});
  CHECK(en.out.find("Time zone: Africa/Casablanca, tzdata " + version) != std::string::npos);

  // An edition years after the data: the warning names the data and the edition's end.
  auto late = (dir / "late.db").string();
  REQUIRE(run("moussem-cli", {"--db", late, "init", "--from", "2031-07-10", "--to", "2031-07-15"}).exit_code == 0);
  auto warned = run("moussem-cli", {"--db", late, "--lang", "en", "info"});
  CHECK(warned.out.find("Warning: the time zone data (tzdata " + version) != std::string::npos);
  CHECK(warned.out.find("2031-07-15") != std::string::npos);
  CHECK(json::parse(run("moussem-cli", {"--db", late, "--json", "info"}).out)["tzdata"]["stale"] == true);
}
