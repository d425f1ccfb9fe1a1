// The one way text reaches the screen: logical-order UTF-8 in, ImGui-ready UTF-8 out. Arabic is
// reordered to visual order and shaped to presentation forms with FriBidi (ImGui draws glyph by
// glyph, left to right), U+FEFF fillers left by lam-alef ligatures and bidi controls are dropped, and so
// are Arabic vowel marks (ImGui cannot place them over their letter). Phone numbers, e-mails and serials
// inside Arabic text stay left-to-right runs. Results are cached.
#pragma once
#include <string>
#include <string_view>

namespace moussem::ui {

// True if the text holds any right-to-left character (Arabic, Hebrew...).
bool hasRightToLeft(std::string_view text);
// Display form of a string: itself if it is all left-to-right, else shaped and in visual order.
const std::string& display(std::string_view logical);
// display() without the cache: for the many one-off candidates of a fit (ui::fitToWidth), which would
// otherwise crowd out the strings on screen.
std::string displayUncached(std::string_view logical);
// tr(key) in its display form.
const char* L(std::string_view key);
// tr(key) in its display form with the key as its ImGui ID ("Texte###key"): a button, a menu, a column
// keeps its identity (its state, and its place in the tests' walks) whatever the language.
const char* LID(std::string_view key);
// Drops the cache (language switch, tests).
void clearDisplayCache();

}  // namespace moussem::ui
