#include "ui/screens/participants_screen.hpp"

#include <imgui.h>

#include <cmath>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/text_fold.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"

namespace moussem::ui {

ParticipantsScreen::ParticipantsScreen(std::shared_ptr<DeskSession> session)
    : RecordScreen(std::move(session),
                   {"participants", "nav.participants", SearchIndex::Kind::Person, 11, 1.5f, 24, 0.36f}) {}

std::vector<TableColumn> ParticipantsScreen::columns() const {
  // Widths in font-size units: a phone number, a category, a day count whole; names mostly whole (the
  // rest on hover). Wider than the screen: the table scrolls sideways, the name column stays.
  return {{"people.column.name", 14, ParticipantsModel::Name, true},
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

void ParticipantsScreen::filters(std::vector<LineItem>& items, float w, bool& changed) {
  const float narrow = std::floor(w), wide = std::floor(w * 1.4f);
  items.push_back({narrow, [this, narrow, &changed] {
                     changed |= CodeFilter("##f-category", "table.any_category", "category", codes::categories(),
                                           model_.category, narrow);
                   }});
  items.push_back({wide, [this, wide, &changed] { changed |= exhibitorFilter(wide); }});
  items.push_back({narrow, [this, narrow, &changed] { changed |= dayFilter(narrow); }});
}

bool ParticipantsScreen::exhibitorFilter(float width) {
  bool changed = false;
  const FieldChoices& choices = model_.choices();
  ImGui::SetNextItemWidth(width);
  const std::string ex = model_.exhibitor == ParticipantsModel::kAnyExhibitor ? tr("table.any_exhibitor")
                         : model_.exhibitor == ParticipantsModel::kNoExhibitor
                             ? tr("people.no_exhibitor")
                             : choices.exhibitorName(model_.exhibitor);
  if (!BeginComboShaped("##f-exhibitor", ex, ImGuiComboFlags_HeightLarge)) return false;
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
  return changed;
}

bool ParticipantsScreen::dayFilter(float width) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const std::string day = model_.day.empty() ? tr("table.any_day") : dates::formatLong(model_.day, i18n::language());
  if (!BeginComboShaped("##f-day", day)) return false;
  if (ImGui::Selectable(display(tr("table.any_day")).c_str(), model_.day.empty())) {
    model_.day.clear();
    changed = true;
  }
  for (const auto& d : model_.choices().edition_days)
    if (ImGui::Selectable((display(dates::formatLong(d, i18n::language())) + "##" + d).c_str(), model_.day == d)) {
      model_.day = d;
      changed = true;
    }
  ImGui::EndCombo();
  return changed;
}

bool ParticipantsScreen::fields() {
  return PersonFields(model_.form, model_.choices(), fields_);
}

std::string ParticipantsScreen::editorTitle() const {
  const PersonForm& form = model_.form;
  return form.draft.id == 0 ? tr("people.new") : names::sentence(form.draft);
}

std::string ParticipantsScreen::deleteQuestion() const {
  return tr("people.delete.text", {names::sentence(model_.form.draft)});
}

}  // namespace moussem::ui
