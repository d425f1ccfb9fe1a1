#include "ui/screens/dashboard_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "gate/gate_profiles.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

void heading(const std::string& text) {
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(text);
  if (fonts().bold) ImGui::PopFont();
  ImGui::Separator();
}

std::string percent(long long part, long long whole) {
  // "42 %" in French (a space before the sign), "42%" in English and Arabic.
  return whole > 0 ? std::to_string((part * 100 + whole / 2) / whole) + (i18n::language() == "fr" ? " %" : "%") : "–";
}

}  // namespace

void DashboardScreen::drawExport() {
  const BackgroundTask& task = model_.exportTask();
  const bool busy = task.running();
  using Format = DashboardModel::Format;
  const std::pair<const char*, Format> buttons[] = {{"dashboard.export.pdf", Format::Pdf},
                                                    {"dashboard.export.xlsx", Format::Xlsx},
                                                    {"dashboard.export.csv", Format::Csv}};
  const ImGuiStyle& style = ImGui::GetStyle();
  const float inputW = ImGui::GetFontSize() * 22;
  const std::string& label = display(tr("dashboard.export.label"));
  // Right to left: the same row mirrored, flush with the right edge (label, path, then the buttons).
  const bool rtl = isRtlLayout();
  if (rtl) {
    float width = ImGui::CalcTextSize(label.c_str()).x + inputW + style.ItemSpacing.x * 4;
    for (const auto& b : buttons) width += ImGui::CalcTextSize(L(b.first)).x + style.FramePadding.x * 2;
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX(), ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width));
  }
  ImGui::BeginDisabled(busy);
  auto drawButtons = [&] {
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& b = buttons[rtl ? 2 - i : i];
      if (rtl && i == 0)
        ImGui::AlignTextToFramePadding();
      else
        ImGui::SameLine();
      if (ImGui::Button(LID(b.first))) model_.startExport(b.second);
    }
  };
  if (rtl)
    drawButtons();
  else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(inputW);
  ImGui::InputTextWithHint("##report-path", L("dashboard.export.path_hint"), &model_.export_path);
  if (rtl) {
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
  } else {
    drawButtons();
  }
  ImGui::EndDisabled();
  if (busy) {
    const std::string stage = task.stage();
    ImGui::ProgressBar(static_cast<float>(task.fraction()), ImVec2(-1, 0),
                       display(stage.empty() ? tr("badges.working") : tr(stage)).c_str());
  } else if (!model_.exportMessage().empty()) {
    TextColored(model_.exportFailed() ? theme::kError : theme::kSuccess, model_.exportMessage());
  }
}

double DashboardScreen::nextFrameIn() const {
  return std::max(0.0, std::min(kNoWake, model_.nextRefreshAt() - ImGui::GetTime()));
}

