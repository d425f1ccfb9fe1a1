// The allocation problem (see allocation.hpp): settings, building, fit, scores, and the independent
// checker. The checker recomputes geometry and fit from the raw fields on purpose, so that a bug in
// the shortcuts the solver uses (neighbour lists, fit cache) cannot hide its own violations.
#include "booth/allocation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/codes.hpp"

namespace moussem::booth {

namespace {

struct SettingField {
  const char* name;
  int AllocationSettings::*field;
};
constexpr SettingField kSettingFields[] = {
    {"base_priority", &AllocationSettings::base_priority},
    {"points_kenz", &AllocationSettings::points_kenz},
    {"points_excellence", &AllocationSettings::points_excellence},
    {"points_aggregation", &AllocationSettings::points_aggregation},
    {"points_per_edition", &AllocationSettings::points_per_edition},
    {"max_editions", &AllocationSettings::max_editions},
    {"value_corner", &AllocationSettings::value_corner},
    {"value_peninsula", &AllocationSettings::value_peninsula},
    {"value_island", &AllocationSettings::value_island},
    {"value_entrance", &AllocationSettings::value_entrance},
    {"entrance_reach", &AllocationSettings::entrance_reach},
    {"value_main_aisle", &AllocationSettings::value_main_aisle},
    {"pref_corner", &AllocationSettings::pref_corner},
    {"pref_zone", &AllocationSettings::pref_zone},
    {"pref_hall", &AllocationSettings::pref_hall},
    {"pref_hall_sector", &AllocationSettings::pref_hall_sector},
    {"cluster", &AllocationSettings::cluster},
    {"waste_per_m2", &AllocationSettings::waste_per_m2},
    {"max_oversize_pct", &AllocationSettings::max_oversize_pct},
    {"facing_gap", &AllocationSettings::facing_gap},
};

// The fit rules on raw values, shared by Problem::misfit and the checker.
std::string requestMisfit(const ProblemExhibitor& x, const ProblemBooth& b, int maxOversizePct) {
  if (b.area + 1e-6 < x.area) return "area_small";
  if (b.area > x.area * maxOversizePct / 100.0 + 1e-6) return "area_large";
  if (x.needs_power && !b.power) return "power";
  if (!x.types.empty() && std::find(x.types.begin(), x.types.end(), codeOf(b.type)) == x.types.end()) return "type";
  return "";
}

}  // namespace

AllocationSettings loadAllocationSettings(Store& store) {
  AllocationSettings s;
  for (const auto& f : kSettingFields)
    if (auto v = store.setting(std::string("allocate.") + f.name)) {
      try {
        s.*(f.field) = std::stoi(*v);
      } catch (const std::exception&) {
      }
    }
  return s;
}

bool Problem::fits(int e, int b) const {
  return misfit(e, b).empty();
}

std::string Problem::misfit(int e, int b) const {
  const auto& x = exhibitors[e];
  const auto& booth = booths[b];
  if (!booth.movable) return "unavailable";
  if (!x.wantsBooth) return "no_request";
  if (auto m = requestMisfit(x, booth, settings.max_oversize_pct); !m.empty()) return m;
  for (int nb : near[b]) {
    const int holder = booths[nb].fixedHolder;
    if (holder >= 0 && std::find(x.competitors.begin(), x.competitors.end(), holder) != x.competitors.end())
      return "competitor";
  }
  return "";
}

Problem::Parts Problem::parts(int e, int b) const {
  const auto& x = exhibitors[e];
  const auto& booth = booths[b];
  Parts p;
  p.priority_value = static_cast<long long>(x.priority) * booth.value;
  if (x.wants_corner && cornerLike(booth.type)) p.preferences += settings.pref_corner;
  if (!x.zone.empty() && x.zone == booth.zone) p.preferences += settings.pref_zone;
  if (!x.hall.empty() && x.hall == booth.hall) p.preferences += settings.pref_hall;
  const auto& hs = hallSectors[b];
  if (std::find(hs.begin(), hs.end(), x.sector) != hs.end()) p.preferences += settings.pref_hall_sector;
  p.waste = static_cast<long long>(std::llround(std::max(0.0, booth.area - x.area) * settings.waste_per_m2));
  for (int nb : adjacent[b]) {
    const int holder = booths[nb].fixedHolder;
    if (holder >= 0 && sectorOf[holder] == sectorOf[e]) p.fixed_cluster += settings.cluster;
  }
  return p;
}

long long Problem::linear(int e, int b) const {
  const Parts p = parts(e, b);
  return p.priority_value + p.preferences - p.waste + p.fixed_cluster;
}

Problem buildProblem(const std::vector<Hall>& halls, const std::vector<VenueFeature>& features,
                     const std::vector<Booth>& booths, const std::vector<Exhibitor>& exhibitors,
                     const std::vector<BoothRequest>& requests, const AllocationSettings& settings) {
  Problem p;
  p.settings = settings;
  std::map<std::string, const Hall*> hallByCode;
  for (const auto& h : halls) hallByCode[h.code] = &h;
  std::map<Id, int> exhibitorIndex;
  std::map<std::string, int> sectorIndex;
  for (const auto& x : exhibitors) {
    ProblemExhibitor e;
    e.id = x.id;
    e.name = x.name_fr;
    e.name_ar = x.name_ar;
    e.sector = x.sector;
    e.region = x.region;
    e.program = x.program;
    e.zone = x.preferred_zone;
    e.area = x.booth_area_m2;
    e.wants_corner = x.wants_corner;
    e.needs_power = x.needs_power;
    e.wantsBooth = x.booth_area_m2 > 0;
    int priority = settings.base_priority;
    if (x.program == "kenz") priority += settings.points_kenz;
    if (x.program == "excellence") priority += settings.points_excellence;
    if (x.program == "aggregation") priority += settings.points_aggregation;
    e.priority = priority;
    exhibitorIndex[x.id] = static_cast<int>(p.exhibitors.size());
    auto [it, fresh] = sectorIndex.emplace(x.sector, static_cast<int>(sectorIndex.size()));
    p.sectorOf.push_back(it->second);
    p.exhibitors.push_back(std::move(e));
  }
  p.sectorCount = static_cast<int>(sectorIndex.size());
  for (const auto& r : requests) {
    auto it = exhibitorIndex.find(r.exhibitor_id);
    if (it == exhibitorIndex.end()) continue;
    auto& e = p.exhibitors[it->second];
    e.hall = r.preferred_hall;
    e.types = r.booth_types;
    e.priority += std::min(r.seniority, settings.max_editions) * settings.points_per_edition + r.extra_points;
    e.priority = std::max(e.priority, 1);
  }
  for (std::size_t i = 0; i < exhibitors.size(); ++i)
    for (Id other : exhibitors[i].competitors)
      if (auto it = exhibitorIndex.find(other); it != exhibitorIndex.end() && it->second != static_cast<int>(i)) {
        auto& a = p.exhibitors[i].competitors;
        auto& b = p.exhibitors[it->second].competitors;
        if (std::find(a.begin(), a.end(), it->second) == a.end()) a.push_back(it->second);
        if (std::find(b.begin(), b.end(), static_cast<int>(i)) == b.end()) b.push_back(static_cast<int>(i));
      }
  for (auto& e : p.exhibitors) std::sort(e.competitors.begin(), e.competitors.end());

  std::vector<const VenueFeature*> entrances, mainAisles;
  for (const auto& f : features) {
    if (f.kind == VenueFeatureKind::Entrance)
      entrances.push_back(&f);
    else if (f.main)
      mainAisles.push_back(&f);
  }
  for (const auto& b : booths) {
    ProblemBooth pb;
    pb.id = b.id;
    pb.code = b.code;
    pb.hall = b.hall;
    auto h = hallByCode.find(b.hall);
    pb.zone = h != hallByCode.end() ? h->second->zone : "";
    pb.rect = rectOf(b);
    pb.type = b.type;
    pb.power = b.power;
    pb.area = b.width * b.depth;
    pb.status = b.status;
    pb.locked = b.locked;
    int value = 100;
    if (b.type == BoothType::Corner) value += settings.value_corner;
    if (b.type == BoothType::Peninsula) value += settings.value_peninsula;
    if (b.type == BoothType::Island) value += settings.value_island;
    double nearest = 1e18;
    for (const auto* f : entrances)
      if (f->hall == b.hall) nearest = std::min(nearest, distance(pb.rect, rectOf(*f)));
    if (settings.entrance_reach > 0 && nearest < settings.entrance_reach)
      value += static_cast<int>(std::lround(settings.value_entrance * (1.0 - nearest / settings.entrance_reach)));
    for (const auto* f : mainAisles)
      if (f->hall == b.hall && distance(pb.rect, rectOf(*f)) <= 0.05) {
        value += settings.value_main_aisle;
        break;
      }
    pb.value = value;
    const bool untouchable = b.locked || b.status == BoothStatus::Confirmed || b.status == BoothStatus::Blocked ||
                             b.status == BoothStatus::Hold;
    pb.movable = !untouchable;
    if (untouchable && b.exhibitor_id)
      if (auto it = exhibitorIndex.find(*b.exhibitor_id); it != exhibitorIndex.end()) {
        pb.fixedHolder = it->second;
        if (p.exhibitors[it->second].fixedBooth < 0)
          p.exhibitors[it->second].fixedBooth = static_cast<int>(p.booths.size());
      }
    p.hallSectors.push_back(h != hallByCode.end() ? h->second->sectors : std::vector<std::string>{});
    p.booths.push_back(std::move(pb));
  }
  // Neighbours: a sweep along x over booths of the same hall.
  const int n = static_cast<int>(p.booths.size());
  p.adjacent.assign(n, {});
  p.near.assign(n, {});
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return p.booths[a].rect.x < p.booths[b].rect.x; });
  const double reach = settings.facing_gap + 0.01;
  for (int k = 0; k < n; ++k) {
    const int a = order[k];
    for (int l = k + 1; l < n; ++l) {
      const int b = order[l];
      if (p.booths[b].rect.x > p.booths[a].rect.right() + reach) break;
      if (p.booths[a].hall != p.booths[b].hall) continue;
      const Rect& ra = p.booths[a].rect;
      const Rect& rb = p.booths[b].rect;
      const bool adj = adjacent(ra, rb);
      if (adj) {
        p.adjacent[a].push_back(b);
        p.adjacent[b].push_back(a);
      }
      if (adj || facing(ra, rb, settings.facing_gap)) {
        p.near[a].push_back(b);
        p.near[b].push_back(a);
      }
    }
  }
  for (auto& v : p.adjacent) std::sort(v.begin(), v.end());
  for (auto& v : p.near) std::sort(v.begin(), v.end());
  return p;
}

