#include "ui/screens/edition_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/dates.hpp"
#include "core/edition_rules.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

void EditionModel::refresh() {
  edition_ = store_.edition();
  categories_ = store_.categories();
  zones_ = store_.zones();
  location_ = store_.location();
  tzdata_ = tz::dataRelease();
  tzdata_stale_ = edition_ && tz::dataMayBeStale(tzdata_, edition_->ends_on);
  try {
    store_.checkPermission(Permission::ManageEdition);
    can_edit_ = edition_.has_value();
  } catch (const Error&) {
    can_edit_ = false;
  }
  loaded_ = true;
}

void EditionModel::startEditing() {
  if (!edition_ || !can_edit_) return;
  draft = *edition_;
  draft_categories = categories_;
  draft_zones = zones_;
  errors_.clear();
  message_.clear();
  editing_ = true;
}

void EditionModel::cancel() {
  editing_ = false;
  errors_.clear();
}

bool EditionModel::addCategory(const std::string& code) {
  for (const auto& c : draft_categories)
    if (c.code == code) return false;
  Category c;
  c.code = code;
  c.color = theme::kNewCategoryHex;
  c.sort = static_cast<int>(draft_categories.size());
  draft_categories.push_back(c);
  return true;
}

bool EditionModel::addZone(const std::string& code) {
  for (const auto& z : draft_zones)
    if (z.code == code) return false;
  Zone z;
  z.code = code;
  draft_zones.push_back(z);
  return true;
}

const std::string* EditionModel::error(const std::string& field) const {
  for (const auto& e : errors_)
    if (e.field == field) return &e.message;
  return nullptr;
}

bool EditionModel::save() {
  errors_ = prepareEdition(draft);
  for (Category& c : draft_categories)
    for (auto& e : prepareCategory(c)) errors_.push_back({"category." + c.code + "." + e.field, e.message});
  for (Zone& z : draft_zones)
    for (auto& e : prepareZone(z)) errors_.push_back({"zone." + z.code + "." + e.field, e.message});
  if (!errors_.empty()) {
    message_ = tr("form.fix_errors");
    message_error_ = true;
    return false;
  }
  try {
    // One transaction; the store checks the role and writes each change to the audit trail.
    store_.write([&] {
      store_.saveEdition(draft);
      for (const Category& c : draft_categories) {
        auto before =
            std::find_if(categories_.begin(), categories_.end(), [&](const Category& o) { return o.code == c.code; });
        if (before == categories_.end() || before->color != c.color || before->label_fr != c.label_fr ||
            before->label_ar != c.label_ar || before->label_en != c.label_en)
          store_.saveCategory(c);
      }
      for (const Zone& z : draft_zones) {
        auto before = std::find_if(zones_.begin(), zones_.end(), [&](const Zone& o) { return o.code == z.code; });
        if (before == zones_.end() || before->label_fr != z.label_fr || before->label_ar != z.label_ar ||
            before->label_en != z.label_en)
          store_.saveZone(z);
      }
    });
  } catch (const std::exception& e) {
    message_ = e.what();
    message_error_ = true;
    return false;
  }
  if (!edition_ || edition_->timezone != draft.timezone) tz::setEditionZone(draft.timezone);
  editing_ = false;
  refresh();
  message_ = tr("edition.saved");
  message_error_ = false;
  return true;
}

namespace {
// In right-to-left layouts the label column sits on the right: columns are laid out mirrored.
void row(const char* key, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  Text(isRtlLayout() ? value : tr(key));
  ImGui::TableNextColumn();
  Text(isRtlLayout() ? tr(key) : value);
}

const std::string& labelIn(const Category& c) {
  const std::string& lang = i18n::language();
  if (lang == "ar" && !c.label_ar.empty()) return c.label_ar;
  if (lang == "en" && !c.label_en.empty()) return c.label_en;
  return c.label_fr;
}
}  // namespace

EditionScreen::EditionScreen(Store& store) : model_(store) {
  actions_.add({"edition.edit",
                "edition.edit",
                {Key::E, true},
                [this] { model_.startEditing(); },
                [this] { return model_.canEdit() && !model_.editing(); }});
  actions_.add({"edition.save",
                "desk.action.save",
                {Key::S, true},
                [this] { model_.save(); },
                [this] { return model_.editing(); }});
}

void EditionScreen::draw() {
  if (!model_.loaded()) model_.refresh();
  if (!model_.edition()) {
    Text(tr("edition.none"));
    return;
  }
  if (!model_.message().empty()) {
    if (model_.messageIsError())
      ErrorText(model_.message());
    else
      TextWrapped(model_.message());
  }
  if (model_.editing())
    drawEditor();
  else
    drawView();
}

