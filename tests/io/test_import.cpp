#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(moussem::test::dbPath(dir, "t.db"), demoEdition());
  Registry registry{*store};
  long long count(io::Entity e) {
    Overview o = store->overview();
    return e == io::Entity::Exhibitors ? o.exhibitors : o.people;
  }
};

const char* kExhibitors =
    "\xEF\xBB\xBF"
    "Identifiant;Nom;Nom arabe;Type;Secteur;Région;Ville;Téléphone;E-mail;ICE;Programme;Surface (m²);"
    "Stand d'angle;Électricité;Produits\r\n"
    "EX1;Coopérative Tifawine;تعاونية تيفاوين;Coopérative;Poterie;Souss-Massa;Tiznit;06 12 34 56 78;"
    "Contact@Tifawine.MA;001234567000089;Kenz;12,5;oui;non;\"Tajines; plats\"\r\n"
    "EX2;\"Atelier \"\"Fès\"\" cuir\";;artisan;leather;fes-meknes;Fès;;;;;9;no;yes;\"Babouches\r\nSacs\"\r\n"
    "EX3;Association Al Amal;جمعية الأمل;جمعية;Zellige;Casablanca-Settat;;+212 5 22 00 00 00;;;none;;0;1;\r\n";
}  // namespace

TEST_CASE("exhibitors import with French headers, labels, yes/no variants and quoted cells") {
  Fixture f;
  auto r = io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  CHECK(r.errors.empty());
  CHECK(r.created == 3);
  CHECK(r.written);
  auto id = f.store->exhibitorByExternalId("EX1");
  REQUIRE(id);
  Exhibitor x = *f.store->exhibitor(*id);
  CHECK(x.kind == "cooperative");
  CHECK(x.sector == "pottery");
  CHECK(x.region == "souss-massa");
  CHECK(x.phone == "+212612345678");
  CHECK(x.email == "contact@tifawine.ma");
  CHECK(x.program == "kenz");
  CHECK(x.booth_area_m2 == 12.5);
  CHECK(x.wants_corner);
  CHECK_FALSE(x.needs_power);
  CHECK(x.products == "Tajines; plats");
  Exhibitor atelier = *f.store->exhibitor(*f.store->exhibitorByExternalId("EX2"));
  CHECK(atelier.name_fr == "Atelier \"Fès\" cuir");
  CHECK(atelier.products == "Babouches\nSacs");  // a quoted line break is kept, as LF
  CHECK(f.store->exhibitor(*f.store->exhibitorByExternalId("EX3"))->kind == "association");
}

TEST_CASE("importing the same file twice changes nothing") {
  Fixture f;
  io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  auto again = io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  CHECK(again.unchanged == 3);
  CHECK(again.created == 0);
  CHECK(again.updated == 0);
  CHECK_FALSE(again.written);
  CHECK(f.count(io::Entity::Exhibitors) == 3);
  // Without external_id, rows match on e-mail: a changed phone updates the same person.
  const std::string people = "first_name,last_name,category,email,phone\nAmina,Tazi,press,amina@x.ma,0612345670\n";
  io::importText(f.registry, io::Entity::Participants, people, "p.csv");
  const std::string changed = "first_name,last_name,category,email,phone\nAmina,Tazi,press,AMINA@x.ma,0712345670\n";
  auto r = io::importText(f.registry, io::Entity::Participants, changed, "p.csv");
  CHECK(r.updated == 1);
  CHECK(f.count(io::Entity::Participants) == 1);
}

TEST_CASE("one bad row and nothing is written, the report lists every bad row with line and column") {
  Fixture f;
  const std::string file =
      "name_fr,kind,sector,region,phone,email,registration_no\n"
      "Good,cooperative,pottery,oriental,,,\n"
      "Bad kind,spaceship,pottery,oriental,,,\n"
      "\"Bad\nphone\",company,wood,oriental,12,nope,12345\n"
      "Good too,company,wood,oriental,,,\n";
  auto r = io::importText(f.registry, io::Entity::Exhibitors, file, "ex.csv");
  CHECK_FALSE(r.written);
  CHECK(f.count(io::Entity::Exhibitors) == 0);
  CHECK(r.skipped == 2);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].column == "kind");
  CHECK(r.errors[1].line == 4);
  CHECK(r.errors[1].column == "phone");
  CHECK(r.errors[2].column == "email");
  CHECK(r.errors[3].column == "registration_no");

  io::ImportOptions skip;
  skip.skip_invalid = true;
  auto s = io::importText(f.registry, io::Entity::Exhibitors, file, "ex.csv", skip);
  CHECK(s.written);
  CHECK(s.created == 2);
  CHECK(f.count(io::Entity::Exhibitors) == 2);
}

TEST_CASE("a dry run checks every row and writes nothing") {
  Fixture f;
  io::ImportOptions dry;
  dry.dry_run = true;
  auto r = io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv", dry);
  CHECK(r.created == 3);
  CHECK_FALSE(r.written);
  CHECK(f.count(io::Entity::Exhibitors) == 0);
}