Problem loadProblem(Store& store) {
  store.checkPermission(Permission::ManageBooths);  // an allocation, even a dry run, is the organiser's
  std::vector<Exhibitor> exhibitors;
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) { exhibitors.push_back(x); });
  return buildProblem(store.halls(), store.venueFeatures(), store.booths(), exhibitors, store.boothRequests(),
                      loadAllocationSettings(store));
}

Allocation currentAllocation(const Problem& p, const std::vector<Booth>& booths) {
  Allocation a;
  a.boothOf.assign(p.exhibitors.size(), -1);
  std::map<Id, int> exhibitorIndex, boothIndex;
  for (std::size_t i = 0; i < p.exhibitors.size(); ++i) exhibitorIndex[p.exhibitors[i].id] = static_cast<int>(i);
  for (std::size_t i = 0; i < p.booths.size(); ++i) boothIndex[p.booths[i].id] = static_cast<int>(i);
  for (const auto& b : booths)
    if (b.exhibitor_id)
      if (auto e = exhibitorIndex.find(*b.exhibitor_id); e != exhibitorIndex.end())
        if (auto bi = boothIndex.find(b.id); bi != boothIndex.end() && a.boothOf[e->second] < 0)
          a.boothOf[e->second] = bi->second;
  return a;
}

Score scoreOf(const Problem& p, const Allocation& a) {
  Score s;
  std::vector<int> holder(p.booths.size(), -1);
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e) {
    const int b = a.boothOf[e];
    if (!p.exhibitors[e].wantsBooth) continue;
    if (b < 0) {
      ++s.unassigned;
      continue;
    }
    ++s.assigned;
    holder[b] = static_cast<int>(e);
    if (p.exhibitors[e].fixedBooth >= 0) continue;  // constants: not the allocator's to change
    const auto parts = p.parts(static_cast<int>(e), b);
    s.priority_value += parts.priority_value;
    s.preferences += parts.preferences;
    s.waste += parts.waste;
    s.clustering += parts.fixed_cluster;
  }
  for (std::size_t b = 0; b < p.booths.size(); ++b) {
    if (holder[b] < 0 || !p.booths[b].movable) continue;
    for (int nb : p.adjacent[b])
      if (static_cast<int>(b) < nb && p.booths[nb].movable && holder[nb] >= 0 &&
          p.sectorOf[holder[b]] == p.sectorOf[holder[nb]])
        s.clustering += p.settings.cluster;
  }
  s.total = s.priority_value + s.preferences + s.clustering - s.waste;
  return s;
}

