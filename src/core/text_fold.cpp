// Folding and contact formats. Table-driven for the Unicode parts (text_fold_tables.cpp), hand-written
// for the handful of Arabic search equivalences the desk needs. Must not depend on the C locale.
#include "core/text_fold.hpp"

#include <algorithm>
#include <cstdint>

#include "core/text_fold_tables.hpp"

namespace moussem::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at pos and advances pos; malformed input yields U+FFFD and advances one byte.
char32_t decode(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07, min = 0x10000;
  else {
    ++pos;
    return kReplacement;
  }
  if (pos + static_cast<std::size_t>(len) > s.size()) {
    ++pos;
    return kReplacement;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kReplacement;
  }
  pos += static_cast<std::size_t>(len);
  return cp;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

const char* lookup(const tables::Mapping* table, std::size_t count, char32_t cp) {
  const tables::Mapping* end = table + count;
  const tables::Mapping* it =
      std::lower_bound(table, end, cp, [](const tables::Mapping& m, char32_t c) { return m.cp < c; });
  return it != end && it->cp == cp ? it->utf8 : nullptr;
}

bool isPresentationForm(char32_t cp) { return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF); }

// Characters with no visible meaning in a name: zero-width, joiners, bidi controls, BOM.
bool isInvisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
         cp == 0xFEFF || cp == 0x00AD || cp == 0x061C;
}

bool isSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x00A0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

// Marks dropped by search folding: Latin combining marks, Arabic harakat, Quranic annotation, tatweel.
bool isDroppedMark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
         cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E8) ||
         (cp >= 0x06EA && cp <= 0x06ED) || cp == 0x0640 || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

char32_t foldArabic(char32_t cp) {
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;  // alef
    case 0x0629: return 0x0647;                                                                 // ta marbuta
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;                                       // ya
    case 0x0624: return 0x0648;                                                                 // waw
    case 0x06A9: return 0x0643;                                                                 // kaf
    default: break;
  }
  if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
  return cp;
}

bool isLetterOrDigit(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp == kReplacement) return false;
  if (cp >= 0x00C0 && cp <= 0x024F) return cp != 0x00D7 && cp != 0x00F7;
  if (cp >= 0x0370 && cp <= 0x052F) return true;  // Greek, Cyrillic
  if (cp >= 0x0600 && cp <= 0x06FF)  // Arabic letters; not its punctuation
    return !(cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x066A || cp == 0x066B || cp == 0x066C ||
             cp == 0x066D || cp == 0x06D4 || (cp >= 0x0600 && cp <= 0x060F) || cp == 0x06DD || cp == 0x06DE ||
             cp == 0x06E9);
  if (cp >= 0x0750 && cp <= 0x077F) return true;  // Arabic supplement
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;  // Latin extended additional
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  return cp >= 0x0080 && !(cp >= 0x0080 && cp <= 0x00BF);
}

// Calls emit(cp) for each code point of the storage form (presentation forms expanded, invisibles
// dropped, malformed bytes as U+FFFD). Spaces are passed through for the caller to collapse.
template <class Emit>
void expand(std::string_view text, Emit&& emit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = decode(text, pos);
    if (isInvisible(cp)) continue;
    if (isPresentationForm(cp)) {
      if (const char* nfkc = lookup(tables::kPresentationForms, tables::kPresentationFormsCount, cp)) {
        std::string_view sub(nfkc);
        std::size_t p = 0;
        while (p < sub.size()) emit(decode(sub, p));
        continue;
      }
    }
    emit(cp);
  }
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t before = pos;
    char32_t cp = decode(bytes, pos);
    if (cp == kReplacement) {
      // A literal U+FFFD is valid (3 bytes); a replacement produced by an error advanced one byte.
      if (pos - before != 3) return false;
    }
  }
  return true;
}

std::string normalizeForStorage(std::string_view text) {
  // Fast path (most cells of an import): printable ASCII with single inner spaces is already normal.
  bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ';
  for (std::size_t i = 0; plain && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    plain = (c > 0x20 && c < 0x7F) || (c == ' ' && text[i - 1] != ' ');
  }
  if (plain) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pendingSpace = false;
  expand(text, [&](char32_t cp) {
    if (isSpace(cp)) {
      pendingSpace = !out.empty();
      return;
    }
    if (cp < 0x20 || cp == 0x7F) return;  // other control characters
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    encode(cp, out);
  });
  return out;
}

