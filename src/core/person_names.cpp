#include "core/person_names.hpp"

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
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {  // U+00C0–U+00FF: à..þ → À..Þ, except ÷ and ÿ
      const auto d = static_cast<unsigned char>(s[i + 1]);
      out += s[i];
      out += static_cast<char>(d >= 0xA0 && d <= 0xBE && d != 0xB7 ? d - 0x20 : d);
      ++i;
    } else if ((c == 0xC4 || (c == 0xC5 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xBF)) &&
               i + 1 < s.size()) {  // Latin Extended-A (ā ă ą ć č ē ğ ı ł ń ő œ ş š ţ ū ž...): capital = odd − 1
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      const bool pairs = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
      const bool pairsEven = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      unsigned up = cp;
      if (pairs && cp % 2 == 1) up = cp - 1;
      if (pairsEven && cp % 2 == 0) up = cp - 1;
      out += static_cast<char>(0xC0 | (up >> 6));
      out += static_cast<char>(0x80 | (up & 0x3F));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace moussem::names
