// The edition's time zone: converts UTC instants to the wall clock of the fair's city, read from the
// system's TZif files (/usr/share/zoneinfo, Debian package tzdata). Stored times stay in UTC (or carry
// their offset); only what is shown to people goes through here. Morocco's clock moves around Ramadan
// on dates no rule predicts, which the TZif file lists one by one.
//
// Never touches the process's TZ (setenv is not thread-safe) nor the machine's zone. A zone file that
// is missing or unreadable gives UTC, marked as such, so a shown time never pretends to be local.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::tz {

struct LocalTime {
  std::string day;  // YYYY-MM-DD
  int hour = 0, minute = 0, second = 0;
  int offset_seconds = 0;  // local = UTC + offset
};

class TimeZone {
 public:
  static TimeZone utc();
  // Parses TZif bytes (versions 1–4). Throws Error(Corrupt) naming `name` on anything malformed.
  static TimeZone fromTzif(std::string name, std::string_view bytes);
  // Reads dir/NAME; a missing, unsafe or malformed zone gives utc() with isFallback() set.
  static TimeZone load(std::string_view name, const std::filesystem::path& dir = "/usr/share/zoneinfo");

  const std::string& name() const { return name_; }
  // True when the wanted zone could not be read and times are in UTC instead: show the "UTC" marker.
  bool isFallback() const { return fallback_; }
  int offsetAt(long long utcSeconds) const;
  LocalTime local(long long utcSeconds) const;

 private:
  struct Rule;  // the TZif footer's POSIX rule, for instants after the last listed transition
  std::string name_ = "UTC";
  bool fallback_ = false;
  std::vector<long long> transitions_;  // UTC seconds, ascending
  std::vector<int> offsetAfter_;        // offset in force from transitions_[i]
  int initialOffset_ = 0;               // before the first transition
  std::shared_ptr<const Rule> rule_;
};

// An ISO 8601 moment as UTC seconds: "2026-02-10T09:00:01.250Z", "2026-02-10T10:00:01+01:00",
// "2026-02-10 09:00:01" (no offset: UTC, as the database stores it). nullopt if it is not one.
std::optional<long long> parseInstant(std::string_view iso);

// The time-zone data the zone files come from (Debian's tzdata): its release ("2026f") and the date the
// installed copy was published (YYYY-MM-DD, its files' date), read from dir/tzdata.zi; empty when
// unknown. Zone rules change by law (Morocco left Ramadan's changes in 2026): stale data shows times an
// hour off without any error.
struct DataRelease {
  std::string version;
  std::string date;
};
DataRelease dataRelease(const std::filesystem::path& dir = "/usr/share/zoneinfo");
// True when `day` (YYYY-MM-DD, an edition's last day) is more than `months` months after the data's
// date, so a clock change decided since the data was published may be missing.
bool dataMayBeStale(const DataRelease& data, std::string_view day, int months = 6);

// The zone names the system's data lists (dir/zone1970.tab: one per region of the world, "Africa/Casablanca"),
// sorted, with "UTC": what an edition may be set to. Empty when the file is missing.
std::vector<std::string> zoneNames(const std::filesystem::path& dir = "/usr/share/zoneinfo");

// The zone times are shown in: the current edition's, set when a database is opened (default UTC).
void setEditionZone(std::string_view name);
void setEditionZone(TimeZone zone);
std::shared_ptr<const TimeZone> editionZone();

// Wall-clock text of a stored moment in the display zone; the input unchanged if it is not a moment.
// A fallback zone appends " UTC". clock: "09:30"; clockSeconds: "09:30:01"; dateTime: "2026-02-10 09:30:01".
std::string clock(std::string_view iso);
std::string clockSeconds(std::string_view iso);
std::string dateTime(std::string_view iso);
// A moment on the zone's clock with its offset, e.g. "2026-02-10T10:00:01+01:00" (what a gate stores:
// the venue's wall clock, and still one unambiguous instant); nowLocalIso() uses the edition's zone.
std::string localIso(long long utcSeconds, const TimeZone& zone);
std::string nowLocalIso();
// The local day (YYYY-MM-DD) and hour (0–23) of a moment in `zone`; nullopt if it is not a moment.
std::optional<LocalTime> localOf(std::string_view iso, const TimeZone& zone);

}  // namespace moussem::tz
