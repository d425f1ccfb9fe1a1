#include "ui/text_display.hpp"

#include <fribidi.h>

#include <unordered_map>
#include <vector>

#include "core/i18n.hpp"

namespace moussem::ui {

namespace {

struct Cache {
  std::unordered_map<std::string, std::string> shaped;
  std::unordered_map<std::string, std::string> keys;  // "lang\x1fkey" → display text
};

Cache& cache() {
  static Cache c;  // the UI thread's; bounded below
  return c;
}

constexpr std::size_t kMaxEntries = 20000;

std::vector<FriBidiChar> decode(std::string_view s) {
  std::vector<FriBidiChar> out(s.size() + 1);
  FriBidiStrIndex n =
      fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s.data(), static_cast<FriBidiStrIndex>(s.size()), out.data());
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool asciiDigit(char c) {
  return c >= '0' && c <= '9';
}
bool asciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

constexpr std::string_view kLri = "\xE2\x81\xA6", kPdi = "\xE2\x81\xA9";  // U+2066, U+2069

// Runs that must read left to right whatever surrounds them, as they are typed and printed:
//  - a phone number: "+", digits, spaces, dots, dashes, brackets ("+212 6 12 34 56 78");
//  - an e-mail address, a serial, a booth or a version: an ASCII word holding a digit or an "@"
//    ("B-2026-000123", "A-18", "v4", "contact@coop.ma").
// Inside an Arabic sentence the bidi algorithm would otherwise move a leading "+" to the number's right
// end and turn "12 34" into "34 12". Trailing punctuation stays outside the run.
std::string isolateLtrRuns(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    const bool atWordStart = i == 0 || space(s[i - 1]) || s[i - 1] == '(';
    if (!atWordStart || static_cast<unsigned char>(s[i]) >= 0x80 || space(s[i])) {
      out += s[i++];
      continue;
    }
    std::size_t end = i;
    bool digit = false, at = false, phone = false;
    if (s[i] == '+' || asciiDigit(s[i])) {  // a phone number or a number, spaces and separators inside
      phone = s[i] == '+';
      while (end < s.size() && (asciiDigit(s[end]) || s[end] == '+' || s[end] == ' ' || s[end] == '.' ||
                                s[end] == '-' || s[end] == '(' || s[end] == ')' || s[end] == '/')) {
        digit = digit || asciiDigit(s[end]);
        ++end;
      }
      // A number followed by a word ("12 visiteurs", "3 B-12") keeps only its digits here.
      if (end < s.size() && !space(s[end]) && static_cast<unsigned char>(s[end]) < 0x80) {
        std::size_t back = end;
        while (back > i && s[back - 1] != ' ') --back;
        if (back > i) end = back;
      }
    }
    if (end == i || !phone) {  // an ASCII word
      std::size_t w = i;
      while (w < s.size() && !space(s[w]) && static_cast<unsigned char>(s[w]) < 0x80) {
        digit = digit || asciiDigit(s[w]);
        at = at || s[w] == '@';
        ++w;
      }
      if (w > end) end = w;
    }
    // Trailing spaces and punctuation are not part of the run.
    while (end > i && (space(s[end - 1]) || s[end - 1] == '.' || s[end - 1] == ',' || s[end - 1] == ':' ||
                       s[end - 1] == ';' || s[end - 1] == ')' || s[end - 1] == '!' || s[end - 1] == '?' ||
                       s[end - 1] == '-' || s[end - 1] == '/' || s[end - 1] == '('))
      --end;
    bool letter = false;
    int digits = 0, groups = 0;
    for (std::size_t k = i; k < end; ++k) {
      letter = letter || asciiLetter(s[k]);
      digits += asciiDigit(s[k]) ? 1 : 0;
      groups += asciiDigit(s[k]) && (k == i || !asciiDigit(s[k - 1])) ? 1 : 0;
    }
    // A national number typed with spaces ("06 12 34 56 78") is a phone number too.
    phone = phone || (!letter && groups >= 2 && digits >= 6);
    if (end > i && (phone || at || (digit && letter))) {
      out += kLri;
      out.append(s.substr(i, end - i));
      out += kPdi;
    } else {
      out.append(s.substr(i, std::max<std::size_t>(end - i, 1)));
      end = std::max(end, i + 1);
    }
    i = end;
  }
  return out;
}

// Characters FriBidi may leave in visual text that no font draws: lam-alef fillers, bidi controls.
bool invisibleControl(FriBidiChar c) {
  return c == 0xFEFF || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Arabic vowel and Quranic marks (harakat, shadda, sukun, superscript alef...). ImGui draws glyph by glyph
// with no mark positioning, so a damma lands beside its letter, not above it: on screen the marks are
// left out, as in most Arabic interfaces (the text itself keeps them: the badge and the PDF, drawn by
// Pango, show them in place).
bool arabicMark(FriBidiChar c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

std::string shape(std::string_view text) {
  const std::string isolated = isolateLtrRuns(text);
  const std::string_view logical = isolated;
  std::vector<FriBidiChar> in = decode(logical);
  std::vector<FriBidiChar> visual(in.size() + 1);
  // The paragraph's direction comes from the text as written (its first strong letter): an isolated run
  // at its start ("A-18 المعرض") must not turn a left-to-right line into a right-to-left one.
  const std::vector<FriBidiChar> original = decode(text);
  std::vector<FriBidiCharType> types(original.size() + 1);
  fribidi_get_bidi_types(original.data(), static_cast<FriBidiStrIndex>(original.size()), types.data());
  FriBidiParType base = fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(original.size()));
  // log2vis reorders and, with the default flags, applies Arabic joining and shaping.
  if (!fribidi_log2vis(in.data(), static_cast<FriBidiStrIndex>(in.size()), &base, visual.data(), nullptr, nullptr,
                       nullptr))
    return std::string(text);
  std::vector<FriBidiChar> kept;
  kept.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i)
    if (!invisibleControl(visual[i]) && !arabicMark(visual[i])) kept.push_back(visual[i]);
  std::string out(kept.size() * 4 + 1, '\0');
  FriBidiStrIndex bytes = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, kept.data(),
                                                     static_cast<FriBidiStrIndex>(kept.size()), out.data());
  out.resize(static_cast<std::size_t>(bytes));
  return out;
}

}  // namespace

