#include "ui/screens/participants_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/text_fold.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_table.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

ParticipantsScreen::ParticipantsScreen(std::shared_ptr<DeskSession> session)
    : session_(std::move(session)), model_(*session_) {
  actions_.add({"participants.new",
                "table.action.new",
                {Key::N, true},
                [this] {
                  model_.startNew();
                  fields_.focus_first = true;
                },
                {}});
  actions_.add({"participants.save",
                "table.action.save",
                {Key::S, true},
                [this] { model_.save(); },
                [this] { return model_.editing(); }});
  actions_.add({"participants.filter", "table.action.filter", {Key::F, true}, [this] { focus_filter_ = true; }, {}});
}

void ParticipantsScreen::drawFilters() {
  bool changed = false;
  const float w = ImGui::GetFontSize() * 11;
  const FieldChoices& choices = model_.choices();

  // "New" first, then the filters: a row that wraps rather than cutting its last items.
  FlowRow row;
  const std::string newLabel = tr("table.action.new") + "  (Ctrl+N)";
  row.before(FlowRow::buttonWidth(newLabel));
  if (ImGui::Button((display(newLabel) + "###new").c_str())) {
    model_.startNew();
    fields_.focus_first = true;
  }
  row.before(w);
  ImGui::SetNextItemWidth(w);
  const std::string cat = model_.category.empty() ? tr("table.any_category") : i18n::label("category", model_.category);
  if (BeginComboShaped("##f-category", cat, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(display(tr("table.any_category")).c_str(), model_.category.empty())) {
      model_.category.clear();
      changed = true;
    }
    for (auto code : codes::categories())
      if (ImGui::Selectable((display(i18n::label("category", code)) + "##" + std::string(code)).c_str(),
                            model_.category == code)) {
        model_.category = std::string(code);
        changed = true;
      }
    ImGui::EndCombo();
  }
  row.before(w * 1.4f);
  ImGui::SetNextItemWidth(w * 1.4f);
  std::string ex = model_.exhibitor == ParticipantsModel::kAnyExhibitor  ? tr("table.any_exhibitor")
                   : model_.exhibitor == ParticipantsModel::kNoExhibitor ? tr("people.no_exhibitor")
                                                                         : choices.exhibitorName(model_.exhibitor);
  if (BeginComboShaped("##f-exhibitor", ex, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      exhibitor_filter_.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    InputTextShaped("##exf", &exhibitor_filter_, 0, L("table.filter_hint"));
    if (ImGui::Selectable(display(tr("table.any_exhibitor")).c_str(),
                          model_.exhibitor == ParticipantsModel::kAnyExhibitor)) {
      model_.exhibitor = ParticipantsModel::kAnyExhibitor;
      changed = true;
    }
    if (ImGui::Selectable(display(tr("people.no_exhibitor")).c_str(),
                          model_.exhibitor == ParticipantsModel::kNoExhibitor)) {
      model_.exhibitor = ParticipantsModel::kNoExhibitor;
      changed = true;
    }
    const std::string folded = text::foldForSearch(exhibitor_filter_);
    for (const auto& [id, name] : choices.exhibitors) {
      if (!folded.empty() && text::foldForSearch(name).find(folded) == std::string::npos) continue;
      if (ImGui::Selectable((display(name) + "##x" + std::to_string(id)).c_str(), model_.exhibitor == id)) {
        model_.exhibitor = id;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  row.before(w);
  ImGui::SetNextItemWidth(w);
  const std::string day = model_.day.empty() ? tr("table.any_day") : dates::formatLong(model_.day, i18n::language());
  if (BeginComboShaped("##f-day", day)) {
    if (ImGui::Selectable(display(tr("table.any_day")).c_str(), model_.day.empty())) {
      model_.day.clear();
      changed = true;
    }
    for (const auto& d : choices.edition_days)
      if (ImGui::Selectable((display(dates::formatLong(d, i18n::language())) + "##" + d).c_str(), model_.day == d)) {
        model_.day = d;
        changed = true;
      }
    ImGui::EndCombo();
  }
  row.before(w * 1.5f);
  if (focus_filter_) {
    ImGui::SetKeyboardFocusHere();
    focus_filter_ = false;
  }
  ImGui::SetNextItemWidth(w * 1.5f);
  if (InputTextShaped("##f-text", &model_.text, 0, L("table.search_hint"), PreviewPlacement::Floating)) changed = true;
  const std::string count = model_.loading()  // the database orders the rows on a worker: the last ones stay on show
                                ? tr("table.loading")
                                : tr("table.count", {std::to_string(model_.shown()), std::to_string(model_.total())});
  row.before(ImGui::CalcTextSize(display(count).c_str()).x);
  TextColored(theme::kNote, count);
  if (changed) model_.filtersChanged();
}

void ParticipantsScreen::draw() {
  model_.poll();
  drawFilters();
  // Widths in font-size units: a phone number, a category, a day count whole; names mostly whole (the
  // rest on hover). Wider than the screen: the table scrolls sideways, the name column stays. Built
  // once per language.
  if (columns_language_ != i18n::language()) {
    columns_language_ = i18n::language();
    columns_ = {
        {"people.column.name", 14, ParticipantsModel::Name, true},
        {"people.field.name_ar", 11, ParticipantsModel::NameAr},
        {"people.field.organization", 15, ParticipantsModel::Organization},
        {"people.field.category", 8, ParticipantsModel::Category, false, codeLabels("category", codes::categories())},
        {"people.field.country", 4, ParticipantsModel::Country},
        {"people.field.email", 15, ParticipantsModel::Email},
        {"people.field.phone", 10, ParticipantsModel::Phone},
        {"people.column.days", 5, ParticipantsModel::Days},
        {"people.field.exhibitor", 12, ParticipantsModel::Exhibitor},
        {"people.column.badge", 8, ParticipantsModel::Badge}};
  }
  const std::vector<TableColumn>& columns = columns_;
  if (!layout_loaded_) {
    memory_ = stationTableMemory(session_->store(), "participants");  // another station keeps its own
    layout_loaded_ = true;
  }
  RecordTableSource source;
  source.rows = model_.shown();
  source.idAt = [this](std::size_t r) { return model_.idAt(r); };
  source.cell = [this](std::size_t r, int c) { return model_.cell(r, c); };
  source.sort = [this](int c, bool asc) { model_.sortBy(c, asc); };

  const float avail = ImGui::GetContentRegionAvail().x;
  const float editorW = model_.editing() ? std::max(ImGui::GetFontSize() * 24, avail * 0.36f) : 0.0f;
  const bool rtl = isRtlLayout();
  auto table = [&] {
    if (Id clicked = RecordTable("participants", columns, source, model_.selected(),
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
  else if (rtl) {
    editor();
    ImGui::SameLine();
    table();
  } else {
    table();
    ImGui::SameLine();
    editor();
  }

  if (open_confirm_) {
    ImGui::OpenPopup("###participants-delete");
    open_confirm_ = false;
  }
  if (ImGui::BeginPopupModal((display(tr("table.delete.title")) + "###participants-delete").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    Text(tr("people.delete.text", {names::sentence(model_.form.draft)}));
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

void ParticipantsScreen::drawEditor() {
  PersonForm& form = model_.form;
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(form.draft.id == 0 ? tr("people.new") : names::sentence(form.draft));
  if (fonts().bold) ImGui::PopFont();
  if (const Duplicate* d = DuplicateWarning(form.duplicates())) {
    if (d->kind == SearchIndex::Kind::Person) model_.select(d->id);
    return;
  }
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("fields",
                    ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - buttonsH, ImGui::GetFontSize() * 8)));
  const bool enter = PersonFields(form, model_.choices(), fields_);
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

}  // namespace moussem::ui
