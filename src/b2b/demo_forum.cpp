// The demo edition with its forum scheduled (see demo_forum.hpp).
#include "b2b/demo_forum.hpp"

#include "booth/demo_venue.hpp"

namespace moussem::b2b {

int defaultDemoBuyers(long long participants) {
  return participants >= 400 ? 60 : 0;
}

DemoForum fillDemoWithForum(Store& store, const DemoOptions& options,
                            const std::function<void(double)>& scheduleProgress) {
  DemoForum out;
  out.summary = booth::fillDemoEdition(store, options);  // on the OLM Souissi example plan
  if (out.summary.b2b_requests > 0) {
    PlanOptions po;
    po.seed = options.seed;
    po.progress = scheduleProgress;
    out.schedule = planSchedule(store, po);
    applySchedule(store, out.schedule, false);
  }
  return out;
}

}  // namespace moussem::b2b
