#include <catch2/catch.hpp>
#include <cstdio>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "headless.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

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

namespace {
// Where a character of a shown string has no glyph, as "lang key U+XXXX in font".
struct Missing {
  std::vector<std::string> lines;
  void check(ImFont* font, const char* fontName, const std::string& lang, const std::string& key,
             const std::string& shown) {
    for (char32_t c : decode(shown)) {
      if (c == '\n' || c == '\t') continue;
      if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
        lines.push_back(lang + " " + key + " " + hex + " in " + fontName + ": \"" + shown + "\"");
      }
    }
  }
};

// Arabic letters that join, left in their base form: the shaping did not run. (The hamza U+0621 never
// joins, so its base form is what is drawn; tatweel and U+063B..U+063F have no presentation forms.)
bool unshapedArabicLetter(char32_t c) {
  return c > 0x0621 && c <= 0x064A && c != 0x0640 && !(c >= 0x063B && c <= 0x063F);
}
}  // namespace

TEST_CASE("every catalog string, in every language, lays out in every font of the atlas with no glyph missing") {
  test::HeadlessUi ui;
  const ui::Fonts& f = ui::fonts();
  const std::pair<ImFont*, const char*> atlas[] = {
      {f.body, "body"}, {f.bold, "bold"}, {f.heading, "heading"}, {f.huge, "huge"}};
  for (const auto& [font, name] : atlas) REQUIRE(font != nullptr);
  Missing missing;
  std::vector<std::string> unshaped;
  std::size_t checked = 0;
  ui.frame([&] {
    for (const std::string& lang : i18n::languages()) {
      i18n::setLanguage(lang);
      ui::clearDisplayCache();
      std::vector<std::pair<std::string, std::string>> strings;
      for (const auto& key : i18n::keys(lang)) strings.emplace_back(key, i18n::lookupIn(lang, key));
      // Dates are written with month names from the code, not the catalogs.
      for (int m = 1; m <= 12; ++m) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "2026-%02d-15", m);
        strings.emplace_back(std::string("dates::formatLong ") + iso, dates::formatLong(iso, lang));
      }
      for (const auto& [key, logical] : strings) {
        // Exactly what the screens draw: the display transform (FriBidi order, presentation forms).
        const std::string& shown = ui::display(logical);
        for (char32_t c : decode(shown))
          if (unshapedArabicLetter(c)) {
            char hex[16];
            std::snprintf(hex, sizeof hex, " U+%04X", static_cast<unsigned>(c));
            unshaped.push_back(lang + " " + key + hex);
            break;
          }
        for (const auto& [font, name] : atlas) {
          missing.check(font, name, lang, key, shown);
          ImGui::PushFont(font);
          const ImVec2 size = ImGui::CalcTextSize(shown.c_str());  // laid out through the atlas
          ImGui::PopFont();
          if (!shown.empty() && shown != " " && size.x <= 0)
            missing.lines.push_back(lang + " " + key + " lays out empty in " + name);
        }
        ++checked;
      }
    }
  });
  i18n::setLanguage("fr");
  ui::clearDisplayCache();
  CHECK(checked > 2000);
  std::string report;
  for (std::size_t i = 0; i < missing.lines.size() && i < 40; ++i) report += missing.lines[i] + "\n";
  INFO("glyphs missing (" << missing.lines.size() << "):\n" << report);
  CHECK(missing.lines.empty());
  std::string notShaped;
  for (std::size_t i = 0; i < unshaped.size() && i < 40; ++i) notShaped += unshaped[i] + "\n";
  INFO("Arabic letters left unshaped:\n" << notShaped);
  CHECK(unshaped.empty());
}

TEST_CASE("a phone number, an e-mail and a serial inside an Arabic sentence read left to right") {
  // The bidi algorithm alone would move the leading "+" to the number's other end and reverse the groups.
  const std::string phone = ui::display("الهاتف: +212 6 12 34 56 78");
  CHECK(phone.find("+212 6 12 34 56 78") != std::string::npos);
  CHECK(phone.find("78+") == std::string::npos);
  CHECK(ui::display("اتصل بـ +212612345678 غدا").find("+212612345678") != std::string::npos);
  CHECK(ui::display("البريد contact@coop-nour.ma").find("contact@coop-nour.ma") != std::string::npos);
  CHECK(ui::display("الشارة B-2026-000123 v2 ملغاة").find("B-2026-000123") != std::string::npos);
  // Punctuation after a run stays in the sentence, and no control character reaches the screen.
  const std::u32string shown = decode(ui::display("الهاتف +212612345678."));
  for (char32_t c : shown) CHECK_FALSE((c >= 0x2066 && c <= 0x2069));
}

TEST_CASE("a line that starts with a serial keeps its left-to-right direction") {
  // "A-18" first, then the Arabic: still a left-to-right line, the booth on the left.
  const std::string shown = ui::display("A-18 المعرض");
  CHECK(shown.rfind("A-18", 0) == 0);
  const std::string arabicFirst = ui::display("المعرض A-18");
  CHECK(arabicFirst.rfind("A-18", 0) == 0);  // right to left: the booth, read last, is on the left
}