void DashboardScreen::draw() {
  model_.tick(ImGui::GetTime());
  drawExport();
  if (!model_.error().empty()) TextColored(theme::kError, tr("dashboard.error", {model_.error()}));
  if (!model_.loaded()) {
    Text(tr("dashboard.loading"));
    return;
  }
  const report::EventFigures& f = model_.figures();
  const float gap = ImGui::GetStyle().ItemSpacing.x;

  // The day shown in the hourly chart: today during the edition, else the first day.
  if (model_.day < 0 || model_.day >= static_cast<int>(f.days.size())) {
    model_.day = 0;
    const std::string today = gate::now().day;  // the venue's date
    for (std::size_t i = 0; i < f.days.size(); ++i)
      if (f.days[i].day == today) model_.day = static_cast<int>(i);
  }
  const report::DayFigures* day = f.days.empty() ? nullptr : &f.days[static_cast<std::size_t>(model_.day)];

  long long inside = 0;
  for (const auto& z : f.inside_by_zone) inside += z.count;
  long long present = 0;
  for (const auto& r : f.exhibitors_by_region) present += r.present;
  struct Card {
    const char* key;
    std::string value;
    ImVec4 accent;
  };
  std::vector<Card> cards{
      {"dashboard.card.inside", i18n::formatCount(inside), theme::kChartTeal},
      {"dashboard.card.entries_day", day ? i18n::formatCount(day->entries) : "0", theme::kChartBlue},
      {"dashboard.card.visitors", i18n::formatCount(f.visitors), theme::kChartPurple},
      {"dashboard.card.registered", i18n::formatCount(f.people), theme::kChartSlate},
      {"dashboard.card.printed", i18n::formatCount(f.badges_printed), theme::kChartOrange},
      {"dashboard.card.exhibitors_present",
       tr("dashboard.of", {i18n::formatCount(present), i18n::formatCount(f.exhibitors)}), theme::kChartBrown},
  };
  if (isRtlLayout()) std::reverse(cards.begin(), cards.end());
  const float cardW = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(cards.size() - 1)) /
                      static_cast<float>(cards.size());
  for (std::size_t i = 0; i < cards.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    FigureCard(cards[i].key, tr(cards[i].key), cards[i].value,
               ImVec2(cardW, ImGui::GetTextLineHeightWithSpacing() * 3.6f), cards[i].accent);
  }

  ImGui::BeginChild("dashboard-body", ImVec2(0, 0), false);
  const float colW = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const float labelW = colW * 0.4f;
  const float rowH = ImGui::GetTextLineHeightWithSpacing();

  // Left column: the day's hours and the days; right column: zones and categories.
  ImGui::BeginChild("left", ImVec2(colW, rowH * 24), true);
  heading(tr("dashboard.chart.hours"));
  if (day) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (BeginComboShaped("###day", dates::formatLong(day->day, i18n::language()))) {
      for (std::size_t i = 0; i < f.days.size(); ++i)
        if (ImGui::Selectable(display(dates::formatLong(f.days[i].day, i18n::language())).c_str(),
                              static_cast<int>(i) == model_.day))
          model_.day = static_cast<int>(i);
      ImGui::EndCombo();
    }
    std::vector<Bar> hours;
    for (int h = 7; h < 22; ++h)
      hours.push_back({std::to_string(h), day->by_hour[static_cast<std::size_t>(h)], theme::kChartBlue});
    ColumnChart("hours", hours, rowH * 8);
  }
  heading(tr("dashboard.chart.days"));
  std::vector<Bar> days;
  for (const auto& d : f.days)
    days.push_back({d.day.substr(8, 2) + "/" + d.day.substr(5, 2), d.entries, theme::kChartPurple});
  ColumnChart("days", days, rowH * 7);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(colW, rowH * 24), true);
  heading(tr("dashboard.chart.inside"));
  std::vector<Bar> zones;
  for (const auto& z : f.inside_by_zone) zones.push_back({i18n::label("zone", z.code), z.count, theme::kChartTeal});
  BarChart("zones", zones, labelW);
  ImGui::Spacing();
  heading(tr("dashboard.chart.categories"));
  std::vector<Bar> cats;
  for (const auto& c : f.entries_by_category)
    cats.push_back({i18n::label("category", c.code), c.count, theme::kChartSlate});
  BarChart("categories", cats, labelW);
  ImGui::EndChild();

  // The funnel: registered → badge printed → entered, per category.
  heading(tr("dashboard.chart.funnel"));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("funnel", 6, flags)) {
    for (const char* k : {"dashboard.col.category", "dashboard.col.registered", "dashboard.col.printed",
                          "dashboard.col.printed_pct", "dashboard.col.entered", "dashboard.col.entered_pct"})
      ImGui::TableSetupColumn(LID(k));
    TableHeaders();
    for (const auto& r : f.funnel) {
      if (r.registered == 0) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      Text(i18n::label("category", r.category));
      ImGui::TableNextColumn();
      Text(i18n::formatCount(r.registered));
      ImGui::TableNextColumn();
      Text(i18n::formatCount(r.printed));
      ImGui::TableNextColumn();
      Text(percent(r.printed, r.registered));
      ImGui::TableNextColumn();
      Text(i18n::formatCount(r.entered));
      ImGui::TableNextColumn();
      Text(percent(r.entered, r.registered));
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();

  // Exhibitors present by region and sector; booths by hall.
  ImGui::BeginChild("exhibitors", ImVec2(colW, rowH * 16), true);
  heading(tr("dashboard.chart.regions"));
  std::vector<Bar> regions;
  for (const auto& g : f.exhibitors_by_region)
    regions.push_back({i18n::label("region", g.code) + "  " +
                           tr("dashboard.of", {i18n::formatCount(g.present), i18n::formatCount(g.total)}),
                       g.present, theme::kChartGold});
  BarChart("regions", regions, labelW * 1.3f);
  heading(tr("dashboard.chart.sectors"));
  std::vector<Bar> sectors;
  for (const auto& g : f.exhibitors_by_sector)
    sectors.push_back({i18n::label("sector", g.code) + "  " +
                           tr("dashboard.of", {i18n::formatCount(g.present), i18n::formatCount(g.total)}),
                       g.present, theme::kChartBrown});
  BarChart("sectors", sectors, labelW * 1.3f);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("booths", ImVec2(colW, rowH * 16), true);
  heading(tr("dashboard.chart.booths"));
  if (f.booths_by_hall.empty()) TextColored(theme::kNote, tr("dashboard.no_booths"));
  std::vector<Bar> halls;
  for (const auto& h : f.booths_by_hall)
    halls.push_back({h.hall + "  " + tr("dashboard.of", {i18n::formatCount(h.taken), i18n::formatCount(h.total)}),
                     h.taken, theme::kChartTeal});
  BarChart("halls", halls, labelW);
  ImGui::EndChild();
  TextColored(theme::kNote,
              tr("dashboard.refreshed", {std::to_string(static_cast<long long>(model_.lastRefreshMs()))}));
  ImGui::EndChild();
}

}  // namespace moussem::ui
