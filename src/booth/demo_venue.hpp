// The demo edition on the shipped OLM Souissi example plan: fillDemo() with the venue hook set, plus
// booth requests for some exhibitors (preferred halls, seniority) so that the allocator has
// something to weigh. Deterministic like the rest of the demo.
#pragma once
#include "store/demo/demo_data.hpp"

namespace moussem::booth {

// Sets options.venue to install the OLM Souissi example plan and the demo booth requests.
DemoOptions withDemoVenue(DemoOptions options);
// fillDemo(store, withDemoVenue(options)).
DemoSummary fillDemoEdition(Store& store, const DemoOptions& options);

}  // namespace moussem::booth
