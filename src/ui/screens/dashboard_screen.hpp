// The live dashboard: inside now per zone, entries per day and per hour, entries by category, the
// registration funnel per category, exhibitors present by region and sector, booth occupancy by hall.
// Figures come from DashboardModel (refreshed on a worker); drawing reads only its last copy. A bar at the
// top exports the report (PDF, XLSX, CSV tables) on a worker with a progress bar.
#pragma once
#include "ui/screen.hpp"
#include "ui/screens/dashboard_model.hpp"

namespace moussem::ui {

class DashboardScreen final : public Screen {
 public:
  explicit DashboardScreen(Store& store) : model_(store) {}
  const char* id() const override { return "dashboard"; }
  const char* titleKey() const override { return "nav.dashboard"; }
  void onShow() override { model_.refreshNow(); }
  void refresh() override { model_.refreshNow(); }
  void draw() override;
  // Live without burning the CPU: a frame when the next refresh is due, and one when its figures arrive
  // (the worker wakes the app); frame after frame only while an export's progress bar moves.
  bool busy() const override { return model_.exportTask().running(); }
  double nextFrameIn() const override;
  DashboardModel& model() { return model_; }

 private:
  void drawExport();
  DashboardModel model_;
};

}  // namespace moussem::ui
