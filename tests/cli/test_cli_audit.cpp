// audit verify: an intact chain passes; in copies of the database whose rows were edited, deleted or
// swapped (the append-only triggers dropped first, as whoever holds the file could), verify names them.
// A trail rewritten with its chain and anchor table recomputed, or emptied, fails against the signed
// anchors written outside the database (a backup's checksum file, a report).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "store/audit_chain.hpp"
#include "test_support.hpp"

using moussem::AuditRow;
using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

void exec(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  INFO(sql << ": " << msg);
  REQUIRE(rc == SQLITE_OK);
}

std::string sqlText(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Ten chained rows, written the way the store appends them.
void appendRows(const fs::path& db, int n) {
  std::string prev = moussem::auditGenesisHash();
  std::string sql;
  for (int i = 1; i <= n; ++i) {
    AuditRow r;
    r.id = i;
    r.at = "2026-02-10T09:00:0" + std::to_string(i % 10) + ".000Z";
    r.user_name = "amina";
    r.role = "desk";
    r.station = "desk-1";
    r.action = i % 2 ? "person.update" : "badge.revoke";
    r.entity = i % 2 ? "person" : "badge";
    r.entity_id = std::to_string(100 + i);
    r.before = R"({"last_name":"Alaoui"})";
    r.after = R"({"last_name":"El Alaoui )" + std::to_string(i) + "\"}";
    r.prev_hash = prev;
    r.hash = moussem::auditHash(r);
    prev = r.hash;
    sql +=
        "INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, "
        "hash) VALUES (" +
        std::to_string(r.id) + "," + sqlText(r.at) + "," + sqlText(r.user_name) + "," + sqlText(r.role) + "," +
        sqlText(r.station) + "," + sqlText(r.action) + "," + sqlText(r.entity) + "," + sqlText(r.entity_id) + "," +
        sqlText(r.before) + "," + sqlText(r.after) + "," + sqlText(r.prev_hash) + "," + sqlText(r.hash) + ");";
    sql += "INSERT INTO audit_anchor (audit_id, hash) VALUES (" + std::to_string(r.id) + "," + sqlText(r.hash) + ");";
  }
  exec(db, sql);
}

json verify(const fs::path& db, int expectedExit) {
  auto r = run("moussem-cli", {"--db", db.string(), "--json", "audit", "verify"});
  INFO(r.err);
  CHECK(r.exit_code == expectedExit);
  auto first = r.out.substr(0, r.out.find('\n'));
  return json::parse(first);
}

