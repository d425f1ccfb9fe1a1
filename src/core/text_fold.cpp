// Normalisation, folding and collation through ICU (Debian's libicu): NFC, NFKD with case folding,
// the Latin-ASCII transliteration and the CLDR collators are Unicode's own rules, kept current by the
// library. What is ours: which marks a search ignores, the Arabic letter equivalences the desk needs,
// and the fast path for plain ASCII (most cells of an import). Must not depend on the C locale.
#include "core/text_fold.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace moussem::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Calls f(cp) for each code point; an ill-formed sequence is one U+FFFD (ICU's rule: maximal subpart).
template <class F>
void forEachCodePoint(std::string_view s, F&& f) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 cp = 0;
    U8_NEXT_OR_FFFD(bytes, i, length, cp);
    f(static_cast<char32_t>(cp));
  }
}

void encode(char32_t cp, std::string& out) {
  char buf[U8_MAX_LENGTH];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), n, U8_MAX_LENGTH, static_cast<UChar32>(cp), error);
  (void)error;  // a valid code point always fits U8_MAX_LENGTH
  out.append(buf, static_cast<std::size_t>(n));
}

const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  if (U_FAILURE(status) || !n) std::abort();  // ICU's data is part of the library: cannot be missing
  return *n;
}
const icu::Normalizer2& nfc() {
  static const icu::Normalizer2& n = normalizer("nfc", UNORM2_COMPOSE);
  return n;
}
const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2& n = normalizer("nfkc", UNORM2_COMPOSE);
  return n;
}
// NFKD + case folding + default ignorables removed ("NFKC_Casefold" data in decomposing mode).
const icu::Normalizer2& nfkdCasefold() {
  static const icu::Normalizer2& n = normalizer("nfkc_cf", UNORM2_DECOMPOSE);
  return n;
}

std::string toUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool isPresentationForm(char32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

// Characters with no visible meaning in a name: zero-width spaces and joiners, bidi controls, BOM, soft
// hyphen, variation selectors (Unicode's Default_Ignorable_Code_Point).
bool isInvisible(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool isLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

bool isAsciiPrintableLine(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!((c > 0x20 && c < 0x7F) || (c == ' ' && text[i - 1] != ' '))) return false;
  }
  return true;
}

// One line of storage text: presentation forms by their NFKC letters (the Moroccan keyboard types
// lam-alef as one), invisibles and controls dropped, spaces collapsed and trimmed, then NFC.
std::string storageLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pendingSpace = false;
  char32_t highest = 0;
  forEachCodePoint(text, [&](char32_t cp) {
    highest = std::max(highest, cp);
    if (cp < 0x80) {  // ASCII, most of any spreadsheet: the same rules without asking ICU
      if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) {
        pendingSpace = !out.empty();
      } else if (cp >= 0x20 && cp != 0x7F) {
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += static_cast<char>(cp);
      }
      return;
    }
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      pendingSpace = !out.empty();
      return;
    }
    if (isInvisible(cp) || u_charType(static_cast<UChar32>(cp)) == U_CONTROL_CHAR) return;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    if (isPresentationForm(cp)) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString letters = nfkc().normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_SUCCESS(status)) {
        out += toUtf8(letters);
        return;
      }
    }
    encode(cp, out);
  });
  // Below the combining marks (U+0300) every character is its own composed form: already NFC.
  if (highest < 0x300) return out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(out);
  if (nfc().isNormalized(u, status) && U_SUCCESS(status)) return out;
  status = U_ZERO_ERROR;
  const icu::UnicodeString composed = nfc().normalize(u, status);
  return U_SUCCESS(status) ? toUtf8(composed) : out;
}

// The desk's Arabic equivalences, applied after marks are gone (so أ إ آ are already ا).
char32_t foldArabic(char32_t cp) {
  switch (cp) {
    case 0x0671:
    case 0x0672:
    case 0x0673:
      return 0x0627;  // alef wasla, alef with wavy hamza → alef
    case 0x0629:
      return 0x0647;  // ta marbuta → ha
    case 0x0649:
    case 0x06CC:
      return 0x064A;  // alef maqsura, Persian yeh → ya
    case 0x06A9:
      return 0x0643;  // Persian kaf → kaf
    default:
      return cp;
  }
}

