#include "report/figures.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "core/dates.hpp"

namespace moussem::report {

namespace {
template <class V>
void grow(V& v, std::size_t n, typename V::value_type fill) {
  if (v.size() < n) v.resize(std::max(n, v.size() + v.size() / 2), fill);
}
constexpr std::uint32_t kEverEntered = 1u << 31;
}  // namespace

const ZoneAttendance* EventFigures::zone(const std::string& code) const {
  for (const auto& z : zones)
    if (z.zone == code) return &z;
  return nullptr;
}

std::int16_t FiguresBuilder::categoryOf(Id person) const {
  if (person <= 0 || static_cast<std::size_t>(person) >= person_.size()) return -1;
  return person_[static_cast<std::size_t>(person)].category;
}

// all: everyone again (categories may have changed, people may be gone); else only new registrations.
void FiguresBuilder::readPeople(Store& store, bool all) {
  if (all) {
    for (PersonState& p : person_) p.category = -1;
    figures_.people = 0;
    lastPerson_ = 0;
  }
  std::string lastCode;
  std::int16_t lastIndex = -1;
  store.forEachPersonFact(lastPerson_, [&](const PersonFact& p) {
    lastPerson_ = std::max(lastPerson_, p.id);
    if (p.id <= 0) return;
    const auto i = static_cast<std::size_t>(p.id);
    grow(person_, i + 1, PersonState{});
    if (p.category != lastCode) {  // people come in id order, often in runs of one category
      lastCode = p.category;
      lastIndex = -1;
      for (std::size_t k = 0; k < categories_.size(); ++k)
        if (categories_[k].code == p.category) lastIndex = static_cast<std::int16_t>(k);
    }
    person_[i].category = lastIndex;
    person_[i].exhibitor = static_cast<std::uint32_t>(std::max<Id>(0, p.exhibitor));
    ++figures_.people;
  });
}

int FiguresBuilder::dayIndex(std::string_view day) {
  for (std::size_t i = 0; i < figures_.days.size(); ++i)
    if (figures_.days[i].day == day) return static_cast<int>(i);
  // A scan outside the edition's days (a rehearsal, a wrong clock): shown, after the edition's days.
  figures_.days.push_back({std::string(day), 0, 0, {}});
  for (auto* perZone : {&zoneEntriesPerDay_, &zoneAttendeesPerDay_})
    for (auto& v : *perZone) v.resize(figures_.days.size(), 0);
  return static_cast<int>(figures_.days.size()) - 1;
}

FiguresBuilder::Passage FiguresBuilder::reduce(const PassageFact& p, DayCache& cache) const {
  Passage r;
  r.scan = p.scan;
  r.person = p.person;
  r.in = p.in;
  for (std::size_t z = 0; z < zones_.size() && z < 32; ++z)
    if (zones_[z].code == p.zone) {
      r.zone = static_cast<std::int8_t>(z);
      break;
    }
  // The day and the hour at the edition's clock, whatever offset the scan was written with.
  const std::string_view at(p.at);
  const std::size_t tail = at.size() > 19 ? at.find_first_of("Z+-", 19) : std::string_view::npos;
  const std::string_view minute = at.substr(0, 16), offset = tail == std::string_view::npos ? "" : at.substr(tail);
  if (cache.minute != minute || cache.offset != offset) {
    cache.minute.assign(minute);
    cache.offset.assign(offset);
    if (auto t = tz::localOf(cache.minute + ":00" + cache.offset, *clock_)) {
      cache.day = dates::toDayNumber(t->day);
      cache.hour = static_cast<std::int8_t>(t->hour);
    } else {  // not a moment: its date if it has one, no hour
      cache.day = at.size() >= 10 && dates::isIsoDate(at.substr(0, 10)) ? dates::toDayNumber(at.substr(0, 10)) : 0;
      cache.hour = -1;
    }
  }
  r.day = cache.day;
  r.hour = cache.hour;
  return r;
}

void FiguresBuilder::countAllFrom(Store& store) {
  // The store is read on a second thread (SQLite decoding rows) while this one counts: on a first load
  // of millions of scans each takes about half the time. Batches go through a small bounded queue.
  constexpr std::size_t kBatch = 8192, kQueued = 8;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<Passage>> queue;
  bool done = false;
  std::exception_ptr failure;
  const Id after = figures_.last_scan;
  std::thread reader([&] {
    std::vector<Passage> batch;
    batch.reserve(kBatch);
    auto hand = [&](bool last) {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return queue.size() < kQueued; });
      if (!batch.empty()) queue.push_back(std::move(batch));
      done = last;
      changed.notify_all();
      batch = {};
      batch.reserve(kBatch);
    };
    try {
      DayCache cache;
      store.forEachPassage(after, [&](const PassageFact& p) {
        batch.push_back(reduce(p, cache));
        if (batch.size() == kBatch) hand(false);
      });
    } catch (...) {
      failure = std::current_exception();
    }
    hand(true);
  });
  for (;;) {
    std::vector<Passage> batch;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !queue.empty() || done; });
      if (queue.empty()) break;
      batch = std::move(queue.front());
      queue.pop_front();
      changed.notify_all();
    }
    for (const Passage& p : batch) count(p);
  }
  reader.join();
  if (failure) std::rethrow_exception(failure);
}

