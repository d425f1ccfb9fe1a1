// In-app import and export of exhibitors and participants, with no ImGui. Import: choose the file and
// what it holds; the preview (read on a worker) shows the detected separator, how each header maps to
// a field, the first rows, and a dry run's per-row error report; then the import runs on a worker with
// a progress bar, all-or-nothing or skipping the invalid rows, and the search index is rebuilt. Export:
// CSV (';' for French Excel or ',') or XLSX by the file's extension, on a worker.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "io/import.hpp"
#include "ui/background_task.hpp"
#include "ui/desk_session.hpp"

namespace moussem::ui {

struct ImportPreview {
  std::string file;
  char separator = ',';
  bool bom = false;
  std::vector<std::string> headers;
  std::vector<std::string> mapped;             // canonical field of each header, "" when ignored
  std::vector<std::string> missing_required;   // required fields no header maps to
  std::vector<std::vector<std::string>> rows;  // the first rows, as read
  std::size_t total_rows = 0;
  io::ImportReport check;  // the dry run: every bad row with line and reason
  std::string error;       // the file cannot be read as a table: why (file, line)
};

class ImportModel {
 public:
  static constexpr std::size_t kPreviewRows = 8;
  explicit ImportModel(DeskSession& session);

  // Import.
  io::Entity entity = io::Entity::Participants;
  std::string path;
  bool skip_invalid = false;
  bool startPreview();
  bool startImport();
  const std::optional<ImportPreview>& preview() const { return preview_; }
  const std::optional<io::ImportReport>& report() const { return report_; }

  // Export.
  io::Entity export_entity = io::Entity::Participants;
  std::string export_path;
  char export_separator = ';';
  bool startExport();

  BackgroundTask& task() { return task_; }
  const BackgroundTask& task() const { return task_; }
  void poll();  // once per frame: picks up what the worker finished
  void wait();  // tests
  const std::string& message() const { return message_; }
  bool messageIsError() const { return message_error_; }

 private:
  enum class Job { None, Preview, Import, Export };
  DeskSession& session_;
  Job job_ = Job::None;
  std::mutex mutex_;
  std::optional<ImportPreview> pending_preview_;
  std::optional<io::ImportReport> pending_report_;
  std::optional<ImportPreview> preview_;
  std::optional<io::ImportReport> report_;
  std::string message_;
  bool message_error_ = false;
  BackgroundTask task_;  // last: joined before the rest goes
};

// The report's text lines, one per bad row: "line 12, e-mail: ..." (the screen lists them).
std::string describeRowError(const io::RowError& error);

}  // namespace moussem::ui
