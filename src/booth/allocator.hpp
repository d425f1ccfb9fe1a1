// The automatic booth allocator: maximises the objective of allocation.hpp under the hard constraints
// (fit, one booth per exhibitor and one exhibitor per booth, untouchable booths kept, competitors never
// adjacent or facing). Method: an exact linear assignment (Jonker–Volgenant) of the linear part (on
// large problems, over each exhibitor's best booths only), then rounds where the clustering between
// neighbours is folded into the assignment costs (on large problems one, where each exhibitor may
// also take the booths next to its sector), each followed by a repair of competitor conflicts and a
// local search of moves, swaps and ejections; then, up to 1,000 exhibitors, simulated annealing in
// parallel chains with incremental scoring and an iterated local search. Deterministic: the same
// problem and seed give the same allocation, whatever the machine's speed or load (work budgets,
// never a clock; each chain depends on its own seed only).
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
  int cluster_rounds = 3;         // assignment rounds with clustering folded in, after the first
  int max_search_passes = 6;      // local search passes per round
  int exact_rows = 1000;          // up to this many exhibitors to place, the exact assignment core runs,
  double assign_work = 2.5e9;     // in as many rounds as rows^2 x booths fits in this (at least one);
  int sparse_arcs = 64;           // beyond, one assignment where each may take one of its best sparse_arcs booths,
  int sparse_cluster_rounds = 2;  // then this many (at most cluster_rounds) with clustering folded in,
                                  // and no annealing when there are any
  // Simulated annealing (a work budget, not a clock), per chain: anneal_moves_per_row moves per
  // exhibitor to place, at most max(anneal_max_moves, anneal_work / exhibitors to place) (a move
  // costs more on a larger problem: its tables leave the cache). `chains` chains run in parallel;
  // the best one wins, and results do not depend on timing.
  long long anneal_moves_per_row = 20000;
  long long anneal_max_moves = 700000;
  long long anneal_work = 1250000000;
  double anneal_t0 = 150, anneal_t1 = 3;  // temperature, in points, at the start and the end...
  int anneal_cycles = 2;                  // ...of each cycle; each cycle starts from the best so far
  int chains = 2;                         // threads, one chain each...
  long long small_rows = 100;             // ...and up to this many exhibitors to place,
  int small_chains_per_thread = 4;        // this many chains each, one after the other
  long long search_rows = 1000;           // then, up to this many exhibitors to place, an iterated local search:
  long long search_iterations = 3000;     // at most this many kicks...
  long long search_budget = 3000000;      // ...and at most budget / (exhibitors + booths) of them
  std::function<void(double)> progress;   // 0..1, from the calling thread
  std::function<bool()> cancelled;        // true: stop, throw Error(Refused)
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
  double anneal_seconds = 0;  // the parallel part (both chains at once)
  int rounds = 0;
};

AllocationResult allocate(const Problem& problem, const AllocatorOptions& options = {});

// Each exhibitor's fitting booths with their linear scores, best first (ties by booth index): the
// tables the allocator builds (on `threads` threads) and searches. Empty for exhibitors not to place.
std::vector<std::vector<std::pair<int, long long>>> fittingBooths(const Problem& problem, int threads = 2);

// Reports of any allocation (also used for hand-made ones).
std::vector<UnmetRequest> unmetRequests(const Problem& p, const Allocation& a);
std::vector<PriorityInversion> priorityInversions(const Problem& p, const Allocation& a, int* count);

}  // namespace moussem::booth