TEST_CASE("a file that cannot be a table is refused with file, line and reason, nothing written") {
  Fixture f;
  auto message = [&](const std::string& text) {
    try {
      io::importText(f.registry, io::Entity::Participants, text, "people.csv");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(message("").find("people.csv") == 0);
  CHECK(message("first_name;last_name\nA;B\n").find("category") != std::string::npos);  // missing column
  CHECK(message("first_name;category\nCoop\xE9rative;press\n").find("people.csv:2") == 0);
  CHECK(message(std::string("first_name;category\n\0\0\0", 23)).find("people.csv") == 0);
  CHECK(f.count(io::Entity::Participants) == 0);
  CHECK_THROWS_AS(io::importFile(f.registry, io::Entity::Participants, f.dir / "missing.csv"), Error);
}

TEST_CASE("participants: categories by label, days in any format, staff linked by name or external_id") {
  Fixture f;
  io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  const std::string people =
      "Prénom\tNom\tNom arabe\tCatégorie\tPays\tJours\tExposant\tConsentement\n"
      "Ahmed\tBenali\tأحمد بنعلي\tExposant\tma\t\"09/02/2026|2026-02-10\"\tCoopérative Tifawine\toui\n"
      "Sara\tMoussaoui\t\tصحافة\tFR\t\t\tnon\n"
      "Omar\tAit\t\tstaff\tMA\t\tEX2\tyes\n";
  auto r = io::importText(f.registry, io::Entity::Participants, people, "p.tsv");
  REQUIRE(r.errors.empty());
  CHECK(r.created == 3);
  auto ids = f.store->personIds();
  REQUIRE(ids.size() == 3);
  Person ahmed = *f.store->person(ids[0]);
  CHECK(ahmed.category == "exhibitor");
  CHECK(ahmed.country == "MA");
  CHECK(ahmed.days == std::vector<std::string>{"2026-02-09", "2026-02-10"});
  CHECK(ahmed.exhibitor_id == f.store->exhibitorByExternalId("EX1"));
  CHECK(ahmed.consent);
  CHECK(f.store->person(ids[1])->category == "press");
  CHECK(f.store->person(ids[2])->exhibitor_id == f.store->exhibitorByExternalId("EX2"));

  auto bad = io::importText(f.registry, io::Entity::Participants, "last_name,category,exhibitor\nX,staff,Nobody Inc\n",
                            "p.csv");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].column == "exhibitor");
}

