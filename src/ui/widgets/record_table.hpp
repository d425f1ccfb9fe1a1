// A registration table (exhibitors, participants): sortable headers, a frozen header row, only the
// visible rows drawn (ImGuiListClipper), the selected record highlighted, columns mirrored in
// right-to-left layouts. The data stays in the caller's model: the widget asks for cells of the rows
// it draws, and calls sort() only when ImGui's sort specs are dirty.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/domain.hpp"

namespace moussem::ui {

struct TableColumn {
  const char* label_key;
  float weight;      // share of the width
  int model_column;  // given back to cell() and sort()
  bool sort_default = false;
};

struct RecordTableSource {
  std::size_t rows = 0;
  std::function<Id(std::size_t row)> idAt;
  std::function<std::string(std::size_t row, int column)> cell;
  std::function<void(int column, bool ascending)> sort;
};

// Returns the id of the row the user clicked (or chose with the keyboard), 0 if none.
Id RecordTable(const char* id, const std::vector<TableColumn>& columns, const RecordTableSource& source, Id selected,
               ImVec2 size);

}  // namespace moussem::ui
