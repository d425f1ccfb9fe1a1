#include "ui/background_task.hpp"

#include <exception>

namespace moussem::ui {

namespace {
std::atomic<void (*)()> wakeUpCall{nullptr};
}  // namespace

void setWakeUpCall(void (*wake)()) {
  wakeUpCall = wake;
}

BackgroundTask::~BackgroundTask() {
  cancel_ = true;
  wait();
}

bool BackgroundTask::start(Work work) {
  if (running_) return false;
  wait();  // join a finished worker
  cancel_ = false;
  fraction_ = 0;
  {
    std::lock_guard lock(mutex_);
    stage_.clear();
    finished_.reset();
  }
  running_ = true;
  thread_ = std::thread([this, work = std::move(work)] {
    Context ctx{fraction_, cancel_, [this](const std::string& s) {
                  std::lock_guard lock(mutex_);
                  stage_ = s;
                }};
    Outcome out;
    try {
      out.message = work(ctx);
      out.ok = true;
    } catch (const std::exception& e) {
      out.message = e.what();
    }
    {
      std::lock_guard lock(mutex_);
      finished_ = std::move(out);
    }
    running_ = false;
    if (auto wake = wakeUpCall.load()) wake();
  });
  return true;
}

std::string BackgroundTask::stage() const {
  std::lock_guard lock(mutex_);
  return stage_;
}

std::optional<BackgroundTask::Outcome> BackgroundTask::poll() {
  std::lock_guard lock(mutex_);
  if (running_ || !finished_) return std::nullopt;
  auto out = std::move(finished_);
  finished_.reset();
  return out;
}

void BackgroundTask::wait() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace moussem::ui
