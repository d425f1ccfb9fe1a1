// A registration table (exhibitors, participants): sortable headers, a frozen header row, only the
// visible rows drawn (ImGuiListClipper), the selected record highlighted, columns mirrored in
// right-to-left layouts. The data stays in the caller's model: the widget asks for cells of the rows
// it draws, and calls sort() only when ImGui's sort specs are dirty.
// Columns have widths that suit what they hold (a phone number whole, a name mostly), the table scrolls
// sideways rather than squeezing them; the operator resizes and hides columns (right click on a header)
// and the station remembers it (TableMemory). A value wider than its column ends with "…" and shows
// whole when the mouse rests on it.
#pragma once
#include <imgui.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "ui/widgets/table_layout.hpp"

namespace moussem::ui {

struct TableColumn {
  const char* label_key;  // also the column's stable name in the remembered layout
  float width;            // default width, in font-size units
  int model_column;       // given back to cell() and sort()
  bool sort_default = false;
  // The values the column can hold, when they are few (category labels): by default it is as wide
  // as the widest of them, so none is ever cut.
  std::vector<std::string> values = {};
};

struct RecordTableSource {
  std::size_t rows = 0;
  std::function<Id(std::size_t row)> idAt;
  std::function<std::string(std::size_t row, int column)> cell;
  std::function<void(int column, bool ascending)> sort;
};

// What the last frame showed, for tests: cells cut with "…" (by model column), the tooltip's full value.
struct TableReport {
  std::vector<int> cut_columns;
  std::string tooltip;
};

// The labels of a family of codes in the interface language (TableColumn::values).
std::vector<std::string> codeLabels(std::string_view family, std::span<const std::string_view> codes);

// Returns the id of the row the user clicked (or chose with the keyboard), 0 if none.
Id RecordTable(const char* id, const std::vector<TableColumn>& columns, const RecordTableSource& source, Id selected,
               ImVec2 size, TableMemory* memory = nullptr, TableReport* report = nullptr);

}  // namespace moussem::ui
