#include "ui/widgets/record_table.hpp"

#include "core/i18n.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

Id RecordTable(const char* id, const std::vector<TableColumn>& columns, const RecordTableSource& source, Id selected,
               ImVec2 size) {
  Id clicked = 0;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchProp;
  const int n = static_cast<int>(columns.size());
  if (!ImGui::BeginTable(id, n, flags, size)) return 0;
  const bool rtl = isRtlLayout();
  auto at = [&](int i) -> const TableColumn& { return columns[static_cast<std::size_t>(rtl ? n - 1 - i : i)]; };
  for (int i = 0; i < n; ++i) {
    const TableColumn& c = at(i);
    ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthStretch;
    if (c.sort_default) cf |= ImGuiTableColumnFlags_DefaultSort;
    ImGui::TableSetupColumn((display(tr(c.label_key)) + "###" + c.label_key).c_str(), cf, c.weight,
                            static_cast<ImGuiID>(c.model_column));
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  TableHeaders();
  // Sort only when the user changed the order (or on the first frame): never per frame.
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0 && source.sort)
      source.sort(static_cast<int>(specs->Specs[0].ColumnUserID), specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(source.rows));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const auto row = static_cast<std::size_t>(r);
      const Id rowId = source.idAt(row);
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(rowId));
      for (int i = 0; i < n; ++i) {
        ImGui::TableSetColumnIndex(i);
        if (i == 0) {
          // One selectable spanning the row: click or Enter/Space when the keyboard is on it.
          if (ImGui::Selectable("##row", rowId == selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            clicked = rowId;
          ImGui::SameLine(0, 0);
        }
        // Cut at its reading end when the column is too narrow (an Arabic name keeps its beginning).
        TextAligned(source.cell(row, at(i).model_column), rtl ? 1.0f : 0.0f);
      }
      ImGui::PopID();
    }
  ImGui::EndTable();
  return clicked;
}

}  // namespace moussem::ui
