// The connection interface the shared store is written on (store/sql/connection.hpp), as each
// database's wrapper implements it: placeholders bound by their number, the transaction guard.
#include <catch2/catch.hpp>
#include <memory>

#include "store/postgres/pg_db.hpp"
#include "store/sql/connection.hpp"
#include "store/sqlite/sqlite_db.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
constexpr const char* kSwapped = "SELECT $2, $1, CAST($2 AS TEXT) || CAST($1 AS TEXT)";
std::string pair(sql::Query st) {
  st.with(std::string("a"), std::string("b"));
  REQUIRE(st.step());
  return st.text(0) + st.text(1) + st.text(2);
}
}  // namespace

TEST_CASE("a query written once binds $N by its number on SQLite too, whatever order they appear in", "[sqlite]") {
  TempDir dir;
  sqlite::Database db((dir / "c.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  CHECK(pair(db.query(kSwapped)) == "baba");
  // Plain ? placeholders keep their places.
  auto st = db.query("SELECT ?, ?");
  st.with(1, 2);
  REQUIRE(st.step());
  CHECK(st.integer(0) == 1);
  CHECK(st.integer(1) == 2);
}

TEST_CASE("a query written once binds $N by its number on PostgreSQL", "[postgres]") {
  pg::Connection conn(test::newPgDatabase());
  CHECK(pair(sql::Query(std::make_unique<pg::Statement>(conn, kSwapped))) == "baba");
}

TEST_CASE("a transaction guard rolls back by itself unless committed, a nested one only its own part", "[sqlite]") {
  TempDir dir;
  sqlite::Database db((dir / "t.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t (v INTEGER)");
  auto count = [&] {
    auto st = db.query("SELECT count(*) FROM t");
    st.step();
    return st.integer(0);
  };
  {
    sql::Transaction tx(db);
    db.query("INSERT INTO t (v) VALUES ($1)").with(1).run();
  }  // not committed
  CHECK(count() == 0);
  CHECK(db.depth() == 0);
  {
    sql::Transaction outer(db);
    db.query("INSERT INTO t (v) VALUES ($1)").with(1).run();
    {
      sql::Transaction inner(db);
      db.query("INSERT INTO t (v) VALUES ($1)").with(2).run();
    }  // the inner part undone, the outer one still usable
    db.query("INSERT INTO t (v) VALUES ($1)").with(3).run();
    outer.commit();
  }
  CHECK(count() == 2);
  CHECK(db.depth() == 0);
}

TEST_CASE("INSERT ... RETURNING id on SQLite answers the new id, and no row when the conflict skipped it", "[sqlite]") {
  TempDir dir;
  sqlite::Database db((dir / "r.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
  const std::string insert = "INSERT INTO t (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id";
  {
    sql::Transaction tx(db);
    for (int i = 0; i < 100; ++i) {
      auto st = db.query(insert);
      st.with("n" + std::to_string(i));
      REQUIRE(st.step());
      CHECK(st.integer(0) == i + 1);
      CHECK_FALSE(st.step());  // one row, as RETURNING gives
    }
    tx.commit();
  }
  auto again = db.query(insert);
  again.with(std::string("n7"));
  CHECK_FALSE(again.step());
  auto next = db.query(insert);
  next.with(std::string("new"));
  REQUIRE(next.step());
  CHECK(next.integer(0) == 101);
}
