// The plan's shared context (see plan_context.hpp).
#include "ui/screens/plan_context.hpp"

#include "core/i18n.hpp"

namespace moussem::ui {

bool PlanContext::refuseWhileBusy() {
  if (!busy()) return false;
  feedback.fail(tr("plan.error.previewing"));
  return true;
}

int PlanContext::boothIndex(const std::string& code) const {
  for (std::size_t i = 0; i < booths.size(); ++i)
    if (booths[i].booth.code == code) return static_cast<int>(i);
  return -1;
}

int PlanContext::exhibitorIndex(Id id) const {
  for (std::size_t i = 0; i < exhibitors.size(); ++i)
    if (exhibitors[i].id == id) return static_cast<int>(i);
  return -1;
}

const Hall* PlanContext::hallOf(const std::string& code) const {
  for (const auto& h : halls)
    if (h.code == code) return &h;
  return nullptr;
}

const VenueFeature* PlanContext::featureOf(const std::string& code) const {
  for (const auto& f : features)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace moussem::ui
