// The one fonts module: DejaVu Sans with Noto Sans Arabic merged in (Arabic at ~1.8x the Latin pixel
// size: its metrics are taller), in three sizes derived from one base size and the display's scale.
#pragma once
#include <string>

struct ImFont;
struct ImGuiIO;

namespace moussem::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
  ImFont* huge = nullptr;  // gate verdicts, big numbers
  float scale = 1.0f;
};

// Adds the fonts to io.Fonts (the caller builds the atlas). Throws Error(NotFound) naming a missing file.
Fonts loadFonts(ImGuiIO& io, float scale);

// The fonts in use, for screens (set by the shell).
const Fonts& fonts();
void setFonts(const Fonts& f);

}  // namespace moussem::ui
