// What the dashboard shows, with no ImGui: the event in figures (report::FiguresBuilder), refreshed on a
// worker with its own store connection every few seconds (only what is new is read), never on the UI
// thread. The screen draws the latest figures and the chosen day. The report (PDF, XLSX or a folder of
// CSV tables) is exported from the figures on screen, on a second worker with a progress bar.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "report/figures.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"

namespace moussem::ui {

class DashboardModel {
 public:
  explicit DashboardModel(Store& store);

  // Once per frame with the ImGui clock: starts a refresh when the last one is older than the period.
  void tick(double now);
  void refreshNow() { due_ = 0; }
  // When the next refresh starts (the tick() clock); while one runs, its end wakes the app instead.
  double nextRefreshAt() const { return task_.running() ? 1e18 : due_; }
  void setPeriod(double seconds) { period_ = seconds; }
  bool loaded() const { return loaded_; }
  bool refreshing() const { return task_.running(); }
  const report::EventFigures& figures() const { return figures_; }
  const std::string& error() const { return error_; }
  double lastRefreshMs() const { return lastMs_; }
  void wait() { task_.wait(); }  // tests

  int day = -1;  // index into figures().days; -1: today if it is an edition day, else the first day

  // Export. export_path names the report without its extension (one is added per format; CSV tables go
  // into a folder of that name); a known extension typed in is replaced; "~/" is the home folder.
  enum class Format { Pdf, Xlsx, Csv };
  std::string export_path;
  std::string exportTarget(Format format) const;  // the file or folder a format writes to
  // Checks the target (folder exists, writable) at once, then writes on a worker. False if refused now
  // (exportMessage() says why) or an export is already running.
  bool startExport(Format format);
  BackgroundTask& exportTask() { return exportTask_; }
  const BackgroundTask& exportTask() const { return exportTask_; }
  const std::string& exportMessage() const { return exportMessage_; }
  bool exportFailed() const { return exportFailed_; }
  const std::string& lastExport() const { return lastExport_; }  // the file or folder last written
  void waitExport() { exportTask_.wait(); }                      // tests

 private:
  std::string location_;
  BackgroundTask task_;
  // Owned by the worker while a refresh runs; the UI reads only figures_ (a copy taken in tick()).
  std::shared_ptr<report::FiguresBuilder> builder_ = std::make_shared<report::FiguresBuilder>();
  std::shared_ptr<std::unique_ptr<Store>> connection_ = std::make_shared<std::unique_ptr<Store>>();
  report::EventFigures figures_;
  std::string error_;
  bool loaded_ = false;
  double due_ = 0, period_ = 3.0, lastMs_ = 0, lastPeopleRead_ = -1e9;
  std::string exportMessage_, lastExport_, pendingExport_;
  bool exportFailed_ = false;
  BackgroundTask exportTask_;  // joined before the figures it reads go
};

}  // namespace moussem::ui
