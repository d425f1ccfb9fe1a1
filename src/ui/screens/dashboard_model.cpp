#include "ui/screens/dashboard_model.hpp"

#include <chrono>

namespace moussem::ui {

void DashboardModel::tick(double now) {
  if (auto outcome = task_.poll()) {
    if (outcome->ok) {
      figures_ = builder_->figures();  // the worker is done with it
      lastMs_ = std::stod(outcome->message);
      loaded_ = true;
      error_.clear();
    } else {
      error_ = outcome->message;  // e.g. the database is gone: said on screen, retried next period
      connection_->reset();
    }
    due_ = now + period_;
  }
  if (task_.running() || now < due_) return;
  // New registrations are re-read every 30 s (people named by new scans or prints at once).
  const bool people = now - lastPeopleRead_ >= 30.0;
  if (people) lastPeopleRead_ = now;
  auto builder = builder_;
  auto connection = connection_;
  const std::string location = location_;
  due_ = now + period_;
  task_.start([builder, connection, location, people](BackgroundTask::Context&) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!*connection) *connection = openStore(location);
    builder->update(**connection, people);
    return std::to_string(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  });
}

}  // namespace moussem::ui
