// Long work off the UI thread (DESIGN.md, habit 3): a batch of badges, an import, a print job. The
// worker reports progress through atomics and sees a cancel flag; its outcome (a message, or the error
// it threw) is picked up by the UI thread with poll(). The worker must not touch ImGui, and must use
// its own store connection (open one from Store::location()).
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace moussem::ui {

// Called on the worker's thread when a task ends, so that an event loop asleep waiting for input draws
// the outcome at once (the app sets glfwPostEmptyEvent; it must be thread-safe). None: tests, no window.
void setWakeUpCall(void (*wake)());

class BackgroundTask {
 public:
  struct Context {
    std::atomic<double>& fraction;
    std::atomic<bool>& cancel;
    std::function<void(const std::string&)> setStage;  // a catalog key, e.g. "badge.progress.render"
  };
  struct Outcome {
    bool ok = false;
    std::string message;  // the worker's result text, or the error's message
  };
  // The work returns its success message; an exception becomes a failed outcome with its message.
  using Work = std::function<std::string(Context&)>;

  BackgroundTask() = default;
  ~BackgroundTask();  // asks to cancel and waits: a task never outlives its screen
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  // Starts work unless a task is already running (returns false then).
  bool start(Work work);
  bool running() const { return running_.load(); }
  double fraction() const { return fraction_.load(); }
  std::string stage() const;
  void cancel() { cancel_ = true; }
  bool cancelRequested() const { return cancel_.load(); }
  // On the UI thread, once per frame: the outcome of a task that has just finished, exactly once.
  std::optional<Outcome> poll();
  // Waits for the worker to finish (tests).
  void wait();

 private:
  std::thread thread_;
  std::atomic<bool> running_{false}, cancel_{false};
  std::atomic<double> fraction_{0};
  mutable std::mutex mutex_;
  std::string stage_;
  std::optional<Outcome> finished_;
};

}  // namespace moussem::ui