void FiguresBuilder::count(const Passage& p) {
  figures_.last_scan = std::max(figures_.last_scan, p.scan);
  const int zone = p.zone;
  const auto i = static_cast<std::size_t>(std::max<Id>(0, p.person));
  PersonState* who = nullptr;
  if (p.person > 0) {
    grow(person_, i + 1, PersonState{});
    who = &person_[i];
  }
  if (!p.in) {
    ++figures_.exits;
    if (who && zone >= 0 && (who->inside >> zone & 1u)) {
      who->inside &= ~(1u << zone);
      --insideByZone_[static_cast<std::size_t>(zone)];
    }
    return;
  }
  ++figures_.entries;
  if (lastDay_ < 0 || p.day != lastDayNumber_) {
    lastDayNumber_ = p.day;
    lastDay_ = dayIndex(dates::fromDayNumber(p.day));
  }
  const int d = lastDay_;
  DayFigures& day = figures_.days[static_cast<std::size_t>(d)];
  ++day.entries;
  const int hour = p.hour;
  if (hour >= 0 && hour < 24) ++day.by_hour[static_cast<std::size_t>(hour)];
  const auto z = static_cast<std::size_t>(zone);
  if (zone >= 0) {
    ++zoneEntries_[z];
    ++zoneEntriesPerDay_[z][static_cast<std::size_t>(d)];
  }
  if (!who) return;
  if (who->category >= 0) {
    ++entriesByCategory_[static_cast<std::size_t>(who->category)];
    if (zone >= 0) ++zoneEntriesByCategory_[z][static_cast<std::size_t>(who->category)];
  } else {
    pendingCategory_.emplace_back(p.person, zone);  // registered since the people were read
  }
  if (!who->entered) {
    who->entered = 1;
    ++figures_.visitors;
  }
  if (d < 32 && !(who->days >> d & 1u)) {
    who->days |= 1u << d;
    ++day.visitors;
  }
  if (zone >= 0) {
    if (!(who->inside >> zone & 1u)) {
      who->inside |= 1u << zone;
      ++insideByZone_[z];
    }
    const std::size_t zones = std::min<std::size_t>(zones_.size(), 32);
    grow(zoneDays_, (i + 1) * zones, 0u);
    std::uint32_t& seen = zoneDays_[i * zones + z];
    if (!(seen & kEverEntered)) {
      seen |= kEverEntered;
      ++zoneAttendees_[z];
    }
    if (d < 31 && !(seen >> d & 1u)) {
      seen |= 1u << d;
      ++zoneAttendeesPerDay_[z][static_cast<std::size_t>(d)];
    }
  }
}

