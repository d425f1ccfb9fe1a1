#include "ui/screens/exhibitors_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"

namespace moussem::ui {

ExhibitorsScreen::ExhibitorsScreen(std::shared_ptr<DeskSession> session)
    : RecordScreen(std::move(session),
                   {"exhibitors", "nav.exhibitors", SearchIndex::Kind::Exhibitor, 10, 1.4f, 26, 0.38f}) {}

std::vector<TableColumn> ExhibitorsScreen::columns() const {
  // Widths in font-size units (see the participants table); the station's own layout when it has one.
  return {{"exhibitors.field.name_fr", 17, ExhibitorsModel::NameFr, true},
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

void ExhibitorsScreen::filters(std::vector<LineItem>& items, float w, bool& changed) {
  auto filter = [&](float width, const char* id, const char* anyKey, std::string_view family,
                    std::span<const std::string_view> codes, std::string& value, const char* extraCode = nullptr,
                    const char* extraKey = nullptr) {
    width = std::floor(width);
    items.push_back({width, [=, &value, &changed] {
                       changed |= CodeFilter(id, anyKey, family, codes, value, width, extraCode, extraKey);
                     }});
  };
  filter(w * 1.3f, "##f-region", "table.any_region", "region", codes::regions(), model_.region);
  filter(w, "##f-sector", "table.any_sector", "sector", codes::sectors(), model_.sector);
  filter(w, "##f-program", "table.any_program", "program", codes::programs(), model_.program);
  filter(w, "##f-booth", "table.any_booth", familyName<BoothStatus>(), codeList<BoothStatus>(), model_.booth_status,
         ExhibitorsModel::kNoBooth, "exhibitors.no_booth");
}

bool ExhibitorsScreen::fields() {
  const bool enter = ExhibitorFields(model_.form, model_.choices(), fields_);
  if (model_.form.draft.id != 0) drawStaff();
  return enter;
}

std::string ExhibitorsScreen::editorTitle() const {
  return model_.form.draft.id == 0 ? tr("exhibitors.new") : model_.form.draft.name_fr;
}

std::string ExhibitorsScreen::deleteQuestion() const {
  return tr("exhibitors.delete.text", {model_.form.draft.name_fr});
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
