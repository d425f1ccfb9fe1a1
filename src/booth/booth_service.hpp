// What an organiser does to booths by hand (CLI `booth ...`, the plan screen) and applying an
// allocation: each call is one transaction, checks its rules first, and returns the booths as they
// were so that the caller can undo. Refusals throw Error naming the booth and the rule.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "booth/allocation.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::booth {

// Booths changed by an operation, as they were before it (restore them with restoreBooths).
using BoothSnapshot = std::vector<Booth>;

std::optional<Booth> findBooth(Store& store, const std::string& code);
// An exhibitor by "#id", plain id digits or external id.
std::optional<Exhibitor> findExhibitor(Store& store, const std::string& ref);

// Gives the booth to the exhibitor (status assigned). An exhibitor who had another booth leaves it
// (refused if that one is locked or confirmed). Refused: booth locked, blocked or confirmed to someone
// else; booth held (hold) for nobody is fine. Competitor next to or facing the booth: refused.
BoothSnapshot assignBooth(Store& store, const std::string& code, Id exhibitor);
// Frees the booth (refused when locked).
BoothSnapshot unassignBooth(Store& store, const std::string& code);
// Swaps the exhibitors of two booths (either may be empty): a move when one is free.
BoothSnapshot swapBooths(Store& store, const std::string& a, const std::string& b);
BoothSnapshot lockBooth(Store& store, const std::string& code, bool locked);
// Puts a free booth on hold, or releases a hold (back to free, or assigned when it has an exhibitor).
BoothSnapshot holdBooth(Store& store, const std::string& code, bool hold);
void restoreBooths(Store& store, const BoothSnapshot& before);

struct ApplySummary {
  int changed = 0, assigned = 0, freed = 0;
};
// Writes an allocation of loadProblem(store) to the booths of every movable booth, in one transaction.
ApplySummary applyAllocation(Store& store, const Problem& problem, const Allocation& allocation);

}  // namespace moussem::booth
