#include "ui/screens/overview_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {
std::string editionName(const Edition& e) {
  const std::string& lang = i18n::language();
  if (lang == "ar" && !e.name_ar.empty()) return e.name_ar;
  if (lang == "en" && !e.name_en.empty()) return e.name_en;
  return e.name_fr.empty() ? e.name_en : e.name_fr;
}
}  // namespace

void OverviewScreen::draw() {
  if (!model_.loaded()) model_.refresh();
  const Overview& o = model_.figures();
  const float gap = ImGui::GetStyle().ItemSpacing.x;

  if (const auto& ed = model_.edition()) {
    if (ed->is_demo) {
      ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kNoticeBackground);
      ImGui::BeginChild("demo-banner", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 1.6f), true,
                        ImGuiWindowFlags_NoScrollbar);
      TextColored(theme::kNoticeInk, tr("overview.demo_banner"));
      ImGui::EndChild();
      ImGui::PopStyleColor();
    }
    if (fonts().heading) ImGui::PushFont(fonts().heading);
    Text(editionName(*ed));
    if (fonts().heading) ImGui::PopFont();
    TextColored(theme::kMuted, tr("overview.dates", {dates::formatLong(ed->starts_on, i18n::language()),
                                                     dates::formatLong(ed->ends_on, i18n::language()),
                                                     trn("overview.days", model_.editionDays())}) +
                                   (ed->venue.empty() ? "" : "  ·  " + ed->venue));
  }
  ImGui::Spacing();

  // Headline figures, in reading order (right to left in Arabic).
  struct Card {
    const char* key;
    std::string value;
    ImVec4 accent;
  };
  std::vector<Card> cards{
      {"overview.card.exhibitors", i18n::formatCount(o.exhibitors), theme::kChartBrown},
      {"overview.card.people", i18n::formatCount(o.people), theme::kChartBlue},
      {"overview.card.badges", i18n::formatCount(o.badges), theme::kChartPurple},
      {"overview.card.booths",
       tr("overview.booths_value", {i18n::formatCount(o.booths_assigned), i18n::formatCount(o.booths)}),
       theme::kChartTeal},
      {"overview.card.gates", i18n::formatCount(o.gate_profiles), theme::kChartOrange},
      {"overview.card.scans", i18n::formatCount(o.scans), theme::kChartRed},
  };
  if (isRtlLayout()) std::reverse(cards.begin(), cards.end());
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cardW = (avail - gap * static_cast<float>(cards.size() - 1)) / static_cast<float>(cards.size());
  const ImVec2 cardSize(cardW, ImGui::GetTextLineHeightWithSpacing() * 3.6f);
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    FigureCard(cards[i].key, tr(cards[i].key), cards[i].value, cardSize, cards[i].accent);
  }
  ImGui::Spacing();

  // Charts: participants by category; exhibitors by region and by sector.
  std::vector<Bar> byCategory;
  for (const auto& c : o.people_by_category) {
    byCategory.push_back({i18n::label("category", c.code), c.count, categoryColour(model_.categories(), c.code)});
  }
  std::vector<Bar> byRegion, bySector;
  for (const auto& r : o.exhibitors_by_region)
    byRegion.push_back({i18n::label("region", r.code), r.count, theme::kChartGold});
  for (const auto& s : o.exhibitors_by_sector)
    bySector.push_back({i18n::label("sector", s.code), s.count, theme::kChartBrown});

  const float colW = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const float chartH = ImGui::GetContentRegionAvail().y;
  const float labelW = colW * 0.45f;
  auto column = [&](const char* id, auto&& body) {
    ImGui::BeginChild(id, ImVec2(colW, chartH), true);
    body();
    ImGui::EndChild();
  };
  auto people = [&] {
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    Text(tr("overview.chart.people_by_category"));
    if (fonts().bold) ImGui::PopFont();
    ImGui::Separator();
    if (o.people == 0)
      TextColored(theme::kNote, tr("overview.empty.people"));
    else
      BarChart("people", byCategory, labelW);
  };
  auto exhibitors = [&] {
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    Text(tr("overview.chart.exhibitors_by_region"));
    if (fonts().bold) ImGui::PopFont();
    ImGui::Separator();
    if (o.exhibitors == 0)
      TextColored(theme::kNote, tr("overview.empty.exhibitors"));
    else
      BarChart("regions", byRegion, labelW);
    ImGui::Spacing();
    if (fonts().bold) ImGui::PushFont(fonts().bold);
    Text(tr("overview.chart.exhibitors_by_sector"));
    if (fonts().bold) ImGui::PopFont();
    ImGui::Separator();
    if (o.exhibitors > 0) BarChart("sectors", bySector, labelW);
  };
  if (!isRtlLayout()) {
    column("col-people", people);
    ImGui::SameLine();
    column("col-exhibitors", exhibitors);
  } else {
    column("col-exhibitors", exhibitors);
    ImGui::SameLine();
    column("col-people", people);
  }
}

}  // namespace moussem::ui
