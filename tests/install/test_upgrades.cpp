// Stations of different versions on one server, on the test server ([postgres]) and on SQLite files:
// a newer Moussem on an older schema waits ("the server is being upgraded") unless it is the
// administrator's station, which upgrades after a confirmation and a reminder to back up; an older
// Moussem on a newer schema refuses to write and names the version to install. Through the real CLI
// and through the app's startup (ui/startup.hpp), headless.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/i18n.hpp"
#include "core/version.hpp"
#include "station_fixture.hpp"
#include "store/store.hpp"
#include "ui/headless.hpp"
#include "ui/startup.hpp"

using namespace moussem;
using namespace moussem::test;
using State = ui::Startup::State;

namespace {

int latest() {
  return latestSchemaVersion();
}  // not at static initialisation: the migrations are not there yet

std::string withPassword(const std::string& url, const std::string& login, const std::string& password) {
  return as(url, login + ":" + password);
}

int serverVersion(const std::string& url) {
  return std::stoi(pgQuery(url, "SELECT max(version) FROM moussem_schema"));
}

}  // namespace

TEST_CASE("an older server schema: other stations wait, the administrator's station upgrades after a confirmation",
          "[postgres]") {
  const std::string url = olderServer(latest() - 1);
  const std::string gate = withPassword(url, passwordLogin(url, "gate", "porte-secret-1"), "porte-secret-1");
  auto cli = [](const std::string& db, std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--lang", "en", "--db", db});
    return run("moussem-cli", args, in);
  };
  // A gate: the server is being upgraded; nothing is written.
  auto r = cli(gate, {"info"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("is being upgraded") != std::string::npos);
  CHECK(r.err.find("porte-secret-1") == std::string::npos);
  // The owner's station is told to back up and upgrade; no command upgrades behind its back.
  r = cli(url, {"info"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("moussem-cli db upgrade") != std::string::npos);
  // A gate may not upgrade, even when asked to.
  r = cli(gate, {"db", "upgrade", "--yes"});
  CHECK(r.exit_code == 1);
  CHECK(serverVersion(url) == latest() - 1);
  // No terminal and no --yes: nothing happens, and the way to confirm is said.
  r = cli(url, {"db", "upgrade"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("pg_dump") != std::string::npos);  // the backup reminder comes first
  CHECK(r.err.find("--yes") != std::string::npos);
  CHECK(serverVersion(url) == latest() - 1);
  // Confirmed: upgraded, and the Moussem that did it is noted for older stations.
  r = cli(url, {"--json", "db", "upgrade", "--yes"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["schema_version"] == latest());
  CHECK(serverVersion(url) == latest());
  CHECK(pgQuery(url, "SELECT value FROM setting WHERE key = 'schema.written_by'") == appVersion());
  // The gate goes on (on the gate profiles the organiser's station made); a second upgrade has nothing to do.
  REQUIRE(cli(url, {"gate", "list"}).exit_code == 0);
  r = cli(gate, {"gate", "list"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = cli(url, {"--json", "db", "upgrade", "--yes"});
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["upgraded"] == false);
}

TEST_CASE("the app's startup on an older server: a gate waits and goes on by itself once the administrator upgraded",
          "[postgres]") {
  i18n::setLanguage("en");
  HeadlessUi ui;
  const std::string url = olderServer(latest() - 1);
  const std::string gate = withPassword(url, passwordLogin(url, "gate", "porte-secret-2"), "porte-secret-2");
  auto now = ui::Startup::Clock::now();
  ui::Startup gateStation(gate, true, [&] { return now; });
  CHECK(gateStation.attempt() == State::Waiting);
  CHECK(gateStation.message().find("is being upgraded") != std::string::npos);
  ui::Startup admin(url, true, [&] { return now; });
  CHECK(admin.attempt() == State::ConfirmUpgrade);
  for (const char* lang : {"fr", "ar", "en"}) {  // both forms draw in every language
    i18n::setLanguage(lang);
    CHECK(ui.frame([&] { gateStation.draw(); }) > 100);
    CHECK(ui.frame([&] { admin.draw(); }) > 100);
  }
  // Not before someone said the server is backed up.
  CHECK_FALSE(admin.confirmUpgrade(false));
  CHECK(serverVersion(url) == latest() - 1);
  // The gate tries again by itself every few seconds; nothing changes until the upgrade.
  now += std::chrono::seconds(6);
  gateStation.poll();
  CHECK(gateStation.state() == State::Waiting);
  REQUIRE(admin.confirmUpgrade(true));
  CHECK(admin.ready());
  CHECK(admin.store().schemaVersion() == latest());
  now += std::chrono::seconds(2);
  gateStation.poll();
  CHECK(gateStation.state() == State::Waiting);  // its next try is not due yet
  now += std::chrono::seconds(4);
  ui.frame([&] { gateStation.draw(); });  // a frame polls
  CHECK(gateStation.ready());
  CHECK(gateStation.stateCode() == "ready");
}

TEST_CASE("a newer schema: an older station refuses to write and says which Moussem to install") {
  TempDir dir;
  const std::string db = dbPath(dir, "event.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "3", "--participants", "8"}).exit_code == 0);
  // What a Moussem 9.9.0 of a later schema leaves behind.
  const std::string future = std::to_string(latest() + 1);
  if (onPostgres()) {
    pgQuery(db, "INSERT INTO moussem_schema (version, name) VALUES (" + future + ", '" + future + "_future.sql')");
    pgQuery(db, "UPDATE setting SET value = '9.9.0' WHERE key = 'schema.written_by'");
  } else {
    sqlite3* c = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &c) == SQLITE_OK);
    REQUIRE(sqlite3_exec(c,
                         ("PRAGMA user_version = " + future +
                          "; UPDATE setting SET value = '9.9.0' WHERE key = "
                          "'schema.written_by'")
                             .c_str(),
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(c);
  }
  auto r = run("moussem-cli", {"--lang", "en", "--db", db, "info"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Install Moussem 9.9.0 or newer") != std::string::npos);
  CHECK(r.err.find(std::string(appVersion())) != std::string::npos);
  // Nothing is written: a user, an import are refused before anything reaches the database.
  r = run("moussem-cli", {"--lang", "en", "--db", db, "user", "add", "amina", "--role", "desk", "--pin-stdin"},
          "135790\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("9.9.0") != std::string::npos);
  // The app says the same in its window (started from a station's enrolment: nobody reads stderr).
  i18n::setLanguage("en");
  HeadlessUi ui;
  ui::Startup station(db, true);
  CHECK(station.attempt() == State::Refused);
  CHECK(station.message().find("Install Moussem 9.9.0 or newer") != std::string::npos);
  CHECK(ui.frame([&] { station.draw(); }) > 100);
  if (onPostgres()) {
    CHECK(pgQuery(db, "SELECT count(*) FROM app_user") == "0");
  }
}

TEST_CASE("a new database notes the Moussem that brought its schema up to date") {
  TempDir dir;
  const std::string db = dbPath(dir, "event.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}).exit_code == 0);
  auto store = openStore(db, OpenMode::Existing);
  CHECK(store->setting("schema.written_by") == std::string(appVersion()));
}
