#include "core/person_names.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "core/i18n.hpp"
#include "core/text_fold.hpp"

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

std::string sortKey(const Person& p) {
  const bool hasLatin = !p.first_name.empty() || !p.last_name.empty();
  return text::foldForSearch(hasLatin ? p.last_name + " " + p.first_name : p.name_ar);
}

std::string sentence(const Person& p, std::string_view lang) {
  return lang == "ar" && !p.name_ar.empty() ? p.name_ar : latin(p);
}
std::string sentence(const Person& p) {
  return sentence(p, i18n::language());
}

std::string secondary(const Person& p, std::string_view lang) {
  const bool hasLatin = !p.first_name.empty() || !p.last_name.empty();
  if (!hasLatin || p.name_ar.empty()) return "";
  return lang == "ar" ? latin(p) : p.name_ar;
}
std::string secondary(const Person& p) {
  return secondary(p, i18n::language());
}

std::string upperLatin(std::string_view s) {
  // ICU's simple (one-to-one) upper case of Latin letters: "ṣaliḥ" → "ṢALIḤ"; ß has none and stays.
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
  for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_LATIN && u_toupper(c) != c)
      text.replace(i, U16_LENGTH(c), u_toupper(c));
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace moussem::names
