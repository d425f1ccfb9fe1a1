// The booth allocation problem as the allocator, the LP export and the checker all see it: booths
// (with their value), exhibitors (with their priority and request), which pairs fit, the score of an
// exhibitor in a booth, and the objective of a whole allocation. One definition, three users: what
// the allocator maximises is exactly what the LP file asks CBC to maximise (docs/booths.md).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "booth/geometry.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::booth {

// Every weight of the objective; integers so that our objective and the LP's are the same numbers.
// Stored per edition as settings "allocate.<name>" (see loadAllocationSettings).
struct AllocationSettings {
  // Priority of an exhibitor: base + programme points + seniority + the organiser's extra points.
  int base_priority = 10;
  int points_kenz = 6, points_excellence = 6, points_aggregation = 3;
  int points_per_edition = 2, max_editions = 5;
  // Value of a booth, in percent (100 = a plain inline booth).
  int value_corner = 30, value_peninsula = 35, value_island = 40;
  int value_entrance = 25;    // at an entrance, falling linearly to 0 at entrance_reach metres
  int entrance_reach = 30;    // metres
  int value_main_aisle = 15;  // on a main aisle
  // Stated preferences, in points.
  int pref_corner = 300;       // wanted a corner and got a corner, peninsula or island
  int pref_zone = 200;         // the hall is in the preferred zone
  int pref_hall = 300;         // the preferred hall
  int pref_hall_sector = 150;  // a hall the organiser meant for the exhibitor's sector
  // Sector clustering: points per pair of adjacent booths held by exhibitors of the same sector.
  int cluster = 150;
  // Soft penalty: points per square metre of booth beyond the request.
  int waste_per_m2 = 20;
  // Hard limits of a fit: a booth of at least the requested area and at most max_oversize_pct percent of it.
  int max_oversize_pct = 200;
  // Two booths across an aisle at most this many metres apart face each other (competitors).
  int facing_gap = 6;
};

AllocationSettings loadAllocationSettings(Store& store);

// A corner, a peninsula or an island: a booth open on more than one side (worth more, wanted by some).
inline bool cornerLike(BoothType type) {
  return type != BoothType::Inline;
}

// A whole allocation problem, built once, read by everything else.
struct ProblemBooth {
  Id id = 0;
  std::string code, hall, zone;
  Rect rect;
  BoothType type = BoothType::Inline;
  bool power = false;
  double area = 0;
  int value = 100;       // percent
  bool movable = true;   // the allocator may give it (free, or assigned and not locked)
  int fixedHolder = -1;  // exhibitor index held by an untouchable booth (locked/confirmed/hold)
  BoothStatus status = BoothStatus::Free;
  bool locked = false;
};

struct ProblemExhibitor {
  Id id = 0;
  std::string name, name_ar, sector, region, program, zone, hall;
  double area = 0;
  bool wants_corner = false, needs_power = false;
  std::vector<std::string> types;  // accepted booth types, empty: any
  int priority = 10;
  std::vector<int> competitors;  // exhibitor indices (symmetric)
  int fixedBooth = -1;           // held by an untouchable booth: the allocator leaves it there
  bool wantsBooth = true;        // area > 0
};

struct Problem {
  AllocationSettings settings;
  std::vector<ProblemBooth> booths;
  std::vector<ProblemExhibitor> exhibitors;
  std::vector<std::vector<std::string>> hallSectors;  // by booth's hall: the organiser's sectors
  std::vector<std::vector<int>> adjacent;             // booth -> booths sharing a side with it
  std::vector<std::vector<int>> near;                 // booth -> adjacent or facing booths (competitors never there)
  std::vector<int> sectorOf;                          // exhibitor -> sector index
  int sectorCount = 0;

  // The exhibitor's request fits the booth: area within limits, power, accepted type, not beside or
  // facing a booth an untouchable competitor holds. Only movable booths and unfixed exhibitors.
  bool fits(int e, int b) const;
  // Why a booth does not fit, for reports: "" when it fits.
  std::string misfit(int e, int b) const;
  // Score of exhibitor e in booth b without the clustering between movable booths (the fixed
  // neighbours' clustering is included): priority x value + preferences - waste.
  long long linear(int e, int b) const;
  struct Parts {
    long long priority_value = 0, preferences = 0, waste = 0, fixed_cluster = 0;
  };
  Parts parts(int e, int b) const;
};

// Builds the problem from plain values (the store, a venue file or a generated instance).
Problem buildProblem(const std::vector<Hall>& halls, const std::vector<VenueFeature>& features,
                     const std::vector<Booth>& booths, const std::vector<Exhibitor>& exhibitors,
                     const std::vector<BoothRequest>& requests, const AllocationSettings& settings);
Problem loadProblem(Store& store);

// An allocation: the booth index of each exhibitor, -1 for none. Fixed exhibitors keep fixedBooth.
struct Allocation {
  std::vector<int> boothOf;
};
Allocation currentAllocation(const Problem& p, const std::vector<Booth>& booths);  // as the booths are now

// The objective of an allocation, and its parts (soft breakdown).
struct Score {
  long long total = 0;
  long long priority_value = 0, preferences = 0, clustering = 0, waste = 0;
  int assigned = 0, unassigned = 0;  // of the exhibitors wanting a booth, fixed ones included
};
Score scoreOf(const Problem& p, const Allocation& a);

// Hard violations counted from scratch (geometry and requests re-read, no shared shortcuts): a misfit
// booth, a booth given twice, an untouchable booth changed, competitors adjacent or facing.
struct Violations {
  int misfit = 0, double_booked = 0, fixed_changed = 0, competitors = 0;
  int total() const { return misfit + double_booked + fixed_changed + competitors; }
};
Violations checkAllocation(const Problem& p, const Allocation& a);

}  // namespace moussem::booth
