// Small widgets shared by screens. Every one of them shows text through ui::display(), so Arabic
// data and Arabic labels are shaped and ordered wherever they appear.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/style.hpp"

namespace moussem::ui {

// Text that may hold Arabic; aligned to the start of the line in the reading direction. Text longer than
// the room left on its line (a table cell, a narrow pane) is cut at its own reading end with "…" — an
// Arabic name keeps its beginning on the right, a French one on the left, whatever the interface's
// language — and shows whole in a tooltip; it still counts its whole width for windows and columns that
// size themselves to their content.
void Text(std::string_view text);
void TextAligned(std::string_view text, float align);  // 0 left, 0.5 centre, 1 right, within the available width
void TextColored(const ImVec4& colour, std::string_view text);
// Text that may be longer than the line: broken at spaces in logical order, each line shaped on its own
// and aligned like Text() (wrapping shaped visual text instead would put an Arabic sentence's end first).
// A line break in the text starts a new paragraph.
void TextWrapped(std::string_view text);
// The lines TextWrapped draws for a width, in logical order (for tests).
std::vector<std::string> wrapLogical(std::string_view text, float width);
bool isRtlLayout();  // the interface language reads right to left
// A multi-line value (an exhibitor's products) in one table cell: each line break shown as " ↵ ".
std::string oneLine(std::string_view text);

// Parts of a line joined by a separator (" · "), each shaped on its own and laid out in reading order
// (from the right edge in right-to-left layouts): "12 m²" stays the first thing an Arabic reader meets
// instead of being pushed to the end of a left-to-right paragraph by its Latin unit. A part that does
// not fit is cut at its own reading end (a French organisation in the Arabic interface keeps its
// beginning) and the parts after it are left out.
void Segments(const ImVec4& colour, const std::vector<std::string>& parts, const char* separator = "  ·  ");

// A row of buttons in reading order: from the left edge rightwards, or in right-to-left layouts from the
// right edge leftwards (the first button on the right). Labels are logical text; IDs are "###id", the same
// in every language. Returns the index of the button pressed, or -1.
struct RowButton {
  std::string label;
  std::string id;
  bool enabled = true;
};
int ButtonRow(const std::vector<RowButton>& buttons);

// A line of mixed items — labels, fields, buttons, check boxes, a table's filters — in reading order:
// from the left edge rightwards, or in right-to-left layouts from the right edge leftwards (the first item
// on the right). Each item says how wide it is and draws itself at the cursor. Items that do not fit go on
// to the next line (a label never stays at the end of a line without the item it names: keepWithNext).
// Text() followed by SameLine() cannot do this: in right-to-left layouts Text() ends at the right edge,
// and what follows it lands past the window's edge, out of sight.
struct LineItem {
  float width = 0;
  std::function<void()> draw;
  bool keepWithNext = false;
};
LineItem LineLabel(std::string text);  // logical text, aligned with the frames beside it
LineItem LineLabel(std::string text, const ImVec4& colour);
float ButtonWidth(std::string_view label);    // a button's width for its logical label
float CheckboxWidth(std::string_view label);  // a check box with its label (CheckboxLabelled)
void ReadingLine(const std::vector<LineItem>& items);

// The menu bar's menus in reading order. In left-to-right layouts they are ImGui's menus. In
// right-to-left layouts ImGui would still start them on the left and open each to the right of its
// title's left edge: here they start at the right edge, go leftwards, and each opens with its right
// edge under its title's. Labels are display text with a stable ID ("Texte###id", see LID()).
class MenuBarMenus {
 public:
  MenuBarMenus();                 // right after ImGui::BeginMenuBar()
  bool begin(const char* label);  // true: the menu is open; its entries, then end()
  void end();

 private:
  bool rtl_ = false;
  float right_ = 0;  // window coordinates: where the next title ends (right-to-left)
};
// A menu entry: its label on the reading side, its shortcut on the other, a check mark when selected
// (ImGui's MenuItem in left-to-right layouts). Returns true when chosen; the menu then closes.
bool MenuEntry(const char* label, const char* shortcut = nullptr, bool selected = false, bool enabled = true);

// ImGui::TableHeadersRow(), with each header's label at the reading side of its column: ImGui always
// puts it on the left, which in right-to-left tables leaves it away from the right-aligned cells. A label
// wider than its column ends with "…" and shows whole in a tooltip. Same header IDs (sorting, resizing)
// as TableHeadersRow.
void TableHeaders();
// ImGui::BeginCombo with the chosen value given as logical text: shaped, and in right-to-left layouts set
// against the right edge with the arrow on the left, as an Arabic form has it.
bool BeginComboShaped(const char* label, std::string_view preview, ImGuiComboFlags flags = 0);
// Logical text in its display form, cut to `width` (current font) with "…" at its reading end: the
// end of the text as it reads, on the left of a right-to-left text, on the right of a left-to-right
// one, whatever the interface's direction. Whole when it fits.
std::string fitToWidth(std::string_view logical, float width);
// The same for visual (already shaped) text, such as ImGui labels: cut on the left when rtl (the text
// reads right to left), on the right otherwise. Prefer fitToWidth where the logical text is at hand.
std::string ellipsized(const std::string& visual, float width, bool rtl);

struct Bar {
  std::string label;  // logical text
  long long value = 0;
  ImVec4 colour = theme::kChartBlue;
};
// Horizontal bar chart: label, bar proportional to the largest value, value at its end. Mirrored in
// right-to-left layouts (labels on the right, bars growing leftwards).
void BarChart(const char* id, const std::vector<Bar>& bars, float labelWidth);

// Vertical columns (e.g. entries per hour): one per value, its label under it, its value above it,
// scaled to the largest; mirrored in right-to-left layouts.
void ColumnChart(const char* id, const std::vector<Bar>& columns, float height);

// A card: title and a big number, in a framed child region of the given size.
void FigureCard(const char* id, std::string_view title, const std::string& value, const ImVec2& size,
                const ImVec4& accent);

}  // namespace moussem::ui