Violations checkAllocation(const Problem& p, const Allocation& a) {
  Violations v;
  std::vector<int> count(p.booths.size(), 0);
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e) {
    const auto& x = p.exhibitors[e];
    const int b = e < a.boothOf.size() ? a.boothOf[e] : -1;
    if (x.fixedBooth >= 0) {
      if (b != x.fixedBooth) ++v.fixed_changed;
    }
    if (b < 0) continue;
    if (b >= static_cast<int>(p.booths.size())) {
      ++v.misfit;
      continue;
    }
    ++count[b];
    const auto& booth = p.booths[b];
    if (x.fixedBooth < 0) {
      // Untouchable booths may only keep the exhibitor they had.
      if (booth.locked || booth.status == BoothStatus::Confirmed || booth.status == BoothStatus::Blocked ||
          booth.status == BoothStatus::Hold)
        ++v.fixed_changed;
      else if (!x.wantsBooth || !requestMisfit(x, booth, p.settings.max_oversize_pct).empty())
        ++v.misfit;
    }
  }
  for (std::size_t b = 0; b < p.booths.size(); ++b)
    if (count[b] > 1) v.double_booked += count[b] - 1;
  // Competitors: geometry from the rectangles themselves.
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
    for (int o : p.exhibitors[e].competitors) {
      if (o <= static_cast<int>(e)) continue;
      const int b1 = a.boothOf[e], b2 = a.boothOf[o];
      if (b1 < 0 || b2 < 0 || b1 >= static_cast<int>(p.booths.size()) || b2 >= static_cast<int>(p.booths.size()))
        continue;
      if (p.exhibitors[e].fixedBooth >= 0 && p.exhibitors[o].fixedBooth >= 0) continue;  // the organiser's own doing
      const auto& r1 = p.booths[b1];
      const auto& r2 = p.booths[b2];
      if (r1.hall != r2.hall) continue;
      if (adjacent(r1.rect, r2.rect) || facing(r1.rect, r2.rect, p.settings.facing_gap)) ++v.competitors;
    }
  return v;
}

}  // namespace moussem::booth
