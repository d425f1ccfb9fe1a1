#include "core/countries.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>

namespace moussem::countries {

namespace {

std::string nameIn(const char* code, std::string_view lang) {
  const icu::Locale region("", code);
  icu::UnicodeString shown;
  region.getDisplayCountry(icu::Locale(std::string(lang).c_str()), shown);
  std::string out;
  shown.toUTF8String(out);
  return out;
}

}  // namespace

const std::vector<Country>& all(std::string_view lang) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<Country>, std::less<>> byLanguage;
  std::lock_guard lock(mutex);
  auto it = byLanguage.find(lang);
  if (it != byLanguage.end()) return it->second;
  std::vector<Country> list;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
    const std::string name = nameIn(*c, lang);
    if (name.empty() || name == *c) continue;  // a code ICU has no name for (reserved, withdrawn)
    list.push_back({*c, name});
  }
  return byLanguage.emplace(std::string(lang), std::move(list)).first->second;
}

std::string name(std::string_view code, std::string_view lang) {
  for (const Country& c : all(lang))
    if (c.code == code) return c.name;
  return std::string(code);
}

}  // namespace moussem::countries