TEST_CASE("Arabic vowel marks are left out on screen, where they could not sit over their letter") {
  // "طُبعت مرّة": a damma and a shadda. ImGui draws glyph by glyph: shown without them, letters joined.
  const std::u32string shown = decode(ui::display("طُبعت مرّة"));
  for (char32_t c : shown) CHECK_FALSE((c >= 0x064B && c <= 0x065F));
  CHECK(shown.size() == decode(ui::display("طبعت مرة")).size());
  CHECK(ui::display("طُبعت مرّة") == ui::display("طبعت مرة"));
}

TEST_CASE("a national phone number with spaces keeps its groups in order inside Arabic") {
  CHECK(ui::display("الهاتف 06 12 34 56 78").find("06 12 34 56 78") != std::string::npos);
  // Two plain numbers in a sentence are not a phone number: each reads on its own.
  const std::string shown = ui::display("من 10 إلى 20");
  CHECK(shown.find("10") != std::string::npos);
  CHECK(shown.find("20") != std::string::npos);
}

TEST_CASE("a label too long for its place ends with an ellipsis at its reading end, whole when it fits") {
  test::HeadlessUi ui;
  ui.frame([] {
    const std::string latin = "Enregistrements du jour";
    const std::string arabic = ui::display("المسجلون في المنتدى اليوم");
    const float full = ImGui::CalcTextSize(arabic.c_str()).x;
    CHECK(ui::ellipsized(latin, 10000, false) == latin);
    CHECK(ui::ellipsized(arabic, full, true) == arabic);
    const std::string cutLatin = ui::ellipsized(latin, ImGui::CalcTextSize(latin.c_str()).x / 2, false);
    CHECK(cutLatin.rfind("Enreg", 0) == 0);                         // the start kept
    CHECK(cutLatin.substr(cutLatin.size() - 3) == "\xE2\x80\xA6");  // "…" at the end
    // Visual Arabic starts on the right: the start of the sentence is kept, "…" on the left.
    const std::string cutArabic = ui::ellipsized(arabic, full / 2, true);
    CHECK(cutArabic.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(arabic.substr(arabic.size() - (cutArabic.size() - 3)) == cutArabic.substr(3));
    CHECK(ImGui::CalcTextSize(cutArabic.c_str()).x <= full / 2);
    CHECK(ui::ellipsized(arabic, 1, true) == "\xE2\x80\xA6");
  });
}

TEST_CASE(
    "text too long for its place is cut at its own reading end, in both directions and in every interface language") {
  test::HeadlessUi ui;
  const std::string arabic = "عبد الهادي آيت لحسن";
  const std::string french = "Coopérative féminine Tafilalt des tapis";
  for (const char* lang : {"fr", "ar"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    ui.frame([&] {
      const float half = ImGui::CalcTextSize(ui::display(arabic).c_str()).x * 0.6f;
      // Arabic reads from the right: its beginning ("عبد") stays on the right, "…" goes on the left.
      const std::string cutArabic = ui::fitToWidth(arabic, half);
      CHECK(ImGui::CalcTextSize(cutArabic.c_str()).x <= half);
      CHECK(cutArabic.rfind("\xE2\x80\xA6", 0) == 0);
      const std::string& start = ui::display("عبد");
      REQUIRE(cutArabic.size() > start.size());
      CHECK(cutArabic.substr(cutArabic.size() - start.size()) == start);
      // French keeps its beginning on the left, "…" on the right, in the Arabic interface too.
      const float room = ImGui::CalcTextSize(french.c_str()).x * 0.5f;
      const std::string cutFrench = ui::fitToWidth(french, room);
      CHECK(cutFrench.rfind("Coopérative", 0) == 0);
      CHECK(cutFrench.substr(cutFrench.size() - 3) == "\xE2\x80\xA6");
      CHECK(ImGui::CalcTextSize(cutFrench.c_str()).x <= room);
      CHECK(ui::fitToWidth(french, 10000) == french);
      // Visual labels (table headers) are cut the same way, whatever the interface's direction.
      CHECK(ui::ellipsized(french, room, false).rfind("Coop", 0) == 0);
    });
  }
  i18n::setLanguage("fr");
}

TEST_CASE("a name in a column too narrow for it stays inside its column, cut at its reading end, whole in a tooltip") {
  test::HeadlessUi ui;
  const std::string arabic = "عبد الهادي آيت لحسن";
  for (const char* lang : {"fr", "ar"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    ImVec2 min, max;
    float cellRight = 0;
    bool tooltip = false;
    auto draw = [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(400, 200));
      ImGui::Begin("narrow", nullptr, ImGuiWindowFlags_NoDecoration);
      if (ImGui::BeginTable("t", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthFixed, 80);
        ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        cellRight = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        ui::Text(arabic);
        min = ImGui::GetItemRectMin();
        max = ImGui::GetItemRectMax();
        ImGui::EndTable();
      }
      ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
      tooltip = tip && tip->Active;
      ImGui::End();
    };
    ui.moveMouse(ImVec2(-100, -100));
    ui.frames(3, draw);
    CHECK(max.x <= cellRight + 0.5f);
    CHECK(max.x - min.x <= 80.5f);
    ui.moveMouse(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
    ui.frames(2, draw);
    CHECK(tooltip);
  }
  i18n::setLanguage("fr");
}
