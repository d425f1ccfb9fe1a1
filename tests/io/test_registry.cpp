#include <catch2/catch.hpp>

#include "badge/new_edition.hpp"
#include "io/registry.hpp"
#include "store/demo/demo_data.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(moussem::test::dbPath(dir, "t.db"), demoEdition());
  Registry registry{*store};
};

Person walkIn(const std::string& first, const std::string& last, const std::string& org = "") {
  Person p;
  p.first_name = first;
  p.last_name = last;
  p.organization = org;
  p.category = "forum";
  return p;
}

std::vector<std::string> reasons(const std::vector<Duplicate>& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.reason);
  return out;
}
}  // namespace

TEST_CASE("a save with bad fields is refused with every field named, and nothing is written") {
  Fixture f;
  Person p = walkIn("", "");
  p.email = "nope";
  p.phone = "12";
  p.category = "astronaut";
  try {
    f.registry.savePerson(p);
    FAIL("saved");
  } catch (const ValidationError& e) {
    std::vector<std::string> fields;
    for (const auto& x : e.errors()) fields.push_back(x.field);
    CHECK(fields == std::vector<std::string>{"last_name", "category", "email", "phone"});
  }
  CHECK(f.store->overview().people == 0);
}

TEST_CASE("saving, editing and deleting keep the search index in step") {
  Fixture f;
  f.registry.loadIndex();
  Person p = walkIn("Hélène", "Dupré", "Maison de l'Artisanat");
  p.name_ar = "هيلين";
  p.phone = "06 11 22 33 44";
  Id id = f.registry.savePerson(p);
  CHECK(p.phone == "+212611223344");
  CHECK(f.registry.search("helene dupre").hits.size() == 1);
  CHECK(f.registry.search("0611").hits.size() == 1);
  p.last_name = "Martin";
  f.registry.savePerson(p);
  CHECK(f.registry.search("dupre").hits.empty());
  CHECK(f.registry.search("martin").hits.size() == 1);
  f.registry.deletePerson(id);
  CHECK(f.registry.search("martin").hits.empty());
  CHECK_FALSE(f.store->person(id));

  Exhibitor x;
  x.name_fr = "Coopérative Tifawine";
  x.kind = "cooperative";
  x.sector = "pottery";
  x.region = "souss-massa";
  Id xid = f.registry.saveExhibitor(x);
  CHECK(f.registry.search("cooperative").hits == std::vector<SearchIndex::Hit>{{SearchIndex::Kind::Exhibitor, xid}});
  x.city = "Tiznit";
  f.registry.saveExhibitor(x);
  CHECK(f.store->exhibitor(xid)->city == "Tiznit");
  f.registry.deleteExhibitor(xid);
  CHECK(f.registry.search("tifawine").hits.empty());
}

TEST_CASE("duplicates: same e-mail, same phone, or same name and organisation") {
  Fixture f;
  Person a = walkIn("Ahmed", "Benali", "Coopérative Tifawine");
  a.email = "ahmed@tifawine.ma";
  a.phone = "0612345678";
  a.name_ar = "أحمد بنعلي";
  f.registry.savePerson(a);

  Person byEmail = walkIn("A.", "B.");
  byEmail.email = "AHMED@tifawine.ma";
  CHECK(reasons(f.registry.duplicatesOf(byEmail)) == std::vector<std::string>{"email"});
  Person byPhone = walkIn("Someone", "Else");
  byPhone.phone = "+212 6 12 34 56 78";
  CHECK(reasons(f.registry.duplicatesOf(byPhone)) == std::vector<std::string>{"phone"});
  Person byName = walkIn("BENALI", "ahmed", "cooperative tifawine");
  auto d = f.registry.duplicatesOf(byName);
  REQUIRE(reasons(d) == std::vector<std::string>{"name"});
  CHECK(d[0].name == "Ahmed Benali");
  Person arabic = walkIn("", "", "Coopérative Tifawine");
  arabic.name_ar = "احمد بنعلي";
  CHECK(reasons(f.registry.duplicatesOf(arabic)) == std::vector<std::string>{"name"});
  CHECK(f.registry.duplicatesOf(walkIn("Ahmed", "Benali", "Autre structure")).empty());
  CHECK(f.registry.duplicatesOf(a).empty());  // a record is not its own duplicate
}
