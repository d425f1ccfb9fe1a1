// The plan's search (see plan_search.hpp).
#include "ui/screens/plan_search.hpp"

#include "core/text_fold.hpp"

namespace moussem::ui {

void PlanSearch::setText(const std::string& text) {
  text_ = text;
  folded_ = text::foldForSearch(text);
}

bool PlanSearch::matches(const PlanExhibitor& x) const {
  return !folded_.empty() && x.folded.find(folded_) != std::string::npos;
}

void PlanSearch::apply(const std::vector<PlanBooth>& booths, const std::vector<PlanExhibitor>& exhibitors,
                       const std::function<int(int)>& shownHolder) {
  hits_.assign(booths.size(), false);
  hitCount_ = 0;
  if (!folded_.empty())
    for (std::size_t i = 0; i < booths.size(); ++i) {
      bool hit = text::foldForSearch(booths[i].booth.code).find(folded_) != std::string::npos;
      const int holder = shownHolder(static_cast<int>(i));
      if (!hit && holder >= 0) hit = matches(exhibitors[holder]);
      hits_[i] = hit;
      hitCount_ += hit;
    }
  unassigned_.clear();
  unassignedTotal_ = 0;
  for (std::size_t i = 0; i < exhibitors.size(); ++i) {
    const auto& x = exhibitors[i];
    if (x.area <= 0 || x.booth >= 0) continue;
    ++unassignedTotal_;
    if (folded_.empty() || matches(x)) unassigned_.push_back(static_cast<int>(i));
  }
}

}  // namespace moussem::ui