std::string foldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pendingSpace = false;
  auto put = [&](char32_t cp) {
    if (pendingSpace && !out.empty()) out += ' ';
    pendingSpace = false;
    encode(cp, out);
  };
  expand(text, [&](char32_t cp) {
    if (isDroppedMark(cp)) return;
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') cp += 32;
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) put(cp);
      else pendingSpace = true;
      return;
    }
    if (cp >= 0x00C0 && cp <= 0x024F) {
      if (const char* f = lookup(tables::kLatinFold, tables::kLatinFoldCount, cp)) {
        std::string_view sub(f);
        std::size_t p = 0;
        while (p < sub.size()) {
          char32_t c = decode(sub, p);
          if (isLetterOrDigit(c)) put(c);
        }
        return;
      }
    }
    if (cp >= 0x0391 && cp <= 0x03A9) cp += 0x20;        // Greek capitals
    else if (cp >= 0x0410 && cp <= 0x042F) cp += 0x20;   // Cyrillic capitals
    else if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;
    cp = foldArabic(cp);
    if (isLetterOrDigit(cp)) put(cp);
    else pendingSpace = true;
  });
  return out;
}

std::vector<std::string_view> searchTokens(std::string_view folded) {
  std::vector<std::string_view> out;
  std::size_t start = std::string_view::npos;
  int kind = 0;  // 1 digit, 2 letter
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    int k = 0;
    if (i < folded.size()) {
      const char c = folded[i];
      if (c == ' ') k = 0;
      else if (c >= '0' && c <= '9') k = 1;
      else k = 2;  // ASCII letter or any byte of a multi-byte letter
    }
    if (k != kind) {
      if (start != std::string_view::npos) out.push_back(folded.substr(start, i - start));
      start = k ? i : std::string_view::npos;
      kind = k;
    }
  }
  return out;
}

std::string nameKey(std::string_view names) {
  std::string folded = foldForSearch(names);
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(std::string_view(folded).substr(start, end - start));
    start = end + 1;
  }
  std::sort(words.begin(), words.end());
  std::string key;
  for (auto w : words) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

std::optional<std::string> normalizePhone(std::string_view raw) {
  std::string digits;
  bool plus = false;
  int open = 0;
  std::size_t pos = 0;
  bool seenDigit = false;
  while (pos < raw.size()) {
    char32_t cp = decode(raw, pos);
    if (cp >= 0x0660 && cp <= 0x0669) cp = U'0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) cp = U'0' + (cp - 0x06F0);
    if (cp >= '0' && cp <= '9') {
      // "+212 (0)6 ..." : a trunk zero in brackets after the country code is not dialled.
      if (open > 0 && cp == '0' && digits == "212") {
        seenDigit = true;
        continue;
      }
      digits += static_cast<char>(cp);
      seenDigit = true;
    } else if (cp == '+') {
      if (seenDigit || plus) return std::nullopt;
      plus = true;
    } else if (cp == '(') {
      ++open;
    } else if (cp == ')') {
      if (open == 0) return std::nullopt;
      --open;
    } else if (!(isSpace(cp) || cp == '-' || cp == '.' || cp == '/' || isInvisible(cp))) {
      return std::nullopt;
    }
  }
  if (open != 0 || digits.empty()) return std::nullopt;
  std::string international;
  if (plus) international = digits;
  else if (digits.rfind("00", 0) == 0) international = digits.substr(2);
  else if (digits.size() == 10 && digits[0] == '0') international = "212" + digits.substr(1);
  else if (digits.size() == 12 && digits.rfind("212", 0) == 0) international = digits;
  else if (digits.size() == 9 && digits[0] >= '5' && digits[0] <= '8') international = "212" + digits;
  else return std::nullopt;
  if (international.rfind("2120", 0) == 0) international.erase(3, 1);  // "+212 06..." written with its trunk 0
  if (international.empty() || international[0] == '0') return std::nullopt;
  if (international.rfind("212", 0) == 0) {
    // Morocco: 9 national digits, fixed 5, mobile 6/7, VoIP 8.
    if (international.size() != 12 || international[3] < '5' || international[3] > '8') return std::nullopt;
  } else if (international.size() < 8 || international.size() > 15) {
    return std::nullopt;
  }
  return "+" + international;
}

std::string normalizeEmail(std::string_view raw) {
  std::string s = normalizeForStorage(raw);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

bool isValidEmail(std::string_view email) {
  if (email.size() > 254) return false;
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  for (char c : local) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || u >= 0x80 ||
                    std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t start = 0, labels = 0;
  std::string_view last;
  while (start <= domain.size()) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    std::string_view label = domain.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      const auto u = static_cast<unsigned char>(c);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || u >= 0x80))
        return false;
    }
    last = label;
    ++labels;
    start = dot + 1;
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last)
    if (c >= '0' && c <= '9') return false;
  return true;
}

bool isValidIce(std::string_view ice) {
  return ice.size() == 15 && std::all_of(ice.begin(), ice.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isValidRegistrationNo(std::string_view number) {
  if (number.empty()) return true;
  std::string compact;
  for (char c : number)
    if (c != ' ') compact += c;
  const bool allDigits = std::all_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (allDigits) return isValidIce(compact);
  return number.size() <= 64;
}

}  // namespace moussem::text
