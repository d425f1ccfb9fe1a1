// The demo edition's venue plan (OLM Souissi) with nobody in a booth yet, in a scratch database, for the
// plan's tests: with or without a window, they start from the same plan and read it back the same way.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "badge/new_edition.hpp"
#include "booth/booth_service.hpp"
#include "booth/demo_venue.hpp"
#include "test_support.hpp"

namespace moussem::test {

struct PlanDb {
  TempDir dir;
  std::unique_ptr<Store> store = createEditionDatabase(dir / "plan.db", demoEdition());
  PlanDb() {
    DemoOptions o;
    o.participants = 10;
    booth::fillDemoEdition(*store, o);  // the OLM Souissi plan, every exhibitor still without a booth
  }
  Booth booth(const std::string& code) { return *booth::findBooth(*store, code); }
  // Every booth as code/status[/L] with its holder: what a refused change must leave as it was.
  std::vector<std::pair<std::string, std::optional<Id>>> holders() {
    std::vector<std::pair<std::string, std::optional<Id>>> out;
    for (const auto& b : store->booths())
      out.emplace_back(b.code + "/" + std::string(codeOf(b.status)) + (b.locked ? "/L" : ""), b.exhibitor_id);
    return out;
  }
};

}  // namespace moussem::test
