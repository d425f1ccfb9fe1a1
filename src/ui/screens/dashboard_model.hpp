// What the dashboard shows, with no ImGui: the event in figures (report::FiguresBuilder), refreshed on a
// worker with its own store connection every few seconds (only what is new is read), never on the UI
// thread. The screen draws the latest figures and the chosen day.
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
  explicit DashboardModel(Store& store) : location_(store.location()) {}

  // Once per frame with the ImGui clock: starts a refresh when the last one is older than the period.
  void tick(double now);
  void refreshNow() { due_ = 0; }
  void setPeriod(double seconds) { period_ = seconds; }
  bool loaded() const { return loaded_; }
  bool refreshing() const { return task_.running(); }
  const report::EventFigures& figures() const { return figures_; }
  const std::string& error() const { return error_; }
  double lastRefreshMs() const { return lastMs_; }
  void wait() { task_.wait(); }  // tests

  int day = -1;  // index into figures().days; -1: today if it is an edition day, else the first day

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
};

}  // namespace moussem::ui
