// Small widgets shared by screens. Every one of them shows text through ui::display(), so Arabic
// data and Arabic labels are shaped and ordered wherever they appear.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace moussem::ui {

// Text that may hold Arabic; aligned to the start of the line in the reading direction.
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

// A row of buttons in reading order: from the left edge rightwards, or in right-to-left layouts from the
// right edge leftwards (the first button on the right). Labels are logical text; IDs are "###id", the same
// in every language. Returns the index of the button pressed, or -1.
struct RowButton {
  std::string label;
  std::string id;
  bool enabled = true;
};
int ButtonRow(const std::vector<RowButton>& buttons);

// Items side by side that wrap to the next line before one would be cut (filters, check boxes): call
// before(width) before each item, with the width it will take.
class FlowRow {
 public:
  FlowRow();
  void before(float width);
  static float checkboxWidth(std::string_view label);  // a check box with its label
  static float buttonWidth(std::string_view label);

 private:
  float start_, right_;
  int count_ = 0;
};

// ImGui::TableHeadersRow(), with each header's label at the reading side of its column: ImGui always
// puts it on the left, which in right-to-left tables leaves it away from the right-aligned cells. A label
// wider than its column ends with "…" and shows whole in a tooltip. Same header IDs (sorting, resizing)
// as TableHeadersRow.
void TableHeaders();
// ImGui::BeginCombo with the chosen value given as logical text: shaped, and in right-to-left layouts set
// against the right edge with the arrow on the left, as an Arabic form has it.
bool BeginComboShaped(const char* label, std::string_view preview, ImGuiComboFlags flags = 0);
// Visual (already shaped) text cut to `width` with "…" at its reading end: on the left when rtl.
std::string ellipsized(const std::string& visual, float width, bool rtl);

ImVec4 colourFromHex(std::string_view hex, float alpha = 1.0f);

struct Bar {
  std::string label;   // logical text
  long long value = 0;
  ImVec4 colour{0.2f, 0.45f, 0.7f, 1.0f};
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
