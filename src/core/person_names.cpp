#include "core/person_names.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "core/i18n.hpp"

namespace moussem::names {

std::string latin(const Person& p) {
  std::string name = p.first_name;
  if (!p.last_name.empty()) name += (name.empty() ? "" : " ") + p.last_name;
  return name.empty() ? p.name_ar : name;
}

std::string list(const Person& p) {
  std::string name = upperLatin(p.last_name);
  if (!p.first_name.empty()) name += (name.empty() ? "" : " ") + p.first_name;
  return name.empty() ? p.name_ar : name;
}

std::string sentence(const Person& p, std::string_view lang) {
  return lang == "ar" && !p.name_ar.empty() ? p.name_ar : latin(p);
}
std::string sentence(const Person& p) { return sentence(p, i18n::language()); }

std::string secondary(const Person& p, std::string_view lang) {
  const bool hasLatin = !p.first_name.empty() || !p.last_name.empty();
  if (!hasLatin || p.name_ar.empty()) return "";
  return lang == "ar" ? latin(p) : p.name_ar;
}
std::string secondary(const Person& p) { return secondary(p, i18n::language()); }

std::string upperLatin(std::string_view s) {
  // ICU's simple (one-to-one) upper case of Latin letters: "ṣaliḥ" → "ṢALIḤ"; ß has none and stays.
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_LATIN) c = u_toupper(c);
    char buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
    (void)error;  // a valid code point always fits U8_MAX_LENGTH
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace moussem::names
