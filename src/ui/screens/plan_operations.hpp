// The hand operations on the plan's booths (assign, move or swap, unassign, lock, hold), each one undo
// step, and undo and redo of every step (the editor's too). Operations go through booth_service, so the
// plan refuses what the command line refuses, with the same message. Refused while an allocation is
// running or previewed. No ImGui.
#pragma once
#include <functional>
#include <string>

#include "booth/booth_service.hpp"
#include "ui/screens/plan_context.hpp"

namespace moussem::ui {

class PlanOperations {
 public:
  explicit PlanOperations(PlanContext& plan) : plan_(plan) {}

  // false: refused or failed, the feedback says why and nothing changed.
  bool assign(int booth, Id exhibitor);
  bool move(int from, int to);  // swap when both are held
  bool unassign(int booth);
  bool toggleLock(int booth);
  bool toggleHold(int booth);

  bool undo() { return play(false); }
  bool redo() { return play(true); }
  bool canUndo() const { return plan_.history.canUndo() && !plan_.busy(); }
  bool canRedo() const { return plan_.history.canRedo() && !plan_.busy(); }

 private:
  bool run(const std::string& done, const std::function<booth::BoothSnapshot()>& op);
  bool play(bool forward);
  std::string nameOf(int exhibitor) const;

  PlanContext& plan_;
};

}  // namespace moussem::ui
