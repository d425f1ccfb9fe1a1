#include "ui/screens/edition_screen.hpp"

#include <imgui.h>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

void EditionModel::refresh() {
  edition_ = store_.edition();
  categories_ = store_.categories();
  zones_ = store_.zones();
  location_ = store_.location();
  tzdata_ = tz::dataRelease();
  tzdata_stale_ = edition_ && tz::dataMayBeStale(tzdata_, edition_->ends_on);
  loaded_ = true;
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

void EditionScreen::draw() {
  if (!model_.loaded()) model_.refresh();
  const auto& ed = model_.edition();
  if (!ed) {
    Text(tr("edition.none"));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("edition.section.identity"));
  if (fonts().bold) ImGui::PopFont();
  if (ImGui::BeginTable("identity", 2, flags)) {
    ImGui::TableSetupColumn("first", ImGuiTableColumnFlags_WidthStretch, isRtlLayout() ? 0.7f : 0.3f);
    ImGui::TableSetupColumn("second", ImGuiTableColumnFlags_WidthStretch, isRtlLayout() ? 0.3f : 0.7f);
    row("edition.name_fr", ed->name_fr);
    row("edition.name_ar", ed->name_ar);
    row("edition.name_en", ed->name_en);
    row("edition.dates", tr("overview.dates", {dates::formatLong(ed->starts_on, i18n::language()), dates::formatLong(ed->ends_on, i18n::language()), ""}));
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
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.38f, 0.0f, 1));
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
      if (c == 0) ImGui::TableSetupColumn(LID(keys[c]), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
      else ImGui::TableSetupColumn(LID(keys[c]), ImGuiTableColumnFlags_WidthStretch, weights[c]);
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
          case 1: Text(cat.code); break;
          case 2: Text(labelIn(cat)); break;
          default: TextAligned(cat.label_ar, 1.0f); break;
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

}  // namespace moussem::ui
