// Calendar dates as ISO text (YYYY-MM-DD): validation, day arithmetic, the days of an edition.
// Civil dates only; time zones are handled where times of day are (gate, reports).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::dates {

bool isIsoDate(std::string_view text);                        // a real calendar date, e.g. 2026-02-09
std::optional<std::string> parseDate(std::string_view text);  // ISO or French DD/MM/YYYY → ISO
long long toDayNumber(std::string_view iso);                  // days since 1970-01-01 (iso must be valid)
std::string fromDayNumber(long long day);
long long daysBetween(std::string_view from, std::string_view to);  // to - from
std::string addDays(std::string_view iso, long long n);
std::vector<std::string> range(std::string_view from, std::string_view to);  // inclusive
// The days of [from, to] from today on: all of them before from, none after to.
std::vector<std::string> remaining(std::string_view from, std::string_view to, std::string_view today);
// "9 février 2026", "9 فبراير 2026" (Moroccan month names, Western digits), "9 February 2026".
std::string formatLong(std::string_view iso, std::string_view lang);
// The same without the year ("9 février"): the days of one edition, side by side.
std::string formatDayMonth(std::string_view iso, std::string_view lang);
// A moment as UTC ISO 8601 with milliseconds, e.g. 2026-02-09T08:30:00.125Z (sorts as text).
std::string utcIso(std::chrono::system_clock::time_point t);
std::string utcNowIso();

}  // namespace moussem::dates
