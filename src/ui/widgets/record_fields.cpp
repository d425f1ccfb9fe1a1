#include "ui/widgets/record_fields.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/codes.hpp"
#include "core/countries.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

// One row of the fields table: the label cell, then the caller draws the input in the value cell.
// Right-to-left layouts put the label on the right.
class FieldTable {
 public:
  explicit FieldTable(const char* id) {
    open_ = ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX);
    if (!open_) return;
    const float labelW = ImGui::GetFontSize() * 9;
    if (isRtlLayout()) {
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelW);
    } else {
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelW);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    }
  }
  ~FieldTable() {
    if (open_) ImGui::EndTable();
  }
  bool open() const { return open_; }
  // Starts a row: writes the label, leaves the cursor in the value cell with the full width.
  void row(const std::string& labelKey, bool required = false) {
    ImGui::TableNextRow();
    const bool rtl = isRtlLayout();
    ImGui::TableSetColumnIndex(rtl ? 1 : 0);
    ImGui::AlignTextToFramePadding();
    Text(tr(labelKey) + (required ? " *" : ""));
    ImGui::TableSetColumnIndex(rtl ? 0 : 1);
    ImGui::SetNextItemWidth(-FLT_MIN);
  }

 private:
  bool open_ = false;
};

// A text input on a std::string; true when edited. enter is set when Enter was pressed in it.
bool input(const char* id, std::string* value, bool& enter, ImGuiInputTextFlags flags = 0) {
  ImGui::SetNextItemWidth(-FLT_MIN);
  // Any field may receive Arabic (a name, an organisation, a city): shaped preview under it when it does.
  bool changed = InputTextShaped(id, value, flags);
  if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) enter = true;
  return changed;
}

