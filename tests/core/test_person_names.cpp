// Person names in the order each language expects, from one rule (core/person_names.hpp).
#include <catch2/catch.hpp>

#include "core/i18n.hpp"
#include "core/person_names.hpp"

using namespace moussem;

namespace {
Person person(std::string first, std::string last, std::string ar) {
  Person p;
  p.first_name = std::move(first);
  p.last_name = std::move(last);
  p.name_ar = std::move(ar);
  return p;
}
struct LanguageGuard {
  ~LanguageGuard() { i18n::setLanguage("fr"); }
};
}  // namespace

TEST_CASE("tables list the family name first in capitals, badges and sentences put the given name first") {
  const Person nawal = person("Nawal", "Daoudi", "نوال الداودي");
  CHECK(names::list(nawal) == "DAOUDI Nawal");
  CHECK(names::latin(nawal) == "Nawal Daoudi");
  CHECK(names::list(person("Hélène", "Benaïssa-Lefèvre", "")) == "BENAÏSSA-LEFÈVRE Hélène");
  CHECK(names::list(person("Youssef", "el Ouazzani", "")) == "EL OUAZZANI Youssef");
  CHECK(names::list(person("Zoë", "Łukasiewicz", "")) == "ŁUKASIEWICZ Zoë");
  CHECK(names::upperLatin("straße ÿ 12 نوال") == "STRAßE Ÿ 12 نوال");  // ß has no one-letter capital; Arabic unchanged
  // Transliterations of Arabic names use Latin Extended Additional (ICU's case mapping).
  CHECK(names::list(person("Ṣaliḥ", "Ṭāhir", "")) == "ṬĀHIR Ṣaliḥ");
  CHECK(names::list(person("Madonna", "", "")) == "Madonna");
  CHECK(names::list(person("", "Alaoui", "")) == "ALAOUI");
}

TEST_CASE("in Arabic a person is called by the Arabic name when there is one, the Latin name beside it") {
  LanguageGuard guard;
  const Person nawal = person("Nawal", "Daoudi", "نوال الداودي");
  const Person guest = person("John", "Smith", "");
  const Person artisan = person("", "", "محمد بناني");
  i18n::setLanguage("fr");
  CHECK(names::sentence(nawal) == "Nawal Daoudi");
  CHECK(names::secondary(nawal) == "نوال الداودي");
  i18n::setLanguage("en");
  CHECK(names::sentence(nawal) == "Nawal Daoudi");
  i18n::setLanguage("ar");
  CHECK(names::sentence(nawal) == "نوال الداودي");
  CHECK(names::secondary(nawal) == "Nawal Daoudi");
  CHECK(names::sentence(guest) == "John Smith");
  CHECK(names::secondary(guest).empty());
  // Only an Arabic name: it is the name everywhere, with nothing beside it.
  for (const char* lang : {"fr", "ar", "en"}) {
    i18n::setLanguage(lang);
    CHECK(names::sentence(artisan) == "محمد بناني");
    CHECK(names::list(artisan) == "محمد بناني");
    CHECK(names::latin(artisan) == "محمد بناني");
    CHECK(names::secondary(artisan).empty());
  }
}
