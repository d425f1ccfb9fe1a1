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
  FriBidiStrIndex n = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, s.data(), static_cast<FriBidiStrIndex>(s.size()),
                                                 out.data());
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string shape(std::string_view logical) {
  std::vector<FriBidiChar> in = decode(logical);
  std::vector<FriBidiChar> visual(in.size() + 1);
  FriBidiParType base = FRIBIDI_PAR_ON;
  // log2vis reorders and, with the default flags, applies Arabic joining and shaping.
  if (!fribidi_log2vis(in.data(), static_cast<FriBidiStrIndex>(in.size()), &base, visual.data(), nullptr, nullptr,
                       nullptr))
    return std::string(logical);
  std::vector<FriBidiChar> kept;
  kept.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i)
    if (visual[i] != 0xFEFF) kept.push_back(visual[i]);
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

const char* L(std::string_view key) {
  auto& c = cache().keys;
  std::string k = i18n::language() + '\x1f' + std::string(key);
  auto it = c.find(k);
  if (it == c.end()) {
    if (c.size() > kMaxEntries) c.clear();
    it = c.emplace(std::move(k), display(tr(key))).first;
  }
  return it->second.c_str();
}

void clearDisplayCache() {
  cache().shaped.clear();
  cache().keys.clear();
}

}  // namespace moussem::ui
