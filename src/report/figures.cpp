#include "report/figures.hpp"

#include <algorithm>
#include <map>

#include "core/dates.hpp"

namespace moussem::report {

namespace {
template <class V>
void grow(V& v, std::size_t n, typename V::value_type fill) {
  if (v.size() < n) v.resize(std::max(n, v.size() + v.size() / 2), fill);
}
}  // namespace

void FiguresBuilder::readPeople(Store& store) {
  std::fill(category_.begin(), category_.end(), std::int16_t{-1});
  figures_.people = 0;
  store.forEachPersonFact([&](const PersonFact& p) {
    if (p.id <= 0) return;
    const auto i = static_cast<std::size_t>(p.id);
    grow(category_, i + 1, std::int16_t{-1});
    grow(exhibitor_, i + 1, Id{0});
    std::int16_t c = -1;
    for (std::size_t k = 0; k < categories_.size(); ++k)
      if (categories_[k].code == p.category) c = static_cast<std::int16_t>(k);
    category_[i] = c;
    exhibitor_[i] = p.exhibitor;
    ++figures_.people;
  });
}

int FiguresBuilder::dayIndex(const std::string& day) {
  for (std::size_t i = 0; i < figures_.days.size(); ++i)
    if (figures_.days[i].day == day) return static_cast<int>(i);
  // A scan outside the edition's days (a rehearsal, a wrong clock): shown, after the edition's days.
  figures_.days.push_back({day, 0, 0, {}});
  return static_cast<int>(figures_.days.size()) - 1;
}

void FiguresBuilder::update(Store& store, bool rereadPeople) {
  if (!loaded_) {
    edition_ = store.edition().value_or(Edition{});
    categories_ = store.categories();
    std::stable_sort(categories_.begin(), categories_.end(), [](const Category& a, const Category& b) { return a.sort < b.sort; });
    zones_ = store.zones();
    figures_.days.clear();
    if (dates::isIsoDate(edition_.starts_on) && dates::isIsoDate(edition_.ends_on))
      for (long long d = dates::toDayNumber(edition_.starts_on); d <= dates::toDayNumber(edition_.ends_on); ++d)
        figures_.days.push_back({dates::fromDayNumber(d), 0, 0, {}});
    entriesByCategory_.assign(categories_.size(), 0);
    insideByZone_.assign(zones_.size(), 0);
    readPeople(store);
    loaded_ = true;
  } else if (rereadPeople) {
    readPeople(store);
  }

  bool unknown = false;
  auto known = [&](Id person) {
    return person > 0 && static_cast<std::size_t>(person) < category_.size() && category_[static_cast<std::size_t>(person)] >= 0;
  };
  std::vector<PassageFact> passages;
  store.forEachPassage(figures_.last_scan, [&](const PassageFact& p) {
    passages.push_back(p);
    if (p.person > 0 && !known(p.person)) unknown = true;
  });
  std::vector<Id> prints;
  store.forEachPrint(lastPrint_, [&](Id event, Id person) {
    lastPrint_ = event;
    prints.push_back(person);
    if (!known(person)) unknown = true;
  });
  if (unknown) readPeople(store);  // someone registered since: their category is needed now

  for (Id person : prints) {
    if (person <= 0) continue;
    const auto i = static_cast<std::size_t>(person);
    grow(printed_, i + 1, std::uint8_t{0});
    if (!printed_[i]) {
      printed_[i] = 1;
      ++figures_.badges_printed;
    }
  }

  for (const PassageFact& p : passages) {
    figures_.last_scan = p.scan;
    int zone = -1;
    for (std::size_t z = 0; z < zones_.size() && z < 32; ++z)
      if (zones_[z].code == p.zone) zone = static_cast<int>(z);
    const auto i = static_cast<std::size_t>(std::max<Id>(0, p.person));
    if (p.person > 0) {
      grow(insideMask_, i + 1, 0u);
      grow(entered_, i + 1, std::uint8_t{0});
      grow(visitedDays_, i + 1, 0u);
    }
    if (!p.in) {
      ++figures_.exits;
      if (p.person > 0 && zone >= 0 && (insideMask_[i] >> zone & 1u)) {
        insideMask_[i] &= ~(1u << zone);
        --insideByZone_[static_cast<std::size_t>(zone)];
      }
      continue;
    }
    ++figures_.entries;
    const int d = dayIndex(p.at.substr(0, 10));
    DayFigures& day = figures_.days[static_cast<std::size_t>(d)];
    ++day.entries;
    const int hour = p.at.size() >= 13 ? (p.at[11] - '0') * 10 + (p.at[12] - '0') : -1;
    if (hour >= 0 && hour < 24) ++day.by_hour[static_cast<std::size_t>(hour)];
    if (p.person <= 0) continue;
    if (known(p.person)) ++entriesByCategory_[static_cast<std::size_t>(category_[i])];
    if (!entered_[i]) {
      entered_[i] = 1;
      ++figures_.visitors;
    }
    if (d < 32 && !(visitedDays_[i] >> d & 1u)) {
      visitedDays_[i] |= 1u << d;
      ++day.visitors;
    }
    if (zone >= 0 && !(insideMask_[i] >> zone & 1u)) {
      insideMask_[i] |= 1u << zone;
      ++insideByZone_[static_cast<std::size_t>(zone)];
    }
  }

  exhibitorList_.clear();
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) { exhibitorList_.push_back(x); });
  figures_.booths_by_hall.clear();
  for (const BoothCount& b : store.boothCounts()) {
    auto it = std::find_if(figures_.booths_by_hall.begin(), figures_.booths_by_hall.end(),
                           [&](const HallOccupancy& h) { return h.hall == b.hall; });
    if (it == figures_.booths_by_hall.end()) it = figures_.booths_by_hall.insert(figures_.booths_by_hall.end(), {b.hall});
    it->total += b.count;
    if (b.status == "assigned" || b.status == "confirmed") it->taken += b.count;
    else if (b.status == "free") it->free += b.count;
    else it->other += b.count;
  }
  rebuildDerived();
}

