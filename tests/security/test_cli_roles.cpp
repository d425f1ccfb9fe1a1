// Every role through every command of moussem-cli (--user NAME, PIN in MOUSSEM_PIN): allowed commands
// run, forbidden ones exit 1 with a message naming the user and what was refused, and change nothing.
// Without --user the tool acts as the owner of the file (admin), as docs/roles.md explains.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

namespace {

struct Command {
  const char* what;
  std::vector<std::string> args;  // {ROLE} is replaced by the role's name
  std::vector<std::string> allowed;
  std::string stdin_text;
};

std::vector<std::string> withRole(std::vector<std::string> args, const std::string& role) {
  for (auto& a : args) {
    const auto at = a.find("{ROLE}");
    if (at != std::string::npos) a.replace(at, 6, role);
  }
  return args;
}

}  // namespace

TEST_CASE("every role through every command: allowed, or refused with exit 1 and nothing changed") {
  TempDir dir;
  const std::string db = (dir / "semaine.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}).exit_code == 0);
  REQUIRE(run("moussem-cli", {"--db", db, "demo"}).exit_code == 0);
  REQUIRE(run("moussem-cli", {"--db", db, "gate", "list"}).exit_code == 0);  // the default profiles
  const std::map<std::string, std::string> pins{
      {"admin", "1111"}, {"organizer", "2222"}, {"desk", "3333"}, {"gate", "4444"}};
  for (const auto& [role, pin] : pins) {
    auto r = run("moussem-cli", {"--db", db, "user", "add", "u-" + role, "--role", role, "--pin-stdin"}, pin + "\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  auto payload = run("moussem-cli", {"--db", db, "badge", "payload", "--person", "5"});
  REQUIRE(payload.exit_code == 0);
  {
    std::ofstream csv(dir / "walkins.csv");
    csv << "first_name;last_name;category;email\nHiba;Lahlou;forum;hiba@example.ma\n";
  }
  const std::string csv = (dir / "walkins.csv").string();
  const std::string out = dir.path().string() + "/";

  const std::vector<Command> commands{
      {"list participants", {"list", "participants", "--limit", "3"}, {"admin", "organizer", "desk", "gate"}, ""},
      {"export participants", {"export", "participants", out + "people-{ROLE}.csv"}, {"admin", "organizer"}, ""},
      {"import participants", {"import", "participants", csv}, {"admin", "organizer", "desk"}, ""},
      {"reprint a badge",
       {"badge", "reprint", "--person", "7", "--reason", "nom corrigé"},
       {"admin", "organizer", "desk"},
       ""},
      {"revoke a badge", {"badge", "revoke", "--person", "8", "--reason", "perdu"}, {"admin", "organizer", "desk"}, ""},
      {"add a gate profile",
       {"gate", "add", "g-{ROLE}", "--zone", "exhibition", "--direction", "in"},
       {"admin", "organizer"},
       ""},
      {"lock a booth", {"booth", "lock", "A-02"}, {"admin", "organizer"}, ""},
      {"set the edition", {"edition", "set", "--name-en", "Week of {ROLE}"}, {"admin", "organizer"}, ""},
      {"change a category", {"edition", "category", "press", "--color", "#112233"}, {"admin", "organizer"}, ""},
      {"allocate booths", {"allocate", "--dry-run"}, {"admin", "organizer"}, ""},
      {"scan a badge", {"scan", "--gate", "exhibition"}, {"admin", "organizer", "gate"}, payload.out},
      {"build the report", {"report", "--out", out + "report-{ROLE}", "--format", "csv"}, {"admin", "organizer"}, ""},
      {"export scans", {"export", "scans", out + "scans-{ROLE}.csv"}, {"admin", "organizer"}, ""},
      {"export a person's data",
       {"export-person", "3", "--out", out + "person-{ROLE}.json"},
       {"admin", "organizer"},
       ""},
      {"list users", {"user", "list"}, {"admin"}, ""},
      {"add a user", {"user", "add", "new-{ROLE}", "--role", "admin", "--pin-stdin"}, {"admin"}, "9999\n"},
      {"read the audit trail", {"audit", "list"}, {"admin"}, ""},
      {"verify the audit trail", {"audit", "verify"}, {"admin"}, ""},
      {"back up", {"backup", out + "backup-{ROLE}.db"}, {"admin"}, ""},
  };

  for (const auto& [role, pin] : pins) {
    for (const auto& c : commands) {
      std::vector<std::string> args{"--db", db, "--user", "u-" + role};
      for (auto& a : withRole(c.args, role)) args.push_back(a);
      const auto auditBefore = run("moussem-cli", {"--db", db, "--json", "audit", "list", "--limit", "1"});
      auto r = run("moussem-cli", args, c.stdin_text, {"MOUSSEM_PIN=" + pin});
      const bool allowed = std::find(c.allowed.begin(), c.allowed.end(), role) != c.allowed.end();
      INFO(role << " runs " << c.what << "\nstdout: " << r.out << "\nstderr: " << r.err);
      if (allowed) {
        CHECK(r.exit_code == 0);
      } else {
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("u-" + role) != std::string::npos);
        CHECK(r.err.find("n'est pas autorisé") != std::string::npos);
        // Nothing written but the trail: the sign-in of this very command, then its refusal (who, what, why).
        auto last = json::parse(run("moussem-cli", {"--db", db, "--json", "audit", "list", "--limit", "3"}).out);
        REQUIRE(last.size() == 3);
        CHECK(last[0]["action"] == "refused");
        CHECK(last[0]["user"] == "u-" + role);
        CHECK(json::parse(last[0]["after"].get<std::string>())["why"].get<std::string>().find("u-" + role) !=
              std::string::npos);
        CHECK(last[1]["action"] == "user.signin");
        CHECK(last[2] == json::parse(auditBefore.out)[0]);
      }
    }
  }
  // Files a refused command would have written do not exist.
  CHECK_FALSE(std::filesystem::exists(dir / "people-desk.csv"));
  CHECK_FALSE(std::filesystem::exists(dir / "people-gate.csv"));
  CHECK_FALSE(std::filesystem::exists(dir / "backup-organizer.db"));
  CHECK(std::filesystem::exists(dir / "people-organizer.csv"));
  CHECK(run("moussem-cli", {"--db", db, "audit", "verify"}).exit_code == 0);
}

TEST_CASE("a gate user's listing carries no phone and no e-mail, a desk user's does") {
  TempDir dir;
  const std::string db = (dir / "semaine.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}).exit_code == 0);
  REQUIRE(run("moussem-cli", {"--db", db, "demo"}).exit_code == 0);
  REQUIRE(
      run("moussem-cli", {"--db", db, "user", "add", "steward", "--role", "gate", "--pin-stdin"}, "4444\n").exit_code ==
      0);
  REQUIRE(
      run("moussem-cli", {"--db", db, "user", "add", "amina", "--role", "desk", "--pin-stdin"}, "3333\n").exit_code ==
      0);
  auto gate = run("moussem-cli", {"--db", db, "--json", "--user", "steward", "list", "participants", "--limit", "50"},
                  "", {"MOUSSEM_PIN=4444"});
  REQUIRE(gate.exit_code == 0);
  auto desk = run("moussem-cli", {"--db", db, "--json", "--user", "amina", "list", "participants", "--limit", "50"}, "",
                  {"MOUSSEM_PIN=3333"});
  REQUIRE(desk.exit_code == 0);
  int deskPhones = 0;
  for (const auto& p : json::parse(desk.out)) deskPhones += p["phone"] != "";
  CHECK(deskPhones > 0);
  for (const auto& p : json::parse(gate.out)) {
    CHECK(p["phone"] == "");
    CHECK(p["email"] == "");
    CHECK(p["last_name"] != "");
  }
}

TEST_CASE("wrong PINs in a loop lock the account, no PIN at all is a usage error") {
  TempDir dir;
  const std::string db = (dir / "semaine.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init"}).exit_code == 0);
  REQUIRE(run("moussem-cli", {"--db", db, "user", "add", "karim", "--role", "organizer", "--pin-stdin"}, "2468\n")
              .exit_code == 0);
  for (int i = 0; i < 5; ++i) {
    auto r = run("moussem-cli", {"--db", db, "--user", "karim", "info"}, "", {"MOUSSEM_PIN=0000"});
    CHECK(r.exit_code == 1);
  }
  auto locked = run("moussem-cli", {"--db", db, "--user", "karim", "info"}, "", {"MOUSSEM_PIN=2468"});
  CHECK(locked.exit_code == 1);
  CHECK(locked.err.find("bloqué") != std::string::npos);
  // An administrator clears it with a new PIN.
  REQUIRE(run("moussem-cli", {"--db", db, "user", "set-pin", "karim", "--pin-stdin"}, "1357\n").exit_code == 0);
  CHECK(run("moussem-cli", {"--db", db, "--user", "karim", "info"}, "", {"MOUSSEM_PIN=1357"}).exit_code == 0);
  auto noPin = run("moussem-cli", {"--db", db, "--user", "karim", "info"});
  CHECK(noPin.exit_code == 2);
  CHECK(noPin.err.find("MOUSSEM_PIN") != std::string::npos);
}

TEST_CASE("init --admin creates the first administrator with the edition, a bad PIN creates nothing") {
  moussem::test::TempDir dir;
  const auto db = (dir / "e.db").string();
  auto bad = moussem::test::run("moussem-cli", {"--db", db, "init", "--admin", "directrice", "--pin-stdin"}, "12\n");
  CHECK(bad.exit_code != 0);
  CHECK_FALSE(std::filesystem::exists(db));
  auto ok = moussem::test::run("moussem-cli", {"--db", db, "init", "--admin", "directrice", "--pin-stdin"}, "482193\n");
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  auto list = moussem::test::run("moussem-cli", {"--db", db, "--user", "directrice", "--json", "user", "list"}, "",
                                 {"MOUSSEM_PIN=482193"});
  INFO(list.err);
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("\"directrice\"") != std::string::npos);
  CHECK(list.out.find("\"admin\"") != std::string::npos);
  auto wrong = moussem::test::run("moussem-cli", {"--db", db, "--user", "directrice", "user", "list"}, "",
                                  {"MOUSSEM_PIN=000000"});
  CHECK(wrong.exit_code != 0);
}
