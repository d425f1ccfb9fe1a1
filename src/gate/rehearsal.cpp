#include "gate/rehearsal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>

#include "badge/badge_service.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"
#include "gate/gate_profiles.hpp"
#include "gate/scan_pipeline.hpp"

namespace moussem::gate {

namespace {

struct Planned {
  int minute;          // of the day
  std::size_t person;  // index into people
  int profile;         // index into profiles: 0 hall in, 1 hall out, 2 forum in, 3 forum out, 4 VIP in
};

}  // namespace

RehearsalSummary rehearseGates(Store& store, const std::filesystem::path& database, std::uint64_t seed) {
  RehearsalSummary sum;
  const auto edition = store.edition();
  if (!edition) throw Error(ErrorKind::Refused, tr("badge.error.no_edition"));
  BadgeService badges(store, BadgeService::keyBeside(database.string()), {"desk-1", "demo"});
  std::mt19937_64 rng(seed);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };

  // Badges for everyone, printed for nine in ten (the rest never came to the desk).
  std::vector<Person> people;
  for (Id id : store.personIds()) people.push_back(*store.person(id));
  std::vector<std::string> payloads;
  store.write([&] {
    for (const Person& p : people) {
      badges.ensureBadge(p.id);
      ++sum.badges;
      if (chance(90)) {
        badges.recordPrint(p.id);
        ++sum.printed;
      }
    }
  });
  for (const Person& p : people) payloads.push_back(badges.payload(p.id));

  const auto defaults = ensureDefaultGateProfiles(store);
  std::vector<std::optional<GateProfile>> profiles;
  for (const char* name : {"exhibition", "forum", "vip-lounge"}) {
    auto g = findProfile(defaults, name);
    profiles.push_back(g);
    if (g) g->direction = Direction::Out;
    profiles.push_back(g);
  }
  if (!profiles[0]) return sum;
  ScanPipeline pipeline(store, {"gate-demo", "demo"});

  const std::vector<std::string> days = dates::range(edition->starts_on, edition->ends_on);
  const tz::TimeZone clock = tz::TimeZone::load(edition->timezone);
  for (std::size_t d = 0; d < days.size(); ++d) {
    std::vector<Planned> plan;
    for (std::size_t i = 0; i < people.size(); ++i) {
      const Person& p = people[i];
      const bool listed = std::find(p.days.begin(), p.days.end(), days[d]) != p.days.end();
      // Staff come every day; people with listed days mostly on those (a few try another day and are
      // refused); the others now and then, more at the weekend.
      const int percent = p.category == "exhibitor" || p.category == "staff" ? 92
                          : !p.days.empty()                                  ? (listed ? 80 : 4)
                                                                             : (d >= 4 ? 45 : 28);
      if (!chance(percent)) continue;
      // Arrivals peak mid-morning and mid-afternoon.
      const int arrive = (rng() % 2 ? 9 * 60 + 30 : 14 * 60 + 30) + static_cast<int>(rng() % 150) - 60;
      plan.push_back({arrive, i, 0});
      if (profiles[2] && chance(p.category == "exhibitor" ? 3 : 35)) {  // the forum
        const int in = arrive + 20 + static_cast<int>(rng() % 60);
        plan.push_back({in, i, 2});
        if (chance(70)) plan.push_back({in + 60 + static_cast<int>(rng() % 120), i, 3});
      }
      if (profiles[4] && (p.category == "official" || p.category == "vip") && chance(60))
        plan.push_back({arrive + 30 + static_cast<int>(rng() % 90), i, 4});
      if (chance(85)) plan.push_back({std::min(20 * 60, arrive + 120 + static_cast<int>(rng() % 300)), i, 1});
    }
    std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.minute < b.minute; });
    for (std::size_t k = 0; k < plan.size(); ++k) {
      const Planned& s = plan[k];
      // The venue's wall clock with the offset the edition's zone has then (Casablanca: +00 in Ramadan).
      const int second = static_cast<int>(k % 60);
      const long long wall = dates::toDayNumber(days[d]) * 86400 + s.minute * 60LL + second;
      const int offset = clock.offsetAt(wall - clock.offsetAt(wall)) / 60;
      char at[48];
      std::snprintf(at, sizeof at, "%sT%02d:%02d:%02d%c%02d:%02d", days[d].c_str(), s.minute / 60, s.minute % 60,
                    second, offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
      const GateProfile& g = *profiles[static_cast<std::size_t>(s.profile)];
      const Verdict v = pipeline.scan(payloads[s.person], g, g.direction, *parseMoment(at));
      ++sum.scans;
      if (v.accepted) ++sum.accepted;
    }
  }
  return sum;
}

}  // namespace moussem::gate
