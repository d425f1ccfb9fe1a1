// The automatic booth allocator: maximises the objective of allocation.hpp under the hard constraints
// (fit, one booth per exhibitor and one exhibitor per booth, untouchable booths kept, competitors never
// adjacent or facing). Method: an exact linear assignment (Jonker–Volgenant) of the linear part, then
// rounds where the clustering between neighbours is folded into the assignment costs, each followed by
// a repair of competitor conflicts and a local search of moves, swaps and ejections. Deterministic: the
// same problem and seed give the same allocation, whatever the machine's speed (no time-based stop
// unless a time limit is asked for).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "booth/allocation.hpp"

namespace moussem::booth {

struct AllocatorOptions {
  std::uint64_t seed = 1;
  int cluster_rounds = 3;       // assignment rounds with clustering folded in, after the first
  int max_search_passes = 6;    // local search passes per round
  int exact_rows = 500;         // up to this many exhibitors to place, the exact assignment core runs
  long long search_iterations = 3000;    // iterated local search: at most this many kicks...
  long long search_budget = 1500000;     // ...and at most budget / (exhibitors + booths) of them
  std::function<void(double)> progress;  // 0..1, from the calling thread
  std::function<bool()> cancelled;       // true: stop, throw Error(Refused)
};

struct UnmetRequest {
  int exhibitor = -1;
  std::string reason;  // no_fitting_booth | competitors | taken
  std::string detail;  // e.g. the closest misfit ("area_small", "power"...)
};

struct PriorityInversion {
  int higher = -1, lower = -1;  // higher priority exhibitor got less than the lower one
  int booth = -1;               // the lower one's booth, which would fit the higher one
};

struct AllocationResult {
  Allocation allocation;
  Score score;
  Violations violations;
  std::vector<UnmetRequest> unmet;
  std::vector<PriorityInversion> inversions;  // at most 100 listed
  int inversion_count = 0;
  double seconds = 0;
  double lap_seconds = 0;
  int rounds = 0;
};

AllocationResult allocate(const Problem& problem, const AllocatorOptions& options = {});

// Reports of any allocation (also used for hand-made ones).
std::vector<UnmetRequest> unmetRequests(const Problem& p, const Allocation& a);
std::vector<PriorityInversion> priorityInversions(const Problem& p, const Allocation& a, int* count);

}  // namespace moussem::booth