// moussem-cli on one database, and a new edition made there.
struct Cli {
  fs::path db;
  moussem::test::RunResult operator()(std::vector<std::string> args, const std::string& in = "") const {
    args.insert(args.begin(), {"--db", db.string()});
    return run("moussem-cli", args, in);
  }
};
Cli newEdition(const fs::path& db) {
  Cli cli{db};
  REQUIRE(cli({"init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
  return cli;
}

bool names(const json& j, const std::string& problem, int row) {
  for (const auto& p : j["problems"])
    if (p["problem"] == problem && p["row"] == row) return true;
  return false;
}

}  // namespace

TEST_CASE("audit verify names edited, deleted and reordered rows in a tampered copy") {
  TempDir dir;
  const auto db = dir / "e.db";
  REQUIRE(run("moussem-cli", {"--db", db.string(), "init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code ==
          0);
  appendRows(db, 10);
  auto ok = verify(db, 0);
  CHECK(ok["ok"] == true);
  CHECK(ok["rows"] == 10);
  auto text = run("moussem-cli", {"--db", db.string(), "--lang", "en", "audit", "verify"});
  CHECK(text.out.find("10 rows") != std::string::npos);

  // The triggers refuse ordinary edits.
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  CHECK(sqlite3_exec(h, "UPDATE audit SET user_name = 'x' WHERE id = 3", nullptr, nullptr, nullptr) != SQLITE_OK);
  // A row follows the newest one only: not past a gap, nor linked to an older row.
  const std::string head = "'" + moussem::auditHash(AuditRow{}) + "'";
  auto insert = [&](int id, const std::string& prev) {
    return sqlite3_exec(h,
                        ("INSERT INTO audit (id, at, action, prev_hash, hash) VALUES (" + std::to_string(id) +
                         ", '2026-02-10T10:00:00.000Z', 'person.update', " + prev + ", " + head + ")")
                            .c_str(),
                        nullptr, nullptr, nullptr);
  };
  CHECK(insert(15, "(SELECT hash FROM audit WHERE id = 10)") != SQLITE_OK);
  CHECK(insert(11, "(SELECT hash FROM audit WHERE id = 9)") != SQLITE_OK);
  sqlite3_close(h);

  auto tampered = [&](const std::string& name, const std::string& sql) {
    const auto copy = dir / name;
    fs::copy_file(db, copy);
    exec(copy, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql);
    return verify(copy, 1);
  };

  SECTION("a field edited") {
    auto j = tampered("edit.db", "UPDATE audit SET after = '{\"last_name\":\"X\"}' WHERE id = 4");
    CHECK(names(j, "edited", 4));
    CHECK(j["problems"].size() == 1);
    auto fr = run("moussem-cli", {"--db", (dir / "edit.db").string(), "audit", "verify"});
    CHECK(fr.exit_code == 1);
    CHECK(fr.out.find("Ligne 4 : modifiée") != std::string::npos);
  }
  SECTION("a field edited and its hash recomputed") {
    // Recompute row 6's hash after the edit: the chain breaks at row 7, which names row 6.
    const auto copy = dir / "rehash.db";
    fs::copy_file(db, copy);
    sqlite3* c = nullptr;
    REQUIRE(sqlite3_open(copy.c_str(), &c) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(c,
                               "SELECT at, user_name, role, station, action, entity, entity_id, before, after, "
                               "prev_hash FROM audit WHERE id = 6",
                               -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
    AuditRow r{6, col(0), "mallory", col(2), col(3), col(4), col(5), col(6), col(7), col(8), col(9), ""};
    sqlite3_finalize(st);
    sqlite3_close(c);
    exec(copy, "DROP TRIGGER audit_no_update; UPDATE audit SET user_name = 'mallory', hash = " +
                   sqlText(moussem::auditHash(r)) + " WHERE id = 6");
    auto j = verify(copy, 1);
    CHECK(names(j, "edited", 6));
  }
  SECTION("a row deleted") {
    auto j = tampered("delete.db", "DELETE FROM audit WHERE id = 5");
    CHECK(names(j, "deleted", 5));
    CHECK(names(j, "anchor_missing", 5));  // and its anchor outlives it
    CHECK(j["problems"].size() == 2);
  }
  SECTION("two rows swapped") {
    auto j = tampered("swap.db",
                      "UPDATE audit SET id = -3 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 8; "
                      "UPDATE audit SET id = 8 WHERE id = -3;");
    CHECK(names(j, "reordered", 3));
    CHECK(names(j, "reordered", 8));
  }
}

namespace {
int execStatus(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(h);
  return rc;
}
}  // namespace

TEST_CASE("rows chained over digests: values can be erased by anonymisation, never edited") {
  TempDir dir;
  const auto db = dir / "e.db";
  auto cli = newEdition(db);
  REQUIRE(cli({"user", "add", "amina", "--role", "desk", "--pin-stdin"}, "482913\n").exit_code == 0);
  REQUIRE(cli({"user", "set-role", "amina", "--role", "organizer"}).exit_code == 0);
  auto listed = json::parse(cli({"--json", "audit", "list", "--action", "user.set_role"}).out);
  REQUIRE(listed.size() == 1);
  const int row = listed[0]["id"].get<int>();
  CHECK(listed[0]["after"].get<std::string>().find("organizer") != std::string::npos);
  CHECK(verify(db, 0)["ok"] == true);

  // The database refuses any other change: a value edited, or erased together with another column.
  const std::string id = std::to_string(row);
  CHECK(execStatus(db, "UPDATE audit SET after = '{\"role\":\"admin\"}' WHERE id = " + id) != SQLITE_OK);
  CHECK(execStatus(db, "UPDATE audit SET after = '' WHERE id = " + id) != SQLITE_OK);
  CHECK(execStatus(db, "UPDATE audit SET before = '', after = '', redacted_at = 'x', user_name = 'm' WHERE id = " +
                           id) != SQLITE_OK);

  SECTION("a value edited in a copy without triggers is named") {
    const auto copy = dir / "edit.db";
    fs::copy_file(db, copy);
    exec(copy, "DROP TRIGGER audit_no_update; UPDATE audit SET after = '{\"role\":\"admin\"}' WHERE id = " + id);
    auto j = verify(copy, 1);
    CHECK(names(j, "edited", row));
    CHECK(j["problems"].size() == 1);
  }
  SECTION("values erased the way anonymize does: the chain still verifies, the row says so") {
    CHECK(execStatus(db,
                     "UPDATE audit SET before = '', after = '', redacted_at = '2026-03-01T10:00:00.000Z' "
                     "WHERE id = " +
                         id) == SQLITE_OK);
    CHECK(verify(db, 0)["ok"] == true);
    auto again = json::parse(cli({"--json", "audit", "list", "--action", "user.set_role"}).out);
    CHECK(again[0]["after"] == "");
    CHECK(again[0]["redacted_at"] == "2026-03-01T10:00:00.000Z");
    // Erased once: no second change, not even back to the old value.
    CHECK(execStatus(db, "UPDATE audit SET after = '{\"role\":\"organizer\"}' WHERE id = " + id) != SQLITE_OK);
  }
}

namespace {

// Rewrites the trail of db the way someone who holds the file and knows the format would: keep(row)
// chooses the rows kept (renumbered from 1), edit(row) changes them; the chain and the anchor table
// are recomputed to match, every trigger dropped.
void rewriteTrail(const fs::path& db, const std::function<bool(const AuditRow&)>& keep,
                  const std::function<void(AuditRow&)>& edit = {}) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h,
                             "SELECT id, at, user_name, role, station, action, entity, entity_id, before, after, "
                             "before_sha, after_sha, redacted_at FROM audit ORDER BY id",
                             -1, &st, nullptr) == SQLITE_OK);
  std::vector<AuditRow> rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
    AuditRow r;
    r.id = sqlite3_column_int64(st, 0);
    r.at = col(1), r.user_name = col(2), r.role = col(3), r.station = col(4), r.action = col(5);
    r.entity = col(6), r.entity_id = col(7), r.before = col(8), r.after = col(9);
    r.before_sha = col(10), r.after_sha = col(11), r.redacted_at = col(12);
    if (keep(r)) rows.push_back(r);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  std::string sql =
      "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_anchor_no_update; "
      "DROP TRIGGER audit_anchor_no_delete; DELETE FROM audit; DELETE FROM audit_anchor;";
  std::string prev = moussem::auditGenesisHash();
  std::int64_t id = 0;
  for (auto& r : rows) {
    r.id = ++id;
    if (edit) edit(r);
    r.prev_hash = prev;
    r.hash = moussem::auditHash(r);
    prev = r.hash;
    sql +=
        "INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, "
        "hash, before_sha, after_sha, redacted_at) VALUES (" +
        std::to_string(r.id) + "," + sqlText(r.at) + "," + sqlText(r.user_name) + "," + sqlText(r.role) + "," +
        sqlText(r.station) + "," + sqlText(r.action) + "," + sqlText(r.entity) + "," + sqlText(r.entity_id) + "," +
        sqlText(r.before) + "," + sqlText(r.after) + "," + sqlText(r.prev_hash) + "," + sqlText(r.hash) + "," +
        sqlText(r.before_sha) + "," + sqlText(r.after_sha) + "," + sqlText(r.redacted_at) + ");";
    sql += "INSERT INTO audit_anchor (audit_id, hash) VALUES (" + std::to_string(r.id) + "," + sqlText(r.hash) + ");";
  }
  exec(db, sql);
}

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a rewritten or emptied trail fails against its signed anchors: a backup's checksum, a report") {
  TempDir dir;
  const auto db = dir / "e.db";
  auto cli = newEdition(db);
  REQUIRE(cli({"demo", "--exhibitors", "3", "--participants", "8"}).exit_code == 0);
  for (const char* name : {"amina", "omar", "salma"})
    REQUIRE(cli({"user", "add", name, "--role", "desk", "--pin-stdin"}, "482913\n").exit_code == 0);
  REQUIRE(cli({"user", "set-role", "omar", "--role", "organizer"}).exit_code == 0);
  const auto rows = verify(db, 0)["rows"].get<int>();
  REQUIRE(rows >= 5);

  // The anchors: in the backup's checksum file (a comment sha256sum skips), in the reports.
  const auto backup = dir / "b.db";
  auto b = cli({"--json", "backup", backup.string()});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  const std::string anchor = json::parse(b.out)["anchor"];
  CHECK(anchor.rfind("moussem-audit-anchor.1.", 0) == 0);
  CHECK(anchor.find("." + std::to_string(rows) + ".") != std::string::npos);
  CHECK(readText(backup.string() + ".sha256").find("# " + anchor) != std::string::npos);
  CHECK(
      moussem::test::runCommand("sh", {"-c", "cd " + dir.path().string() + " && sha256sum -c b.db.sha256"}).exit_code ==
      0);
  REQUIRE(cli({"report", "--out", (dir / "r.pdf").string()}).exit_code == 0);
  REQUIRE(cli({"report", "--out", (dir / "r.xlsx").string()}).exit_code == 0);
  CHECK(moussem::test::runCommand("pdfinfo", {(dir / "r.pdf").string()}).out.find("moussem-audit-anchor.1.") !=
        std::string::npos);
  CHECK(moussem::test::runCommand("unzip", {"-z", (dir / "r.xlsx").string()}).out.find("moussem-audit-anchor.1.") !=
        std::string::npos);
  auto withAnchor = [&](const fs::path& on, const fs::path& file, int exit) {
    auto r = run("moussem-cli", {"--db", on.string(), "--json", "audit", "verify", "--anchor", file.string()});
    INFO(r.err << r.out);
    CHECK(r.exit_code == exit);
    return json::parse(r.out.substr(0, r.out.find('\n')));
  };
  for (const auto& f : {fs::path(backup.string() + ".sha256"), dir / "r.pdf", dir / "r.xlsx"})
    CHECK(withAnchor(db, f, 0)["anchors"][0]["signed"] == true);
  // The trail goes on from its anchor.
  REQUIRE(cli({"user", "add", "hassan", "--role", "gate", "--pin-stdin"}, "482913\n").exit_code == 0);
  withAnchor(db, backup.string() + ".sha256", 0);

  const auto copy = dir / "copy.db";
  fs::copy_file(db, copy);
  SECTION("rows removed from the middle, the rest renumbered, chain and anchor table recomputed") {
    rewriteTrail(copy, [](const AuditRow& r) { return r.id != 2 && r.id != 3; });
    CHECK(verify(copy, 0)["ok"] == true);  // consistent in itself: only an anchor from outside sees it
    auto j = withAnchor(copy, backup.string() + ".sha256", 1);
    CHECK(names(j, "anchor_lost", rows));
    CHECK(withAnchor(copy, dir / "r.pdf", 1)["ok"] == false);
  }
  SECTION("the anchored row edited to blame another user, and rehashed") {
    rewriteTrail(
        copy, [](const AuditRow&) { return true; },
        [&](AuditRow& r) {
          if (r.id == rows) r.user_name = "amina";
        });
    CHECK(verify(copy, 0)["ok"] == true);
    CHECK(names(withAnchor(copy, dir / "r.xlsx", 1), "anchor_lost", rows));
  }
  SECTION("every row deleted") {
    rewriteTrail(copy, [](const AuditRow&) { return false; });
    auto j = verify(copy, 1);  // an edition with people and users has a trail
    CHECK(j["rows"] == 0);
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0]["problem"] == "empty");
    CHECK(names(withAnchor(copy, backup.string() + ".sha256", 1), "anchor_lost", rows));
  }
  SECTION("an anchor altered to match a rewritten trail no longer carries the edition's signature") {
    // The hash's first digit changed (fields: prefix, version, edition, row, hash, time, signature).
    std::vector<std::string> fields;
    for (std::size_t start = 0, dot; start <= anchor.size(); start = dot + 1) {
      dot = anchor.find('.', start);
      fields.push_back(anchor.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
    }
    REQUIRE(fields.size() == 7);
    fields[4][0] = fields[4][0] == 'a' ? 'b' : 'a';
    std::string forged;
    for (const auto& f : fields) forged += (forged.empty() ? "" : ".") + f;
    std::string text = readText(backup.string() + ".sha256");
    text.replace(text.find(anchor), anchor.size(), forged);
    std::ofstream(dir / "forged.sha256") << text;
    auto j = withAnchor(db, dir / "forged.sha256", 1);
    CHECK(j["problems"][0]["problem"] == "anchor_signature");
  }
  SECTION("a file without an anchor is refused") {
    std::ofstream(dir / "none.txt") << "nothing here\n";
    auto r = run("moussem-cli",
                 {"--db", db.string(), "--lang", "en", "audit", "verify", "--anchor", (dir / "none.txt").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("none.txt") != std::string::npos);
  }
}
