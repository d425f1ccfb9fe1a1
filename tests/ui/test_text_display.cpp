#include <catch2/catch.hpp>

#include "core/i18n.hpp"
#include "headless.hpp"
#include "ui/text_display.hpp"

using namespace moussem;

namespace {
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}
}  // namespace

TEST_CASE("Latin text is shown as it is") {
  CHECK(ui::display("Coopérative Tifawin") == "Coopérative Tifawin");
  CHECK_FALSE(ui::hasRightToLeft("Zoë Ñúñez"));
  CHECK(ui::hasRightToLeft("محمد"));
}

TEST_CASE("Arabic is shaped to presentation forms in visual order") {
  // محمد: meem initial, hah medial, meem medial, dal final; shown right to left, so reversed.
  std::u32string shown = decode(ui::display("محمد"));
  REQUIRE(shown.size() == 4);
  CHECK(shown == U"\uFEAA\uFEE4\uFEA4\uFEE3");
}

TEST_CASE("a lam-alef ligature leaves no U+FEFF filler behind") {
  std::u32string shown = decode(ui::display("السلام"));
  CHECK(shown.find(U'\uFEFF') == std::u32string::npos);
  CHECK(shown.find(U'\uFEFC') != std::u32string::npos);  // lam-alef, final form
  std::u32string la = decode(ui::display("لا"));
  CHECK(la == U"\uFEFB");
}

TEST_CASE("numbers and Latin inside Arabic keep their own order") {
  std::string shown = ui::display("الرواق B-12");
  CHECK(shown.find("B-12") != std::string::npos);
}

TEST_CASE("every character of every catalog string, in every language, is in the font atlas") {
  test::HeadlessUi ui;
  ImFont* font = ui.font();
  for (const std::string& lang : i18n::languages()) {
    i18n::setLanguage(lang);
    for (const auto& key : i18n::keys(lang)) {
      std::u32string shown = decode(ui::display(i18n::lookupIn(lang, key)));
      for (char32_t c : shown) {
        if (c == '\n' || c > 0xFFFF) continue;
        INFO(lang << " " << key << " U+" << std::hex << static_cast<unsigned>(c));
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
      }
    }
  }
  i18n::setLanguage("fr");
}
