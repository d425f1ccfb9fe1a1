// What the plan's parts that change it (plan_operations: the hand operations on booths, with undo and
// redo; plan_editor: the venue editor) share with the model that composes them: the plan as read
// (read-only to them: they write to the store, then the model reads the plan again), the selection,
// the undo steps, the line that tells the user what happened, and the model's hooks. No ImGui.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/domain.hpp"
#include "store/store.hpp"
#include "ui/screens/plan_history.hpp"
#include "ui/screens/plan_rows.hpp"
#include "ui/screens/plan_selection.hpp"

namespace moussem::ui {

// The plan's one line of feedback: what was done, or why it was refused (an error).
struct PlanFeedback {
  std::string text;
  bool error = false;
  void fail(const std::string& message) { text = message, error = true; }
  void note(const std::string& message) { text = message, error = false; }
};

struct PlanContext {
  Store& store;
  const std::vector<Hall>& halls;
  const std::vector<VenueFeature>& features;
  const std::vector<PlanBooth>& booths;
  const std::vector<PlanExhibitor>& exhibitors;
  PlanSelection& selection;
  PlanHistory& history;
  PlanFeedback& feedback;
  std::function<bool()> busy;          // an allocation is running or previewed: the plan is not to change
  std::function<void()> reload;        // reads the whole plan again (after the venue changed)
  std::function<void()> reloadBooths;  // reads the booths again (after an operation on booths)

  // true: refused because busy(), the feedback says why.
  bool refuseWhileBusy();
  bool validBooth(int booth) const { return booth >= 0 && booth < static_cast<int>(booths.size()); }
  int boothIndex(const std::string& code) const;  // -1: none
  int exhibitorIndex(Id id) const;                // -1: none
  const Hall* hallOf(const std::string& code) const;
  const VenueFeature* featureOf(const std::string& code) const;
};

}  // namespace moussem::ui
