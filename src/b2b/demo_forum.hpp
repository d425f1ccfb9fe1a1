// The demo edition as both the `demo` command and the app's "Demo" button make it: filled on the
// example venue plan (booth/demo_venue.hpp) and, when it has a B2B forum, its programme scheduled and
// applied (not published), as an organiser would before publishing it. Written once for both.
#pragma once
#include <functional>

#include "b2b/schedule_service.hpp"
#include "store/demo/demo_data.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

// The forum's buyers for a demo of this many participants when nobody chose: 60 for the full demo
// edition (400 participants or more), none for a smaller one (the tests' small demos stay as they were).
int defaultDemoBuyers(long long participants);

struct DemoForum {
  DemoSummary summary;
  ScheduleOutcome schedule;  // empty when the demo has no B2B requests
};

// Fills an empty edition (fillDemo's rules: all or nothing) then schedules its B2B programme with the
// demo's seed; scheduleProgress (may be empty) follows the scheduler.
DemoForum fillDemoWithForum(Store& store, const DemoOptions& options,
                            const std::function<void(double)>& scheduleProgress = {});

}  // namespace moussem::b2b
