// `moussem-cli edition set|category|zone`, the real binary: what the app's Edition screen changes,
// checked by the same rules (a bad date or colour names its field and changes nothing), audited.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
using nlohmann::json;

TEST_CASE("edition set: names in three languages, French or ISO dates, venue and time zone, checked and audited") {
  TempDir dir;
  const std::string db = (dir / "e.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "init", "--edition-name", "Semaine", "--from", "2026-02-09"}).exit_code == 0);
  auto ok = run("moussem-cli", {"--db", db, "--json", "edition", "set", "--name-ar", "الأسبوع الوطني", "--name-en",
                                "National Week", "--from", "10/02/2026", "--to", "2026-02-16", "--venue", "OLM Souissi",
                                "--timezone", "Africa/Casablanca"});
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  auto info = json::parse(run("moussem-cli", {"--db", db, "--json", "info"}).out);
  CHECK(info["edition"]["name_ar"] == "الأسبوع الوطني");
  CHECK(info["edition"]["name_en"] == "National Week");
  CHECK(info["edition"]["from"] == "2026-02-10");
  CHECK(info["edition"]["to"] == "2026-02-16");
  CHECK(info["edition"]["venue"] == "OLM Souissi");

  // Refused, naming the field, nothing changed.
  auto bad = run("moussem-cli", {"--db", db, "edition", "set", "--name-en", "Changed", "--to", "2026-02-01"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("ends_on") != std::string::npos);
  auto zone = run("moussem-cli", {"--db", db, "edition", "set", "--timezone", "Mars/Olympus"});
  CHECK(zone.exit_code == 1);
  CHECK(zone.err.find("Mars/Olympus") != std::string::npos);
  info = json::parse(run("moussem-cli", {"--db", db, "--json", "info"}).out);
  CHECK(info["edition"]["name_en"] == "National Week");

  // A category's colour and labels; a new zone.
  CHECK(run("moussem-cli", {"--db", db, "edition", "category", "press", "--color", "#00aa00", "--label-en", "Media"})
            .exit_code == 0);
  auto colour = run("moussem-cli", {"--db", db, "edition", "category", "press", "--color", "green"});
  CHECK(colour.exit_code == 1);
  CHECK(colour.err.find("color") != std::string::npos);
  CHECK(run("moussem-cli", {"--db", db, "edition", "zone", "vip-lounge", "--label-fr", "Salon VIP"}).exit_code == 0);
  CHECK(run("moussem-cli", {"--db", db, "edition", "zone", "Bad Code", "--label-fr", "x"}).exit_code == 1);

  // In the audit trail.
  auto audit = run("moussem-cli", {"--db", db, "--json", "audit", "list"});
  REQUIRE(audit.exit_code == 0);
  CHECK(audit.out.find("edition.update") != std::string::npos);
  CHECK(audit.out.find("category.save") != std::string::npos);
  CHECK(audit.out.find("zone.save") != std::string::npos);
}
