// A field that chooses one of a list by typing (a category, a country): what is typed narrows the
// choices listed under the field, Up/Down move the highlight, Enter or Tab takes the highlighted one
// (Tab also moves on), the mouse may point one and click. ImGui 1.86 reaches only text fields with
// Tab, never a combo: with this a form is filled from the keyboard alone. matchChoices() is the model,
// tested without a window.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace moussem::ui {

struct Choice {
  std::string code;   // what is stored ("press", "FR")
  std::string label;  // what is shown, logical text ("Presse", "France")
};

// The choices that match what was typed, best first: the code typed whole, labels that begin with it,
// labels with a word that begins with it, then labels or codes that contain it; case, accents and
// Arabic spelling variants ignored (text::foldForSearch). Nothing typed: every choice, in order.
std::vector<std::size_t> matchChoices(const std::vector<Choice>& choices, std::string_view typed);

// Per-field state kept by the screen (not data).
struct TypeAheadState {
  std::string text;       // what is being typed (empty: the chosen label shows)
  bool editing = false;   // typed since the field got the keyboard
  bool pointing = false;  // the mouse is over the list of choices (a click there chooses)
  int highlighted = 0;    // index into the matches
};

// Draws the field over the full available width. Returns true when `code` changed.
bool TypeAheadField(const char* id, const std::vector<Choice>& choices, std::string& code, TypeAheadState& state);

}  // namespace moussem::ui
