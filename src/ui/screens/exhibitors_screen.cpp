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
  std::string shown = value.empty() ? tr(anyKey) : (extraCode && value == extraCode) ? tr(extraKey) : i18n::label(family, value);
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
  actions_.add({"exhibitors.new", "table.action.new", {Key::N, true}, [this] {
                  model_.startNew();
                  fields_.focus_first = true;
                }, {}});
  actions_.add({"exhibitors.save", "table.action.save", {Key::S, true}, [this] { model_.save(); },
                [this] { return model_.editing(); }});
  actions_.add({"exhibitors.filter", "table.action.filter", {Key::F, true}, [this] { focus_filter_ = true; }, {}});
}

void ExhibitorsScreen::drawFilters() {
  const float w = ImGui::GetFontSize() * 10;
  bool changed = false;
  changed |= codeFilter("##f-region", "table.any_region", "region", codes::regions(), model_.region, w * 1.3f);
  ImGui::SameLine();
  changed |= codeFilter("##f-sector", "table.any_sector", "sector", codes::sectors(), model_.sector, w);
  ImGui::SameLine();
  changed |= codeFilter("##f-program", "table.any_program", "program", codes::programs(), model_.program, w);
  ImGui::SameLine();
  changed |= codeFilter("##f-booth", "table.any_booth", "booth_status", codes::boothStatuses(), model_.booth_status, w,
                        ExhibitorsModel::kNoBooth, "exhibitors.no_booth");
  ImGui::SameLine();
  if (focus_filter_) {
    ImGui::SetKeyboardFocusHere();
    focus_filter_ = false;
  }
  ImGui::SetNextItemWidth(w * 1.4f);
  if (InputTextShaped("##f-text", &model_.text, 0, L("table.search_hint"), PreviewPlacement::Floating)) changed = true;
  ImGui::SameLine();
  if (ImGui::Button((display(tr("table.action.new")) + "  (Ctrl+N)###new").c_str())) {
    model_.startNew();
    fields_.focus_first = true;
  }
  ImGui::SameLine();
  TextColored(ImVec4(0.40f, 0.43f, 0.50f, 1), tr("table.count", {std::to_string(model_.shown()), std::to_string(model_.total())}));
  if (changed) model_.filtersChanged();
}

void ExhibitorsScreen::draw() {
  model_.poll();
  drawFilters();
  const std::vector<TableColumn> columns{
      {"exhibitors.field.name_fr", 1.8f, ExhibitorsModel::NameFr, true},
      {"exhibitors.field.name_ar", 1.5f, ExhibitorsModel::NameAr},
      {"exhibitors.field.kind", 0.9f, ExhibitorsModel::Kind},
      {"exhibitors.field.sector", 1.1f, ExhibitorsModel::Sector},
      {"exhibitors.field.region", 1.4f, ExhibitorsModel::Region},
      {"exhibitors.field.city", 0.9f, ExhibitorsModel::City},
      {"exhibitors.field.program", 0.8f, ExhibitorsModel::Program},
      {"exhibitors.field.phone", 1.1f, ExhibitorsModel::Phone},
      {"exhibitors.field.email", 1.5f, ExhibitorsModel::Email},
      {"exhibitors.column.booth", 0.9f, ExhibitorsModel::Booth},
      {"exhibitors.column.area", 0.5f, ExhibitorsModel::Area}};
  RecordTableSource source;
  source.rows = model_.shown();
  source.idAt = [this](std::size_t r) { return model_.idAt(r); };
  source.cell = [this](std::size_t r, int c) { return model_.cell(r, c); };
  source.sort = [this](int c, bool asc) { model_.sortBy(c, asc); };

  const float avail = ImGui::GetContentRegionAvail().x;
  const float editorW = model_.editing() ? std::max(ImGui::GetFontSize() * 26, avail * 0.38f) : 0.0f;
  auto table = [&] {
    if (Id clicked = RecordTable("exhibitors", columns, source, model_.selected(),
                                 ImVec2(avail - editorW - (editorW > 0 ? ImGui::GetStyle().ItemSpacing.x : 0), 0)))
      model_.select(clicked);
  };
  auto editor = [&] {
    ImGui::BeginChild("editor", ImVec2(editorW, 0), true);
    drawEditor();
    ImGui::EndChild();
  };
  if (!model_.editing()) table();
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
  ImGui::BeginChild("fields", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - buttonsH, ImGui::GetFontSize() * 8)));
  const bool enter = ExhibitorFields(form, model_.choices(), fields_);
  if (form.draft.id != 0) drawStaff();
  ImGui::EndChild();
  if (!form.message().empty()) TextColored(form.valid() ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1), form.message());
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