void EditionScreen::drawView() {
  const auto& ed = model_.edition();
  if (model_.canEdit() && ButtonRow({{tr("edition.edit"), "edit"}}) == 0) {
    model_.startEditing();
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.identity"));
  if (fonts().bold) ImGui::PopFont();
  if (ImGui::BeginTable("identity", 2, flags)) {
    ImGui::TableSetupColumn("first", ImGuiTableColumnFlags_WidthStretch, isRtlLayout() ? 0.7f : 0.3f);
    ImGui::TableSetupColumn("second", ImGuiTableColumnFlags_WidthStretch, isRtlLayout() ? 0.3f : 0.7f);
    row("edition.name_fr", ed->name_fr);
    row("edition.name_ar", ed->name_ar);
    row("edition.name_en", ed->name_en);
    row("edition.dates", tr("overview.dates", {dates::formatLong(ed->starts_on, i18n::language()),
                                               dates::formatLong(ed->ends_on, i18n::language()), ""}));
    row("edition.venue", ed->venue);
    row("edition.timezone", ed->timezone);
    const tz::DataRelease& data = model_.timeZoneData();
    row("edition.tzdata",
        data.version.empty() ? tr("edition.tzdata.unknown") : tr("edition.tzdata.value", {data.version, data.date}));
    row("edition.uid", ed->uid);
    row("edition.public_key", ed->public_key);
    row("edition.database", model_.location());
    ImGui::EndTable();
  }
  if (model_.timeZoneDataStale()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarning);
    TextWrapped(tr("edition.tzdata.stale", {model_.timeZoneData().version, model_.timeZoneData().date, ed->ends_on}));
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.categories"));
  if (fonts().bold) ImGui::PopFont();
  if (ImGui::BeginTable("categories", 4, flags)) {
    // Colour, code, label, Arabic label; mirrored for right-to-left reading.
    const bool rtl = isRtlLayout();
    const char* keys[4] = {"edition.col.colour", "edition.col.code", "edition.col.label", "edition.col.label_ar"};
    const float weights[4] = {0, 0.2f, 0.4f, 0.4f};
    for (int i = 0; i < 4; ++i) {
      int c = rtl ? 3 - i : i;
      if (c == 0)
        ImGui::TableSetupColumn(LID(keys[c]), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
      else
        ImGui::TableSetupColumn(LID(keys[c]), ImGuiTableColumnFlags_WidthStretch, weights[c]);
    }
    TableHeaders();
    for (const auto& cat : model_.categories()) {
      ImGui::TableNextRow();
      for (int i = 0; i < 4; ++i) {
        ImGui::TableSetColumnIndex(i);
        switch (rtl ? 3 - i : i) {
          case 0: {
            ImVec2 p = ImGui::GetCursorScreenPos();
            float h = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 3, p.y + h),
                                                      ImGui::GetColorU32(colourFromHex(cat.color)), 3);
            ImGui::Dummy(ImVec2(h * 3, h));
            break;
          }
          case 1:
            Text(cat.code);
            break;
          case 2:
            Text(labelIn(cat));
            break;
          default:
            TextAligned(cat.label_ar, 1.0f);
            break;
        }
      }
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.zones"));
  if (fonts().bold) ImGui::PopFont();
  for (const auto& z : model_.zones()) Text(z.code + " — " + i18n::label("zone", z.code));
}

namespace {

// One labelled field of the editor, its error under it.
bool editRow(const char* labelKey, const char* id, std::string* value, const std::string* error,
             const char* hint = nullptr) {
  ImGui::TableNextRow();
  const bool rtl = isRtlLayout();
  ImGui::TableSetColumnIndex(rtl ? 1 : 0);
  ImGui::AlignTextToFramePadding();
  Text(tr(labelKey));
  ImGui::TableSetColumnIndex(rtl ? 0 : 1);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool changed = InputTextShaped(id, value, 0, hint);
  if (error) ErrorText(*error);
  return changed;
}

// #RRGGBB <-> ImGui's colour floats.
void toFloats(const std::string& hex, float rgb[3]) {
  const ImVec4 c = colourFromHex(hex);
  rgb[0] = c.x;
  rgb[1] = c.y;
  rgb[2] = c.z;
}
std::string toHex(const float rgb[3]) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<int>(rgb[0] * 255 + 0.5f),
                static_cast<int>(rgb[1] * 255 + 0.5f), static_cast<int>(rgb[2] * 255 + 0.5f));
  return buf;
}

}  // namespace