bool isLatinBeyondAscii(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return c >= 0x80 && u_hasBinaryProperty(c, UCHAR_ALPHABETIC) && uscript_getScript(c, &status) == USCRIPT_LATIN;
}

// Latin letters that NFKD leaves whole (ø ł đ æ œ þ ı ħ ŋ ...) by ICU's Latin-ASCII transliteration, one
// instance per thread (a Transliterator is not meant to be shared while in use); then case-folded again.
void latinToAscii(icu::UnicodeString& text) {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  if (!t) return;
  t->transliterate(text);
  text.foldCase();
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 cp = 0;
    U8_NEXT(s, i, length, cp);
    if (cp < 0) return false;
  }
  return true;
}

std::string normalizeForStorage(std::string_view text) {
  if (isAsciiPrintableLine(text)) return std::string(text);  // already normal: nothing to compose
  return storageLine(text);
}

std::string normalizeMultiline(std::string_view text) {
  std::vector<std::string> lines(1);
  bool lastCr = false;
  forEachCodePoint(text, [&](char32_t cp) {
    const bool crlf = lastCr && cp == '\n';
    lastCr = cp == '\r';
    if (crlf) return;
    if (isLineBreak(cp))
      lines.emplace_back();
    else
      encode(cp, lines.back());
  });
  std::string out;
  bool blank = false;
  for (const auto& raw : lines) {
    const std::string line = normalizeForStorage(raw);
    if (line.empty()) {
      blank = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank ? "\n\n" : "\n";
    blank = false;
    out += line;
  }
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
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // the fast path: letters lowered, anything else one space
    for (char c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        put(static_cast<char32_t>(c));
      else
        pendingSpace = true;
    }
    return out;
  }
  // NFKD + case fold: "Ḥ" → "h" + dot below, "ﻻ" → ل ا, "Ⅻ" → "xii", "ß" → "ss"; invisibles gone.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkdCasefold().normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size()))), status);
  if (U_FAILURE(status)) return out;
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
    if (isLatinBeyondAscii(folded.char32At(i))) {
      latinToAscii(folded);
      break;
    }
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    const UChar32 c = folded.char32At(i);
    const auto cp = static_cast<char32_t>(c);
    const std::int8_t type = u_charType(c);
    // Marks (accents, dots below, Arabic harakat, shadda, sukun, hamza above/below) and modifier
    // letters (tatweel, the ʿ and ʾ of transliterated ayn and hamza).
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK ||
        type == U_MODIFIER_LETTER)
      continue;
    if (type == U_DECIMAL_DIGIT_NUMBER) {  // Arabic-Indic, Persian... digits as 0-9
      put(U'0' + static_cast<char32_t>(u_charDigitValue(c)));
      continue;
    }
    if (cp == kReplacement || !u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) {
      pendingSpace = true;
      continue;
    }
    put(foldArabic(cp));
  }
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
      if (c == ' ')
        k = 0;
      else if (c >= '0' && c <= '9')
        k = 1;
      else
        k = 2;  // ASCII letter or any byte of a multi-byte letter
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

std::string sortKey(std::string_view text, std::string_view language) {
  // One collator per language and thread: a Collator may not be used by two threads at once.
  thread_local std::map<std::string, std::unique_ptr<icu::Collator>, std::less<>> collators;
  auto it = collators.find(language);
  if (it == collators.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(
        icu::Collator::createInstance(icu::Locale(std::string(language).c_str()), status));
    if (U_FAILURE(status)) made.reset();
    it = collators.emplace(std::string(language), std::move(made)).first;
  }
  if (!it->second) return std::string(text);
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  std::string key(64, '\0');
  std::int32_t n =
      it->second->getSortKey(u, reinterpret_cast<std::uint8_t*>(key.data()), static_cast<std::int32_t>(key.size()));
  if (n > static_cast<std::int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(n));
    n = it->second->getSortKey(u, reinterpret_cast<std::uint8_t*>(key.data()), n);
  }
  key.resize(n > 0 ? static_cast<std::size_t>(n - 1) : 0);  // without the terminating zero byte
  return key;
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
  if (local.size() > 64 || local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
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
