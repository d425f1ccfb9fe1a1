// This station's printer and paper, and a test page: the Badges screen shows it, and the desk's "no
// printer" message opens the same choice in place, so a desk operator never needs the command line.
// The printers are those CUPS knows (read on refresh, never per frame); the choice is kept in the
// database under the station's name. No ImGui here.
#pragma once
#include <string>
#include <vector>

#include "badge/printing.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"

namespace moussem::ui {

class PrinterSetup {
 public:
  explicit PrinterSetup(Store& store);

  void refresh();  // the printers CUPS knows and this station's settings
  bool loaded() const { return loaded_; }
  const std::string& station() const { return station_; }
  const std::vector<PrinterInfo>& printers() const { return printers_; }
  // The paper sizes offered: the template's own (empty), then the badge sizes.
  static const std::vector<std::string>& papers();

  PrintSettings settings;  // edit, then save()
  void save();
  // A print has somewhere to go (a printer chosen, or this machine's default printer).
  bool ready() const { return printerChosen(settings, printers_); }

  // A test page with the chosen printer and paper, on a worker (badge_batch.hpp: printTestPage).
  bool startTestPage(const std::string& template_name);
  BackgroundTask& task() { return task_; }
  const BackgroundTask& task() const { return task_; }
  void poll();  // once per frame: the test page's outcome
  const std::string& message() const { return message_; }
  bool messageIsError() const { return message_error_; }

 private:
  Store& store_;
  std::string station_;
  std::vector<PrinterInfo> printers_;
  bool loaded_ = false;
  std::string message_;
  bool message_error_ = false;
  BackgroundTask task_;  // last: joined before the rest goes
};

}  // namespace moussem::ui
