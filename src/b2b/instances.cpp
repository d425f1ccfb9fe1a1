// Generated B2B instances (see instances.hpp).
#include "b2b/instances.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "core/codes.hpp"

namespace moussem::b2b {

namespace {

struct Market {
  const char* country;
  int percent;
};
// Handicraft export markets (EVENT.md: USA 44 %, France 14 %, Spain 6 %, Turkey cited); the rest
// spread over other buyers' countries.
constexpr Market kMarkets[] = {{"US", 44}, {"FR", 14}, {"ES", 6}, {"TR", 4}, {"DE", 5}, {"GB", 5}, {"IT", 4},
                               {"NL", 3},  {"BE", 3},  {"CA", 3}, {"AE", 3}, {"SA", 2}, {"JP", 2}, {"CN", 2}};

std::string market(Rng& rnd) {
  int total = 0;
  for (const Market& m : kMarkets) total += m.percent;
  int r = rnd.below(total);
  for (const Market& m : kMarkets) {
    if (r < m.percent) return m.country;
    r -= m.percent;
  }
  return "US";
}

// Pottery 36 % and carpets 20 % of exports; the other crafts share the rest.
int sector(Rng& rnd, int sectors) {
  const int r = rnd.below(100);
  if (r < 36 || sectors < 3) return 0;
  if (r < 56) return 1;
  return 2 + rnd.below(sectors - 2);
}

}  // namespace

Problem generateProblem(int participants, int requestCount, std::uint64_t seed) {
  Rng rnd(seed);
  const auto sectorCodes = codes::sectors();
  const int sectors = static_cast<int>(sectorCodes.size());
  // Sessions: a morning and an afternoon per day, each with a coffee break.
  std::vector<Session> sessions;
  const int halfDays = participants <= 1000 ? 2 : 4;
  for (int h = 0; h < halfDays; ++h) {
    Session s;
    s.day = "2026-12-" + std::to_string(10 + h / 2);
    if (h % 2 == 0) {
      s.start = 9 * 60;
      s.end = 12 * 60 + 30;
      s.breaks = {{10 * 60 + 40, 11 * 60}};
    } else {
      s.start = 14 * 60 + 30;
      s.end = 18 * 60;
      s.breaks = {{16 * 60 + 10, 16 * 60 + 30}};
    }
    sessions.push_back(s);
  }
  // People: buyers first, then sellers by organisation.
  std::vector<Participant> people;
  const int buyers = std::max(1, participants * 2 / 5);
  std::vector<std::vector<int>> interests;  // buyer -> sectors
  for (int i = 0; i < buyers; ++i) {
    Participant p;
    p.person = i + 1;
    p.side = Side::Buyer;
    p.country = market(rnd);
    p.name = "Buyer " + std::to_string(i + 1) + " (" + p.country + ")";
    p.max_meetings = 8 + rnd.below(7);
    people.push_back(p);
    int a = sector(rnd, sectors), b = sector(rnd, sectors);
    interests.push_back(a == b ? std::vector<int>{a} : std::vector<int>{a, b});
  }
  std::vector<std::vector<int>> sellersOf(sectors);
  std::vector<std::string> orgs;
  while (static_cast<int>(people.size()) < std::max(participants, buyers + 1)) {
    const std::string org = "Coop " + std::to_string(orgs.size() + 1);
    orgs.push_back(org);
    const int sec = sector(rnd, sectors);
    const int staff = 1 + (rnd.chance(40) ? 1 : 0) + (rnd.chance(15) ? 1 : 0);
    for (int k = 0; k < staff && static_cast<int>(people.size()) < std::max(participants, buyers + 1); ++k) {
      Participant p;
      p.person = static_cast<Id>(people.size()) + 1;
      p.side = Side::Seller;
      p.organisation = org;
      p.country = "MA";
      p.sector = std::string(sectorCodes[sec]);
      p.name = org + " / " + std::to_string(k + 1);
      p.max_meetings = 6 + rnd.below(9);
      sellersOf[sec].push_back(static_cast<int>(people.size()));
      people.push_back(p);
    }
  }
  const int n = static_cast<int>(people.size());
  for (Participant& p : people)  // absent from one half-day
    if (rnd.chance(15)) {
      p.available.assign(sessions.size(), true);
      p.available[rnd.below(halfDays)] = false;
    }
  // Places: the B2B area's tables on a 3 m grid, ten a row; 40 % of organisations receive at their
  // booth, in hall A (60-180 m beyond the area) or, one in three, in hall B (320-400 m beyond it: more
  // than a 5-minute walk from every table).
  std::vector<Place> places;
  const int tables = std::max(2, (participants + 5) / 6);
  const int columns = std::max(10, static_cast<int>(std::sqrt(tables * 1.5)));
  for (int t = 0; t < tables; ++t)
    places.push_back({"T" + std::to_string(t + 1), false, "", 3.0 * (t % columns), 3.0 * (t / columns)});
  const double width = 3.0 * (columns - 1);
  for (std::size_t o = 0; o < orgs.size(); ++o) {
    if (!rnd.chance(40)) continue;
    const bool far = rnd.chance(33);
    const double x = width + (far ? 320 : 60) + rnd.below(far ? 80 : 120);
    const double y = rnd.below(60);
    places.push_back({std::string(far ? "B" : "A") + std::to_string(o + 1), true, orgs[o], x, y});
  }
  // Requests: a buyer and a seller of one of their sectors (80 %) or any, popular sellers asked more.
  std::vector<Request> requests;
  std::set<std::pair<int, int>> asked;
  std::vector<int> allSellers;
  for (int i = buyers; i < n; ++i) allSellers.push_back(i);
  auto pickSeller = [&](int b) {
    const std::vector<int>* pool = &allSellers;
    if (rnd.chance(80)) {
      const auto& in = interests[b];
      const auto& s = sellersOf[in[rnd.below(static_cast<int>(in.size()))]];
      if (!s.empty()) pool = &s;
    }
    const double u = static_cast<double>(rnd.below(1 << 20)) / (1 << 20);
    return (*pool)[static_cast<std::size_t>(u * u * static_cast<double>(pool->size()))];
  };
  auto priority = [&] {
    const int r = rnd.below(100);
    return r < 25 ? 3 : r < 70 ? 2 : 1;
  };
  long long attempts = 0;
  while (static_cast<int>(requests.size()) < requestCount && attempts++ < 50LL * requestCount + 1000) {
    const int b = rnd.below(buyers);
    const int s = pickSeller(b);
    const bool fromBuyer = rnd.chance(60);
    const int from = fromBuyer ? b : s, to = fromBuyer ? s : b;
    if (asked.count({from, to}) || asked.count({to, from})) continue;
    asked.insert({from, to});
    requests.push_back({from, to, priority(), false});
    if (static_cast<int>(requests.size()) >= requestCount) break;
    if (rnd.chance(15)) {
      asked.insert({to, from});
      requests.push_back({to, from, priority(), false});
    } else if (rnd.chance(1)) {
      asked.insert({to, from});
      requests.push_back({to, from, 0, true});
    }
  }
  return buildProblem(std::move(sessions), std::move(places), std::move(people), std::move(requests));
}

}  // namespace moussem::b2b
