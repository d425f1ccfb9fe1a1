#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace moussem::test;
using nlohmann::json;

namespace {
struct Db {
  TempDir dir;
  std::string db = moussem::test::dbPath(dir, "t.db").string();
  Db() { REQUIRE(run("moussem-cli", {"--db", db, "init", "--edition-name", "Test"}).exit_code == 0); }
  std::string file(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};
}  // namespace

TEST_CASE("moussem-cli import, list --search --json, show and export work end to end") {
  Db d;
  auto ex = d.file("ex.csv", "Nom;Type;Secteur;Région;E-mail\nCoopérative Tifawine;Coopérative;Poterie;Souss-Massa;c@t.ma\n");
  auto r = run("moussem-cli", {"--db", d.db, "--json", "import", "exhibitors", ex});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["created"] == 1);
  auto p = d.file("p.csv", "Prénom,Nom,Catégorie,Téléphone,Exposant\nAhmed,Benali,Presse,06 12 34 56 78,Coopérative Tifawine\n");
  REQUIRE(run("moussem-cli", {"--db", d.db, "import", "participants", p}).exit_code == 0);

  auto list = run("moussem-cli", {"--db", d.db, "--json", "list", "participants", "--search", "benali"});
  REQUIRE(list.exit_code == 0);
  json arr = json::parse(list.out);
  REQUIRE(arr.size() == 1);
  CHECK(arr[0]["phone"] == "+212612345678");
  CHECK(arr[0].contains("id"));
  CHECK(arr[0]["exhibitor"] == 1);
  auto all = json::parse(run("moussem-cli", {"--db", d.db, "--json", "list", "exhibitors", "--limit", "5"}).out);
  CHECK(all.size() == 1);
  auto show = run("moussem-cli", {"--db", d.db, "--json", "show", "participant", arr[0]["id"].dump()});
  CHECK(json::parse(show.out)["last_name"] == "Benali");
  CHECK(run("moussem-cli", {"--db", d.db, "show", "participant", "999"}).exit_code == 1);

  auto out = (d.dir / "p.xlsx").string();
  CHECK(run("moussem-cli", {"--db", d.db, "export", "participants", out}).exit_code == 0);
  CHECK(std::filesystem::exists(out));
}

TEST_CASE("moussem-cli import refuses a bad file with exit code 1 and names file, line and column") {
  Db d;
  auto bad = d.file("bad.csv", "last_name,category,email\nA,press,ok@x.ma\nB,astronaut,nope\n");
  auto r = run("moussem-cli", {"--db", d.db, "import", "participants", bad});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.csv:3: category") != std::string::npos);
  CHECK(r.err.find("bad.csv:3: email") != std::string::npos);
  auto info = json::parse(run("moussem-cli", {"--db", d.db, "--json", "info"}).out);
  CHECK(info["participants"] == 0);

  auto dry = run("moussem-cli", {"--db", d.db, "--json", "import", "participants", bad, "--dry-run", "--skip-invalid"});
  CHECK(dry.exit_code == 0);
  CHECK(json::parse(dry.out)["written"] == false);
  auto skip = run("moussem-cli", {"--db", d.db, "import", "participants", bad, "--skip-invalid"});
  CHECK(skip.exit_code == 0);
  CHECK(json::parse(run("moussem-cli", {"--db", d.db, "--json", "info"}).out)["participants"] == 1);

  auto latin1 = d.file("latin1.csv", "last_name;category\nCoop\xE9rative;press\n");
  auto enc = run("moussem-cli", {"--db", d.db, "import", "participants", latin1});
  CHECK(enc.exit_code == 1);
  CHECK(enc.err.find("latin1.csv:2") != std::string::npos);
  CHECK(run("moussem-cli", {"--db", d.db, "import", "participants", (d.dir / "none.csv").string()}).exit_code == 1);
  CHECK(run("moussem-cli", {"--db", d.db, "import", "visitors", bad}).exit_code == 2);
}
