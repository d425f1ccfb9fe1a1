// The Badges screen's data, with no ImGui: who a batch is for (everyone, a category, an exhibitor's
// staff, only the not yet printed), rendering it to one PDF or printing it on this station's printer
// on a worker with progress and cancel, the station's printer and paper, the print log, and a preview
// of the first badge of the batch. Tested without a window.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "badge/badge_render.hpp"
#include "badge/printing.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"
#include "ui/screens/printer_setup.hpp"

namespace moussem::ui {

class BadgesModel {
 public:
  explicit BadgesModel(Store& store);

  void refresh();  // lists, printers, settings, log and counts; never called per frame
  bool loaded() const { return loaded_; }

  // The selection: edit filter / template_name, then call selectionChanged().
  PeopleFilter filter;
  std::string template_name = "a6";
  void selectionChanged();
  std::size_t count() const { return count_; }
  std::size_t alreadyPrinted() const { return already_printed_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<std::pair<Id, std::string>>& exhibitors() const { return exhibitors_; }  // id, name

  // Rendering to a file and printing, on the worker.
  std::string pdf_path;  // where "Save as PDF" writes
  bool startRender();
  enum class PrintStart { Started, NeedsConfirmation, Busy, Empty };
  PrintStart startPrint(bool again);
  BackgroundTask& task() { return task_; }
  const BackgroundTask& task() const { return task_; }
  // Once per frame: picks up a finished task's outcome, and refreshes the log and counts after it.
  void poll();
  const std::string& message() const { return message_; }
  bool messageIsError() const { return message_error_; }

  // This station's printer and paper, chosen once, and its test page.
  const std::string& station() const { return station_; }
  PrinterSetup& printer() { return printer_; }
  const std::vector<PrintRecord>& log() const { return log_; }

  // The first badge of the batch as it will print; nothing is written to build it.
  const std::optional<BadgeFace>& previewFace() const { return preview_; }
  std::string previewKey() const;

 private:
  std::vector<Id> recount();  // the batch's people; sets count_ and already_printed_
  void loadPreview(Id first);

  Store& store_;
  bool loaded_ = false;
  std::string station_, operator_;
  std::vector<Category> categories_;
  std::vector<std::pair<Id, std::string>> exhibitors_;
  PrinterSetup printer_;
  std::vector<PrintRecord> log_;
  std::size_t count_ = 0, already_printed_ = 0;
  std::optional<BadgeFace> preview_;
  std::string preview_serial_;
  int preview_version_ = 0;
  BackgroundTask task_;
  std::string message_;
  bool message_error_ = false;
};

}  // namespace moussem::ui