TEST_CASE("an export imports back unchanged, in CSV with a comma or a semicolon and the BOM") {
  Fixture f;
  io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  io::importText(f.registry, io::Entity::Participants,
                 "first_name;last_name;name_ar;category;days;exhibitor;email\n"
                 "Ahmed;Benali;أحمد;exhibitor;\"2026-02-09,2026-02-10\";EX1;a@b.ma\n"
                 "Lina;\"Ben; Ali\";;press;;;\n",
                 "p.csv");
  for (char sep : {';', ','}) {
    for (io::Entity e : {io::Entity::Exhibitors, io::Entity::Participants}) {
      io::ExportOptions o;
      o.separator = sep;
      const auto file = f.dir / (std::string("out") + sep + ".csv");
      CHECK(io::exportFile(*f.store, e, file, o) == static_cast<std::size_t>(f.count(e)));
      std::ifstream in(file, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      CHECK(text.rfind("\xEF\xBB\xBF"
                       "external_id",
                       0) == 0);
      auto r = io::importText(f.registry, e, text, file.string());
      INFO(text);
      CHECK(r.errors.empty());
      CHECK(r.unchanged == static_cast<std::size_t>(f.count(e)));
      CHECK(r.created + r.updated == 0);
    }
  }
}

TEST_CASE("XLSX export writes a workbook, an unknown extension is a usage error") {
  Fixture f;
  io::importText(f.registry, io::Entity::Exhibitors, kExhibitors, "ex.csv");
  const auto file = f.dir / "ex.xlsx";
  CHECK(io::exportFile(*f.store, io::Entity::Exhibitors, file) == 3);
  std::ifstream in(file, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  CHECK(std::string(magic, 2) == "PK");
  CHECK_FALSE(std::filesystem::exists(f.dir / "ex.xlsx.part"));
  try {
    io::exportFile(*f.store, io::Entity::Exhibitors, f.dir / "ex.pdf");
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
  }
}

TEST_CASE("headers match without regard to case, accents, spaces or punctuation") {
  using io::Entity;
  CHECK(io::canonicalColumn(Entity::Participants, "Prénom") == "first_name");
  CHECK(io::canonicalColumn(Entity::Participants, "  E-MAIL ") == "email");
  CHECK(io::canonicalColumn(Entity::Participants, "Téléphone") == "phone");
  CHECK(io::canonicalColumn(Entity::Participants, "first name") == "first_name");
  CHECK(io::canonicalColumn(Entity::Participants, "Catégorie") == "category");
  CHECK(io::canonicalColumn(Entity::Exhibitors, "Raison sociale") == "name_fr");
  CHECK(io::canonicalColumn(Entity::Exhibitors, "N° ICE") == "registration_no");
  CHECK(io::canonicalColumn(Entity::Exhibitors, "ICE") == "registration_no");
  CHECK(io::canonicalColumn(Entity::Exhibitors, "Surface (m²)") == "booth_area_m2");
  CHECK_FALSE(io::canonicalColumn(Entity::Exhibitors, "Couleur préférée"));
}

TEST_CASE("a malformed quote or a wrong field count is a bad row with line and column, even in a dry run") {
  Fixture f;
  const std::string file =
      "Nom;Type;Secteur;Région;Ville\n"
      "Coopérative Tifawine;cooperative;pottery;souss-massa;Tiznit\n"
      "\"Coop \"Atlas\" Azilal\";cooperative;carpet;beni-mellal-khenifra;Azilal\n"
      "Atelier Fès;artisan;leather;fes-meknes\n"
      "Atelier Meknès;artisan;leather;fes-meknes;Meknès;en trop\n";
  for (bool dry : {true, false}) {
    io::ImportOptions o;
    o.dry_run = dry;
    auto r = io::importText(f.registry, io::Entity::Exhibitors, file, "ex.csv", o);
    CHECK_FALSE(r.written);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == "Nom");
    CHECK(r.errors[1].line == 4);
    CHECK(r.errors[1].column == "Ville");  // the first field missing
    CHECK(r.errors[2].line == 5);
    CHECK(r.errors[2].column.find("6") != std::string::npos);  // the field beyond the header
    CHECK(r.skipped == 3);
  }
  CHECK(f.count(io::Entity::Exhibitors) == 0);
  io::ImportOptions skip;
  skip.skip_invalid = true;
  auto s = io::importText(f.registry, io::Entity::Exhibitors, file, "ex.csv", skip);
  CHECK(s.created == 1);  // only the well-formed row; "Coop Atlas\" Azilal\"" is never stored
  CHECK(f.store->exhibitorsNamed("Coop Atlas\" Azilal\"").empty());
}

TEST_CASE("participants: a day outside the edition is flagged on its row, and all-or-nothing writes nothing") {
  Fixture f;
  const std::string people =
      "Prénom;Nom;Catégorie;Jours\n"
      "Salma;Berrada;Presse;2026-02-09\n"
      "Omar;Filali;Expert;\"2026-02-10,2025-02-10\"\n"
      "Ines;Chraibi;forum;16/02/2026\n";
  auto r = io::importText(f.registry, io::Entity::Participants, people, "jours.csv");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].column == "Jours");
  CHECK(r.errors[0].message.find("2025-02-10") != std::string::npos);
  CHECK(r.errors[1].line == 4);
  CHECK(r.errors[1].message.find("2026-02-16") != std::string::npos);
  CHECK_FALSE(r.written);
  CHECK(f.count(io::Entity::Participants) == 0);
  io::ImportOptions skip;
  skip.skip_invalid = true;
  auto s = io::importText(f.registry, io::Entity::Participants, people, "jours.csv", skip);
  CHECK(s.created == 1);
  CHECK(f.count(io::Entity::Participants) == 1);
}

namespace {
// The default VFS, counting the statement journals SQLite had to open as files (SQLITE_OPEN_SUBJOURNAL).
struct JournalCounter {
  static inline sqlite3_vfs* real = nullptr;
  static inline int subjournals = 0;
  sqlite3_vfs vfs{};
  JournalCounter() {
    real = sqlite3_vfs_find(nullptr);
    vfs = *real;
    vfs.zName = "journal-counter";
    vfs.xOpen = [](sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out) {
      if (flags & SQLITE_OPEN_SUBJOURNAL) ++subjournals;
      return real->xOpen(real, name, file, flags, out);
    };
    sqlite3_vfs_register(&vfs, 1);
  }
  ~JournalCounter() {
    sqlite3_vfs_unregister(&vfs);
    sqlite3_vfs_register(real, 1);
  }
};
}  // namespace

TEST_CASE("an import writes its rows without a statement journal on disk (SQLite's RETURNING wrote one per row)") {
  JournalCounter counter;
  Fixture f;
  std::string csv = "external_id;first_name;last_name;organization;category;email;phone\n";
  for (int i = 0; i < 3000; ++i)
    csv += "P" + std::to_string(i) + ";Salma" + std::to_string(i % 97) + ";Bennani" + std::to_string(i * 7919 % 3000) +
           ";Coop " + std::to_string(i % 50) + ";forum;p" + std::to_string(i) + "@example.ma;0661" +
           std::to_string(100000 + i * 31 % 900000) + "\n";
  auto r = io::importText(f.registry, io::Entity::Participants, csv, "p.csv");
  REQUIRE(r.errors.empty());
  CHECK(r.created == 3000);
  // Each insert asks for its new id: left to SQLite, RETURNING sent every page the row touched to a
  // temporary file (455 MB for 20,000 people; six times the time of the inserts themselves).
  CHECK(counter.subjournals == 0);
}
