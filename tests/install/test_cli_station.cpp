// `moussem-cli station enrol|show|reset` against the test server ([postgres]) through the real binary,
// each station in a home of its own: enrolled once, both programs open its server with no flags; the
// password is asked once and kept in ~/.pgpass (0600); bad input says what is wrong and leaves the
// previous configuration, the password file and the server as they were.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "station_fixture.hpp"

using namespace moussem;
using namespace moussem::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> enrolArgs(const std::string& server, const std::string& name, const std::string& role,
                                   std::vector<std::string> more = {}) {
  std::vector<std::string> args{"station", "enrol", "--server",        server, "--name", name,
                                "--role",  role,    "--password-stdin"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

struct Snapshot {
  std::string config, pgpass;
  explicit Snapshot(const StationHome& h) : config(readAll(h.config())), pgpass(readAll(h.pgpass())) {}
  bool operator==(const Snapshot&) const = default;
};

}  // namespace

TEST_CASE("a gate enrolled once opens its server with no flags, on its job, its password kept in a 0600 file",
          "[postgres]") {
  ServerEdition ed;
  const std::string login = ed.login("gate", "porte-secret-3");
  const std::string server = as(ed.url, login);
  StationHome home;
  // Before: not enrolled, and no database to open without flags.
  auto show = home.cli({"--json", "station", "show"});
  REQUIRE(show.exit_code == 0);
  CHECK(json::parse(show.out)["enrolled"] == false);

  auto enrol = home.cli(
      enrolArgs(server, "gate-3", "gate",
                {"--gate-profile", "exhibition", "--printer", "Zebra", "--language", "ar", "--kiosk", "--json"}),
      "porte-secret-3\n");
  INFO(enrol.err);
  REQUIRE(enrol.exit_code == 0);
  const json done = json::parse(enrol.out);
  CHECK(done["name"] == "gate-3");
  CHECK(done["role"] == "gate");
  CHECK(done["local_copy_made"] == true);
  CHECK(fs::exists(home.dir / "data" / "moussem" / "gates" / "gate-3.db"));  // a gate's offline copy, already made

  // The configuration in the XDG config folder, without the password; the password in ~/.pgpass, 0600.
  const std::string conf = readAll(home.config());
  CHECK(conf.find("server = " + server) != std::string::npos);
  CHECK(conf.find("role = gate") != std::string::npos);
  CHECK(conf.find("gate_profile = exhibition") != std::string::npos);
  CHECK(conf.find("language = ar") != std::string::npos);
  CHECK(conf.find("porte-secret-3") == std::string::npos);
  CHECK(readAll(home.pgpass()).find(":" + login + ":porte-secret-3") != std::string::npos);
  struct stat st {};
  REQUIRE(::stat(home.pgpass().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(home.config().c_str(), &st) == 0);
  CHECK((st.st_mode & 077) == 0);
  CHECK(enrol.err.find("porte-secret-3") == std::string::npos);
  // --kiosk: this user's session starts the kiosk (an XDG autostart entry that desktop-file-validate accepts).
  const auto autostart = home.dir / "config" / "autostart" / "moussem-kiosk.desktop";
  CHECK(done["autostart_file"] == autostart.string());
  CHECK(readAll(autostart).find("Exec=" MOUSSEM_INSTALLED_KIOSK) != std::string::npos);
  auto valid = runCommand("desktop-file-validate", {autostart.string()});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);

  // No flags: the enrolled server, as the gate's login (which may not read phones, as on any gate).
  auto profiles = home.cli({"--json", "gate", "list"});
  INFO(profiles.err);
  REQUIRE(profiles.exit_code == 0);
  CHECK(json::parse(profiles.out).size() >= 3);
  CHECK(home.cli({"export", "participants", (home.dir / "p.csv").string()}).exit_code == 1);
  show = home.cli({"--json", "station", "show"});
  REQUIRE(show.exit_code == 0);
  CHECK(json::parse(show.out)["name"] == "gate-3");
  CHECK(json::parse(show.out)["printer"] == "Zebra");
  // The server keeps the station's printer and language under its name, like the app's own choices.
  CHECK(pgQuery(ed.url, "SELECT value FROM setting WHERE key = 'station.gate-3.printer'") == "Zebra");
  CHECK(pgQuery(ed.url, "SELECT value FROM setting WHERE key = 'station.gate-3.language'") == "ar");
  CHECK(pgQuery(ed.url, "SELECT count(*) FROM audit WHERE entity_id = 'station.gate-3.enrolment'") == "1");

  // Enrolling the same machine again (another printer) is allowed: it is the same station.
  auto again = home.cli(enrolArgs(server, "gate-3", "gate", {"--printer", "Evolis"}), "porte-secret-3\n");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(readAll(home.config()).find("printer = Evolis") != std::string::npos);

  // Reset: the configuration and the password line go, the name is free again, the data folder stays.
  auto reset = home.cli({"--json", "station", "reset"});
  INFO(reset.err);
  REQUIRE(reset.exit_code == 0);
  CHECK(json::parse(reset.out)["released"] == true);
  CHECK_FALSE(fs::exists(home.config()));
  CHECK_FALSE(fs::exists(autostart));
  CHECK(readAll(home.pgpass()).find(login) == std::string::npos);
  CHECK(fs::exists(home.dir / "data" / "moussem" / "gates" / "gate-3.db"));
  CHECK(pgQuery(ed.url, "SELECT value FROM setting WHERE key = 'station.gate-3.enrolment'").empty());
  auto none = home.cli({"gate", "list"});  // no database any more: the data folder's, which does not exist
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("moussem.db") != std::string::npos);
}

