#include "ui/widgets/record_table.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

// One cell's text: whole when it fits, else cut at its reading end (an Arabic name keeps its
// beginning) and whole in a tooltip while the mouse is on it (TextAligned); the report notes the cut.
void cellText(const std::string& text, bool rtl, int column, TableReport* report) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool cut = avail > 0 && ImGui::CalcTextSize(display(text).c_str()).x > avail;
  TextAligned(text, rtl ? 1.0f : 0.0f);
  if (!cut || !report) return;
  report->cut_columns.push_back(column);
  if (ImGui::IsWindowHovered() &&
      ImGui::IsMouseHoveringRect(at, ImVec2(at.x + avail, at.y + ImGui::GetTextLineHeight())))
    report->tooltip = text;
}

}  // namespace

std::vector<std::string> codeLabels(std::string_view family, std::span<const std::string_view> codes) {
  std::vector<std::string> out;
  for (auto code : codes) out.push_back(i18n::label(family, code));
  return out;
}

Id RecordTable(const char* id, const std::vector<TableColumn>& columns, const RecordTableSource& source, Id selected,
               ImVec2 size, TableMemory* memory, TableReport* report) {
  Id clicked = 0;
  if (report) *report = {};
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                          ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (memory) flags |= ImGuiTableFlags_NoSavedSettings;  // the station's layout is the one kept
  const int n = static_cast<int>(columns.size());
  if (!ImGui::BeginTable(id, n, flags, size)) return 0;
  const bool rtl = isRtlLayout();
  const float em = ImGui::GetFontSize();
  auto at = [&](int i) -> const TableColumn& { return columns[static_cast<std::size_t>(rtl ? n - 1 - i : i)]; };
  for (int i = 0; i < n; ++i) {
    const TableColumn& c = at(i);
    ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
    if (c.sort_default) cf |= ImGuiTableColumnFlags_DefaultSort;
    float width = c.width;
    if (!c.values.empty() && (!memory || !memory->started))  // read once: the width is set on the first frame
      for (const std::string& v : c.values)
        width = std::max(width, (ImGui::CalcTextSize(display(v).c_str()).x + ImGui::GetStyle().CellPadding.x * 2) / em);
    if (memory)
      if (const ColumnLayout* kept = memory->saved.find(c.label_key)) {
        width = kept->width;
        if (!kept->visible) cf |= ImGuiTableColumnFlags_DefaultHide;
      }
    ImGui::TableSetupColumn((display(tr(c.label_key)) + "###" + c.label_key).c_str(), cf, width * em,
                            static_cast<ImGuiID>(c.model_column));
  }
  // The name column stays while the rest scrolls sideways. ImGui freezes only columns on the left: in
  // right-to-left tables the name is the last column, on the right, so nothing is frozen there and the
  // table starts scrolled to its right end, where an Arabic reader starts (else the name is out of view).
  ImGui::TableSetupScrollFreeze(rtl ? 0 : 1, 1);
  TableHeaders();
  {
    ImGuiStorage* state = ImGui::GetStateStorage();  // the table's scrolling window's
    const ImGuiID side = ImGui::GetID("##reading-start");
    const int now = rtl ? 2 : 1;
    if (state->GetInt(side, 0) != now) {
      if (!rtl) {
        ImGui::SetScrollX(0);
        state->SetInt(side, now);
      } else if (ImGui::GetScrollMaxX() > 0) {  // known once the columns were laid out
        ImGui::SetScrollX(ImGui::GetScrollMaxX());
        state->SetInt(side, now);
      }
    }
  }
  if (memory) {
    // What the operator did to the columns: kept once the mouse is released (not at every pixel of a drag).
    TableLayout now;
    ImGuiTable* table = ImGui::GetCurrentTable();
    for (int i = 0; i < n; ++i) {
      const ImGuiTableColumn& col = table->Columns[i];
      const float w = col.WidthRequest > 0 ? col.WidthRequest : col.WidthGiven;
      now.columns.push_back({at(i).label_key, std::round(w / em * 10) / 10, col.IsUserEnabled});
    }
    if (!memory->started) {
      memory->started = true;
      memory->current = now;
    } else if (now.serialize() != memory->current.serialize() && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      memory->current = now;
      if (memory->save) memory->save(now);
    }
  }
  // Sort only when the user changed the order (or on the first frame): never per frame.
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0 && source.sort)
      source.sort(static_cast<int>(specs->Specs[0].ColumnUserID),
                  specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
    specs->SpecsDirty = false;
  }
  int first = 0;  // the row's selectable goes in the first column shown
  while (first < n - 1 && !(ImGui::TableGetColumnFlags(first) & ImGuiTableColumnFlags_IsEnabled)) ++first;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(source.rows));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const auto row = static_cast<std::size_t>(r);
      const Id rowId = source.idAt(row);
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(rowId));
      for (int i = 0; i < n; ++i) {
        if (!ImGui::TableSetColumnIndex(i) && i != first) continue;  // a column out of view or hidden
        if (i == first) {
          // One selectable spanning the row: click or Enter/Space when the keyboard is on it.
          if (ImGui::Selectable("##row", rowId == selected,
                                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            clicked = rowId;
          ImGui::SameLine(0, 0);
        }
        cellText(source.cell(row, at(i).model_column), rtl, at(i).model_column, report);
      }
      ImGui::PopID();
    }
  ImGui::EndTable();
  return clicked;
}

}  // namespace moussem::ui
