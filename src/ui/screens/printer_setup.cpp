#include "ui/screens/printer_setup.hpp"

#include "badge/badge_batch.hpp"
#include "badge/badge_template.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"

namespace moussem::ui {

PrinterSetup::PrinterSetup(Store& store) : store_(store), station_(stationName()) {}

void PrinterSetup::refresh() {
  printers_ = listPrinters();
  settings = stationPrintSettings(store_, station_);
  loaded_ = true;
}

const std::vector<std::string>& PrinterSetup::papers() {
  static const std::vector<std::string> kPapers{"", "iso_a6_105x148mm", "iso_a4_210x297mm", "custom_cr80_54x85.6mm"};
  return kPapers;
}

void PrinterSetup::save() {
  saveStationPrintSettings(store_, station_, settings);
  message_ =
      tr("print.station_set", {station_, settings.printer.empty() ? tr("print.default_printer") : settings.printer});
  message_error_ = false;
}

bool PrinterSetup::startTestPage(const std::string& template_name) {
  if (task_.running()) return false;
  message_.clear();
  const PrintSettings s = settings;
  const std::string station = station_, tmpl = template_name;
  return task_.start([=](BackgroundTask::Context& ctx) {
    ctx.setStage("print.test.sending");
    BadgeRenderer renderer(loadTemplate(tmpl));
    const int job = printTestPage(renderer, s, station);
    return tr("print.test.sent", {s.printer.empty() ? tr("print.default_printer") : s.printer, std::to_string(job)});
  });
}

void PrinterSetup::poll() {
  if (auto outcome = task_.poll()) {
    message_ = outcome->message;
    message_error_ = !outcome->ok;
  }
}

}  // namespace moussem::ui