void FiguresBuilder::rebuildDerived() {
  figures_.inside_by_zone.clear();
  for (std::size_t z = 0; z < zones_.size(); ++z) figures_.inside_by_zone.push_back({zones_[z].code, insideByZone_[z]});
  figures_.entries_by_category.clear();
  figures_.funnel.clear();
  std::vector<FunnelRow> funnel(categories_.size());
  for (std::size_t c = 0; c < categories_.size(); ++c) funnel[c].category = categories_[c].code;
  std::vector<std::uint8_t> present;  // exhibitor id -> a staff member entered
  for (std::size_t i = 0; i < category_.size(); ++i) {
    if (category_[i] < 0) continue;
    FunnelRow& row = funnel[static_cast<std::size_t>(category_[i])];
    ++row.registered;
    if (i < printed_.size() && printed_[i]) ++row.printed;
    if (i < entered_.size() && entered_[i]) {
      ++row.entered;
      if (i < exhibitor_.size() && exhibitor_[i] > 0) {
        grow(present, static_cast<std::size_t>(exhibitor_[i]) + 1, std::uint8_t{0});
        present[static_cast<std::size_t>(exhibitor_[i])] = 1;
      }
    }
  }
  for (std::size_t c = 0; c < categories_.size(); ++c)
    figures_.entries_by_category.push_back({categories_[c].code, entriesByCategory_[c]});
  figures_.funnel = std::move(funnel);

  std::map<std::string, GroupCount> byRegion, bySector;
  for (const Exhibitor& x : exhibitorList_) {
    const bool here = x.id > 0 && static_cast<std::size_t>(x.id) < present.size() && present[static_cast<std::size_t>(x.id)];
    for (auto* m : {&byRegion, &bySector}) {
      GroupCount& g = (*m)[m == &byRegion ? x.region : x.sector];
      g.code = m == &byRegion ? x.region : x.sector;
      ++g.total;
      if (here) ++g.present;
    }
  }
  auto toVector = [](const std::map<std::string, GroupCount>& m) {
    std::vector<GroupCount> v;
    for (const auto& [k, g] : m) v.push_back(g);
    std::stable_sort(v.begin(), v.end(), [](const GroupCount& a, const GroupCount& b) { return a.total > b.total; });
    return v;
  };
  figures_.exhibitors_by_region = toVector(byRegion);
  figures_.exhibitors_by_sector = toVector(bySector);
  figures_.exhibitors = static_cast<long long>(exhibitorList_.size());
}

}  // namespace moussem::report