void FiguresBuilder::update(Store& store, bool rereadPeople) {
  if (!loaded_) {
    edition_ = store.edition().value_or(Edition{});
    if (clock_->name() != edition_.timezone)
      clock_ = std::make_shared<const tz::TimeZone>(tz::TimeZone::load(edition_.timezone));
    categories_ = store.categories();
    std::stable_sort(categories_.begin(), categories_.end(),
                     [](const Category& a, const Category& b) { return a.sort < b.sort; });
    zones_ = store.zones();
    figures_.days.clear();
    if (dates::isIsoDate(edition_.starts_on) && dates::isIsoDate(edition_.ends_on))
      for (long long d = dates::toDayNumber(edition_.starts_on); d <= dates::toDayNumber(edition_.ends_on); ++d)
        figures_.days.push_back({dates::fromDayNumber(d), 0, 0, {}});
    entriesByCategory_.assign(categories_.size(), 0);
    insideByZone_.assign(zones_.size(), 0);
    zoneDays_.clear();
    zoneEntriesPerDay_.assign(zones_.size(), std::vector<long long>(figures_.days.size(), 0));
    zoneAttendeesPerDay_ = zoneEntriesPerDay_;
    zoneEntriesByCategory_.assign(zones_.size(), std::vector<long long>(categories_.size(), 0));
    zoneEntries_.assign(zones_.size(), 0);
    zoneAttendees_.assign(zones_.size(), 0);
    readPeople(store, true);
    loaded_ = true;
  } else {
    readPeople(store, rereadPeople);
  }

  // Scans are counted as they stream (millions on a first load are never held in memory, and are read
  // on a second thread). Only the category of someone registered after the people were read waits for
  // the re-read below.
  if (figures_.last_scan == 0)
    countAllFrom(store);
  else {
    DayCache cache;
    store.forEachPassage(figures_.last_scan, [&](const PassageFact& p) { count(reduce(p, cache)); });
  }
  bool unknown = !pendingCategory_.empty();
  std::vector<Id> prints;
  store.forEachPrint(lastPrint_, [&](Id event, Id person) {
    lastPrint_ = event;
    prints.push_back(person);
    if (categoryOf(person) < 0) unknown = true;
  });
  if (unknown) readPeople(store, false);
  for (const auto& [person, zone] : pendingCategory_) {
    const std::int16_t c = categoryOf(person);
    if (c < 0) continue;  // deleted since: their entries stay in the totals, not in a category
    ++entriesByCategory_[static_cast<std::size_t>(c)];
    if (zone >= 0) ++zoneEntriesByCategory_[static_cast<std::size_t>(zone)][static_cast<std::size_t>(c)];
  }
  pendingCategory_.clear();

  for (Id person : prints) {
    if (person <= 0) continue;
    const auto i = static_cast<std::size_t>(person);
    grow(person_, i + 1, PersonState{});
    if (!person_[i].printed) {
      person_[i].printed = 1;
      ++figures_.badges_printed;
    }
  }

  exhibitorList_.clear();
  store.forEachExhibitor(
      [&](const Exhibitor& x, const std::string&, const std::string&) { exhibitorList_.push_back(x); });
  figures_.booths_by_hall.clear();
  for (const BoothCount& b : store.boothCounts()) {
    auto it = std::find_if(figures_.booths_by_hall.begin(), figures_.booths_by_hall.end(),
                           [&](const HallOccupancy& h) { return h.hall == b.hall; });
    if (it == figures_.booths_by_hall.end())
      it = figures_.booths_by_hall.insert(figures_.booths_by_hall.end(), {b.hall});
    it->total += b.count;
    const std::optional<BoothStatus> status = fromCode<BoothStatus>(b.status);
    if (status == BoothStatus::Assigned || status == BoothStatus::Confirmed)
      it->taken += b.count;
    else if (status == BoothStatus::Free)
      it->free += b.count;
    else
      it->other += b.count;
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
  const std::size_t zones = std::min<std::size_t>(zones_.size(), 32);
  std::vector<std::vector<long long>> attendeesByCategory(zones, std::vector<long long>(categories_.size(), 0));
  for (std::size_t i = 0; i < person_.size(); ++i) {
    const PersonState& who = person_[i];
    if (who.category < 0) continue;
    const auto c = static_cast<std::size_t>(who.category);
    FunnelRow& row = funnel[c];
    ++row.registered;
    if (who.printed) ++row.printed;
    if (!who.entered) continue;
    ++row.entered;
    if (who.exhibitor > 0) {
      grow(present, static_cast<std::size_t>(who.exhibitor) + 1, std::uint8_t{0});
      present[who.exhibitor] = 1;
    }
    // Zone attendees by the person's current category.
    for (std::size_t z = 0; z < zones && (i + 1) * zones <= zoneDays_.size(); ++z)
      if (zoneDays_[i * zones + z] & kEverEntered) ++attendeesByCategory[z][c];
  }
  for (std::size_t c = 0; c < categories_.size(); ++c)
    figures_.entries_by_category.push_back({categories_[c].code, entriesByCategory_[c]});
  figures_.funnel = std::move(funnel);

  figures_.zones.clear();
  for (std::size_t z = 0; z < zones_.size(); ++z) {
    ZoneAttendance a;
    a.zone = zones_[z].code;
    a.entries = zoneEntries_[z];
    a.attendees = zoneAttendees_[z];
    a.entries_per_day = zoneEntriesPerDay_[z];
    a.attendees_per_day = zoneAttendeesPerDay_[z];
    const std::vector<long long> none(categories_.size(), 0);
    const std::vector<long long>& byCategory = z < attendeesByCategory.size() ? attendeesByCategory[z] : none;
    for (std::size_t c = 0; c < categories_.size(); ++c) {
      a.entries_by_category.push_back({categories_[c].code, zoneEntriesByCategory_[z][c]});
      a.attendees_by_category.push_back({categories_[c].code, byCategory[c]});
    }
    figures_.zones.push_back(std::move(a));
  }

  std::map<std::string, GroupCount> byRegion, bySector;
  for (const Exhibitor& x : exhibitorList_) {
    const bool here =
        x.id > 0 && static_cast<std::size_t>(x.id) < present.size() && present[static_cast<std::size_t>(x.id)];
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
