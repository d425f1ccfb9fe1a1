#include "ui/screens/import_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

void heading(const std::string& text) {
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(text);
  if (fonts().bold) ImGui::PopFont();
}

bool entityChoice(const char* id, io::Entity& entity) {
  bool changed = false;
  ImGui::PushID(id);
  if (ImGui::RadioButton(LID("import.participants"), entity == io::Entity::Participants)) {
    entity = io::Entity::Participants;
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton(LID("import.exhibitors"), entity == io::Entity::Exhibitors)) {
    entity = io::Entity::Exhibitors;
    changed = true;
  }
  ImGui::PopID();
  return changed;
}

std::string separatorName(char c) {
  if (c == '\t') return tr("import.separator.tab");
  return std::string("« ") + c + " »";
}

}  // namespace

void ImportScreen::draw() {
  model_.poll();
  session_->poll();
  ImGui::BeginChild("import-export", ImVec2(0, 0));
  drawProgress();
  if (!model_.message().empty()) {
    ImGui::PushTextWrapPos(0);
    TextColored(model_.messageIsError() ? theme::kError : theme::kSuccess, model_.message());
    ImGui::PopTextWrapPos();
  }
  drawImport();
  ImGui::Spacing();
  ImGui::Separator();
  drawExport();
  ImGui::EndChild();
}

void ImportScreen::drawProgress() {
  BackgroundTask& task = model_.task();
  if (!task.running()) return;
  const std::string stage = task.stage();
  Text(stage.empty() ? tr("badges.working") : tr(stage));
  ImGui::ProgressBar(static_cast<float>(task.fraction()), ImVec2(-ImGui::GetFontSize() * 7, 0));
  ImGui::SameLine();
  ImGui::BeginDisabled(task.cancelRequested());
  if (ImGui::Button(LID("badges.cancel"))) task.cancel();
  ImGui::EndDisabled();
}

void ImportScreen::drawImport() {
  heading(tr("import.title"));
  const bool busy = model_.task().running();
  ImGui::BeginDisabled(busy);
  entityChoice("import-entity", model_.entity);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
  const bool enter = ImGui::InputTextWithHint("##import-path", L("import.path_hint"), &model_.path,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(LID("files.choose"))) browser_.request(model_.path);
  ImGui::SameLine();
  if (ImGui::Button(LID("import.preview")) || enter) model_.startPreview();
  // The file chosen in the dialog goes into the path field and is previewed at once.
  if (auto chosen = browser_.draw("files.title.import")) {
    model_.path = chosen->string();
    model_.startPreview();
  }
  CheckboxLabelled(tr("import.skip_invalid"), "skip-invalid", &model_.skip_invalid);
  ImGui::SameLine();
  NoteText(tr(model_.skip_invalid ? "import.skip_invalid.note" : "import.all_or_nothing.note"));
  const auto& preview = model_.preview();
  const bool ready = preview && preview->error.empty() && preview->file == model_.path;
  ImGui::BeginDisabled(!ready);
  if (ImGui::Button(LID("import.run"))) model_.startImport();
  ImGui::EndDisabled();
  if (!ready) {
    ImGui::SameLine();
    NoteText(tr("import.preview_first"));
  }
  ImGui::EndDisabled();
  if (model_.report()) drawReport(*model_.report(), false);
  if (preview) drawPreview(*preview);
}

void ImportScreen::drawPreview(const ImportPreview& p) {
  ImGui::Spacing();
  heading(tr("import.preview.title", {std::to_string(p.total_rows)}));
  if (p.headers.empty()) return;
  Text(tr("import.preview.format", {separatorName(p.separator), tr(p.bom ? "import.bom.yes" : "import.bom.no")}));
  // Header mapping, then the first rows, in one table: the mapping is the second header line.
  const int n = static_cast<int>(std::min<std::size_t>(p.headers.size(), 60));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  const float h = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(p.rows.size() + 4);
  if (ImGui::BeginTable("preview", n, flags, ImVec2(0, h))) {
    for (int c = 0; c < n; ++c) ImGui::TableSetupColumn(display(p.headers[static_cast<std::size_t>(c)]).c_str());
    TableHeaders();
    ImGui::TableNextRow();
    for (int c = 0; c < n; ++c) {
      ImGui::TableSetColumnIndex(c);
      const std::string& m = p.mapped[static_cast<std::size_t>(c)];
      if (m.empty())
        TextColored(theme::kWarning, tr("import.ignored"));
      else
        TextColored(theme::kSuccess, "→ " + m);
    }
    for (const auto& row : p.rows) {
      ImGui::TableNextRow();
      for (int c = 0; c < n && c < static_cast<int>(row.size()); ++c) {
        ImGui::TableSetColumnIndex(c);
        const std::string cell = oneLine(row[static_cast<std::size_t>(c)]);  // a quoted line break stays, shown ↵
        ImGui::TextUnformatted(display(cell.size() > 60 ? cell.substr(0, 60) + "…" : cell).c_str());
      }
    }
    ImGui::EndTable();
  }
  if (!p.error.empty()) return;
  drawReport(p.check, true);
}

void ImportScreen::drawReport(const io::ImportReport& r, bool dryRun) {
  ImGui::Spacing();
  if (dryRun) {
    if (r.errors.empty())
      TextColored(theme::kSuccess, tr("import.check.ok", {std::to_string(r.rows)}));
    else
      TextColored(theme::kError, tr("import.check.errors", {std::to_string(r.skipped), std::to_string(r.rows)}));
    Text(
        tr("import.check.counts", {std::to_string(r.created), std::to_string(r.updated), std::to_string(r.unchanged)}));
  } else {
    heading(tr("import.report.title"));
  }
  for (const auto& c : r.ignored_columns) NoteText(tr("import.ignored_column", {c}));
  if (r.errors.empty()) return;
  ImGui::PushID(dryRun ? "dry" : "real");
  const float h =
      ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(r.errors.size(), 10) + 1);
  if (ImGui::BeginTable("errors", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                        ImVec2(0, h))) {
    ImGui::TableSetupColumn(LID("import.column.line"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn(LID("import.column.field"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableSetupColumn(LID("import.column.problem"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupScrollFreeze(0, 1);
    TableHeaders();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.errors.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& e = r.errors[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", e.line);
        ImGui::TableNextColumn();
        Text(e.column);
        ImGui::TableNextColumn();
        Text(e.message);
      }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void ImportScreen::drawExport() {
  heading(tr("export.title"));
  ImGui::BeginDisabled(model_.task().running());
  entityChoice("export-entity", model_.export_entity);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
  ImGui::InputTextWithHint("##export-path", L("export.path_hint"), &model_.export_path);
  ImGui::SameLine();
  if (ImGui::Button(LID("export.run"))) model_.startExport();
  // The label, then its choices, in reading order (from the right edge in Arabic).
  auto choice = [this](const char* key, char separator) {
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(L(key)).x;
    return LineItem{
        w, [this, key, separator] {
          if (ImGui::RadioButton((std::string(L(key)) + "###" + key).c_str(), model_.export_separator == separator))
            model_.export_separator = separator;
        }};
  };
  ReadingLine({LineLabel(tr("export.separator")), choice("export.separator.semicolon", ';'),
               choice("export.separator.comma", ',')});
  NoteText(tr("export.note"));
  ImGui::EndDisabled();
}

}  // namespace moussem::ui
