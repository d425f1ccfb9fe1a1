// The PostgreSQL backend's own promises, on the throwaway server tools/test starts ([postgres]: these
// run in the pg/ registration only): bad URLs, wrong passwords and a server that is down get clear
// messages and change nothing; an empty database is filled only on request; another program's database
// and a newer schema are refused; every earlier schema upgrades; a lost connection is reported and
// repaired by itself; two desks reprinting one badge at once never share a version.
#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

#include "badge/badge_service.hpp"
#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace moussem;

namespace {
Edition sampleEdition() {
  Edition e;
  e.name_fr = "Semaine Nationale de l'Artisanat";
  e.starts_on = "2026-02-09";
  e.ends_on = "2026-02-15";
  return e;
}

std::string errorOf(const std::string& url, OpenMode mode = OpenMode::Existing, ErrorKind* kind = nullptr) {
  try {
    openStore(url, mode);
  } catch (const Error& e) {
    if (kind) *kind = e.kind();
    return e.what();
  }
  return {};
}

std::string dbName(const std::string& url) {
  return url.substr(url.rfind('/') + 1);
}
std::string withDb(const std::string& url, const std::string& user) {
  auto start = url.find("://") + 3;
  auto at = url.find('@', start);
  return url.substr(0, start) + user + url.substr(at);
}
}  // namespace