void EditionScreen::drawEditor() {
  EditionModel& m = model_;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  const float labelW = ImGui::GetFontSize() * 11;
  auto setupLabelled = [&] {
    if (isRtlLayout()) {
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelW);
    } else {
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelW);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    }
  };
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 1.6f;
  ImGui::BeginChild("edition-fields", ImVec2(0, ImGui::GetContentRegionAvail().y - buttonsH));
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.identity"));
  if (fonts().bold) ImGui::PopFont();
  if (ImGui::BeginTable("identity-edit", 2, flags)) {
    setupLabelled();
    editRow("edition.name_fr", "##name_fr", &m.draft.name_fr, m.error("name_fr"));
    editRow("edition.name_ar", "##name_ar", &m.draft.name_ar, m.error("name_ar"));
    editRow("edition.name_en", "##name_en", &m.draft.name_en, m.error("name_en"));
    editRow("edition.starts_on", "##starts_on", &m.draft.starts_on, m.error("starts_on"), "AAAA-MM-JJ");
    editRow("edition.ends_on", "##ends_on", &m.draft.ends_on, m.error("ends_on"), "AAAA-MM-JJ");
    editRow("edition.venue", "##venue", &m.draft.venue, m.error("venue"));
    ImGui::TableNextRow();
    const bool rtl = isRtlLayout();
    ImGui::TableSetColumnIndex(rtl ? 1 : 0);
    ImGui::AlignTextToFramePadding();
    Text(tr("edition.timezone"));
    ImGui::TableSetColumnIndex(rtl ? 0 : 1);
    if (zone_choices_.empty())
      for (const std::string& z : tz::zoneNames()) zone_choices_.push_back({z, z});
    TypeAheadField("##timezone", zone_choices_, m.draft.timezone, zone_field_);
    if (const std::string* e = m.error("timezone")) ErrorText(*e);
    ImGui::EndTable();
  }

  ImGui::Spacing();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.categories"));
  if (fonts().bold) ImGui::PopFont();
  const char* keys[5] = {"edition.col.colour", "edition.col.code", "edition.col.label", "edition.col.label_ar",
                         "edition.col.label_en"};
  if (ImGui::BeginTable("categories-edit", 5, flags | ImGuiTableFlags_RowBg)) {
    const bool rtl = isRtlLayout();
    for (int i = 0; i < 5; ++i) {
      const int c = rtl ? 4 - i : i;
      if (c <= 1)
        ImGui::TableSetupColumn(L(keys[c]), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * (c == 0 ? 4 : 7));
      else
        ImGui::TableSetupColumn(L(keys[c]), ImGuiTableColumnFlags_WidthStretch);
    }
    TableHeaders();
    for (Category& cat : m.draft_categories) {
      ImGui::TableNextRow();
      ImGui::PushID(cat.code.c_str());
      for (int i = 0; i < 5; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::SetNextItemWidth(-FLT_MIN);
        switch (rtl ? 4 - i : i) {
          case 0: {
            float rgb[3];
            toFloats(cat.color, rgb);
            if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
              cat.color = toHex(rgb);
            break;
          }
          case 1:
            Text(cat.code);
            break;
          case 2:
            InputTextShaped("##fr", &cat.label_fr);
            break;
          case 3:
            InputTextShaped("##ar", &cat.label_ar);
            break;
          default:
            InputTextShaped("##en", &cat.label_en);
            break;
        }
      }
      for (const char* f : {"code", "color", "label_fr"})
        if (const std::string* e = m.error("category." + cat.code + "." + f)) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(rtl ? 0 : 2);
          ErrorText(*e);
        }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputTextWithHint("##new-category", L("edition.new_code"), &new_category_);
  ImGui::SameLine();
  if (ImGui::Button(L("edition.add_category")) && !new_category_.empty() && m.addCategory(new_category_))
    new_category_.clear();

  ImGui::Spacing();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.zones"));
  if (fonts().bold) ImGui::PopFont();
  if (ImGui::BeginTable("zones-edit", 4, flags | ImGuiTableFlags_RowBg)) {
    const bool rtl = isRtlLayout();
    const char* zkeys[4] = {"edition.col.code", "edition.col.label", "edition.col.label_ar", "edition.col.label_en"};
    for (int i = 0; i < 4; ++i) {
      const int c = rtl ? 3 - i : i;
      if (c == 0)
        ImGui::TableSetupColumn(L(zkeys[c]), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
      else
        ImGui::TableSetupColumn(L(zkeys[c]), ImGuiTableColumnFlags_WidthStretch);
    }
    TableHeaders();
    for (Zone& z : m.draft_zones) {
      ImGui::TableNextRow();
      ImGui::PushID(z.code.c_str());
      for (int i = 0; i < 4; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::SetNextItemWidth(-FLT_MIN);
        switch (rtl ? 3 - i : i) {
          case 0:
            Text(z.code);
            break;
          case 1:
            InputTextShaped("##fr", &z.label_fr);
            break;
          case 2:
            InputTextShaped("##ar", &z.label_ar);
            break;
          default:
            InputTextShaped("##en", &z.label_en);
            break;
        }
      }
      for (const char* f : {"code", "label_fr"})
        if (const std::string* e = m.error("zone." + z.code + "." + f)) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(rtl ? 0 : 1);
          ErrorText(*e);
        }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputTextWithHint("##new-zone", L("edition.new_code"), &new_zone_);
  ImGui::SameLine();
  if (ImGui::Button(L("edition.add_zone")) && !new_zone_.empty() && m.addZone(new_zone_)) new_zone_.clear();
  ImGui::EndChild();

  switch (ButtonRow({{tr("desk.save") + "  (Ctrl+S)", "save"}, {tr("desk.cancel"), "cancel"}})) {
    case 0:
      m.save();
      break;
    case 1:
      m.cancel();
      break;
    default:
      break;
  }
}

}  // namespace moussem::ui
