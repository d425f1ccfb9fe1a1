#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>

#include "store/migrations.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace moussem;

TEST_CASE("migrations are numbered 1, 2, 3... with no gap") {
  const auto& all = migrations();
  REQUIRE_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].version == static_cast<int>(i) + 1);
    CHECK_FALSE(all[i].sql.empty());
  }
  CHECK(latestSchemaVersion() == static_cast<int>(all.size()));
}

TEST_CASE("a database of every earlier schema version upgrades to the latest and keeps its data", "[sqlite]") {
  for (int from = 1; from < latestSchemaVersion() + 1; ++from) {
    INFO("upgrading from version " << from);
    test::TempDir dir;
    auto path = (dir / "old.db").string();
    // Build the fixture as an older Moussem would have left it: migrations 1..from only.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    for (const auto& m : migrations()) {
      if (m.version > from) break;
      REQUIRE(sqlite3_exec(db, std::string(m.sql).c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    std::string seed =
        "PRAGMA user_version = " + std::to_string(from) +
        "; INSERT INTO edition (uid, name_fr, starts_on, ends_on) VALUES ('OLD001', 'Ancienne', '2025-07-01', "
        "'2025-07-05'); INSERT INTO category (code, color, label_fr) VALUES ('forum', '#000000', 'Forum');"
        " INSERT INTO person (first_name, last_name, category) VALUES ('Ahmed', 'Bennani', 'forum');";
    REQUIRE(sqlite3_exec(db, seed.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);

    auto store = openStore(path, OpenMode::Existing);
    CHECK(store->schemaVersion() == latestSchemaVersion());
    CHECK(store->edition()->uid == "OLD001");
    CHECK(store->overview().people == 1);
    // Migration 8 filled the list's order key of the people already there (the application folds it).
    if (from >= 8) continue;  // the fixture's row was inserted by hand, past the migration
    sqlite3* after = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &after) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(after, "SELECT name_key FROM person", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "bennani ahmed");
    sqlite3_finalize(st);
    sqlite3_close(after);
    PeopleQuery byName;
    byName.order = PersonOrder::Name;
    CHECK(store->orderedPersonIds(byName).size() == 1);
  }
}

TEST_CASE("a SQLite file with tables of its own is refused before any migration touches it", "[sqlite]") {
  test::TempDir dir;
  auto path = (dir / "half.db").string();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  // Version 0 but with a table that migration 1 wants to create: migration 1 must fail cleanly.
  REQUIRE(sqlite3_exec(db, "CREATE TABLE zone (x INTEGER);", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_THROWS(openStore(path, OpenMode::Existing));
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'person'", -1, &st, nullptr);
  sqlite3_step(st);
  CHECK(sqlite3_column_int(st, 0) == 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

namespace {
// NNNN of every NNNN_*.sql in a folder of the source tree.
std::vector<int> numbersIn(const std::filesystem::path& folder) {
  std::vector<int> out;
  for (const auto& f : std::filesystem::directory_iterator(folder)) {
    auto name = f.path().filename().string();
    if (f.path().extension() == ".sql" && name.size() > 5 && std::isdigit(static_cast<unsigned char>(name[0])))
      out.push_back(std::stoi(name.substr(0, 4)));
  }
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("every SQLite migration has its PostgreSQL translation with the same number, and no other") {
  // Caught here, not at an event: a migration added for one backend only (0004 in sqlite/ without its
  // postgres/ twin) would leave the two kinds of database with different tables under one version.
  auto sqlite = numbersIn(test::sourceDir() / "src/store/migrations");
  auto postgres = numbersIn(test::sourceDir() / "src/store/postgres/migrations");
  CHECK(sqlite == postgres);
  REQUIRE(migrations().size() == pgMigrations().size());
  for (std::size_t i = 0; i < migrations().size(); ++i) {
    INFO(migrations()[i].name << " / " << pgMigrations()[i].name);
    CHECK(migrations()[i].version == pgMigrations()[i].version);
    CHECK(migrations()[i].name == pgMigrations()[i].name);
  }
}
