// The plan's search: booth codes, exhibitors' names (French and Arabic, accents and hamza forms
// ignored), city, sector and region. From the booths as shown (an allocation preview's holders
// included) it finds the booths to highlight, and the exhibitors without a booth that the side list
// keeps. No ImGui, no database: the plan's rows come from the caller.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "ui/screens/plan_rows.hpp"

namespace moussem::ui {

class PlanSearch {
 public:
  // Empty: nothing highlighted, every exhibitor without a booth listed.
  void setText(const std::string& text);
  const std::string& text() const { return text_; }
  bool matches(const PlanExhibitor& exhibitor) const;

  // Recomputes what the search finds. shownHolder(booth): the exhibitor index shown in it, -1 nobody.
  void apply(const std::vector<PlanBooth>& booths, const std::vector<PlanExhibitor>& exhibitors,
             const std::function<int(int)>& shownHolder);
  bool highlighted(int booth) const { return booth >= 0 && booth < static_cast<int>(hits_.size()) && hits_[booth]; }
  int hitCount() const { return hitCount_; }
  // Exhibitors who asked for a booth (area > 0) and have none, in the plan's order; filtered.
  const std::vector<int>& unassigned() const { return unassigned_; }
  int unassignedTotal() const { return unassignedTotal_; }  // whatever the search

 private:
  std::string text_, folded_;
  std::vector<bool> hits_;
  int hitCount_ = 0;
  std::vector<int> unassigned_;
  int unassignedTotal_ = 0;
};

}  // namespace moussem::ui
