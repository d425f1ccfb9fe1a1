// The event in figures, for the dashboard and the reports: entries per day and hour, by category, inside
// now per zone, the registration funnel (registered → badge printed → first entry), exhibitors present by
// region and sector, booth occupancy by hall. Built from bulk reads and then kept current incrementally:
// each update reads only the scans and prints committed since the last one, so a live dashboard over
// millions of scans refreshes in milliseconds. No UI, no drawing.
#pragma once
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "core/time_zone.hpp"
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

// Attendance of one zone (the forum above all): entries and distinct attendees per edition day and
// per category.
struct ZoneAttendance {
  std::string zone;
  long long entries = 0, attendees = 0;              // attendees: distinct people who entered the zone
  std::vector<long long> entries_per_day;            // aligned with EventFigures::days
  std::vector<long long> attendees_per_day;          // distinct people per day
  std::vector<CategoryCount> entries_by_category;    // every category, in display order
  std::vector<CategoryCount> attendees_by_category;  // distinct people, every category
};

struct EventFigures {
  long long people = 0, exhibitors = 0, entries = 0, exits = 0, visitors = 0, badges_printed = 0;
  std::vector<CategoryCount> inside_by_zone;       // every zone of the edition
  std::vector<DayFigures> days;                    // every edition day, then any day outside it with scans
  std::vector<CategoryCount> entries_by_category;  // every category, in display order
  std::vector<FunnelRow> funnel;                   // every category, in display order
  std::vector<GroupCount> exhibitors_by_region, exhibitors_by_sector;
  std::vector<HallOccupancy> booths_by_hall;
  std::vector<ZoneAttendance> zones;  // every zone of the edition, in its order
  Id last_scan = 0;                   // the newest scan counted

  const ZoneAttendance* zone(const std::string& code) const;
};

class FiguresBuilder {
 public:
  FiguresBuilder() = default;
  // Reads what changed since the last call (everything the first time): new scans, new prints, new
  // registrations. `rereadPeople` reads every person again (a category changed, someone was deleted).
  void update(Store& store, bool rereadPeople = false);
  const EventFigures& figures() const { return figures_; }

 private:
  void readPeople(Store& store, bool all);
  // A scan reduced to what counting needs; made from a PassageFact on the thread that reads the store.
  struct Passage {
    Id scan = 0, person = 0;
    long long day = 0;  // day number of the local date (dates::toDayNumber)
    std::int8_t hour = -1, zone = -1;
    bool in = true;
  };
  struct DayCache {  // consecutive scans mostly share a minute and an offset: converted once
    std::string minute, offset;
    long long day = 0;
    std::int8_t hour = -1;
  };
  Passage reduce(const PassageFact& p, DayCache& cache) const;
  void count(const Passage& p);
  void countAllFrom(Store& store);  // the first load: reading and counting on two threads
  void rebuildDerived();
  int dayIndex(std::string_view day);
  std::int16_t categoryOf(Id person) const;

  bool loaded_ = false;
  EventFigures figures_;
  Edition edition_;
  std::vector<Category> categories_;
  std::vector<Zone> zones_;
  std::shared_ptr<const tz::TimeZone> clock_ = tz::editionZone();  // days and hours at the venue's clock
  std::vector<Exhibitor> exhibitorList_;
  // Per person id (dense: ids are small integers), one record each, so that counting a scan touches one
  // cache line of them (millions of scans over a million people: memory latency is the cost).
  struct PersonState {
    std::int16_t category = -1;  // index into categories_, -1: unknown person
    std::uint8_t printed = 0, entered = 0;
    std::uint32_t inside = 0;     // bit z: inside zone z
    std::uint32_t days = 0;       // bit d: entered on edition day d (first 32 days)
    std::uint32_t exhibitor = 0;  // 0: none
  };
  std::vector<PersonState> person_;
  std::vector<long long> entriesByCategory_, insideByZone_;
  // Per person and zone (person * zones + zone): bit d entered the zone on day d (first 31 days), bit
  // 31 entered it at all. Per zone: entries per day and per category.
  std::vector<std::uint32_t> zoneDays_;
  std::vector<std::vector<long long>> zoneEntriesPerDay_, zoneAttendeesPerDay_, zoneEntriesByCategory_;
  std::vector<long long> zoneEntries_, zoneAttendees_;
  std::vector<std::pair<Id, int>> pendingCategory_;  // entries (person, zone) of people not read yet
  Id lastPrint_ = 0, lastPerson_ = 0;
  int lastDay_ = -1;
  long long lastDayNumber_ = 0;
};

}  // namespace moussem::report
