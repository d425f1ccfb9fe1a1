// Countries by ISO 3166 alpha-2 code, with their names in the interface languages from ICU's locale
// data (Debian's libicu): what the forms offer when a country is typed by name ("fra" -> FR).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace moussem::countries {

struct Country {
  std::string code;  // "FR"
  std::string name;  // "France", "فرنسا"
};

// Every current ISO 3166 country, named in lang ("fr", "ar", "en"), in code order.
const std::vector<Country>& all(std::string_view lang);
// The name of a code in lang; the code itself when ICU does not know it.
std::string name(std::string_view code, std::string_view lang);

}  // namespace moussem::countries
