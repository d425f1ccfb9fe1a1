// audit verify: an intact chain passes; in copies of the database whose rows were edited, deleted or
// swapped (the append-only triggers dropped first, as whoever holds the file could), verify names them.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
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
    sql += "INSERT INTO audit (id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, "
           "hash) VALUES (" + std::to_string(r.id) + "," + sqlText(r.at) + "," + sqlText(r.user_name) + "," +
           sqlText(r.role) + "," + sqlText(r.station) + "," + sqlText(r.action) + "," + sqlText(r.entity) + "," +
           sqlText(r.entity_id) + "," + sqlText(r.before) + "," + sqlText(r.after) + "," + sqlText(r.prev_hash) + "," +
           sqlText(r.hash) + ");";
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

bool names(const json& j, const std::string& problem, int row) {
  for (const auto& p : j["problems"])
    if (p["problem"] == problem && p["row"] == row) return true;
  return false;
}

}  // namespace

TEST_CASE("audit verify names edited, deleted and reordered rows in a tampered copy") {
  TempDir dir;
  const auto db = dir / "e.db";
  REQUIRE(run("moussem-cli", {"--db", db.string(), "init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
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
    REQUIRE(sqlite3_prepare_v2(c, "SELECT at, user_name, role, station, action, entity, entity_id, before, after, "
                                  "prev_hash FROM audit WHERE id = 6", -1, &st, nullptr) == SQLITE_OK);
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
    CHECK(j["problems"].size() == 1);
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
  auto cli = [&](std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--db", db.string()});
    return run("moussem-cli", args, in);
  };
  REQUIRE(cli({"init", "--from", "2026-02-09", "--to", "2026-02-15"}).exit_code == 0);
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
  CHECK(execStatus(db, "UPDATE audit SET before = '', after = '', redacted_at = 'x', user_name = 'm' WHERE id = " + id) !=
        SQLITE_OK);

  SECTION("a value edited in a copy without triggers is named") {
    const auto copy = dir / "edit.db";
    fs::copy_file(db, copy);
    exec(copy, "DROP TRIGGER audit_no_update; UPDATE audit SET after = '{\"role\":\"admin\"}' WHERE id = " + id);
    auto j = verify(copy, 1);
    CHECK(names(j, "edited", row));
    CHECK(j["problems"].size() == 1);
  }
  SECTION("values erased the way anonymize does: the chain still verifies, the row says so") {
    CHECK(execStatus(db, "UPDATE audit SET before = '', after = '', redacted_at = '2026-03-01T10:00:00.000Z' "
                         "WHERE id = " + id) == SQLITE_OK);
    CHECK(verify(db, 0)["ok"] == true);
    auto again = json::parse(cli({"--json", "audit", "list", "--action", "user.set_role"}).out);
    CHECK(again[0]["after"] == "");
    CHECK(again[0]["redacted_at"] == "2026-03-01T10:00:00.000Z");
    // Erased once: no second change, not even back to the old value.
    CHECK(execStatus(db, "UPDATE audit SET after = '{\"role\":\"organizer\"}' WHERE id = " + id) != SQLITE_OK);
  }
}
