// What the station tests share: a station's own home (HOME, XDG folders: its configuration and
// ~/.pgpass live there, never in the tests' shared folders), logins that must give their password on
// the test server (tools/pg/test-server asks a password of members of moussem_test_password), and a
// server left at an older schema version by an older Moussem.
#pragma once
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "store/migrations.hpp"
#include "test_support.hpp"

namespace moussem::test {

struct StationHome {
  TempDir dir;
  std::filesystem::path config() const { return dir / "config" / "moussem" / "station.conf"; }
  std::filesystem::path pgpass() const { return dir / ".pgpass"; }
  std::vector<std::string> env(std::vector<std::string> more = {}) const {
    more.insert(more.end(), {"HOME=" + dir.path().string(), "XDG_CONFIG_HOME=" + (dir / "config").string(),
                             "XDG_DATA_HOME=" + (dir / "data").string(), "MOUSSEM_DB=", "MOUSSEM_STATION="});
    return more;
  }
  // moussem-cli in this home, in English.
  RunResult cli(std::vector<std::string> args, const std::string& in = "") const {
    args.insert(args.begin(), {"--lang", "en"});
    return run("moussem-cli", args, in, env());
  }
};

inline std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The URL of the same database for another login.
inline std::string as(const std::string& url, const std::string& login) {
  const auto start = url.find("://") + 3;
  return url.substr(0, start) + login + url.substr(url.find('@', start));
}

// A login of a Moussem group (its app role) that must give its password to the test server.
inline std::string passwordLogin(const std::string& url, const std::string& role, const std::string& password) {
  static std::atomic<int> n{0};
  const std::string name = "t" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" + role;
  for (const std::string& group : std::vector<std::string>{"moussem_test_password", "moussem_" + role})
    pgQuery(url, "DO $$ BEGIN CREATE ROLE " + group +
                     " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation "
                     "THEN NULL; END $$");
  pgQuery(url, "CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + password +
                   "' IN ROLE moussem_test_password, moussem_" + role);
  return name;
}

// An edition on the test server with the four database groups, and logins that need a password.
struct ServerEdition {
  std::string url = newPgDatabase();
  ServerEdition() {
    auto demo = run("moussem-cli", {"--db", url, "demo", "--exhibitors", "4", "--participants", "12"});
    INFO(demo.err);
    REQUIRE(demo.exit_code == 0);
    auto roles = run("moussem-cli", {"--db", url, "db", "roles"});
    INFO(roles.err);
    REQUIRE(roles.exit_code == 0);
    REQUIRE(run("moussem-cli", {"--db", url, "gate", "list"}).exit_code == 0);  // the edition's gate profiles
  }
  std::string login(const std::string& role, const std::string& password) const {
    return passwordLogin(url, role, password);
  }
};

// A server database at schema `version` (the PostgreSQL migrations 1..version applied as the store
// applies them) holding an edition: what stations of an older Moussem left.
inline std::string olderServer(int version) {
  const std::string url = newPgDatabase();
  pgQuery(url,
          "CREATE TABLE moussem_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL "
          "DEFAULT '')");
  for (const auto& m : pgMigrations()) {
    if (m.version > version) break;
    pgQuery(url, std::string(m.sql));
    pgQuery(url, "INSERT INTO moussem_schema (version, name) VALUES (" + std::to_string(m.version) + ", '" +
                     std::string(m.name) + "')");
  }
  pgQuery(
      url,
      "INSERT INTO edition (uid, name_fr, starts_on, ends_on) VALUES ('older', 'Salon', '2026-02-09', '2026-02-15')");
  // The station logins' groups of that older version (`db roles` then): each reads the schema's version
  // and the settings; an upgrade sets every privilege of the new schema again.
  for (const char* group : {"moussem_admin", "moussem_organizer", "moussem_desk", "moussem_gate"}) {
    pgQuery(url, std::string("DO $$ BEGIN CREATE ROLE ") + group +
                     " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    pgQuery(url, std::string("GRANT SELECT ON moussem_schema, setting TO ") + group);
  }
  return url;
}

}  // namespace moussem::test
