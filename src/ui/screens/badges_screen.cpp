#include "ui/screens/badges_screen.hpp"

#include <imgui.h>

#include <cstring>

#include "badge/badge_template.hpp"
#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/printer_choice.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

void heading(const char* key) {
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr(key));
  if (fonts().bold) ImGui::PopFont();
}

const std::string& labelIn(const Category& c) {
  const std::string& lang = i18n::language();
  if (lang == "ar" && !c.label_ar.empty()) return c.label_ar;
  if (lang == "en" && !c.label_en.empty()) return c.label_en;
  return c.label_fr;
}

}  // namespace

void BadgesScreen::draw() {
  if (!model_.loaded()) model_.refresh();
  model_.poll();
  if (!path_loaded_) {
    std::strncpy(path_, model_.pdf_path.c_str(), sizeof path_ - 1);
    path_loaded_ = true;
  }
  if (model_.previewFace())
    preview_.show(model_.previewKey(), *model_.previewFace(), model_.template_name);
  else
    preview_.clear();

  const float previewWidth = ImGui::GetFontSize() * 18;
  const bool rtl = isRtlLayout();
  auto leftColumn = [&] {
    ImGui::BeginChild("batch", ImVec2(ImGui::GetContentRegionAvail().x - (rtl ? 0 : previewWidth), 0));
    drawSelection();
    ImGui::Separator();
    drawActions();
    ImGui::Separator();
    drawPrinter();
    ImGui::Separator();
    drawLog();
    ImGui::EndChild();
  };
  auto previewColumn = [&] {
    ImGui::BeginChild("preview", ImVec2(rtl ? previewWidth : 0, 0));
    heading("badges.preview");
    preview_.draw(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing());
    if (!model_.previewFace()) Text(tr("badges.preview.none"));
    ImGui::EndChild();
  };
  // Mirrored in right-to-left layouts: the preview on the left, the batch on the right.
  if (rtl) {
    previewColumn();
    ImGui::SameLine();
    leftColumn();
  } else {
    leftColumn();
    ImGui::SameLine();
    previewColumn();
  }
}

void BadgesScreen::drawSelection() {
  heading("badges.who");
  bool changed = false;
  const float w = ImGui::GetFontSize() * 16;

  // Category.
  std::string current = model_.filter.category.empty() ? tr("badges.any_category") : std::string();
  for (const auto& c : model_.categories())
    if (c.code == model_.filter.category) current = labelIn(c);
  ImGui::SetNextItemWidth(w);
  if (BeginComboShaped(LID("badges.category"), current)) {
    if (ImGui::Selectable(display(tr("badges.any_category")).c_str(), model_.filter.category.empty())) {
      model_.filter.category.clear();
      changed = true;
    }
    for (const auto& c : model_.categories())
      if (ImGui::Selectable((display(labelIn(c)) + "##" + c.code).c_str(), c.code == model_.filter.category)) {
        model_.filter.category = c.code;
        changed = true;
      }
    ImGui::EndCombo();
  }

  // Exhibitor.
  std::string exhibitor = tr("badges.any_exhibitor");
  for (const auto& [id, name] : model_.exhibitors())
    if (id == model_.filter.exhibitor) exhibitor = name;
  ImGui::SetNextItemWidth(w);
  if (BeginComboShaped(LID("badges.exhibitor"), exhibitor, ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(display(tr("badges.any_exhibitor")).c_str(), model_.filter.exhibitor == 0)) {
      model_.filter.exhibitor = 0;
      changed = true;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(model_.exhibitors().size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& [id, name] = model_.exhibitors()[static_cast<std::size_t>(i)];
        if (ImGui::Selectable((display(name) + "##ex" + std::to_string(id)).c_str(), id == model_.filter.exhibitor)) {
          model_.filter.exhibitor = id;
          changed = true;
        }
      }
    ImGui::EndCombo();
  }

  if (CheckboxLabelled(tr("badges.not_printed"), "not-printed", &model_.filter.not_printed)) changed = true;

  // Template.
  ImGui::SetNextItemWidth(w);
  if (BeginComboShaped(LID("badges.template"), tr("badges.template." + model_.template_name))) {
    for (const auto& name : templateNames())
      if (ImGui::Selectable(LID("badges.template." + name), name == model_.template_name)) {
        model_.template_name = name;
        changed = true;
      }
    ImGui::EndCombo();
  }
  if (changed) model_.selectionChanged();

  Text(trn("badges.selected", static_cast<long long>(model_.count())));
  if (model_.alreadyPrinted() > 0) {
    ImGui::SameLine();
    TextColored(theme::kWarning, trn("badges.already_printed", static_cast<long long>(model_.alreadyPrinted())));
  }
}

void BadgesScreen::drawActions() {
  BackgroundTask& task = model_.task();
  if (task.running()) {
    const std::string stage = task.stage();
    Text(stage.empty() ? tr("badges.working") : tr(stage));
    ImGui::ProgressBar(static_cast<float>(task.fraction()), ImVec2(-ImGui::GetFontSize() * 7, 0));
    ImGui::SameLine();
    if (task.cancelRequested()) ImGui::BeginDisabled();
    if (ImGui::Button(LID("badges.cancel"))) task.cancel();
    if (task.cancelRequested()) ImGui::EndDisabled();
    return;
  }
  if (!model_.message().empty()) {
    if (model_.messageIsError())
      ErrorText(model_.message());  // wrapped: a long message is never cut
    else
      TextWrapped(model_.message());
  }
  const bool empty = model_.count() == 0;
  if (empty) ImGui::BeginDisabled();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  ImGui::InputText(LID("badges.pdf_path"), path_, sizeof path_);
  if (ImGui::Button(LID("badges.save_pdf"))) {
    model_.pdf_path = path_;
    model_.startRender();
  }
  ImGui::SameLine();
  if (ImGui::Button(LID("badges.print"))) {
    if (model_.startPrint(false) == BadgesModel::PrintStart::NeedsConfirmation) ImGui::OpenPopup("###confirm-print");
  }
  if (empty) ImGui::EndDisabled();

  if (ImGui::BeginPopupModal((display(tr("badges.confirm.title")) + "###confirm-print").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    Text(trn("badges.confirm.text", static_cast<long long>(model_.alreadyPrinted())));
    if (ImGui::Button(LID("badges.confirm.yes"))) {
      model_.startPrint(true);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(LID("badges.confirm.no")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void BadgesScreen::drawPrinter() {
  heading("badges.printer");
  PrinterChoice(model_.printer(), model_.template_name);
}

void BadgesScreen::drawLog() {
  heading("badges.log");
  if (model_.log().empty()) {
    Text(tr("print.log_empty"));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (ImGui::BeginTable("print-log", 4, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8))) {
    const char* keys[4] = {"badges.log.when", "badges.log.serial", "badges.log.station", "badges.log.operator"};
    for (int i = 0; i < 4; ++i) ImGui::TableSetupColumn(LID(keys[isRtlLayout() ? 3 - i : i]));
    ImGui::TableSetupScrollFreeze(0, 1);
    TableHeaders();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(model_.log().size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const auto& line = model_.log()[static_cast<std::size_t>(r)];
        std::string cells[4] = {line.at.substr(0, 16), line.serial + " v" + std::to_string(line.version), line.station,
                                line.operator_name};
        ImGui::TableNextRow();
        for (int i = 0; i < 4; ++i) {
          ImGui::TableNextColumn();
          Text(cells[isRtlLayout() ? 3 - i : i]);
        }
      }
    ImGui::EndTable();
  }
}

}  // namespace moussem::ui
