#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

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
  auto ex =
      d.file("ex.csv", "Nom;Type;Secteur;Région;E-mail\nCoopérative Tifawine;Coopérative;Poterie;Souss-Massa;c@t.ma\n");
  auto r = run("moussem-cli", {"--db", d.db, "--json", "import", "exhibitors", ex});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["created"] == 1);
  auto p = d.file("p.csv",
                  "Prénom,Nom,Catégorie,Téléphone,Exposant\nAhmed,Benali,Presse,06 12 34 56 78,Coopérative Tifawine\n");
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

TEST_CASE(
    "moussem-cli import: a stray quote and a short row are refused with line and column, a quoted newline is kept") {
  Db d;
  auto bad = d.file("coops.csv",
                    "Nom;Type;Secteur;Région;Produits\n"
                    "\"Coop \"Atlas\" Azilal\";Coopérative;Tapis;Béni Mellal-Khénifra;Tapis\n"
                    "Coop Tiguemi;Coopérative;Poterie;Souss-Massa\n");
  for (const char* dry : {"--dry-run", ""}) {
    std::vector<std::string> args{"--db", d.db, "import", "exhibitors", bad};
    if (*dry) args.push_back(dry);
    auto r = run("moussem-cli", args);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("coops.csv:2: Nom") != std::string::npos);
    CHECK(r.err.find("coops.csv:3: Produits") != std::string::npos);
  }
  CHECK(json::parse(run("moussem-cli", {"--db", d.db, "--json", "info"}).out)["exhibitors"] == 0);

  auto good = d.file("ok.csv",
                     "Nom;Type;Secteur;Région;Produits\r\n"
                     "Coop Tiguemi;Coopérative;Poterie;Souss-Massa;\"Tajines\r\nPlats à couscous\"\r\n");
  REQUIRE(run("moussem-cli", {"--db", d.db, "import", "exhibitors", good}).exit_code == 0);
  auto shown = json::parse(run("moussem-cli", {"--db", d.db, "--json", "list", "exhibitors"}).out);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["products"] == "Tajines\nPlats à couscous");
}

TEST_CASE(
    "moussem-cli import: foreign numbers through libphonenumber, extensions kept, invalid numbers refused with the "
    "reason") {
  Db d;
  auto p = d.file("p.csv",
                  "Nom,Catégorie,Pays,Téléphone\n"
                  "Martin,Acheteur,FR,+33 (0)6 12 34 56 78\n"
                  "Dupont,Presse,FR,06 11 22 33 44\n"
                  "Alaoui,Presse,MA,+212 5 22 12 34 56 ext 12\n"
                  "Smith,Acheteur,US,tel:+1-202-555-0123\n");
  REQUIRE(run("moussem-cli", {"--db", d.db, "import", "participants", p}).exit_code == 0);
  auto list = json::parse(run("moussem-cli", {"--db", d.db, "--json", "list", "participants"}).out);
  std::map<std::string, std::string> phones;
  for (const auto& x : list) phones[x["last_name"]] = x["phone"];
  CHECK(phones["Martin"] == "+33612345678");
  CHECK(phones["Dupont"] == "+33611223344");  // read in the person's country
  CHECK(phones["Alaoui"] == "+212522123456;ext=12");
  CHECK(phones["Smith"] == "+12025550123");

  auto bad = d.file("bad.csv", "Nom,Catégorie,Téléphone\nA,Presse,+999 123 456 789\nB,Presse,+1 123 456 7890\n");
  auto r = run("moussem-cli", {"--db", d.db, "--lang", "en", "import", "participants", bad});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.csv:2: Téléphone") != std::string::npos);
  CHECK(r.err.find("unknown country code") != std::string::npos);
  CHECK(r.err.find("bad.csv:3: Téléphone") != std::string::npos);
  CHECK(r.err.find("no number of +1 (US) starts this way") != std::string::npos);
}

TEST_CASE(
    "moussem-cli list --search finds transliterated names without their dots and macrons, in either Unicode spelling") {
  Db d;
  // Ṭāhir precomposed; Ṣaliḥ written with combining marks (S + U+0323, h + U+0323): stored in NFC.
  auto p = d.file("p.csv",
                  "Prénom,Nom,Catégorie\nḤassan,Ṭāhir,Presse\nS\xCC\xA3"
                  "alih\xCC\xA3,Nguyễn,Expert\n");
  REQUIRE(run("moussem-cli", {"--db", d.db, "import", "participants", p}).exit_code == 0);
  for (const char* q : {"hassan", "tahir", "salih", "nguyen", "Ṣaliḥ", "TAHIR"}) {
    INFO(q);
    auto found = json::parse(run("moussem-cli", {"--db", d.db, "--json", "list", "participants", "--search", q}).out);
    CHECK(found.size() == 1);
  }
  auto all = json::parse(run("moussem-cli", {"--db", d.db, "--json", "list", "participants"}).out);
  std::set<std::string> firsts;
  for (const auto& x : all) firsts.insert(x["first_name"]);
  CHECK(firsts.count("\xE1\xB9\xA2"
                     "ali\xE1\xB8\xA5") == 1);  // Ṣaliḥ, precomposed (NFC) once stored
}
