#include "gate/gate_profiles.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"

namespace moussem::gate {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

int twoDigits(std::string_view s, std::size_t at) {
  if (at + 2 > s.size() || !isDigit(s[at]) || !isDigit(s[at + 1])) return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

constexpr const char* kDefaultsSetting = "gate.defaults_created";

}  // namespace

std::optional<Moment> parseMoment(std::string_view t) {
  // YYYY-MM-DD[T ]HH:MM
  if (t.size() < 16 || t.size() > 40) return std::nullopt;
  std::string day(t.substr(0, 10));
  if (!dates::isIsoDate(day) || (t[10] != 'T' && t[10] != ' ')) return std::nullopt;
  int h = twoDigits(t, 11), m = twoDigits(t, 14);
  if (h < 0 || h > 23 || t[13] != ':' || m < 0 || m > 59) return std::nullopt;
  std::size_t i = 16;
  if (i < t.size() && t[i] == ':') {
    int s = twoDigits(t, i + 1);
    if (s < 0 || s > 60) return std::nullopt;
    i += 3;
    if (i < t.size() && t[i] == '.') {
      std::size_t j = i + 1;
      while (j < t.size() && isDigit(t[j])) ++j;
      if (j == i + 1) return std::nullopt;
      i = j;
    }
  }
  if (i < t.size()) {
    if (t[i] == 'Z' && i + 1 == t.size()) {
      ++i;
    } else if ((t[i] == '+' || t[i] == '-') && i + 6 == t.size()) {
      int oh = twoDigits(t, i + 1), om = twoDigits(t, i + 4);
      if (oh < 0 || oh > 14 || t[i + 3] != ':' || om < 0 || om > 59) return std::nullopt;
      i += 6;
    } else {
      return std::nullopt;
    }
  }
  Moment out;
  out.iso = std::string(t);
  if (out.iso[10] == ' ') out.iso[10] = 'T';
  out.day = std::move(day);
  out.minute = h * 60 + m;
  return out;
}

Moment now() {
  // The venue's clock (the edition's time zone), not the machine's: a gate laptop left on another
  // zone still opens and closes at the fair's hours.
  const std::string iso = tz::nowLocalIso();
  if (auto m = parseMoment(iso)) return *m;
  Moment fallback;  // never reached: nowLocalIso() writes what parseMoment reads
  fallback.iso = iso;
  fallback.day = iso.substr(0, 10);
  return fallback;
}

int minuteOfDay(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  int h = twoDigits(hhmm, 0), m = twoDigits(hhmm, 3);
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

std::optional<std::pair<std::string, std::string>> parseHours(std::string_view text) {
  std::string t = trim(text);
  auto dash = t.find('-');
  if (dash == std::string::npos) return std::nullopt;
  std::string from = trim(std::string_view(t).substr(0, dash)), to = trim(std::string_view(t).substr(dash + 1));
  int a = minuteOfDay(from), b = minuteOfDay(to);
  if (a < 0 || b < 0 || a >= b) return std::nullopt;
  return std::make_pair(from, to);
}

std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;|", start);
    if (end == std::string_view::npos) end = text.size();
    std::string item = trim(text.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

void validateGateProfile(GateProfile& g, const Edition& edition, const std::vector<Zone>& zones,
                         const std::vector<Category>& categories) {
  g.name = trim(g.name);
  if (g.name.empty() || g.name.size() > 64 || g.name.find_first_of(",\n\r\t") != std::string::npos)
    throw Error(ErrorKind::Invalid, tr("gate.error.name", {g.name}));
  if (std::none_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.code == g.zone; })) {
    std::string known;
    for (const auto& z : zones) known += (known.empty() ? "" : ", ") + z.code;
    throw Error(ErrorKind::Invalid, tr("gate.error.zone", {g.zone, known}));
  }
  for (auto& c : g.categories) {
    if (std::none_of(categories.begin(), categories.end(), [&](const Category& k) { return k.code == c; }))
      throw Error(ErrorKind::Invalid, tr("gate.error.category", {c}));
  }
  std::sort(g.categories.begin(), g.categories.end());
  g.categories.erase(std::unique(g.categories.begin(), g.categories.end()), g.categories.end());
  for (auto& d : g.days) {
    auto iso = dates::parseDate(d);
    if (!iso || *iso < edition.starts_on || *iso > edition.ends_on)
      throw Error(ErrorKind::Invalid, tr("gate.error.day", {d, edition.starts_on, edition.ends_on}));
    d = *iso;
  }
  std::sort(g.days.begin(), g.days.end());
  g.days.erase(std::unique(g.days.begin(), g.days.end()), g.days.end());
  if (g.hours_from.empty() != g.hours_to.empty() ||
      (!g.hours_from.empty() && !parseHours(g.hours_from + "-" + g.hours_to)))
    throw Error(ErrorKind::Invalid, tr("gate.error.hours", {g.hours_from + "-" + g.hours_to}));
}

std::vector<GateProfile> defaultGateProfiles(const Edition& edition, const std::vector<Zone>& zones) {
  auto hasZone = [&](std::string_view code) {
    return std::any_of(zones.begin(), zones.end(), [&](const Zone& z) { return z.code == code; });
  };
  std::vector<GateProfile> out;
  if (hasZone("exhibition")) {
    GateProfile g;
    g.name = "exhibition";
    g.zone = "exhibition";
    out.push_back(g);
  }
  if (hasZone("forum")) {
    GateProfile g;
    g.name = "forum";
    g.zone = "forum";
    g.categories = {"buyer", "economic", "expert", "forum", "official", "partner", "press", "speaker", "staff", "vip"};
    // The forum opens the week: its first two days (one for a one-day edition).
    if (dates::isIsoDate(edition.starts_on) && dates::isIsoDate(edition.ends_on)) {
      g.days.push_back(edition.starts_on);
      if (edition.ends_on > edition.starts_on) g.days.push_back(dates::addDays(edition.starts_on, 1));
    }
    out.push_back(g);
  }
  if (hasZone("vip")) {
    GateProfile g;
    g.name = "vip-lounge";
    g.zone = "vip";
    g.categories = {"official", "vip"};
    out.push_back(g);
  }
  return out;
}

std::vector<GateProfile> ensureDefaultGateProfiles(Store& store) {
  if (store.setting(kDefaultsSetting)) return store.gateProfiles();
  auto edition = store.edition();
  if (!edition) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
  store.write([&] {
    auto existing = store.gateProfiles();
    auto zones = store.zones();
    auto categories = store.categories();
    for (auto& g : defaultGateProfiles(*edition, zones)) {
      if (findProfile(existing, g.name)) continue;
      // Keep only categories this edition has (organisers may have removed some).
      std::erase_if(g.categories, [&](const std::string& c) {
        return std::none_of(categories.begin(), categories.end(), [&](const Category& k) { return k.code == c; });
      });
      validateGateProfile(g, *edition, zones, categories);
      store.insertGateProfile(g);
    }
    store.setSetting(kDefaultsSetting, "1");
  });
  return store.gateProfiles();
}

int verdictSeconds(Store& store) {
  const auto set = store.setting(kVerdictSecondsSetting);
  if (!set) return kDefaultVerdictSeconds;
  int value = 0;
  const auto [end, ec] = std::from_chars(set->data(), set->data() + set->size(), value);
  if (ec != std::errc() || end != set->data() + set->size() || value < kMinVerdictSeconds || value > kMaxVerdictSeconds)
    return kDefaultVerdictSeconds;
  return value;
}

void setVerdictSeconds(Store& store, int seconds) {
  if (seconds < kMinVerdictSeconds || seconds > kMaxVerdictSeconds)
    throw Error(ErrorKind::Invalid,
                tr("gate.error.verdict_seconds",
                   {std::to_string(seconds), std::to_string(kMinVerdictSeconds), std::to_string(kMaxVerdictSeconds)}));
  store.setSetting(kVerdictSecondsSetting, std::to_string(seconds));
}

std::optional<GateProfile> findProfile(const std::vector<GateProfile>& profiles, std::string_view name) {
  for (const auto& g : profiles)
    if (g.name == name) return g;
  return std::nullopt;
}

}  // namespace moussem::gate
