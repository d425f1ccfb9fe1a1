#include "ui/screens/record_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/exhibitors_model.hpp"
#include "ui/screens/participants_model.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"

namespace moussem::ui {

bool CodeFilter(const char* id, const char* anyKey, std::string_view family, std::span<const std::string_view> codes,
                std::string& value, float width, const char* extraCode, const char* extraKey) {
  bool changed = false;
  std::string shown = value.empty()                       ? tr(anyKey)
                      : (extraCode && value == extraCode) ? tr(extraKey)
                                                          : i18n::label(family, value);
  ImGui::SetNextItemWidth(width);
  if (BeginComboShaped(id, shown, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(display(tr(anyKey)).c_str(), value.empty())) {
      value.clear();
      changed = true;
    }
    if (extraCode && ImGui::Selectable((display(tr(extraKey)) + "##extra").c_str(), value == extraCode)) {
      value = extraCode;
      changed = true;
    }
    for (auto code : codes)
      if (ImGui::Selectable((display(i18n::label(family, code)) + "##" + std::string(code)).c_str(), value == code)) {
        value = std::string(code);
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

template <typename Model>
RecordScreen<Model>::RecordScreen(std::shared_ptr<DeskSession> session, const RecordScreenKind& kind)
    : session_(std::move(session)), model_(*session_), kind_(kind) {
  const std::string id = kind_.id;
  actions_.add({id + ".new",
                "table.action.new",
                {Key::N, true},
                [this] {
                  model_.startNew();
                  fields_.focus_first = true;
                },
                {}});
  actions_.add({id + ".save",
                "table.action.save",
                {Key::S, true},
                [this] { model_.save(); },
                [this] { return model_.editing(); }});
  actions_.add({id + ".filter", "table.action.filter", {Key::F, true}, [this] { focus_filter_ = true; }, {}});
}

template <typename Model>
void RecordScreen<Model>::drawFilters() {
  bool changed = false;
  const float w = ImGui::GetFontSize() * kind_.filter_width;
  // "New" first, then the filters, the search and the count, in reading order: a line that wraps rather
  // than cutting its last items.
  std::vector<LineItem> items;
  const std::string newLabel = tr("table.action.new") + "  (Ctrl+N)";
  items.push_back({ButtonWidth(newLabel), [&] {
                     if (ImGui::Button((display(newLabel) + "###new").c_str())) {
                       model_.startNew();
                       fields_.focus_first = true;
                     }
                   }});
  filters(items, w, changed);
  const float searchW = std::floor(w * kind_.search_share);  // ImGui sizes a field in whole pixels
  items.push_back(
      {searchW, [&] {
         if (focus_filter_) {
           ImGui::SetKeyboardFocusHere();
           focus_filter_ = false;
         }
         ImGui::SetNextItemWidth(searchW);
         if (InputTextShaped("##f-text", &model_.text, 0, L("table.search_hint"), PreviewPlacement::Floating))
           changed = true;
       }});
  // The participants' rows are ordered on a worker: the last ones stay on show meanwhile.
  items.push_back(LineLabel(model_.loading()
                                ? tr("table.loading")
                                : tr("table.count", {std::to_string(model_.shown()), std::to_string(model_.total())}),
                            theme::kNote));
  ReadingLine(items);
  if (changed) model_.filtersChanged();
}

template <typename Model>
void RecordScreen<Model>::draw() {
  model_.poll();
  drawFilters();
  if (columns_language_ != i18n::language()) {
    columns_language_ = i18n::language();
    columns_ = columns();
  }
  if (!layout_loaded_) {
    memory_ = stationTableMemory(session_->store(), kind_.id);  // another station keeps its own
    layout_loaded_ = true;
  }
  RecordTableSource source;
  source.rows = model_.shown();
  source.idAt = [this](std::size_t r) { return model_.idAt(r); };
  source.cell = [this](std::size_t r, int c) { return model_.cell(r, c); };
  source.sort = [this](int c, bool asc) { model_.sortBy(c, asc); };

  const float avail = ImGui::GetContentRegionAvail().x;
  const float editorW =
      model_.editing() ? std::max(ImGui::GetFontSize() * kind_.editor_width, avail * kind_.editor_share) : 0.0f;
  auto table = [&] {
    if (Id clicked = RecordTable(kind_.id, columns_, source, model_.selected(),
                                 ImVec2(avail - editorW - (editorW > 0 ? ImGui::GetStyle().ItemSpacing.x : 0), 0),
                                 &memory_, &report_))
      model_.select(clicked);
  };
  auto editor = [&] {
    ImGui::BeginChild("editor", ImVec2(editorW, 0), true);
    drawEditor();
    ImGui::EndChild();
  };
  if (!model_.editing())
    table();
  else if (isRtlLayout()) {
    editor();
    ImGui::SameLine();
    table();
  } else {
    table();
    ImGui::SameLine();
    editor();
  }

  const std::string popup = std::string("###") + kind_.id + "-delete";
  if (open_confirm_) {
    ImGui::OpenPopup(popup.c_str());
    open_confirm_ = false;
  }
  if (ImGui::BeginPopupModal((display(tr("table.delete.title")) + popup).c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    Text(deleteQuestion());
    if (ImGui::Button(LID("table.delete.yes"))) {
      model_.remove(confirm_delete_);
      confirm_delete_ = 0;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(LID("desk.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      confirm_delete_ = 0;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

template <typename Model>
void RecordScreen<Model>::drawEditor() {
  auto& form = model_.form;
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(editorTitle());
  if (fonts().bold) ImGui::PopFont();
  if (const Duplicate* d = DuplicateWarning(form.duplicates())) {
    if (d->kind == kind_.records) model_.select(d->id);
    return;
  }
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("fields",
                    ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - buttonsH, ImGui::GetFontSize() * 8)));
  const bool enter = fields();
  ImGui::EndChild();
  if (!form.message().empty()) TextColored(form.valid() ? theme::kSuccess : theme::kError, form.message());
  if (!model_.message().empty()) Text(model_.message());
  if (ImGui::Button((display(tr("desk.save")) + "  (Ctrl+S)###save").c_str()) || enter) model_.save();
  ImGui::SameLine();
  if (form.draft.id == 0 && !form.duplicates().empty()) {
    if (ImGui::Button(LID("desk.save_anyway"))) model_.save(true);
    ImGui::SameLine();
  }
  if (form.draft.id != 0) {
    if (ImGui::Button((display(tr("table.delete")) + "###delete").c_str())) {
      confirm_delete_ = form.draft.id;
      open_confirm_ = true;
    }
    ImGui::SameLine();
  }
  if (ImGui::Button((display(tr("table.close")) + "###close").c_str())) model_.select(0);
}

template class RecordScreen<ParticipantsModel>;
template class RecordScreen<ExhibitorsModel>;

}  // namespace moussem::ui
