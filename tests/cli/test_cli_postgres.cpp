// The command line on a PostgreSQL server ([postgres]: pg/ registration only): init, demo, info and
// scan with --db postgresql://..., where the key goes, clear failures that change nothing, and
// `migrate` from a file to a server and back with every count verified.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/paths.hpp"
#include "core/version.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {
std::string dbName(const std::string& url) {
  return url.substr(url.rfind('/') + 1);
}
}  // namespace

TEST_CASE("init, demo, info and scan work on a server URL, the key stays in this station's data folder", "[postgres]") {
  const std::string url = moussem::test::newPgDatabase();
  auto init = run("moussem-cli", {"--db", url, "--json", "init", "--edition-name", "Salon", "--from", "2026-02-09"});
  REQUIRE(init.exit_code == 0);
  auto j = json::parse(init.out);
  CHECK(j["backend"] == "postgresql");
  CHECK(j["key_file"] == moussem::paths::keyFileFor(url).string());
  CHECK(std::filesystem::exists(moussem::paths::keyFileFor(url)));
  // A second init is refused.
  CHECK(run("moussem-cli", {"--db", url, "init"}).exit_code == 1);

  REQUIRE(run("moussem-cli", {"--db", url, "demo", "--exhibitors", "3", "--participants", "10"}).exit_code == 0);
  auto info = run("moussem-cli", {"--db", url, "--json", "info"});
  REQUIRE(info.exit_code == 0);
  auto i = json::parse(info.out);
  CHECK(i["backend"] == "postgresql");
  CHECK(i["location"].get<std::string>().find(dbName(url)) != std::string::npos);

  auto payload = run("moussem-cli", {"--db", url, "--json", "badge", "payload", "--person", "1"});
  REQUIRE(payload.exit_code == 0);
  auto scan = run("moussem-cli", {"--db", url, "scan", "--gate", "exhibition", "--at", "2026-02-10T10:00:00+01:00"},
                  json::parse(payload.out)["payload"].get<std::string>() + "\n");
  REQUIRE(scan.exit_code == 0);
  CHECK(json::parse(scan.out)["verdict"] == "accepted");
}

TEST_CASE("a server that is down or a wrong password: exit 1, a clear message, no password shown", "[postgres]") {
  auto down = run("moussem-cli", {"--db", "postgresql://postgres@127.0.0.1:1/moussem", "info"});
  CHECK(down.exit_code == 1);
  CHECK(down.err.find("127.0.0.1:1") != std::string::npos);
  auto wrong = run("moussem-cli", {"--db", "postgresql://moussem_pw:s3cret@127.0.0.1:1/x", "info"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("s3cret") == std::string::npos);
}

TEST_CASE("migrate moves an edition from a file to a server and back, keys excepted, counts verified", "[postgres]") {
  TempDir dir;
  const std::string file = (dir / "rabat.db").string();
  REQUIRE(run("moussem-cli", {"--db", file, "demo", "--exhibitors", "5", "--participants", "30"}).exit_code == 0);
  auto payload = run("moussem-cli", {"--db", file, "--json", "badge", "payload", "--person", "3"});
  REQUIRE(payload.exit_code == 0);
  const std::string p = json::parse(payload.out)["payload"];
  REQUIRE(run("moussem-cli", {"--db", file, "scan", "--gate", "exhibition", "--at", "2026-02-10T10:00"}, p + "\n")
              .exit_code == 0);
  auto before = json::parse(run("moussem-cli", {"--db", file, "--json", "info"}).out);

  const std::string url = moussem::test::newPgDatabase();
  auto m = run("moussem-cli", {"--json", "migrate", "--from", file, "--to", url});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  auto mj = json::parse(m.out);
  CHECK(mj["verified"] == true);
  CHECK(mj["tables"]["person"] == before["participants"]);
  CHECK(mj["key_file"]["copied"] == false);
  CHECK_FALSE(std::filesystem::exists(moussem::paths::keyFileFor(url)));  // keys excepted
  auto after = json::parse(run("moussem-cli", {"--db", url, "--json", "info"}).out);
  CHECK(after["participants"] == before["participants"]);
  CHECK(after["exhibitors"] == before["exhibitors"]);
  CHECK(after["scans"] == before["scans"]);
  // The server notes the Moussem that made its schema, for older stations (docs/install.md).
  CHECK(moussem::test::pgQuery(url, "SELECT value FROM setting WHERE key = 'schema.written_by'") ==
        moussem::appVersion());
  // The old badge still verifies on the server: same edition, same serials, same public key.
  auto scan = run("moussem-cli", {"--db", url, "scan", "--gate", "exhibition", "--at", "2026-02-10T12:00"}, p + "\n");
  REQUIRE(scan.exit_code == 0);
  CHECK(json::parse(scan.out)["reason"] != "unknown_badge");
  CHECK(json::parse(scan.out)["reason"] != "forged");
  // New rows get new ids after the copied ones (identity sequences moved on).
  std::filesystem::copy_file(moussem::paths::keyFileFor(file), moussem::paths::keyFileFor(url));
  std::filesystem::permissions(moussem::paths::keyFileFor(url),
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  {
    std::ofstream(dir / "new.csv") << "first_name,last_name,category\nNadia,Berrada,forum\n";
    auto imported = run("moussem-cli", {"--db", url, "import", "participants", (dir / "new.csv").string()});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
  }

  // And back to a new file.
  const std::string back = (dir / "back.db").string();
  auto b = run("moussem-cli", {"--json", "migrate", "--from", url, "--to", back});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  auto again = json::parse(run("moussem-cli", {"--db", back, "--json", "info"}).out);
  auto server = json::parse(run("moussem-cli", {"--db", url, "--json", "info"}).out);
  CHECK(again["participants"] == server["participants"]);
  CHECK(again["scans"] == server["scans"]);

  // Into a database that already holds an edition: refused, nothing changed.
  auto twice = run("moussem-cli", {"migrate", "--from", file, "--to", url});
  CHECK(twice.exit_code == 1);
  CHECK(json::parse(run("moussem-cli", {"--db", url, "--json", "info"}).out)["participants"] == server["participants"]);
  // Into an existing file: refused.
  CHECK(run("moussem-cli", {"migrate", "--from", url, "--to", back}).exit_code == 1);
}