TEST_CASE("bad enrolment input gets a clear message and the previous configuration stays untouched", "[postgres]") {
  ServerEdition ed;
  const std::string login = ed.login("desk", "accueil-secret-1");
  const std::string server = as(ed.url, login);
  StationHome home;
  REQUIRE(home.cli(enrolArgs(server, "desk-1", "desk"), "accueil-secret-1\n").exit_code == 0);
  const Snapshot before(home);
  REQUIRE_FALSE(before.config.empty());
  REQUIRE_FALSE(before.pgpass.empty());
  auto refused = [&](const std::vector<std::string>& args, const std::string& password, const std::string& says) {
    auto r = home.cli(args, password + "\n");
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK(r.err.find(says) != std::string::npos);
    if (!password.empty()) CHECK(r.err.find(password) == std::string::npos);  // never repeated
    CHECK(Snapshot(home) == before);
    const auto files = std::distance(fs::directory_iterator(home.config().parent_path()), fs::directory_iterator());
    CHECK(files == 1);  // no temporary file left behind
  };
  SECTION("a server that cannot be reached") {
    refused(enrolArgs("postgresql://" + login + "@127.0.0.1:1/moussem", "desk-2", "desk"), "accueil-secret-1",
            "127.0.0.1:1");
  }
  SECTION("a wrong password") {
    refused(enrolArgs(server, "desk-2", "desk"), "not-the-password", login);
  }
  SECTION("a role the login does not have") {
    refused(enrolArgs(server, "desk-2", "gate"), "accueil-secret-1", "--role desk");
  }
  SECTION("a station name another machine holds") {
    pgQuery(ed.url,
            "INSERT INTO setting (key, value) VALUES ('station.gate-9.enrolment', "
            "'{\"machine\":\"another-machine\",\"host\":\"laptop-7\",\"at\":\"2026-02-08\"}')");
    refused(enrolArgs(server, "gate-9", "desk"), "accueil-secret-1", "laptop-7");
  }
  SECTION("a gate profile the server does not have") {
    const std::string gate = ed.login("gate", "porte-secret-2");
    refused(enrolArgs(as(ed.url, gate), "gate-2", "gate", {"--gate-profile", "nowhere"}), "porte-secret-2", "nowhere");
  }
  SECTION("a password in the address, a bad name, a bad language: refused before any password is asked") {
    auto r = home.cli(enrolArgs(as(ed.url, login + ":accueil-secret-1"), "desk-2", "desk"), "");
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("password") != std::string::npos);
    CHECK(r.err.find("accueil-secret-1") == std::string::npos);
    CHECK(home.cli(enrolArgs(server, "desk/2", "desk"), "x\n").exit_code != 0);
    CHECK(home.cli(enrolArgs(server, "desk-2", "boss"), "x\n").exit_code == 2);
    CHECK(Snapshot(home) == before);
  }
  SECTION("no password at all") {
    refused(enrolArgs(server, "desk-2", "desk"), "", "password");
  }
  // The station still works as it was enrolled.
  CHECK(home.cli({"info"}).exit_code == 0);
}

TEST_CASE("a read-only configuration folder: the enrolment says where and why, and changes nothing", "[postgres]") {
  if (::geteuid() != 0) {
    WARN("needs root to run the station as another user");
    return;
  }
  ServerEdition ed;
  const std::string login = ed.login("desk", "accueil-secret-1");
  StationHome home;
  // The station's user is `nobody` (root writes anywhere): its home and config folder are its own.
  const auto asNobody = [&](std::vector<std::string> args, const std::string& in) {
    args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", (binDir() / "moussem-cli").string(),
                               "--lang", "en"});
    return runCommand("setpriv", args, home.env(), in);
  };
  fs::create_directories(home.config().parent_path());
  REQUIRE(::chown(home.dir.path().c_str(), 65534, 65534) == 0);
  REQUIRE(::chown((home.dir / "config").c_str(), 65534, 65534) == 0);
  REQUIRE(::chown(home.config().parent_path().c_str(), 65534, 65534) == 0);
  auto first = asNobody(enrolArgs(as(ed.url, login), "desk-1", "desk"), "accueil-secret-1\n");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const Snapshot before(home);
  ::chmod(home.config().parent_path().c_str(), 0555);
  auto r = asNobody(enrolArgs(as(ed.url, login), "desk-2", "desk"), "accueil-secret-1\n");
  ::chmod(home.config().parent_path().c_str(), 0755);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(home.config().parent_path().string()) != std::string::npos);
  CHECK(r.err.find("Permission denied") != std::string::npos);
  CHECK(Snapshot(home) == before);
  CHECK(pgQuery(ed.url, "SELECT count(*) FROM setting WHERE key LIKE 'station.desk-2.%'") == "0");
}

TEST_CASE("a hand-edited nonsense station file: every command that needs it names the file and line, reset clears it",
          "[sqlite]") {
  StationHome home;
  fs::create_directories(home.config().parent_path());
  std::ofstream(home.config()) << "server = postgresql://desk@db/ed\nname = desk-1\nrole = captain\nlanguage = fr\n";
  for (const auto& args : std::vector<std::vector<std::string>>{{"info"}, {"station", "show"}}) {
    auto r = home.cli(args);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("station.conf:3") != std::string::npos);
    CHECK(r.err.find("captain") != std::string::npos);
  }
  // A database named on the command line does not need the station's file.
  TempDir dir;
  const auto db = (dir / "own.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}, "", home.env()).exit_code == 0);
  CHECK(home.cli({"--db", db, "info"}).exit_code == 0);
  auto reset = home.cli({"station", "reset"});
  INFO(reset.err);
  CHECK(reset.exit_code == 0);
  CHECK_FALSE(fs::exists(home.config()));
}
