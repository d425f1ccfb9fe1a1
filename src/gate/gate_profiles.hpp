// Gate profiles (check-in lists): validation of what an organiser types, the edition's default
// profiles, and the venue's local moment a scan happens at. No storage of its own, no UI.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::gate {

// A moment at the venue, as its local wall clock reads it: "2026-02-09T10:15:00+01:00".
struct Moment {
  std::string iso;  // as logged and printed
  std::string day;  // YYYY-MM-DD
  int minute = 0;   // minutes since local midnight, 0..1439
};

// Parses ISO-8601 "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]" (a space may replace the T). The date and
// time are read as the venue's local time as written; an offset is kept in the log, not converted.
std::optional<Moment> parseMoment(std::string_view text);
Moment now();  // the venue's clock: local time in the edition's time zone, with its offset

// "08:30-18:00" → from/to; nullopt if it is not two valid HH:MM times with from < to.
std::optional<std::pair<std::string, std::string>> parseHours(std::string_view text);
int minuteOfDay(std::string_view hhmm);  // "08:30" → 510; -1 if invalid

// Splits "a,b; c" into codes, trimmed, empty ones dropped.
std::vector<std::string> splitList(std::string_view text);

// Checks a profile against the edition (days inside it), its zones and categories; normalises days
// to ISO. Throws Error(Invalid) naming the field at fault.
void validateGateProfile(GateProfile& profile, const Edition& edition, const std::vector<Zone>& zones,
                         const std::vector<Category>& categories);

// The edition's defaults: exhibition hall entry for everyone on every day; forum entry for the forum
// categories on the forum days (the first two days); VIP lounge for official and vip.
std::vector<GateProfile> defaultGateProfiles(const Edition& edition, const std::vector<Zone>& zones);

// Creates the defaults once per database (on the first use of the gate), skipping names already taken
// and zones the edition does not have. Returns every profile, by name.
std::vector<GateProfile> ensureDefaultGateProfiles(Store& store);

// How long the gate screen shows a verdict before it goes back to "present the badge", so a steward
// never reads a stale one: an edition setting (organisers, administrators), read by every gate screen
// when it opens a profile.
inline constexpr const char* kVerdictSecondsSetting = "gate.verdict_seconds";
inline constexpr int kDefaultVerdictSeconds = 5, kMinVerdictSeconds = 1, kMaxVerdictSeconds = 60;
// The setting, or the default when it is missing or not a number in range.
int verdictSeconds(Store& store);
// Checks and stores a new value; throws Error(Invalid) naming the range when it is out of it.
void setVerdictSeconds(Store& store, int seconds);

std::optional<GateProfile> findProfile(const std::vector<GateProfile>& profiles, std::string_view name);

}  // namespace moussem::gate