bool hasRightToLeft(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    // UTF-8 lead bytes of U+0590..U+08FF (Hebrew, Arabic, Syriac...) and U+FB1D..U+FEFF (presentation forms).
    if (c >= 0xD6 && c <= 0xDF) return true;
    if (c == 0xEF) {
      auto c2 = static_cast<unsigned char>(text[i + 1]);
      if (c2 >= 0xAC && c2 <= 0xBB) return true;
    }
  }
  return false;
}

const std::string& display(std::string_view logical) {
  auto& c = cache().shaped;
  auto it = c.find(std::string(logical));
  if (it != c.end()) return it->second;
  if (c.size() > kMaxEntries) c.clear();
  std::string value = hasRightToLeft(logical) ? shape(logical) : std::string(logical);
  return c.emplace(std::string(logical), std::move(value)).first->second;
}

std::string displayUncached(std::string_view logical) {
  return hasRightToLeft(logical) ? shape(logical) : std::string(logical);
}

namespace {
// tr(key) in its display form, with "###key" after it when asked: kept per language.
const char* label(std::string_view key, bool withId) {
  auto& c = cache().keys;
  std::string k = i18n::language() + (withId ? "\x1f###" : "\x1f") + std::string(key);
  auto it = c.find(k);
  if (it == c.end()) {
    if (c.size() > kMaxEntries) c.clear();
    it = c.emplace(std::move(k), display(tr(key)) + (withId ? "###" + std::string(key) : std::string())).first;
  }
  return it->second.c_str();
}
}  // namespace

const char* L(std::string_view key) {
  return label(key, false);
}

const char* LID(std::string_view key) {
  return label(key, true);
}

void clearDisplayCache() {
  cache().shaped.clear();
  cache().keys.clear();
}

}  // namespace moussem::ui
