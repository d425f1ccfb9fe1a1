#include <catch2/catch.hpp>

#include "core/codes.hpp"
#include "core/registry_rules.hpp"

using namespace moussem;

namespace {
bool hasError(const std::vector<FieldError>& errors, const std::string& field) {
  for (const auto& e : errors)
    if (e.field == field) return true;
  return false;
}
}  // namespace

TEST_CASE("an exhibitor is normalised: codes from labels, phone to E.164, e-mail lower-case") {
  Exhibitor x;
  x.name_fr = "  Coopérative   Tifawine ";
  x.name_ar = "ﺗﻌﺎﻭﻧﻴﺔ";
  x.kind = "Coopérative";
  x.sector = "poterie";
  x.region = "Souss-Massa";
  x.phone = "06 12 34 56 78";
  x.email = "Contact@Tifawine.MA";
  x.registration_no = "001234567000089";
  auto errors = prepareExhibitor(x);
  CHECK(errors.empty());
  CHECK(x.name_fr == "Coopérative Tifawine");
  CHECK(x.name_ar == "تعاونية");
  CHECK(x.kind == "cooperative");
  CHECK(x.sector == "pottery");
  CHECK(x.region == "souss-massa");
  CHECK(x.phone == "+212612345678");
  CHECK(x.email == "contact@tifawine.ma");
}

TEST_CASE("an exhibitor with bad fields gets one error per field") {
  Exhibitor x;
  x.kind = "spaceship";
  x.sector = "pottery";
  x.region = "atlantis";
  x.phone = "12";
  x.email = "nope";
  x.registration_no = "12345";
  auto errors = prepareExhibitor(x);
  CHECK(hasError(errors, "name_fr"));
  CHECK(hasError(errors, "kind"));
  CHECK(hasError(errors, "region"));
  CHECK(hasError(errors, "phone"));
  CHECK(hasError(errors, "email"));
  CHECK(hasError(errors, "registration_no"));
  CHECK_FALSE(hasError(errors, "sector"));
}

TEST_CASE("a person needs a name and a known category, and days accept French dates") {
  Person p;
  p.category = "Presse";
  p.first_name = "Amina";
  p.country = "fr";
  p.days = {"10/02/2026", "2026-02-09", "2026-02-09"};
  CHECK(preparePerson(p).empty());
  CHECK(p.category == "press");
  CHECK(p.country == "FR");
  CHECK(p.days == std::vector<std::string>{"2026-02-09", "2026-02-10"});

  Person q;
  q.category = "astronaut";
  q.days = {"31/02/2026"};
  q.country = "Morocco";
  auto errors = preparePerson(q);
  CHECK(hasError(errors, "last_name"));
  CHECK(hasError(errors, "category"));
  CHECK(hasError(errors, "days"));
  CHECK(hasError(errors, "country"));
}

TEST_CASE("codes are found from their French, Arabic or English label") {
  CHECK(codeFromText("sector", codes::sectors(), "POTTERY") == "pottery");
  CHECK(codeFromText("sector", codes::sectors(), "Poterie") == "pottery");
  CHECK(codeFromText("sector", codes::sectors(), "poterie, ceramique et pierre") == "pottery");
  CHECK(codeFromText("category", codes::categories(), "presse") == "press");
  CHECK(codeFromText("category", codes::categories(), "Press") == "press");
  CHECK_FALSE(codeFromText("category", codes::categories(), "journalist").has_value());
}

TEST_CASE("yes and no in every accepted spelling") {
  for (const char* y : {"yes", "Oui", "TRUE", "1", "نعم", "vrai"}) CHECK(parseYesNo(y) == true);
  for (const char* n : {"no", "NON", "false", "0", "لا", ""}) CHECK(parseYesNo(n) == false);
  CHECK_FALSE(parseYesNo("maybe").has_value());
}
