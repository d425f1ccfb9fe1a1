#include "core/dates.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace moussem::dates {

namespace {
using namespace std::chrono;

std::optional<year_month_day> parseIso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < lens[i]; ++j) {
      char c = t[starts[i] + j];
      if (c < '0' || c > '9') return std::nullopt;
      v[i] = v[i] * 10 + (c - '0');
    }
  }
  year_month_day ymd{year{v[0]}, month{static_cast<unsigned>(v[1])}, day{static_cast<unsigned>(v[2])}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format(year_month_day ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}
}  // namespace

bool isIsoDate(std::string_view text) {
  return parseIso(text).has_value();
}

std::optional<std::string> parseDate(std::string_view text) {
  if (isIsoDate(text)) return std::string(text);
  // French: DD/MM/YYYY (one-digit day or month accepted).
  auto s1 = text.find('/');
  auto s2 = text.find('/', s1 == std::string_view::npos ? 0 : s1 + 1);
  if (s1 == std::string_view::npos || s2 == std::string_view::npos) return std::nullopt;
  std::string_view d = text.substr(0, s1), m = text.substr(s1 + 1, s2 - s1 - 1), y = text.substr(s2 + 1);
  if (d.empty() || d.size() > 2 || m.empty() || m.size() > 2 || y.size() != 4) return std::nullopt;
  std::string iso = std::string(y) + "-" + (m.size() == 1 ? "0" : "") + std::string(m) + "-" +
                    (d.size() == 1 ? "0" : "") + std::string(d);
  if (!isIsoDate(iso)) return std::nullopt;
  return iso;
}

long long toDayNumber(std::string_view iso) {
  auto ymd = parseIso(iso);
  if (!ymd) return 0;
  return sys_days(*ymd).time_since_epoch().count();
}

std::string fromDayNumber(long long n) {
  return format(year_month_day{sys_days{days{n}}});
}

long long daysBetween(std::string_view from, std::string_view to) {
  return toDayNumber(to) - toDayNumber(from);
}

std::string addDays(std::string_view iso, long long n) {
  return fromDayNumber(toDayNumber(iso) + n);
}

std::vector<std::string> range(std::string_view from, std::string_view to) {
  std::vector<std::string> out;
  if (!isIsoDate(from) || !isIsoDate(to)) return out;
  for (long long d = toDayNumber(from), e = toDayNumber(to); d <= e; ++d) out.push_back(fromDayNumber(d));
  return out;
}

std::string formatLong(std::string_view iso, std::string_view lang) {
  static constexpr const char* kFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                        "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  // Month names as written in Morocco (from the French), not the Levantine ones.
  static constexpr const char* kAr[] = {"يناير",  "فبراير", "مارس",  "أبريل",  "ماي",   "يونيو",
                                        "يوليوز", "غشت",    "شتنبر", "أكتوبر", "نونبر", "دجنبر"};
  static constexpr const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  auto ymd = parseIso(iso);
  if (!ymd) return std::string(iso);
  unsigned m = static_cast<unsigned>(ymd->month()) - 1;
  const char* month = lang == "ar" ? kAr[m] : lang == "en" ? kEn[m] : kFr[m];
  return std::to_string(static_cast<unsigned>(ymd->day())) + " " + month + " " +
         std::to_string(static_cast<int>(ymd->year()));
}

std::vector<std::string> remaining(std::string_view from, std::string_view to, std::string_view today) {
  std::vector<std::string> out = range(from, to);
  out.erase(out.begin(), std::lower_bound(out.begin(), out.end(), std::string(today)));  // ISO sorts as text
  return out;
}

std::string formatDayMonth(std::string_view iso, std::string_view lang) {
  std::string out = formatLong(iso, lang);
  if (isIsoDate(iso)) out.erase(out.rfind(' '));  // the year is the last word
  return out;
}

std::string utcIso(std::chrono::system_clock::time_point t) {
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  const long long day = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
  const long long inDay = ms - day * 86400000;
  char clock[32];
  std::snprintf(clock, sizeof clock, "T%02lld:%02lld:%02lld.%03lldZ", inDay / 3600000, inDay / 60000 % 60,
                inDay / 1000 % 60, inDay % 1000);
  return fromDayNumber(day) + clock;
}

std::string utcNowIso() {
  return utcIso(std::chrono::system_clock::now());
}

}  // namespace moussem::dates