TEST_CASE("a wrong URL, a wrong password or a server that is down get a clear message and change nothing",
          "[postgres]") {
  const std::string url = test::newPgDatabase();
  ErrorKind kind{};
  // Nothing listens on port 1 of the loopback.
  auto down = errorOf("postgresql://postgres@127.0.0.1:1/" + dbName(url), OpenMode::Existing, &kind);
  CHECK(kind == ErrorKind::Io);
  CHECK(down.find("127.0.0.1:1") != std::string::npos);
  auto typo = errorOf("postgresql://postgres@127.0.0.1:notaport/x", OpenMode::Existing, &kind);
  CHECK_FALSE(typo.empty());
  auto missing = errorOf(url + "_nope", OpenMode::Existing, &kind);
  CHECK(kind == ErrorKind::NotFound);

  test::pgQuery(url,
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'moussem_pw') THEN "
                "CREATE ROLE moussem_pw LOGIN PASSWORD 'right'; END IF; END $$");
  test::pgQuery(url, "GRANT ALL ON DATABASE " + dbName(url) + " TO moussem_pw");
  auto wrong = errorOf(withDb(url, "moussem_pw:wrong"), OpenMode::Create, &kind);
  CHECK(kind == ErrorKind::Refused);
  CHECK(wrong.find("wrong") == std::string::npos);  // the password never shows
  CHECK(wrong.find("moussem_pw") != std::string::npos);
  // Nothing was written by any of these.
  CHECK(test::pgQuery(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0");
}

TEST_CASE("an empty server database is refused when opened and filled by init", "[postgres]") {
  const std::string url = test::newPgDatabase();
  ErrorKind kind{};
  auto msg = errorOf(url, OpenMode::Existing, &kind);
  CHECK(kind == ErrorKind::NotFound);
  CHECK(msg.find("init") != std::string::npos);
  CHECK(test::pgQuery(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0");

  auto store = createEditionDatabase(url, sampleEdition());
  CHECK(store->backend() == "postgresql");
  CHECK(store->schemaVersion() == static_cast<int>(pgMigrations().size()));
  CHECK(store->status().shared);
  CHECK(store->status().connected);
  // The signing key lives in this station's data folder, never in the database.
  auto key = paths::keyFileFor(url);
  CHECK(key.parent_path() == paths::dataDir() / "keys");
  REQUIRE(std::filesystem::exists(key));
  CHECK(readKeyFile(key).edition_uid == store->edition()->uid);
  CHECK(test::pgQuery(url, "SELECT count(*) FROM edition WHERE public_key <> ''") == "1");
  // A second init is refused and changes nothing.
  store.reset();
  std::filesystem::remove(key);
  CHECK_THROWS_AS(createEditionDatabase(url, sampleEdition()), Error);
  CHECK(test::pgQuery(url, "SELECT count(*) FROM edition") == "1");
}

TEST_CASE("another program's database and a newer schema are refused and not changed", "[postgres]") {
  const std::string other = test::newPgDatabase();
  test::pgQuery(other, "CREATE TABLE contacts (name text)");
  ErrorKind kind{};
  errorOf(other, OpenMode::Existing, &kind);
  CHECK(kind == ErrorKind::Corrupt);
  errorOf(other, OpenMode::Create, &kind);
  CHECK(kind == ErrorKind::Corrupt);
  CHECK(test::pgQuery(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "1");

  const std::string url = test::newPgDatabase();
  createEditionDatabase(url, sampleEdition()).reset();
  const int newer = static_cast<int>(pgMigrations().size()) + 5;
  test::pgQuery(url, "INSERT INTO moussem_schema (version, name) VALUES (" + std::to_string(newer) + ", 'future.sql')");
  auto msg = errorOf(url, OpenMode::Existing, &kind);
  CHECK(kind == ErrorKind::TooNew);
  CHECK(msg.find(std::to_string(newer)) != std::string::npos);
  CHECK(test::pgQuery(url, "SELECT max(version) FROM moussem_schema") == std::to_string(newer));
}

TEST_CASE("a server database of every earlier schema version upgrades to the latest when asked, and keeps its data",
          "[postgres]") {
  const int latest = static_cast<int>(pgMigrations().size());
  for (int from = 1; from <= latest; ++from) {
    INFO("upgrading from version " << from);
    const std::string url = test::newPgDatabase();
    std::string sql =
        "CREATE TABLE moussem_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT "
        "NOT NULL DEFAULT '');";
    for (const auto& m : pgMigrations()) {
      if (m.version > from) break;
      sql += std::string(m.sql) + ";\nINSERT INTO moussem_schema (version, name) VALUES (" + std::to_string(m.version) +
             ", '" + std::string(m.name) + "');\n";
    }
    sql +=
        "INSERT INTO edition (uid, name_fr, starts_on, ends_on) VALUES ('OLD001', 'Ancienne', '2025-07-01', "
        "'2025-07-05'); INSERT INTO category (code, color, label_fr) VALUES ('forum', '#000000', 'Forum');"
        " INSERT INTO person (first_name, last_name, category) VALUES ('Ahmed', 'Bennani', 'forum');";
    test::pgQuery(url, sql);
    if (from < latest) {
      // Shared by many stations: opened as usual, it is not upgraded behind anyone's back.
      CHECK_THROWS_AS(openStore(url, OpenMode::Existing), UpgradeNeeded);
      CHECK(test::pgQuery(url, "SELECT max(version) FROM moussem_schema") == std::to_string(from));
    }
    auto store = openStore(url, OpenMode::Upgrade);  // the administrator's station, once confirmed
    CHECK(store->schemaVersion() == latest);
    CHECK(store->edition()->uid == "OLD001");
    CHECK(store->overview().people == 1);
  }
}

TEST_CASE("a lost connection is reported in the status and the store reconnects by itself", "[postgres]") {
  const std::string url = test::newPgDatabase();
  auto store = createEditionDatabase(url, sampleEdition());
  Person p;
  p.first_name = "Salma";
  p.category = "forum";
  store->insertPerson(p);
  const long long before = store->dataVersion();

  // The server ends this station's session (as a restart or a cut cable would).
  test::pgQuery(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + dbName(url) +
                         "' AND pid <> pg_backend_pid()");
  // A read notices, reconnects at once and answers.
  CHECK(store->person(p.id)->first_name == "Salma");
  CHECK(store->status().connected);
  CHECK(store->status().reconnects == 1);
  CHECK(store->dataVersion() != before);  // changes may have been missed: gates resync

  // A write is never repeated behind the caller's back: it fails with a clear message...
  test::pgQuery(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + dbName(url) +
                         "' AND pid <> pg_backend_pid()");
  Person q;
  q.first_name = "Omar";
  q.category = "forum";
  try {
    store->write([&] { store->insertPerson(q); });
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Io);
  }
  // ...and the store is usable again right after (reads reconnect at once).
  CHECK(store->overview().people >= 1);
  CHECK(store->status().connected);
  store->insertPerson(q);
  CHECK(store->person(q.id));
}

TEST_CASE("a server killed mid-import leaves nothing half-written", "[postgres]") {
  const std::string url = test::newPgDatabase();
  auto store = createEditionDatabase(url, sampleEdition());
  CHECK_THROWS(store->write([&] {
    for (int i = 0; i < 50; ++i) {
      Person p;
      p.first_name = "P" + std::to_string(i);
      p.category = "forum";
      store->insertPerson(p);
      if (i == 25)
        test::pgQuery(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + dbName(url) +
                               "' AND pid <> pg_backend_pid()");
    }
  }));
  CHECK(store->overview().people == 0);
}

TEST_CASE("two desks reprinting the same badge at once get distinct versions", "[postgres]") {
  const std::string url = test::newPgDatabase();
  Id person = 0;
  {
    auto store = createEditionDatabase(url, sampleEdition());
    Person p;
    p.first_name = "Karim";
    p.category = "press";
    person = store->insertPerson(p);
    BadgeService(*store, BadgeService::keyBeside(url), {"desk-0", "a"}).ensureBadge(person);
  }
  constexpr int kDesks = 4, kEach = 10;
  std::vector<std::thread> desks;
  std::vector<std::vector<int>> versions(kDesks);
  for (int d = 0; d < kDesks; ++d)
    desks.emplace_back([&, d] {
      auto store = openStore(url);
      BadgeService service(*store, BadgeService::keyBeside(url), {"desk-" + std::to_string(d), "op"});
      for (int i = 0; i < kEach; ++i)
        versions[static_cast<std::size_t>(d)].push_back(service.reprint(person, "lost").version);
    });
  for (auto& t : desks) t.join();
  std::vector<int> all;
  for (auto& v : versions) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());  // no version twice
  CHECK(all.back() == 1 + kDesks * kEach);
  auto store = openStore(url);
  CHECK(store->badgeOfPerson(person)->version == 1 + kDesks * kEach);
}
