// The plan's hand operations with undo and redo (see plan_operations.hpp).
#include "ui/screens/plan_operations.hpp"

#include "core/i18n.hpp"

namespace moussem::ui {

bool PlanOperations::run(const std::string& done, const std::function<booth::BoothSnapshot()>& op) {
  if (plan_.refuseWhileBusy()) return false;
  bool ok = false;
  try {
    booth::BoothSnapshot before = op();
    if (!before.empty()) plan_.history.record({done, before, plan_.history.current(before), {}, {}, {}, {}});
    plan_.feedback.note(done);
    ok = true;
  } catch (const std::exception& e) {
    plan_.feedback.fail(e.what());
  }
  plan_.reloadBooths();
  return ok;
}

std::string PlanOperations::nameOf(int x) const {
  const auto& e = plan_.exhibitors[x];
  return i18n::language() == "ar" && !e.name_ar.empty() ? e.name_ar : e.name_fr;
}

bool PlanOperations::assign(int booth, Id exhibitor) {
  if (!plan_.validBooth(booth)) return false;
  const std::string code = plan_.booths[booth].booth.code;
  const int x = plan_.exhibitorIndex(exhibitor);
  const std::string name = x >= 0 ? nameOf(x) : "#" + std::to_string(exhibitor);
  return run(tr("booth.assigned", {code, name}), [&] { return booth::assignBooth(plan_.store, code, exhibitor); });
}

bool PlanOperations::move(int from, int to) {
  if (!plan_.validBooth(from) || !plan_.validBooth(to) || from == to) return false;
  const std::string a = plan_.booths[from].booth.code, b = plan_.booths[to].booth.code;
  const int holder = plan_.booths[from].holder;
  const std::string done = holder >= 0 && plan_.booths[to].holder < 0 ? tr("plan.moved", {nameOf(holder), a, b})
                                                                      : tr("plan.swapped", {a, b});
  return run(done, [&] { return booth::swapBooths(plan_.store, a, b); });
}

bool PlanOperations::unassign(int booth) {
  if (!plan_.validBooth(booth)) return false;
  const std::string code = plan_.booths[booth].booth.code;
  return run(tr("booth.unassigned", {code}), [&] { return booth::unassignBooth(plan_.store, code); });
}

bool PlanOperations::toggleLock(int booth) {
  if (!plan_.validBooth(booth)) return false;
  const std::string code = plan_.booths[booth].booth.code;
  const bool lock = !plan_.booths[booth].booth.locked;
  return run(tr(lock ? "booth.locked_done" : "booth.unlocked_done", {code}),
             [&] { return booth::lockBooth(plan_.store, code, lock); });
}

bool PlanOperations::toggleHold(int booth) {
  if (!plan_.validBooth(booth)) return false;
  const std::string code = plan_.booths[booth].booth.code;
  const bool hold = plan_.booths[booth].booth.status != BoothStatus::Hold;
  return run(tr(hold ? "booth.held" : "booth.released", {code}),
             [&] { return booth::holdBooth(plan_.store, code, hold); });
}

bool PlanOperations::play(bool forward) {
  if (plan_.refuseWhileBusy() || !(forward ? plan_.history.canRedo() : plan_.history.canUndo())) return false;
  const auto played = forward ? plan_.history.redo() : plan_.history.undo();
  const bool done = played.kind == PlanHistory::Played::Kind::Done;
  if (done)
    plan_.feedback.note(tr(forward ? "plan.redone" : "plan.undone", {played.text}));
  else
    plan_.feedback.fail(played.text);
  plan_.reload();
  return done;
}

}  // namespace moussem::ui
