#include "ui/screens/audit_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/i18n.hpp"
#include "core/time_zone.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {
std::string when(const std::string& at) {
  return tz::dateTime(at);
}  // at the edition's clock
}  // namespace

void AuditScreen::draw() {
  if (!model_.loaded()) model_.refresh();
  const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
  const float width = ImGui::GetFontSize() * 10;
  bool apply = false;

  // Filters, in reading order: from the right edge in Arabic.
  auto field = [&](const char* id, std::string* value, float w) {
    return LineItem{w, [&apply, id, value, w, enter] {
                      ImGui::SetNextItemWidth(w);
                      apply |= InputTextShaped(id, value, enter, nullptr, PreviewPlacement::Floating);
                    }};
  };
  const std::string filter = tr("audit.screen.filter"), verify = tr("audit.screen.verify");
  ReadingLine({LineLabel(tr("audit.screen.user")),
               field("###user", &user_, width),
               LineLabel(tr("audit.screen.action")),
               field("###action", &action_, width),
               LineLabel(tr("audit.screen.record")),
               field("###record", &record_, width * 0.6f),
               {ButtonWidth(filter), [&] { apply |= ImGui::Button((display(filter) + "###filter").c_str()); }},
               {ButtonWidth(verify), [&] {
                  if (ImGui::Button((display(verify) + "###verify").c_str())) model_.verify();
                }}});
  if (apply) {
    model_.filter().user_name = user_;
    model_.filter().action = action_;
    model_.filter().entity_id = record_;
    model_.refresh();
  }

  if (const auto& c = model_.check()) {
    if (c->problems.empty())
      TextColored(theme::kSuccess, tr("audit.verify.ok", {std::to_string(c->rows)}));
    else
      TextColored(theme::kError, tr("audit.verify.broken", {std::to_string(c->problems.size())}) + "  (#" +
                                     std::to_string(c->problems.front().id) + ")");
  }
  if (!model_.error().empty()) TextColored(theme::kError, model_.error());

  // The rows, newest first; columns mirrored in Arabic.
  const float detailH = model_.selected() ? ImGui::GetContentRegionAvail().y * 0.4f : 0.0f;
  const ImVec2 size(0, ImGui::GetContentRegionAvail().y - detailH - ImGui::GetFrameHeightWithSpacing());
  std::vector<const char*> columns{"audit.screen.col.at",      "audit.screen.col.user",   "audit.screen.col.role",
                                   "audit.screen.col.station", "audit.screen.col.action", "audit.screen.col.record"};
  const bool rtl = isRtlLayout();
  if (rtl) std::reverse(columns.begin(), columns.end());
  if (ImGui::BeginTable(
          "audit-rows", static_cast<int>(columns.size()),
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable,
          size)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* c : columns) ImGui::TableSetupColumn((std::string(L(c)) + "###" + c).c_str());
    TableHeaders();
    const auto& rows = model_.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const AuditRow& r = rows[static_cast<std::size_t>(i)];
        std::vector<std::string> cells{
            when(r.at), r.user_name, r.role.empty() ? "" : codeLabel("role", r.role),
            r.station,  r.action,    r.entity + (r.entity_id.empty() ? "" : " " + r.entity_id)};
        if (rtl) std::reverse(cells.begin(), cells.end());
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < cells.size(); ++c) {
          ImGui::TableSetColumnIndex(static_cast<int>(c));
          if (c == 0) {
            const bool chosen = model_.selected() == &r;
            if (ImGui::Selectable(("##row" + std::to_string(r.id)).c_str(), chosen,
                                  ImGuiSelectableFlags_SpanAllColumns))
              model_.select(i);
            ImGui::SameLine(0, 0);
          }
          Text(cells[c]);
        }
      }
    }
    ImGui::EndTable();
  }
  if (model_.mayHaveOlder() && ImGui::Button((display(tr("audit.screen.older")) + "###older").c_str()))
    model_.loadOlder();

  if (const AuditRow* r = model_.selected()) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const std::string before = AuditModel::pretty(r->before), after = AuditModel::pretty(r->after);
    auto panel = [&](const char* id, const char* title, const std::string& text) {
      ImGui::BeginChild(id, ImVec2(half, 0), true);
      Text(tr(title));
      ImGui::Separator();
      ImGui::TextUnformatted(text.c_str());  // JSON: left to right, as written
      ImGui::EndChild();
    };
    if (auditRedacted(*r)) TextColored(theme::kWarning, tr("audit.screen.redacted", {when(r->redacted_at)}));
    if (rtl) {
      panel("after", "audit.screen.after", after);
      ImGui::SameLine();
      panel("before", "audit.screen.before", before);
    } else {
      panel("before", "audit.screen.before", before);
      ImGui::SameLine();
      panel("after", "audit.screen.after", after);
    }
  }
}

}  // namespace moussem::ui
