// The automatic allocation on the plan: the problem read once on the UI thread, solved on a worker
// (which sees no database), then previewed over the plan's booths (who each booth would show, which
// booths change, a summary) until it is taken to be written or discarded. It writes nothing itself:
// the plan's model writes what it takes, as one undo step. No ImGui.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "booth/allocation.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"
#include "ui/screens/plan_rows.hpp"

namespace moussem::ui {

class PlanAllocation {
 public:
  explicit PlanAllocation(Store& store);
  ~PlanAllocation();
  PlanAllocation(const PlanAllocation&) = delete;
  PlanAllocation& operator=(const PlanAllocation&) = delete;

  // Reads the problem and starts the worker. false: not started (one is running, or the problem could
  // not be read: `error` says why).
  bool start(std::string& error);
  void cancel() { task_.cancel(); }
  bool running() const { return task_.running(); }
  double progress() const { return task_.fraction(); }
  void wait() { task_.wait(); }  // tests

  // Each frame: a finished allocation becomes the preview over `booths` (exhibitorIndex: an exhibitor's
  // index in the plan, -1 none). Returns what to tell the user when the worker ended: the preview's
  // summary, or why there is none (cancelled, failed, rules broken).
  struct Outcome {
    bool ok = false;
    std::string message;
  };
  std::optional<Outcome> poll(const std::vector<PlanBooth>& booths, const std::function<int(Id)>& exhibitorIndex);

  bool previewing() const { return preview_ != nullptr; }
  int holder(int booth) const;  // the exhibitor index the preview shows in a booth (-1 nobody); previewing only
  bool changed(int booth) const;
  int changeCount() const { return changes_; }
  const std::string& summary() const { return summary_; }

  // The preview handed over to be written; the preview ends.
  struct Chosen {
    booth::Problem problem;
    booth::Allocation allocation;
  };
  std::optional<Chosen> take();
  void discard();  // the preview ends, nothing written

 private:
  struct Pending;
  struct Preview;
  Store& store_;
  std::shared_ptr<Pending> pending_;  // shared with the worker, which writes its result there
  std::unique_ptr<Preview> preview_;
  std::vector<bool> changedBooths_;
  int changes_ = 0;
  std::string summary_;
  BackgroundTask task_;  // last member: destroyed (joined) first
};

}  // namespace moussem::ui
