// The boundary on PostgreSQL, tested against the real server ([postgres]: the pg/ registration only):
// after `db roles` and `db login`, each station's database login can do what its app role may and the
// server refuses the rest, whatever program the station runs. A stolen gate laptop cannot dump phones
// or e-mails, even with moussem-cli claiming to be an administrator.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "pin_guesses.hpp"
#include "store/audit_chain.hpp"
#include "store/local_copy.hpp"
#include "store/postgres/pg_roles.hpp"
#include "store/store.hpp"
#include "store/users.hpp"
#include "test_support.hpp"

using namespace moussem;
namespace fs = std::filesystem;

namespace {

// The URL of the same database for another user (the test server trusts loopback logins).
std::string as(const std::string& url, const std::string& user) {
  auto start = url.find("://") + 3;
  auto at = url.find('@', start);
  return url.substr(0, start) + user + url.substr(at);
}

bool refused(const std::string& url, const std::string& sql) {
  try {
    test::pgQuery(url, sql);
  } catch (const std::exception& e) {
    const std::string what = e.what();
    // Refused by privileges or a row policy, not by a typo in the test.
    return what.find("permission denied") != std::string::npos ||
           what.find("row-level security") != std::string::npos || what.find("append-only") != std::string::npos ||
           what.find("must be owner") != std::string::npos || what.find("insert-only") != std::string::npos;
  }
  return false;
}

struct PgEdition {
  std::string url = test::newPgDatabase();
  std::string suffix = std::to_string(::getpid());
  test::RunResult cli(std::vector<std::string> args, const std::string& in = "", const std::string& db = "") const {
    args.insert(args.begin(), {"--db", db.empty() ? url : db});
    return test::run("moussem-cli", args, in);
  }
  std::string login(const std::string& role) const {
    const std::string name = "t" + suffix + "-" + role;
    auto r = cli({"db", "login", name, "--role", role, "--password-stdin"}, "station-pass-" + role + "\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return as(url, name);
  }
  PgEdition() {
    auto demo = cli({"demo", "--scans", "--participants", "30", "--exhibitors", "6"});
    INFO(demo.err);
    REQUIRE(demo.exit_code == 0);
    auto roles = cli({"db", "roles"});
    INFO(roles.err);
    REQUIRE(roles.exit_code == 0);
  }
};

}  // namespace

TEST_CASE("a gate's database login reads display fields and logs scans, and nothing more", "[postgres]") {
  PgEdition ed;
  const std::string gate = ed.login("gate");

  // People: only through the view, which has no contact in it.
  CHECK(refused(gate, "SELECT email FROM person LIMIT 1"));
  CHECK(refused(gate, "SELECT first_name FROM person LIMIT 1"));
  CHECK(refused(gate, "SELECT phone FROM exhibitor LIMIT 1"));
  CHECK(std::stoi(test::pgQuery(gate, "SELECT count(*) FROM person_display")) > 30);
  CHECK(test::pgQuery(gate,
                      "SELECT count(*) FROM person_display WHERE email <> '' OR phone <> '' "
                      "OR external_id IS NOT NULL") == "0");
  CHECK(std::stoi(test::pgQuery(gate, "SELECT count(*) FROM badge WHERE status = 'active'")) > 0);
  // No edits, no deletions, no schema changes, no audit values, no accounts.
  CHECK(refused(gate, "UPDATE person SET phone = '+212600000000'"));
  CHECK(refused(gate, "UPDATE badge SET status = 'revoked'"));
  CHECK(refused(gate, "DELETE FROM scan"));
  CHECK(refused(gate, "UPDATE scan SET verdict = 'accepted'"));
  CHECK(refused(gate, "UPDATE gate_profile SET reentry = 'always'"));
  CHECK(refused(gate,
                "INSERT INTO badge_event (badge_id, version, action) SELECT id, version, 'print' FROM badge LIMIT 1"));
  CHECK(refused(gate, "SELECT before FROM audit"));
  CHECK(refused(gate, "UPDATE app_user SET role = 'admin'"));
  CHECK(refused(gate, "INSERT INTO app_user (name, role) VALUES ('mallory', 'admin')"));
  CHECK(refused(gate, "CREATE TABLE loot (x text)"));
  CHECK(refused(gate, "SELECT * FROM booth"));
  // Settings: its station's own only.
  CHECK(refused(gate, "INSERT INTO setting (key, value) VALUES ('gate.defaults_created', '0')"));
  CHECK(refused(gate, "INSERT INTO setting (key, value) VALUES ('signing.anything', 'x')"));
  CHECK_NOTHROW(test::pgQuery(gate, "INSERT INTO setting (key, value) VALUES ('station.gate-9.language', 'ar')"));

  // The store on that login: a gate's work goes through.
  auto store = openStore(gate);
  const auto ids = store->personIds();
  REQUIRE(!ids.empty());
  auto p = store->person(ids.front());
  REQUIRE(p);
  CHECK((!p->last_name.empty() || !p->name_ar.empty()));
  CHECK(p->phone.empty());
  CHECK(p->email.empty());
  CHECK_FALSE(store->findPeopleByName(p->last_name.empty() ? p->name_ar : p->last_name, 5).empty());
  long long badges = 0;
  store->forEachBadgeState("", [&](const BadgeState&) { ++badges; });
  CHECK(badges > 0);
  ScanRecord s;
  s.uid = "pg-roles-scan-1";
  s.gate = "Hall A";
  s.zone = "exhibition";
  s.direction = Direction::In;
  s.station = "gate-9";
  s.at = "2026-02-10T10:00:00+01:00";
  s.verdict = ScanVerdict::Accepted;
  s.reason = ScanReason::Ok;
  s.person_id = ids.front();
  Presence inside{ids.front(), "exhibition", true, s.at, "2026-02-10"};
  CHECK(store->recordScan(s, &inside, ReentryPolicy::Always));
  CHECK(test::pgQuery(ed.url, "SELECT verdict FROM scan WHERE uid = 'pg-roles-scan-1'") == "accepted");
  // An offline gate's local copy is filled from the same login.
  test::TempDir dir;
  auto local = openStore((dir / "copy.db").string(), OpenMode::Create);
  CHECK(refreshLocalCopy(*store, *local).rows > 30);
  auto copied = local->person(ids.front());
  REQUIRE(copied);
  CHECK(copied->phone.empty());

  // Signing in on the gate: a wrong PIN is counted and audited through the same login.
  REQUIRE(ed.cli({"user", "add", "steward", "--role", "gate", "--pin-stdin"}, "482913\n").exit_code == 0);
  try {
    users::signIn(*store, "steward", "000000", "gate-9");
    FAIL("a wrong PIN was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
    INFO(e.what());
    CHECK(std::string(e.what()).find("permission") == std::string::npos);
  }
  CHECK(test::pgQuery(ed.url, "SELECT failed_attempts FROM app_user WHERE name = 'steward'") == "1");
  CHECK(test::pgQuery(ed.url, "SELECT count(*) FROM audit WHERE action LIKE 'user.signin%'") != "0");
  CHECK(users::signIn(*store, "steward", "482913", "gate-9").role == Role::Gate);
  CHECK(ed.cli({"audit", "verify"}).exit_code == 0);

  // moussem-cli on the gate's login, acting as the file owner would: the server still says no.
  const auto out = dir / "people.csv";
  auto dump = ed.cli({"export", out.string()}, "", gate);
  CHECK(dump.exit_code != 0);
  CHECK_FALSE(fs::exists(out));
  CHECK(ed.cli({"export-person", std::to_string(ids.front())}, "", gate).exit_code != 0);
  CHECK(ed.cli({"user", "add", "mallory", "--role", "admin", "--pin-stdin"}, "123456\n", gate).exit_code != 0);
  CHECK(test::pgQuery(ed.url, "SELECT count(*) FROM app_user WHERE name = 'mallory'") == "0");
}

TEST_CASE("desk, organiser and administrator logins get their app role's rights on the server", "[postgres]") {
  PgEdition ed;
  const std::string desk = ed.login("desk"), organizer = ed.login("organizer"), admin = ed.login("admin");

  // Desk: people and badges, not booths, gate profiles, edition settings or the audit's values.
  CHECK_NOTHROW(test::pgQuery(desk, "SELECT phone FROM person LIMIT 1"));
  CHECK_NOTHROW(test::pgQuery(desk, "UPDATE person SET position = position"));
  CHECK(refused(desk, "UPDATE booth SET locked = 1"));
  CHECK(refused(desk, "UPDATE gate_profile SET reentry = 'always'"));
  CHECK(refused(desk, "INSERT INTO setting (key, value) VALUES ('venue.grid', '1')"));
  CHECK(refused(desk, "SELECT before FROM audit"));
  CHECK(refused(desk, "INSERT INTO app_user (name, role) VALUES ('mallory', 'admin')"));
  CHECK(refused(
      desk,
      "INSERT INTO scan (uid, gate, direction, at, verdict, reason) VALUES ('x', 'g', 'in', 'now', 'accepted', 'ok')"));

  // Organiser: booths and gates too; never the accounts or the audit's values.
  CHECK_NOTHROW(test::pgQuery(organizer, "UPDATE booth SET locked = locked"));
  CHECK_NOTHROW(test::pgQuery(organizer, "UPDATE gate_profile SET reentry = reentry"));
  CHECK_NOTHROW(test::pgQuery(organizer, "INSERT INTO setting (key, value) VALUES ('venue.grid', '1')"));
  CHECK(refused(organizer, "INSERT INTO app_user (name, role) VALUES ('mallory', 'admin')"));
  CHECK(refused(organizer, "UPDATE app_user SET role = 'admin'"));
  CHECK(refused(organizer, "SELECT before FROM audit"));

  // Administrator: reads the trail, still cannot rewrite it.
  CHECK_NOTHROW(test::pgQuery(admin, "SELECT count(before) FROM audit"));
  CHECK(refused(admin, "DELETE FROM audit"));
  CHECK(refused(admin, "UPDATE audit SET user_name = 'x'"));
  CHECK(refused(admin, "TRUNCATE audit"));
  CHECK(refused(admin, "DROP TABLE person"));

  // A login changes group when its role changes; running `db roles` again changes nothing else.
  const std::string name = "t" + ed.suffix + "-desk";
  REQUIRE(ed.cli({"db", "login", name, "--role", "gate", "--password-stdin"}, "another-pass-1\n").exit_code == 0);
  CHECK(refused(desk, "SELECT phone FROM person LIMIT 1"));
  CHECK(ed.cli({"db", "roles"}).exit_code == 0);
  CHECK_NOTHROW(test::pgQuery(organizer, "UPDATE booth SET locked = locked"));
}

TEST_CASE("no station's login may lift a lockout or rewrite the audit trail's anchors", "[postgres]") {
  PgEdition ed;
  const std::string gate = ed.login("gate"), admin = ed.login("admin");
  REQUIRE(ed.cli({"user", "add", "directrice", "--role", "admin", "--pin-stdin"}, "48291375\n").exit_code == 0);
  // Five wrong guesses from the gate's login lock the administrator's account.
  auto store = openStore(gate);
  for (int i = 0; i < users::kMaxFailures; ++i)
    CHECK_THROWS_AS(users::signIn(*store, "directrice", "0000", "g"), Error);
  const std::string lockedUntil = test::pgQuery(ed.url, "SELECT locked_until FROM app_user WHERE name = 'directrice'");
  REQUIRE_FALSE(lockedUntil.empty());
  // The account itself is out of reach: no update, no token to read.
  CHECK(refused(gate, "UPDATE app_user SET failed_attempts = 0, locked_until = '' WHERE name = 'directrice'"));
  CHECK(refused(gate, "UPDATE app_user SET failed_attempts = 0"));
  CHECK(refused(gate, "SELECT signin_token FROM app_user"));
  // Through the sign-in functions: a guessed token clears nothing, a later clock ends nothing.
  test::pgQuery(gate, "SELECT moussem_signin_succeeded('directrice', 'guess')");
  test::pgQuery(gate, "SELECT moussem_signin_succeeded('directrice', '')");
  CHECK(test::pgQuery(gate,
                      "SELECT count(*) FROM moussem_signin_attempt('directrice', '9999-12-31T00:00:00.000Z', "
                      "'', 1000, 'mine')") == "0");
  CHECK(test::pgQuery(ed.url, "SELECT locked_until FROM app_user WHERE name = 'directrice'") == lockedUntil);
  CHECK(test::pgQuery(ed.url, "SELECT failed_attempts FROM app_user WHERE name = 'directrice'") ==
        std::to_string(users::kMaxFailures));
  CHECK_THROWS_AS(users::signIn(*store, "directrice", "48291375", "g"), Error);  // even the right PIN, for now

  // The anchors: insert-only for every station's login, the administrators' included (they belong to a
  // role no station uses).
  REQUIRE(test::pgQuery(ed.url, "SELECT count(*) FROM audit_anchor") != "0");
  CHECK(test::pgQuery(ed.url, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_anchor'") ==
        "moussem_audit_keeper");
  CHECK(refused(gate, "DELETE FROM audit_anchor"));
  CHECK(refused(gate, "UPDATE audit_anchor SET hash = 'x'"));
  CHECK(refused(admin, "DELETE FROM audit_anchor"));
  CHECK(refused(admin, "UPDATE audit_anchor SET hash = 'x'"));
  CHECK(refused(admin, "TRUNCATE audit_anchor"));
  CHECK(refused(admin, "ALTER TABLE audit_anchor DISABLE TRIGGER ALL"));
  CHECK(ed.cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("wrong PINs sent at once by many processes through a gate's login are never checked more than the limit",
          "[postgres]") {
  PgEdition ed;
  const std::string gate = ed.login("gate");
  REQUIRE(ed.cli({"user", "add", "directrice", "--role", "admin", "--pin-stdin"}, "48291375\n").exit_code == 0);
  // A stolen gate laptop guessing an administrator's PIN with many processes at once, through the only
  // database login it has (no right to update an account: the count goes through the server's function).
  constexpr int kProcesses = 12;
  test::guessAtOnce(gate, "directrice", test::wrongPins(kProcesses, 8), {"list", "participants"});
  CHECK(test::pgQuery(ed.url, "SELECT failed_attempts FROM app_user WHERE name = 'directrice'") ==
        std::to_string(users::kMaxFailures));
  CHECK(test::pgQuery(ed.url, "SELECT locked_until <> '' FROM app_user WHERE name = 'directrice'") == "t");
  // Exactly kMaxFailures PINs were checked; the other attempts met the lockout, unchecked.
  CHECK(test::pgQuery(ed.url,
                      "SELECT count(*) FROM audit WHERE action = 'user.signin_refused' AND entity_id = "
                      "'directrice' AND (after LIKE '%wrong_pin%' OR after LIKE '%locked_now%')") ==
        std::to_string(users::kMaxFailures));
  CHECK(test::pgQuery(ed.url,
                      "SELECT count(*) FROM audit WHERE action = 'user.signin_refused' AND entity_id = "
                      "'directrice' AND after LIKE '%\"locked\"%'") ==
        std::to_string(kProcesses - users::kMaxFailures));
  // Locked for the right PIN too, on this login as on any other.
  auto right = test::run("moussem-cli", {"--db", gate, "--user", "directrice", "list", "participants"}, "",
                         {"MOUSSEM_PIN=48291375"});
  CHECK(right.exit_code == 1);
}

TEST_CASE("a gate user's refused commands on a server are each an audit row: who, what, why", "[postgres]") {
  PgEdition ed;
  const std::string gate = ed.login("gate");
  REQUIRE(ed.cli({"user", "add", "steward", "--role", "gate", "--pin-stdin"}, "482913\n").exit_code == 0);
  test::TempDir dir;
  const std::vector<std::vector<std::string>> refusedCommands{
      {"user", "list"},
      {"audit", "list"},
      {"export", "participants", (dir / "people.csv").string()},
      {"backup", (dir / "copy.db").string()},
      {"gate", "add", "side-door", "--zone", "exhibition", "--direction", "in"},
  };
  const std::string before = test::pgQuery(ed.url, "SELECT count(*) FROM audit WHERE action = 'refused'");
  for (const auto& command : refusedCommands) {
    std::vector<std::string> args{"--db", gate, "--lang", "en", "--user", "steward"};
    args.insert(args.end(), command.begin(), command.end());
    auto r = test::run("moussem-cli", args, "", {"MOUSSEM_PIN=482913"});
    INFO(command.front() << " " << command[1] << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("steward") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "people.csv"));
  CHECK_FALSE(fs::exists(dir / "copy.db"));
  // One row per refusal, written through the gate's own login: the user, the station, the permission
  // refused and why.
  CHECK(std::stoi(test::pgQuery(ed.url, "SELECT count(*) FROM audit WHERE action = 'refused'")) - std::stoi(before) ==
        static_cast<int>(refusedCommands.size()));
  CHECK(test::pgQuery(ed.url,
                      "SELECT count(*) FROM audit WHERE action = 'refused' AND (user_name <> 'steward' "
                      "OR role <> 'gate' OR entity <> 'permission' OR entity_id = '' OR after NOT LIKE "
                      "'%steward%')") == "0");
  CHECK(test::pgQuery(ed.url,
                      "SELECT string_agg(DISTINCT entity_id, ',' ORDER BY entity_id) FROM audit WHERE "
                      "action = 'refused'")
            .find("manage_users") != std::string::npos);
  CHECK(ed.cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("no station's login can jam the audit trail with an anchor or a row of its own", "[postgres]") {
  PgEdition ed;
  const std::string gate = ed.login("gate"), desk = ed.login("desk");
  const long long head = std::stoll(test::pgQuery(ed.url, "SELECT max(id) FROM audit"));
  const std::string next = std::to_string(head + 1);
  // An anchor of a row not yet written: the next change's own anchor would collide with it, and every
  // change after it would be refused, for good (nobody may delete an anchor).
  CHECK(refused(gate, "INSERT INTO audit_anchor (audit_id, hash) VALUES (" + next + ", repeat('0', 64))"));
  CHECK(refused(desk, "INSERT INTO audit_anchor (audit_id, hash) SELECT g, 'x' FROM generate_series(" + next + ", " +
                          next + " + 1000) g"));
  // A row off the chain: the largest id, after which no row can follow, or a gap, or a fork.
  const std::string head_hash = test::pgQuery(gate, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  auto row = [&](const std::string& id, const std::string& prev) {
    return "INSERT INTO audit (id, at, action, prev_hash, hash) VALUES (" + id +
           ", '2026-02-10T10:00:00.000Z', 'person.update', '" + prev + "', repeat('1', 64))";
  };
  CHECK(refused(gate, row("9223372036854775807", head_hash)));
  CHECK(refused(gate, row(std::to_string(head + 5), head_hash)));
  CHECK(refused(gate, row(next, std::string(64, '0'))));
  CHECK(test::pgQuery(ed.url, "SELECT count(*) FROM audit_anchor WHERE audit_id > " + std::to_string(head)) == "0");
  // Changes are still made and audited, each row anchored by the database from the row itself.
  auto added = ed.cli({"user", "add", "nadia", "--role", "desk", "--pin-stdin"}, "48291375\n");
  INFO(added.err);
  CHECK(added.exit_code == 0);
  CHECK(test::pgQuery(ed.url,
                      "SELECT count(*) FROM audit_anchor a JOIN audit r ON r.id = a.audit_id AND r.hash = "
                      "a.hash WHERE a.audit_id > " +
                          std::to_string(head)) != "0");
  auto verified = ed.cli({"audit", "verify"});
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);
}

TEST_CASE("a trail rewritten or emptied on the server fails audit verify, and against a report's anchor",
          "[postgres]") {
  PgEdition ed;
  test::TempDir dir;
  auto json = [](const test::RunResult& r) { return nlohmann::json::parse(r.out.substr(0, r.out.find('\n'))); };
  auto verify = [&](const std::vector<std::string>& more = {}) {
    std::vector<std::string> args{"--json", "audit", "verify"};
    args.insert(args.end(), more.begin(), more.end());
    return ed.cli(args);
  };
  // A report carries the trail's newest (id, hash), signed with the edition's key (the key file of this
  // station's data folder, never the database).
  const auto report = dir / "r.pdf";
  auto made = ed.cli({"report", "--out", report.string()});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  auto clean = verify({"--anchor", report.string()});
  INFO(clean.out << clean.err);
  REQUIRE(clean.exit_code == 0);
  CHECK(json(clean)["anchors"][0]["signed"] == true);
  const long long newest = json(clean)["anchors"][0]["row"].get<long long>();

  auto has = [](const nlohmann::json& j, const std::string& problem, long long row) {
    for (const auto& p : j["problems"])
      if (p["problem"] == problem && (row == 0 || p["row"] == row)) return true;
    return false;
  };
  SECTION("the newest row edited to blame another user, and rehashed") {
    AuditRow row = openStore(ed.url)->auditChain().back();
    REQUIRE(row.id == newest);
    row.user_name = "amina";
    const std::string hash = auditHash(row);
    // Whoever owns the trail's table may switch its triggers off; the anchors are the keeper's.
    test::pgQuery(ed.url, "ALTER TABLE audit DISABLE TRIGGER USER; UPDATE audit SET user_name = 'amina', hash = '" +
                              hash + "' WHERE id = " + std::to_string(newest) +
                              "; ALTER TABLE audit ENABLE TRIGGER USER");
    auto plain = verify();
    CHECK(plain.exit_code == 1);
    CHECK(has(json(plain), "anchor_mismatch", newest));
    auto anchored = verify({"--anchor", report.string()});
    CHECK(anchored.exit_code == 1);
    CHECK(has(json(anchored), "anchor_lost", newest));
  }
  SECTION("every row deleted") {
    test::pgQuery(ed.url,
                  "ALTER TABLE audit DISABLE TRIGGER USER; DELETE FROM audit; ALTER TABLE audit ENABLE TRIGGER USER");
    auto plain = verify();
    CHECK(plain.exit_code == 1);
    CHECK(json(plain)["rows"] == 0);
    CHECK(has(json(plain), "empty", 0));
    CHECK(has(json(plain), "anchor_missing", newest));
    auto anchored = verify({"--anchor", report.string()});
    CHECK(anchored.exit_code == 1);
    CHECK(has(json(anchored), "anchor_lost", newest));
  }
}

TEST_CASE("every table and view of the schema has its line in the privilege table", "[postgres]") {
  PgEdition ed;
  const std::string all = test::pgQuery(ed.url,
                                        "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                                        "information_schema.tables WHERE table_schema = current_schema()");
  std::set<std::string> listed;
  for (const auto& t : pg_roles::tablePrivileges()) listed.emplace(t.table);
  std::size_t start = 0;
  while (start <= all.size()) {
    const auto comma = all.find(',', start);
    const std::string table = all.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    INFO(table);
    CHECK(listed.count(table) == 1);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

TEST_CASE("bad login names, short passwords and server administrators are refused", "[postgres]") {
  PgEdition ed;
  CHECK(
      ed.cli({"db", "login", "Robert'); DROP TABLE person;--", "--role", "gate", "--password-stdin"}, "long-enough-1\n")
          .exit_code != 0);
  CHECK(ed.cli({"db", "login", "moussem_admin", "--role", "gate", "--password-stdin"}, "long-enough-1\n").exit_code !=
        0);
  CHECK(ed.cli({"db", "login", "gate-short", "--role", "gate", "--password-stdin"}, "short\n").exit_code != 0);
  auto su =
      ed.cli({"--lang", "en", "db", "login", "postgres", "--role", "gate", "--password-stdin"}, "long-enough-1\n");
  CHECK(su.exit_code != 0);
  CHECK(su.err.find("server administration role") != std::string::npos);
  CHECK(test::pgQuery(ed.url, "SELECT count(*) FROM person") != "0");
}

TEST_CASE("database roles exist only on PostgreSQL: on a SQLite file the command says why") {
  test::TempDir dir;
  const auto db = (dir / "e.db").string();
  REQUIRE(test::run("moussem-cli", {"--db", db, "init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
  auto r = test::run("moussem-cli", {"--db", db, "--lang", "en", "db", "roles"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("only on PostgreSQL") != std::string::npos);
}
