// Import and export of exhibitors and participants. Import: what the file holds, its path (typed, or
// chosen with "Choose…" in the app's own file dialog, widgets/file_browser), Preview
// (separator, header mapping, first rows, every bad row with its line and reason from a dry run), then
// Import, all-or-nothing or skipping the invalid rows, with a progress bar and cancel. Export: what,
// where (.csv or .xlsx), and the CSV separator.
#pragma once
#include <memory>

#include "ui/screen.hpp"
#include "ui/screens/import_model.hpp"
#include "ui/widgets/file_browser.hpp"

namespace moussem::ui {

class ImportScreen final : public Screen {
 public:
  explicit ImportScreen(std::shared_ptr<DeskSession> session) : session_(std::move(session)), model_(*session_) {}
  const char* id() const override { return "import"; }
  const char* titleKey() const override { return "nav.import"; }
  bool busy() const override { return model_.task().running(); }
  void draw() override;
  ImportModel& model() { return model_; }
  FileBrowser& fileBrowser() { return browser_; }  // tests

 private:
  void drawImport();
  void drawPreview(const ImportPreview& preview);
  void drawReport(const io::ImportReport& report, bool dryRun);
  void drawExport();
  void drawProgress();

  std::shared_ptr<DeskSession> session_;
  ImportModel model_;
  FileBrowser browser_{{".csv", ".tsv", ".txt"}};
};

}  // namespace moussem::ui
