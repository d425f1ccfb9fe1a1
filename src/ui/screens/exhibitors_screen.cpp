#include "ui/screens/exhibitors_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_table.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

// A filter combo over a code family: "any" first, then every code with its label.
bool codeFilter(const char* id, const char* anyKey, std::string_view family, std::span<const std::string_view> codes,
                std::string& value, float width, const char* extraCode = nullptr, const char* extraKey = nullptr) {
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

}  // namespace

ExhibitorsScreen::ExhibitorsScreen(std::shared_ptr<DeskSession> session)
    : session_(std::move(session)), model_(*session_) {
  actions_.add({"exhibitors.new",
                "table.action.new",
                {Key::N, true},
                [this] {
                  model_.startNew();
                  fields_.focus_first = true;
                },
                {}});
  actions_.add({"exhibitors.save",
                "table.action.save",
                {Key::S, true},
                [this] { model_.save(); },
                [this] { return model_.editing(); }});
  actions_.add({"exhibitors.filter", "table.action.filter", {Key::F, true}, [this] { focus_filter_ = true; }, {}});
}

void ExhibitorsScreen::drawFilters() {
  const float w = ImGui::GetFontSize() * 10;
  bool changed = false;
  // "New" first, then the filters: a row that wraps rather than cutting its last items.
  FlowRow row;
  const std::string newLabel = tr("table.action.new") + "  (Ctrl+N)";
  row.before(FlowRow::buttonWidth(newLabel));
  if (ImGui::Button((display(newLabel) + "###new").c_str())) {
    model_.startNew();
    fields_.focus_first = true;
  }
  row.before(w * 1.3f);
  changed |= codeFilter("##f-region", "table.any_region", "region", codes::regions(), model_.region, w * 1.3f);
  row.before(w);
  changed |= codeFilter("##f-sector", "table.any_sector", "sector", codes::sectors(), model_.sector, w);
  row.before(w);
  changed |= codeFilter("##f-program", "table.any_program", "program", codes::programs(), model_.program, w);
  row.before(w);
  changed |= codeFilter("##f-booth", "table.any_booth", "booth_status", codes::boothStatuses(), model_.booth_status, w,
                        ExhibitorsModel::kNoBooth, "exhibitors.no_booth");
  row.before(w * 1.4f);
  if (focus_filter_) {
    ImGui::SetKeyboardFocusHere();
    focus_filter_ = false;
  }
  ImGui::SetNextItemWidth(w * 1.4f);
  if (InputTextShaped("##f-text", &model_.text, 0, L("table.search_hint"), PreviewPlacement::Floating)) changed = true;
  const std::string count = tr("table.count", {std::to_string(model_.shown()), std::to_string(model_.total())});
  row.before(ImGui::CalcTextSize(display(count).c_str()).x);
  TextColored(theme::kNote, count);
  if (changed) model_.filtersChanged();
}

void ExhibitorsScreen::draw() {
  model_.poll();
  drawFilters();
  // Widths in font-size units (see the participants table); the station's own layout when it has one.
  if (columns_language_ != i18n::language()) {
    columns_language_ = i18n::language();
    columns_ = {
        {"exhibitors.field.name_fr", 17, ExhibitorsModel::NameFr, true},
        {"exhibitors.field.name_ar", 13, ExhibitorsModel::NameAr},
        {"exhibitors.field.kind", 8, ExhibitorsModel::Kind, false, codeLabels("kind", codes::kinds())},
        {"exhibitors.field.sector", 11, ExhibitorsModel::Sector},
        {"exhibitors.field.region", 13, ExhibitorsModel::Region},
        {"exhibitors.field.city", 8, ExhibitorsModel::City},
        {"exhibitors.field.program", 7, ExhibitorsModel::Program, false, codeLabels("program", codes::programs())},
        {"exhibitors.field.phone", 10, ExhibitorsModel::Phone},
        {"exhibitors.field.email", 15, ExhibitorsModel::Email},
        {"exhibitors.column.booth", 6, ExhibitorsModel::Booth},
        {"exhibitors.column.area", 4, ExhibitorsModel::Area}};
  }
  const std::vector<TableColumn>& columns = columns_;
  if (!layout_loaded_) {
    memory_ = stationTableMemory(session_->store(), "exhibitors");
    layout_loaded_ = true;
  }
  RecordTableSource source;
  source.rows = model_.shown();
  source.idAt = [this](std::size_t r) { return model_.idAt(r); };
  source.cell = [this](std::size_t r, int c) { return model_.cell(r, c); };
  source.sort = [this](int c, bool asc) { model_.sortBy(c, asc); };

  const float avail = ImGui::GetContentRegionAvail().x;
  const float editorW = model_.editing() ? std::max(ImGui::GetFontSize() * 26, avail * 0.38f) : 0.0f;
  auto table = [&] {
    if (Id clicked = RecordTable("exhibitors", columns, source, model_.selected(),
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

  if (open_confirm_) {
    ImGui::OpenPopup("###exhibitors-delete");
    open_confirm_ = false;
  }
  if (ImGui::BeginPopupModal((display(tr("table.delete.title")) + "###exhibitors-delete").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    Text(tr("exhibitors.delete.text", {model_.form.draft.name_fr}));
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

void ExhibitorsScreen::drawEditor() {
  ExhibitorForm& form = model_.form;
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(form.draft.id == 0 ? tr("exhibitors.new") : form.draft.name_fr);
  if (fonts().bold) ImGui::PopFont();
  if (const Duplicate* d = DuplicateWarning(form.duplicates())) {
    if (d->kind == SearchIndex::Kind::Exhibitor) model_.select(d->id);
    return;
  }
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("fields",
                    ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - buttonsH, ImGui::GetFontSize() * 8)));
  const bool enter = ExhibitorFields(form, model_.choices(), fields_);
  if (form.draft.id != 0) drawStaff();
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

void ExhibitorsScreen::drawStaff() {
  ExhibitorForm& form = model_.form;
  ImGui::Separator();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(trn("desk.staff", static_cast<long long>(form.staff().size())));
  if (fonts().bold) ImGui::PopFont();
  for (const auto& p : std::vector<Person>(form.staff())) {
    ImGui::PushID(static_cast<int>(p.id));
    if (ImGui::SmallButton(LID("exhibitors.staff.remove"))) form.removeStaff(p.id);
    ImGui::SameLine();
    Text(names::sentence(p) + (p.position.empty() ? "" : "  ·  " + p.position));
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (InputTextShaped("##staff-find", &staff_query_, 0, L("exhibitors.staff.find"))) model_.setStaffQuery(staff_query_);
  for (const auto& p : std::vector<Person>(model_.staffCandidates())) {
    ImGui::PushID(static_cast<int>(p.id) + 1'000'000);
    if (ImGui::SmallButton(LID("exhibitors.staff.add"))) {
      form.addStaff(p.id);
      staff_query_.clear();
      model_.setStaffQuery("");
      ImGui::PopID();
      break;
    }
    ImGui::SameLine();
    Text(names::sentence(p) + (p.organization.empty() ? "" : "  ·  " + p.organization));
    ImGui::PopID();
  }
}

}  // namespace moussem::ui
