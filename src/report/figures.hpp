// The event in figures, for the dashboard and the reports: entries per day and hour, by category, inside
// now per zone, the registration funnel (registered → badge printed → first entry), exhibitors present by
// region and sector, booth occupancy by hall. Built from bulk reads and then kept current incrementally:
// each update reads only the scans and prints committed since the last one, so a live dashboard over
// millions of scans refreshes in milliseconds. No UI, no drawing.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::report {

struct DayFigures {
  std::string day;                      // YYYY-MM-DD, every day of the edition
  long long entries = 0;                // accepted entries (any zone)
  long long visitors = 0;               // distinct people who entered that day
  std::array<long long, 24> by_hour{};  // entries per hour, venue local time
};

struct FunnelRow {
  std::string category;
  long long registered = 0, printed = 0, entered = 0;
};

struct GroupCount {
  std::string code;
  long long total = 0;    // registered exhibitors
  long long present = 0;  // of which at least one staff member has entered
};

struct HallOccupancy {
  std::string hall;
  long long total = 0, taken = 0, free = 0, other = 0;  // taken: assigned or confirmed; other: hold, blocked
};

struct EventFigures {
  long long people = 0, exhibitors = 0, entries = 0, exits = 0, visitors = 0, badges_printed = 0;
  std::vector<CategoryCount> inside_by_zone;       // every zone of the edition
  std::vector<DayFigures> days;                    // every edition day, then any day outside it with scans
  std::vector<CategoryCount> entries_by_category;  // every category, in display order
  std::vector<FunnelRow> funnel;                   // every category, in display order
  std::vector<GroupCount> exhibitors_by_region, exhibitors_by_sector;
  std::vector<HallOccupancy> booths_by_hall;
  Id last_scan = 0;  // the newest scan counted
};

class FiguresBuilder {
 public:
  FiguresBuilder() = default;
  // Reads what changed since the last call (everything the first time). People are re-read when a scan
  // or print names someone not seen yet, or when `rereadPeople` (new registrations, every few seconds).
  void update(Store& store, bool rereadPeople = false);
  const EventFigures& figures() const { return figures_; }

 private:
  void readPeople(Store& store);
  void rebuildDerived();
  int dayIndex(const std::string& day);

  bool loaded_ = false;
  EventFigures figures_;
  Edition edition_;
  std::vector<Category> categories_;
  std::vector<Zone> zones_;
  std::vector<Exhibitor> exhibitorList_;
  // Per person id (dense vectors: ids are small integers).
  std::vector<std::int16_t> category_;  // index into categories_, -1: unknown person
  std::vector<Id> exhibitor_;
  std::vector<std::uint8_t> printed_, entered_;
  std::vector<std::uint32_t> insideMask_;   // bit z: inside zone z
  std::vector<std::uint32_t> visitedDays_;  // bit d: entered on edition day d (first 32 days)
  std::vector<long long> entriesByCategory_, insideByZone_;
  Id lastPrint_ = 0;
};

}  // namespace moussem::report