bool codeCombo(const char* id, std::string_view family, std::span<const std::string_view> codes, std::string& value,
               bool allowEmpty = false) {
  bool changed = false;
  const std::string shown = value.empty() ? std::string("—") : i18n::label(family, value);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (BeginComboShaped(id, shown, ImGuiComboFlags_HeightLarge)) {
    if (allowEmpty && ImGui::Selectable("—", value.empty())) {
      value.clear();
      changed = true;
    }
    for (auto code : codes) {
      const std::string label = display(i18n::label(family, code)) + "##" + std::string(code);
      if (ImGui::Selectable(label.c_str(), value == code)) {
        value = std::string(code);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A combo over exhibitors with a filter typed at its top (thousands of them: clipped list).
bool exhibitorCombo(const char* id, const FieldChoices& choices, std::string& filter, Id& value, bool allowNone) {
  bool changed = false;
  const std::string shown = value ? choices.exhibitorName(value) : tr("people.no_exhibitor");
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (BeginComboShaped(id, shown, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::IsWindowAppearing()) {
      filter.clear();
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    InputTextShaped("##filter", &filter, 0, L("table.filter_hint"));
    const std::string folded = text::foldForSearch(filter);
    std::vector<std::size_t> shownRows;
    for (std::size_t i = 0; i < choices.exhibitors.size(); ++i)
      if (folded.empty() || text::foldForSearch(choices.exhibitors[i].second).find(folded) != std::string::npos)
        shownRows.push_back(i);
    if (allowNone && ImGui::Selectable(display(tr("people.no_exhibitor")).c_str(), value == 0)) {
      value = 0;
      changed = true;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shownRows.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const auto& [xid, name] = choices.exhibitors[shownRows[static_cast<std::size_t>(r)]];
        if (ImGui::Selectable((display(name) + "##x" + std::to_string(xid)).c_str(), xid == value)) {
          value = xid;
          changed = true;
        }
      }
    ImGui::EndCombo();
  }
  return changed;
}

void fieldError(const std::string* error) {
  if (error) ErrorText(*error);
}

// The lists the type-ahead fields choose from, built once per language.
void loadChoices(FieldsState& state) {
  if (state.choices_language == i18n::language()) return;
  state.choices_language = i18n::language();
  state.category_choices.clear();
  for (auto code : codes::categories())
    state.category_choices.push_back({std::string(code), i18n::label("category", code)});
  state.country_choices.clear();
  for (const auto& c : countries::all(state.choices_language)) state.country_choices.push_back({c.code, c.name});
}

}  // namespace

void ErrorText(const std::string& text) {
  ImGui::PushTextWrapPos(0);
  TextColored(theme::kError, text);
  ImGui::PopTextWrapPos();
}

void NoteText(const std::string& text) {
  TextColored(theme::kNote, text);
}

bool PersonFields(PersonForm& form, const FieldChoices& choices, FieldsState& state) {
  bool enter = false;
  FieldTable table("person-fields");
  if (!table.open()) return false;
  Person& p = form.draft;
  auto text = [&](const char* field, const char* labelKey, std::string* value, bool required = false,
                  bool focus = false) {
    table.row(labelKey, required);
    if (focus) ImGui::SetKeyboardFocusHere();
    if (input((std::string("##") + field).c_str(), value, enter)) form.changed(field);
    fieldError(form.error(field));
  };
  loadChoices(state);
  const std::string focusField = state.focus_first ? "first_name" : state.focus_field;
  state.focus_first = false;
  state.focus_field.clear();
  auto focusHere = [&](const char* field) {
    if (focusField == field) ImGui::SetKeyboardFocusHere();
  };
  text("first_name", "people.field.first_name", &p.first_name, false, focusField == "first_name");
  text("last_name", "people.field.last_name", &p.last_name, true, focusField == "last_name");
  text("name_ar", "people.field.name_ar", &p.name_ar, false, focusField == "name_ar");
  text("organization", "people.field.organization", &p.organization, false, focusField == "organization");
  text("position", "people.field.position", &p.position, false, focusField == "position");

  // Category and country are typed (type-ahead): Tab reaches them, a few letters choose.
  table.row("people.field.category", true);
  focusHere("category");
  if (TypeAheadField("##category", state.category_choices, p.category, state.category)) form.changed("category");
  fieldError(form.error("category"));

  text("email", "people.field.email", &p.email, false, focusField == "email");
  table.row("people.field.phone");
  focusHere("phone");
  if (input("##phone", &p.phone, enter)) form.changed("phone");
  if (const std::string* e = form.error("phone"))
    ErrorText(*e);
  else if (!p.phone.empty() && form.normalised().phone != p.phone)
    NoteText("→ " + form.normalised().phone);

  table.row("people.field.country");
  focusHere("country");
  if (TypeAheadField("##country", state.country_choices, p.country, state.country)) form.changed("country");
  fieldError(form.error("country"));

  table.row("people.field.days");
  if (choices.edition_days.empty()) {
    NoteText(tr("people.no_edition_days"));
  } else {
    // Each day whole and visible, whatever the width of the pane, in reading order.
    std::vector<LineItem> line;
    bool changed = false;
    for (const std::string& day : choices.edition_days) {
      const std::string label = dates::formatDayMonth(day, i18n::language());
      line.push_back({CheckboxWidth(label), [&p, &changed, day, label] {
                        bool on = std::find(p.days.begin(), p.days.end(), day) != p.days.end();
                        if (!CheckboxLabelled(label, ("day" + day).c_str(), &on)) return;
                        if (on)
                          p.days.push_back(day);
                        else
                          p.days.erase(std::remove(p.days.begin(), p.days.end(), day), p.days.end());
                        std::sort(p.days.begin(), p.days.end());
                        changed = true;
                      }});
    }
    ReadingLine(line);
    if (changed) form.changed("days");
  }
  fieldError(form.error("days"));

  table.row("people.field.consent");
  bool consent = p.consent;
  if (ImGui::Checkbox("##consent", &consent)) form.setConsent(consent);
  if (p.consent) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##consent_at", "YYYY-MM-DD", &p.consent_at)) form.changed("consent_at");
  }

  table.row("people.field.exhibitor");
  Id link = p.exhibitor_id.value_or(0);
  if (exhibitorCombo("##exhibitor", choices, state.exhibitor_filter, link, true)) {
    if (link)
      p.exhibitor_id = link;
    else
      p.exhibitor_id.reset();
    form.changed("exhibitor");
  }
  fieldError(form.error("exhibitor"));
  text("external_id", "people.field.external_id", &p.external_id);
  return enter;
}

bool ExhibitorFields(ExhibitorForm& form, const FieldChoices& choices, FieldsState& state) {
  bool enter = false;
  FieldTable table("exhibitor-fields");
  if (!table.open()) return false;
  Exhibitor& x = form.draft;
  auto text = [&](const char* field, const char* labelKey, std::string* value, bool required = false,
                  bool focus = false) {
    table.row(labelKey, required);
    if (focus) ImGui::SetKeyboardFocusHere();
    if (input((std::string("##") + field).c_str(), value, enter)) form.changed(field);
    fieldError(form.error(field));
  };
  const bool focus = state.focus_first;
  state.focus_first = false;
  text("name_fr", "exhibitors.field.name_fr", &x.name_fr, true, focus);
  text("name_ar", "exhibitors.field.name_ar", &x.name_ar);
  auto combo = [&](const char* field, const char* family, const char* labelKey, std::span<const std::string_view> codes,
                   std::string& value) {
    table.row(labelKey, true);
    if (codeCombo((std::string("##") + field).c_str(), family, codes, value)) form.changed(field);
    fieldError(form.error(family));
  };
  combo("kind", "kind", "exhibitors.field.kind", codes::kinds(), x.kind);
  combo("sector", "sector", "exhibitors.field.sector", codes::sectors(), x.sector);
  combo("region", "region", "exhibitors.field.region", codes::regions(), x.region);
  text("city", "exhibitors.field.city", &x.city);
  text("contact_name", "exhibitors.field.contact_name", &x.contact_name);
  table.row("exhibitors.field.phone");
  if (input("##phone", &x.phone, enter)) form.changed("phone");
  if (const std::string* e = form.error("phone"))
    ErrorText(*e);
  else if (!x.phone.empty() && form.normalised().phone != x.phone)
    NoteText("→ " + form.normalised().phone);
  text("email", "exhibitors.field.email", &x.email);
  table.row("exhibitors.field.registration_no");
  if (input("##registration_no", &x.registration_no, enter)) form.changed("registration_no");
  if (const std::string* e = form.error("registration_no"))
    ErrorText(*e);
  else
    NoteText(tr("exhibitors.ice_hint"));
  combo("program", "program", "exhibitors.field.program", codes::programs(), x.program);

  table.row("exhibitors.field.booth_area_m2");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::InputDouble("##area", &x.booth_area_m2, 1.0, 3.0, "%.1f")) form.changed("booth_area_m2");
  ImGui::SameLine();
  if (CheckboxLabelled(tr("exhibitors.field.wants_corner"), "corner", &x.wants_corner)) form.changed("wants_corner");
  ImGui::SameLine();
  if (CheckboxLabelled(tr("exhibitors.field.needs_power"), "power", &x.needs_power)) form.changed("needs_power");
  fieldError(form.error("booth_area_m2"));
  table.row("exhibitors.field.preferred_zone");
  if (codeCombo("##zone", "zone", codes::zones(), x.preferred_zone)) form.changed("preferred_zone");
  fieldError(form.error("zone"));

  table.row("exhibitors.field.products");
  if (InputTextMultilineShaped("##products", &x.products, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3)))
    form.changed("products");

  table.row("exhibitors.field.competitors");
  for (Id other : std::vector<Id>(x.competitors)) {
    ImGui::PushID(static_cast<int>(other));
    if (ImGui::SmallButton("x")) form.removeCompetitor(other);
    ImGui::SameLine();
    Text(choices.exhibitorName(other));
    ImGui::PopID();
  }
  Id add = 0;
  if (exhibitorCombo("##add-competitor", choices, state.competitor_filter, add, false) && add) form.addCompetitor(add);
  text("external_id", "exhibitors.field.external_id", &x.external_id);
  return enter;
}

const Duplicate* DuplicateWarning(const std::vector<Duplicate>& duplicates) {
  if (duplicates.empty()) return nullptr;
  const Duplicate* chosen = nullptr;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kNoticeBackground);
  const float h =
      ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(duplicates.size(), 4) + 1) +
      ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("duplicates", ImVec2(0, h), true);
  TextColored(theme::kNoticeInk, trn("desk.duplicates", static_cast<long long>(duplicates.size())));
  for (std::size_t i = 0; i < duplicates.size(); ++i) {
    const Duplicate& d = duplicates[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(LID("desk.open_existing"))) chosen = &d;
    ImGui::SameLine();
    Text(d.name + "  —  " + tr("desk.duplicate_reason." + d.reason));
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return chosen;
}

}  // namespace moussem::ui
