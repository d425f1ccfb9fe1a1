#include "ui/widgets/printer_choice.hpp"

#include <imgui.h>

#include "core/i18n.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

void PrinterChoice(PrinterSetup& setup, const std::string& template_name) {
  if (!setup.loaded()) setup.refresh();
  setup.poll();
  TextWrapped(tr("badges.station", {setup.station()}));
  const float w = ImGui::GetFontSize() * 16;
  const std::string shown = setup.settings.printer.empty() ? tr("print.default_printer") : setup.settings.printer;
  bool changed = false;
  ImGui::SetNextItemWidth(w);
  if (BeginComboShaped(LID("badges.printer.name"), shown)) {
    if (ImGui::Selectable(display(tr("print.default_printer")).c_str(), setup.settings.printer.empty())) {
      setup.settings.printer.clear();
      changed = true;
    }
    for (const auto& p : setup.printers()) {
      const std::string label = p.name + "  (" + tr("print.state." + p.state) + ")";
      if (ImGui::Selectable((display(label) + "##" + p.name).c_str(), p.name == setup.settings.printer)) {
        setup.settings.printer = p.name;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button(LID("print.refresh"))) setup.refresh();
  if (setup.printers().empty()) NoteText(tr("print.none_found"));
  const std::string paper = setup.settings.paper.empty() ? tr("badges.paper.template") : setup.settings.paper;
  ImGui::SetNextItemWidth(w);
  if (BeginComboShaped(LID("badges.paper"), paper)) {
    for (const std::string& p : PrinterSetup::papers()) {
      const std::string label = p.empty() ? tr("badges.paper.template") : p;
      if (ImGui::Selectable((display(label) + "##" + p).c_str(), setup.settings.paper == p)) {
        setup.settings.paper = p;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (changed) setup.save();

  BackgroundTask& task = setup.task();
  ImGui::BeginDisabled(task.running());
  if (ImGui::Button(LID("print.test.button"))) setup.startTestPage(template_name);
  ImGui::EndDisabled();
  if (task.running()) {
    ImGui::SameLine();
    Text(tr("print.test.sending"));
  } else if (!setup.message().empty()) {
    if (setup.messageIsError())
      ErrorText(setup.message());
    else
      TextWrapped(setup.message());
  }
}

}  // namespace moussem::ui
