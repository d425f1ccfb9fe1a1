// The B2B meeting scheduler: gives granted pairs a slot and a place under the hard rules (one meeting
// per person per slot and per place per slot, availability, each person's maximum, the walking rule,
// frozen meetings kept) and maximises the lexicographic objective of model.hpp: the weights of the
// pairs scheduled, then fewer idle gaps in each person's half-day, then the fair share.
//
// Method (docs/b2b.md): a greedy by weight (heaviest pairs first, each in the slot that adds the fewest
// gaps, a booth of the seller's organisation before a table); then, for each pair left out, insertion
// moves that relocate the meetings in its way to another slot or eject lighter ones (ejection chains of
// depth two: an ejected pair tries to get back in the same way, without ejecting); then a ruin and
// recreate search around the people with pairs left out and around random people; then gap compaction
// (each meeting moved to the slot where it leaves fewest gaps, and two meetings of one person swapping
// slots). Every move is kept only when the combined objective strictly improves (the search also
// accepts equal ones). Deterministic: the same problem and seed give the same schedule (work budgets,
// never a clock).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "b2b/model.hpp"

namespace moussem::b2b {

struct SchedulerOptions {
  std::uint64_t seed = 1;
  // Ruin and recreate: search_rounds_per_person rounds per participant, at least search_min_rounds,
  // at most search_iterations.
  long long search_rounds_per_person = 10;
  long long search_min_rounds = 2000;
  long long search_iterations = 40000;
  std::function<void(double)> progress;  // 0..1, from the calling thread
  std::function<bool()> cancelled;       // true: stop, throw Error(Refused)
};

// Why a granted pair is not in a schedule.
struct Unplaced {
  int pair = -1;
  std::string reason;  // no_common_slot | maximum_reached | place_capacity | walking | both_busy | free_slot (a
                       // hand-made schedule)
};

struct ScheduleResult {
  Schedule schedule;
  std::vector<Unplaced> unplaced;
  double seconds = 0;
};

// `previous`: the meetings of the schedule in force. Frozen ones are kept where they are (a frozen
// meeting that breaks a hard rule, or pairs no request grants, is refused with Error(Invalid) naming
// it); the others are kept too unless moving them improves the objective.
ScheduleResult schedule(const Problem& problem, const std::vector<Meeting>& previous = {},
                        const SchedulerOptions& options = {});

// The floor: what "Quick Schedule" tools do. Pairs in the order of their requests, each in the first
// slot where both people are free, at the first free table (booths unused), no search.
ScheduleResult firstFitSchedule(const Problem& problem);

// The reasons for every granted pair a schedule leaves out.
std::vector<Unplaced> unplacedReasons(const Problem& problem, const Schedule& schedule);

}  // namespace moussem::b2b
