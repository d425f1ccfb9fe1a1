// Text in the PDFs Moussem writes (right-of-access export, exhibitor directory, report, plan): one
// Pango layout per string, drawn so that a text extractor (poppler's pdftotext, a viewer's copy and
// search) gives back the stored text. Three things make that hold:
// - glyph positions are not hinted nor rounded to whole points (a rounded advance looks like a word
//   gap to an extractor and splits Arabic words);
// - Arabic is set in Noto Sans Arabic (DejaVu Sans's Arabic glyphs overlap in ways extractors read as
//   spaces), the rest in DejaVu Sans;
// - each shaped run goes to cairo with its text clusters, and in right-to-left runs a glyph that stands
//   for several characters (the lam-alef ligature) carries them in visual order, the order poppler reads
//   inside one glyph, so "الاتحاد" does not come back as "االتحاد".
// Works on any cairo surface (PDF, PNG). No file handling here.
#pragma once
#include <pango/pangocairo.h>

#include <string_view>

namespace moussem::pdf {

// A layout for cr with the font options above; the caller owns it (g_object_unref).
PangoLayout* createLayout(cairo_t* cr);
// Sets the text and the Arabic font on its Arabic ranges (replaces pango_layout_set_text).
void setText(PangoLayout* layout, std::string_view text);
// Draws the layout at the current point (replaces pango_cairo_show_layout).
void showLayout(cairo_t* cr, PangoLayout* layout);

}  // namespace moussem::pdf
