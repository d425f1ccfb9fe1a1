// Phone numbers through libphonenumber: the table of numbers as people write them (phone_numbers.tsv)
// agrees with the library and with python3-phonenumbers, foreign numbers keep their own trunk rules,
// invalid numbers are refused with the reason, display is national or international.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/i18n.hpp"
#include "core/phone.hpp"
#include "core/registry_rules.hpp"
#include "test_support.hpp"

using namespace moussem;

namespace {
struct Line {
  std::string raw, region, expected;
};
std::vector<Line> phoneTable() {
  std::ifstream in(test::sourceDir() / "tests/desk/phone_numbers.tsv");
  REQUIRE(in);
  std::vector<Line> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find('\t'), b = line.find('\t', a + 1);
    REQUIRE(b != std::string::npos);
    out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}
}  // namespace

TEST_CASE("every number of the phone table is stored as libphonenumber reads it, or refused") {
  const auto table = phoneTable();
  REQUIRE(table.size() >= 40);
  for (const auto& l : table) {
    INFO(l.raw << " in " << l.region);
    const auto parsed = phone::parse(l.raw, l.region);
    CHECK((parsed.number ? parsed.number->stored : "invalid") == l.expected);
    if (!parsed.number) CHECK_FALSE(parsed.reason.empty());
  }
}

TEST_CASE("the phone table agrees with python3-phonenumbers, a second implementation") {
  const auto r = test::runCommand("/usr/bin/python3", {(test::sourceDir() / "tests/desk/check_phones.py").string(),
                                                       (test::sourceDir() / "tests/desk/phone_numbers.tsv").string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 disagreement(s)") != std::string::npos);
}

TEST_CASE("a foreign trunk zero in brackets is dropped for every country, not only Morocco") {
  CHECK(phone::parse("+33 (0)6 12 34 56 78", "MA").number->stored == "+33612345678");
  CHECK(phone::parse("+44 (0)20 7946 0958", "MA").number->stored == "+442079460958");
}

TEST_CASE("invalid numbers are refused with the reason") {
  i18n::setLanguage("en");
  CHECK(phone::parse("+999123456789", "MA").reason == "unknown country code");
  CHECK(phone::parse("+33 6 12 34", "MA").reason == "too short for +33 (FR)");
  CHECK(phone::parse("+1 123 456 7890", "MA").reason == "no number of +1 (US) starts this way");
  CHECK(phone::parse("06 12 34 56 78 99 99 99 99", "MA").reason == "too long for +212 (MA)");
  CHECK(phone::parse("abc", "MA").reason == "not a phone number");
}

TEST_CASE("a number is read in the person's country, the edition's when the person has none") {
  Person p;
  p.last_name = "Martin";
  p.category = "buyer";
  p.country = "FR";
  p.phone = "06 12 34 56 78";
  CHECK(preparePerson(p).empty());
  CHECK(p.phone == "+33612345678");
  Person q = p;
  q.country = "";
  q.phone = "06 12 34 56 78";
  CHECK(preparePerson(q).empty());
  CHECK(q.phone == "+212612345678");  // no edition opened: Morocco
  CHECK(q.country == "MA");
  Person bad = p;
  bad.phone = "+1 202 555";
  const auto errors = preparePerson(bad);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "phone");
}

TEST_CASE("numbers are shown in the national form at home and the international form abroad") {
  CHECK(phone::display("+212612345678", "MA") == "0612-345678");
  CHECK(phone::display("+33612345678", "MA") == "+33 6 12 34 56 78");
  CHECK(phone::display("+33612345678", "FR") == "06 12 34 56 78");
  CHECK(phone::display("+212522123456;ext=12", "MA") == "05221-23456 ext. 12");
  CHECK(phone::display("+212522123456;ext=12", "FR") == "+212 5221-23456 ext. 12");
  CHECK(phone::display("not a number", "MA") == "not a number");
  CHECK(phone::e164Of("+212522123456;ext=12") == "+212522123456");
}
