#include "ui/fonts.hpp"

#include <imgui.h>

#include <filesystem>

#include "core/error.hpp"

namespace moussem::ui {

namespace {
Fonts g_fonts;

constexpr const char* kLatin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kLatinBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr const char* kArabic = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
constexpr const char* kArabicBold = "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf";

const ImWchar* latinRanges() {
  static const ImWchar ranges[] = {0x0020, 0x00FF,  // Basic Latin, Latin-1
                                   0x0100, 0x024F,  // Latin Extended-A/B (Turkish, Polish, Vietnamese...)
                                   0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis
                                   0x20AC, 0x20AC,  // euro
                                   0x2190, 0x21FF,  // arrows
                                   0x2713, 0x2717,  // check marks
                                   0x25A0, 0x25FF,  // shapes
                                   0};
  return ranges;
}

// The letters and the contextual forms FriBidi shapes them into (Presentation Forms-B, and A's forms of
// Persian and Urdu letters up to U+FBFF), and the word ligatures a name may be typed with (ﷲ U+FDF2...).
// Not A's ~440 other ligatures (U+FC00-U+FDEF): shaping never produces them, and at four sizes they
// took a quarter of the glyph atlas.
const ImWchar* arabicRanges() {
  static const ImWchar ranges[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFBFF, 0xFDF0, 0xFDFF, 0xFE70, 0xFEFF, 0};
  return ranges;
}

// oversample: horizontal oversampling, for sharp small text placed at fractional positions; large text
// does not need it (and it doubles a glyph's room in the atlas).
ImFont* addMerged(ImGuiIO& io, const char* latin, const char* arabic, float px, int oversample) {
  for (const char* f : {latin, arabic})
    if (!std::filesystem::exists(f))
      throw Error(ErrorKind::NotFound, std::string("font file missing: ") + f + " (run tools/setup)");
  ImFontConfig cfg;
  cfg.OversampleH = oversample;
  ImFont* font = io.Fonts->AddFontFromFileTTF(latin, px, &cfg, latinRanges());
  ImFontConfig merge;
  merge.MergeMode = true;
  merge.OversampleH = oversample;
  io.Fonts->AddFontFromFileTTF(arabic, px * 1.8f, &merge, arabicRanges());
  return font;
}
}  // namespace

Fonts loadFonts(ImGuiIO& io, float scale) {
  Fonts f;
  f.scale = scale;
  const float base = 17.0f * scale;
  f.body = addMerged(io, kLatin, kArabic, base, 2);
  f.bold = addMerged(io, kLatinBold, kArabicBold, base, 2);
  f.heading = addMerged(io, kLatinBold, kArabicBold, base * 1.45f, 1);
  f.huge = addMerged(io, kLatinBold, kArabicBold, base * 2.6f, 1);
  io.FontDefault = f.body;
  return f;
}

const Fonts& fonts() {
  return g_fonts;
}
void setFonts(const Fonts& f) {
  g_fonts = f;
}

}  // namespace moussem::ui
