// backup FILE / restore FILE: round trip with checksum, refusals that leave the target byte for byte
// as it was (truncated, altered, another edition, not a database, no checksum, PostgreSQL), and a
// backup taken while another process keeps writing.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void writeBytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Fixed SQL on a test database (set-up and checks only); returns the first column of the first row.
std::string sql(const fs::path& db, const std::string& text) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  std::string result;
  int rc = sqlite3_prepare_v2(h, text.c_str(), -1, &st, nullptr);
  INFO(sqlite3_errmsg(h));
  REQUIRE(rc == SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return result;
}

std::string makeEdition(const TempDir& dir, const std::string& name, const std::string& people) {
  auto db = (dir / name).string();
  auto r = run("moussem-cli", {"--db", db, "demo", "--exhibitors", "5", "--participants", people});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

std::string participants(const std::string& db) {
  auto r = run("moussem-cli", {"--db", db, "--json", "list", "participants", "--limit", "100000"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The bytes of the database, its WAL folded in, so two states can be compared exactly.
std::string settledBytes(const std::string& db) {
  sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  return bytesOf(db);
}

// The temporaries (*.partial) left in a folder.
std::size_t partialsIn(const fs::path& folder) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().extension() == ".partial") ++n;
  return n;
}
}  // namespace

TEST_CASE("backup writes FILE and FILE.sha256, restore brings the data back and keeps the old file") {
  TempDir dir;
  auto db = makeEdition(dir, "e.db", "40");
  const std::string before = participants(db);
  const auto file = dir / "save" / "e-backup.db";
  fs::create_directories(file.parent_path());

  auto b = run("moussem-cli", {"--db", db, "--json", "backup", file.string()});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  auto j = json::parse(b.out);
  CHECK(j["file"] == file.string());
  CHECK(fs::exists(file));
  CHECK_FALSE(fs::exists(file.string() + ".partial"));
  CHECK_FALSE(fs::exists(file.string() + "-wal"));
  const std::string sum = j["sha256"];
  CHECK(sum.size() == 64);
  // sha256sum's line, then the audit trail's anchor on a comment line (sha256sum -c skips it).
  CHECK(bytesOf(file.string() + ".sha256").rfind(sum + "  e-backup.db\n# moussem-audit-anchor.1.", 0) == 0);
  auto check = moussem::test::runCommand("sha256sum", {file.string()});
  CHECK(check.out.substr(0, 64) == sum);
  CHECK(j["bytes"].get<long long>() == static_cast<long long>(fs::file_size(file)));

  // Text output names the file and prints the checksum, in the user's language.
  auto again = run("moussem-cli", {"--db", db, "--lang", "en", "backup", (dir / "second.db").string()});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("SHA-256: ") != std::string::npos);
  // An existing file is never overwritten.
  auto exists = run("moussem-cli", {"--db", db, "backup", file.string()});
  CHECK(exists.exit_code == 1);
  // sha256sum's line, then the audit trail's anchor on a comment line (sha256sum -c skips it).
  CHECK(bytesOf(file.string() + ".sha256").rfind(sum + "  e-backup.db\n# moussem-audit-anchor.1.", 0) == 0);

  sql(db, "UPDATE person SET last_name = 'CHANGED'");
  sql(db, "DELETE FROM badge");
  REQUIRE(participants(db) != before);
  const std::string changed = settledBytes(db);

  auto r = run("moussem-cli", {"--db", db, "--json", "restore", file.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto rj = json::parse(r.out);
  CHECK(rj["sha256"] == sum);
  CHECK(rj["previous"] == db + ".before-restore");
  CHECK(participants(db) == before);
  CHECK(bytesOf(db + ".before-restore").size() == changed.size());
  CHECK(sql(db + ".before-restore", "SELECT count(*) FROM person WHERE last_name = 'CHANGED'") != "0");
  CHECK(partialsIn(dir.path()) == 0);  // no temporary left behind
  CHECK(run("moussem-cli", {"--db", db, "info"}).exit_code == 0);

  // Onto a machine with no database yet (a stolen or dead laptop): nothing to compare, nothing kept.
  auto fresh = (dir / "new" / "e.db").string();
  auto n = run("moussem-cli", {"--db", fresh, "--json", "restore", file.string()});
  INFO(n.err);
  REQUIRE(n.exit_code == 0);
  CHECK_FALSE(json::parse(n.out).contains("previous"));
  CHECK(participants(fresh) == before);
}

TEST_CASE("restore refuses a bad backup and leaves the target byte for byte as it was") {
  TempDir dir;
  auto db = makeEdition(dir, "e.db", "30");
  const auto file = dir / "b.db";
  REQUIRE(run("moussem-cli", {"--db", db, "backup", file.string()}).exit_code == 0);
  sql(db, "UPDATE person SET last_name = 'AFTER'");
  const std::string target = settledBytes(db);
  const std::string good = bytesOf(file);

  auto refused = [&](const fs::path& f, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--db", db, "--lang", "en", "restore", f.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run("moussem-cli", args);
    CHECK(r.exit_code == 1);
    CHECK(bytesOf(db) == target);
    CHECK_FALSE(fs::exists(db + ".before-restore"));
    CHECK(partialsIn(dir.path()) == 0);  // no temporary left behind
    return r.err;
  };

  SECTION("truncated, with the original checksum") {
    const auto t = dir / "t.db";
    writeBytes(t, good.substr(0, good.size() / 2));
    fs::copy_file(file.string() + ".sha256", t.string() + ".sha256");
    auto err = refused(t);
    CHECK(err.find("does not match its checksum") != std::string::npos);
    CHECK(err.find("t.db") != std::string::npos);
  }
  SECTION("truncated, with a checksum made for the truncated file") {
    const auto t = dir / "t.db";
    writeBytes(t, good.substr(0, good.size() / 2));
    auto sum = moussem::test::runCommand("sha256sum", {t.string()}).out.substr(0, 64);
    writeBytes(t.string() + ".sha256", sum + "  t.db\n");
    auto err = refused(t);
    CHECK(err.find("integrity check") != std::string::npos);
  }
  SECTION("not a database") {
    const auto t = dir / "notes.db";
    writeBytes(t, "name,phone\nAmina,+212600000000\n");
    auto sum = moussem::test::runCommand("sha256sum", {t.string()}).out.substr(0, 64);
    writeBytes(t.string() + ".sha256", sum + "  notes.db\n");
    auto err = refused(t);
    CHECK(err.find("not a Moussem database") != std::string::npos);
  }
  SECTION("a SQLite database that is not Moussem's") {
    const auto t = dir / "other.db";
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(t.c_str(), &h) == SQLITE_OK);
    sqlite3_exec(h, "CREATE TABLE x(y); INSERT INTO x VALUES (1)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    auto sum = moussem::test::runCommand("sha256sum", {t.string()}).out.substr(0, 64);
    writeBytes(t.string() + ".sha256", sum + "  other.db\n");
    auto err = refused(t);
    CHECK(err.find("not a Moussem database") != std::string::npos);
  }
  SECTION("no checksum beside it") {
    fs::remove(file.string() + ".sha256");
    auto err = refused(file);
    CHECK(err.find("checksum file") != std::string::npos);
  }
  SECTION("missing file") {
    auto err = refused(dir / "nowhere.db");
    CHECK(err.find("not found") != std::string::npos);
  }
  SECTION("a backup of another edition; accepted only with --force-other-edition") {
    auto other = makeEdition(dir, "other.db", "10");
    REQUIRE(sql(other, "SELECT uid FROM edition") != sql(db, "SELECT uid FROM edition"));
    sql(other, "UPDATE edition SET name_fr = 'Moussem de Tan-Tan', uid = 'other-edition-uid'");
    const auto ob = dir / "other-backup.db";
    REQUIRE(run("moussem-cli", {"--db", other, "backup", ob.string()}).exit_code == 0);
    auto err = refused(ob);
    CHECK(err.find("Moussem de Tan-Tan") != std::string::npos);
    CHECK(err.find("--force-other-edition") != std::string::npos);
    auto fr = run("moussem-cli", {"--db", db, "restore", ob.string()});
    CHECK(fr.exit_code == 1);
    CHECK(fr.err.find("pas de l'édition") != std::string::npos);
    CHECK(bytesOf(db) == target);

    auto forced = run("moussem-cli", {"--db", db, "restore", ob.string(), "--force-other-edition"});
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(sql(db, "SELECT uid FROM edition") == "other-edition-uid");
    CHECK(bytesOf(db + ".before-restore").size() == target.size());
  }
}

TEST_CASE("backup and restore refuse a PostgreSQL database and point to pg_dump") {
  TempDir dir;
  auto b = run("moussem-cli",
               {"--db", "postgresql://moussem@127.0.0.1:1/none", "--lang", "en", "backup", (dir / "x.db").string()});
  CHECK(b.exit_code == 1);
  CHECK(b.err.find("pg_dump") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.db"));
  auto r = run("moussem-cli",
               {"--db", "postgresql://moussem@127.0.0.1:1/none", "--lang", "en", "restore", (dir / "x.db").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("pg_restore") != std::string::npos);
}

TEST_CASE("a backup taken while another process writes is one consistent snapshot") {
  TempDir dir;
  auto db = makeEdition(dir, "e.db", "300");
  sql(db, "CREATE TABLE probe (n INTEGER NOT NULL)");
  sql(db, "CREATE TABLE probe_count (c INTEGER NOT NULL)");
  sql(db, "INSERT INTO probe_count VALUES (0)");

  pid_t writer = ::fork();
  REQUIRE(writer >= 0);
  if (writer == 0) {
    // Another station: every transaction adds a probe row, counts it, and renames people.
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) ::_exit(3);
    sqlite3_busy_timeout(h, 5000);
    for (long n = 1;; ++n) {
      std::string tx = "BEGIN IMMEDIATE; INSERT INTO probe VALUES (" + std::to_string(n) +
                       "); UPDATE probe_count SET c = c + 1; UPDATE person SET last_name = 'W" + std::to_string(n) +
                       "'; COMMIT;";
      if (sqlite3_exec(h, tx.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  // Let it get going, then take several backups while it writes.
  while (std::stoi(sql(db, "SELECT c FROM probe_count")) < 20) ::usleep(10000);
  for (int i = 0; i < 3; ++i) {
    const auto file = dir / ("live" + std::to_string(i) + ".db");
    auto r = run("moussem-cli", {"--db", db, "--json", "backup", file.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(sql(file, "PRAGMA integrity_check") == "ok");
    const std::string c = sql(file, "SELECT c FROM probe_count");
    CHECK(sql(file, "SELECT count(*) FROM probe") == c);
    CHECK(sql(file, "SELECT max(n) FROM probe") == c);
    CHECK(sql(file, "SELECT count(DISTINCT last_name) FROM person") == "1");
    CHECK(sql(file, "SELECT last_name FROM person LIMIT 1") == "W" + c);
  }
  ::kill(writer, SIGKILL);
  int status = 0;
  ::waitpid(writer, &status, 0);
  CHECK(std::stoi(sql(db, "SELECT c FROM probe_count")) > 20);
}

TEST_CASE("a backup and its checksum appear together or not at all, wherever the backup is killed") {
  using namespace std::chrono_literals;
  TempDir dir;
  auto db = makeEdition(dir, "e.db", "20");
  for (const char* point : {"backup-before-publish", "backup-between-files"}) {
    INFO(point);
    const auto file = dir / (std::string(point) + ".db");
    const auto paused = dir / (std::string(point) + ".paused");
    {
      moussem::test::Child backup(
          "moussem-cli", {"--db", db, "backup", file.string()},
          {"MOUSSEM_TEST_PAUSE_AT=" + std::string(point), "MOUSSEM_TEST_PAUSE_FILE=" + paused.string()});
      REQUIRE(moussem::test::waitForFile(paused, 120s));
      backup.kill9();
      backup.wait();
    }
    // Never a backup without its checksum (the checksum goes first: alone, it names no file).
    CHECK_FALSE(fs::exists(file));
    auto restore = run("moussem-cli", {"--db", (dir / "other.db").string(), "restore", file.string()});
    CHECK(restore.exit_code == 1);
    // The same backup again: both files, and sha256sum agrees.
    auto again = run("moussem-cli", {"--db", db, "backup", file.string()});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(fs::exists(file.string() + ".sha256"));
    CHECK(moussem::test::runCommand(
              "sh", {"-c", "cd " + dir.path().string() + " && sha256sum -c " + file.filename().string() + ".sha256"})
              .exit_code == 0);
  }
}

TEST_CASE("databases, backups and their checksums are created readable by their owner only") {
  TempDir dir;
  auto db = makeEdition(dir, "e.db", "10");
  const auto file = dir / "b.db";
  REQUIRE(run("moussem-cli", {"--db", db, "backup", file.string()}).exit_code == 0);
  const auto privateMode = fs::perms::owner_read | fs::perms::owner_write;
  for (const auto& p :
       {fs::path(db), fs::path(db).replace_extension(".key"), file, fs::path(file.string() + ".sha256")}) {
    INFO(p);
    CHECK((fs::status(p).permissions() & fs::perms::all) == privateMode);
  }
  // Restored: the database stays private, and so does the copy of the one it replaced.
  REQUIRE(run("moussem-cli", {"--db", db, "restore", file.string()}).exit_code == 0);
  CHECK((fs::status(db).permissions() & fs::perms::all) == privateMode);
  CHECK((fs::status(db + ".before-restore").permissions() & fs::perms::all) == privateMode);
}
