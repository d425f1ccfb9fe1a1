// Booth operations by hand and applying an allocation (see booth_service.hpp).
#include "booth/booth_service.hpp"

#include <algorithm>
#include <map>

#include "booth/geometry.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::booth {

namespace {

// The booth an operation is about to change: the organiser's permission first, even when the change
// turns out to change nothing (locking a locked booth is still not a desk's to do).
Booth requireBooth(Store& store, const std::string& code) {
  store.checkPermission(Permission::ManageBooths);
  auto b = findBooth(store, code);
  if (!b) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {code}));
  return *b;
}

bool untouchable(const Booth& b) {
  return b.locked || b.status == BoothStatus::Confirmed || b.status == BoothStatus::Blocked;
}

// Why a booth is left as it is, in the user's language: its lock first (a locked free booth is "locked",
// not "free").
std::string why(const Booth& b) {
  return b.locked ? tr("booth.locked") : codeLabel(b.status);
}

std::string exhibitorName(Store& store, Id id) {
  auto x = store.exhibitor(id);
  return x ? x->name_fr : "#" + std::to_string(id);
}

// A competitor of `exhibitor` in a booth next to or facing `target` (ignoring booths in `ignore`).
void refuseCompetitors(Store& store, const Booth& target, Id exhibitor, const std::vector<std::string>& ignore) {
  auto x = store.exhibitor(exhibitor);
  if (!x) throw Error(ErrorKind::NotFound, tr("booth.error.no_exhibitor", {"#" + std::to_string(exhibitor)}));
  std::vector<Id> rivals = x->competitors;
  // Competition is declared by either side.
  for (const auto& b : store.booths()) {
    if (!b.exhibitor_id || b.hall != target.hall || b.code == target.code) continue;
    if (std::find(ignore.begin(), ignore.end(), b.code) != ignore.end()) continue;
    if (!adjacent(rectOf(b), rectOf(target)) &&
        !facing(rectOf(b), rectOf(target), loadAllocationSettings(store).facing_gap))
      continue;
    bool rival = std::find(rivals.begin(), rivals.end(), *b.exhibitor_id) != rivals.end();
    if (!rival)
      if (auto other = store.exhibitor(*b.exhibitor_id))
        rival = std::find(other->competitors.begin(), other->competitors.end(), exhibitor) != other->competitors.end();
    if (rival)
      throw Error(ErrorKind::Refused, tr("booth.error.competitor",
                                         {target.code, x->name_fr, exhibitorName(store, *b.exhibitor_id), b.code}));
  }
}

}  // namespace

std::optional<Booth> findBooth(Store& store, const std::string& code) {
  for (auto& b : store.booths())
    if (b.code == code) return b;
  return std::nullopt;
}

std::optional<Exhibitor> findExhibitor(Store& store, const std::string& ref) {
  if (ref.empty()) return std::nullopt;
  const std::string digits = ref[0] == '#' ? ref.substr(1) : ref;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    try {
      if (auto x = store.exhibitor(std::stoll(digits))) return x;
    } catch (const std::exception&) {
    }
    if (ref[0] == '#') return std::nullopt;
  }
  if (auto id = store.exhibitorByExternalId(ref)) return store.exhibitor(*id);
  return std::nullopt;
}

BoothSnapshot assignBooth(Store& store, const std::string& code, Id exhibitor) {
  BoothSnapshot before;
  store.write([&] {
    Booth b = requireBooth(store, code);
    if (b.exhibitor_id == exhibitor) return;
    if (untouchable(b)) throw Error(ErrorKind::Refused, tr("booth.error.untouchable", {b.code, why(b)}));
    refuseCompetitors(store, b, exhibitor, {});
    for (auto& other : store.booths())
      if (other.exhibitor_id == exhibitor && other.code != code) {
        if (untouchable(other))
          throw Error(ErrorKind::Refused, tr("booth.error.untouchable", {other.code, why(other)}));
        before.push_back(other);
        other.exhibitor_id.reset();
        if (other.status != BoothStatus::Hold) other.status = BoothStatus::Free;
        store.updateBooth(other);
      }
    before.push_back(b);
    b.exhibitor_id = exhibitor;
    b.status = BoothStatus::Assigned;
    store.updateBooth(b);
  });
  return before;
}

BoothSnapshot unassignBooth(Store& store, const std::string& code) {
  BoothSnapshot before;
  store.write([&] {
    Booth b = requireBooth(store, code);
    if (b.locked || b.status == BoothStatus::Blocked)
      throw Error(ErrorKind::Refused, tr("booth.error.untouchable", {b.code, why(b)}));
    if (!b.exhibitor_id && b.status == BoothStatus::Free) return;
    before.push_back(b);
    b.exhibitor_id.reset();
    b.status = BoothStatus::Free;
    store.updateBooth(b);
  });
  return before;
}

BoothSnapshot swapBooths(Store& store, const std::string& codeA, const std::string& codeB) {
  BoothSnapshot before;
  store.write([&] {
    Booth a = requireBooth(store, codeA);
    Booth b = requireBooth(store, codeB);
    if (a.code == b.code) return;
    for (const Booth* x : {&a, &b})
      if (untouchable(*x)) throw Error(ErrorKind::Refused, tr("booth.error.untouchable", {x->code, why(*x)}));
    if (a.exhibitor_id) refuseCompetitors(store, b, *a.exhibitor_id, {a.code, b.code});
    if (b.exhibitor_id) refuseCompetitors(store, a, *b.exhibitor_id, {a.code, b.code});
    before = {a, b};
    std::swap(a.exhibitor_id, b.exhibitor_id);
    for (Booth* x : {&a, &b}) {
      if (x->status != BoothStatus::Hold) x->status = x->exhibitor_id ? BoothStatus::Assigned : BoothStatus::Free;
      store.updateBooth(*x);
    }
  });
  return before;
}

BoothSnapshot lockBooth(Store& store, const std::string& code, bool locked) {
  BoothSnapshot before;
  store.write([&] {
    Booth b = requireBooth(store, code);
    if (b.locked == locked) return;
    before.push_back(b);
    b.locked = locked;
    store.updateBooth(b);
  });
  return before;
}

BoothSnapshot holdBooth(Store& store, const std::string& code, bool hold) {
  BoothSnapshot before;
  store.write([&] {
    Booth b = requireBooth(store, code);
    if (untouchable(b)) throw Error(ErrorKind::Refused, tr("booth.error.untouchable", {b.code, why(b)}));
    const BoothStatus status = hold ? BoothStatus::Hold : b.exhibitor_id ? BoothStatus::Assigned : BoothStatus::Free;
    if (b.status == status) return;
    before.push_back(b);
    b.status = status;
    store.updateBooth(b);
  });
  return before;
}

void restoreBooths(Store& store, const BoothSnapshot& before) {
  store.write([&] {
    // Exhibitors first leave every booth of the snapshot, so that no state in between has one
    // exhibitor in two booths.
    for (auto it = before.rbegin(); it != before.rend(); ++it) store.updateBooth(*it);
  });
}

ApplySummary applyAllocation(Store& store, const Problem& p, const Allocation& a) {
  store.checkPermission(Permission::ManageBooths);
  ApplySummary s;
  std::vector<int> holder(p.booths.size(), -1);
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
    if (a.boothOf[e] >= 0) holder[a.boothOf[e]] = static_cast<int>(e);
  std::map<Id, Booth> current;
  for (auto& b : store.booths()) current[b.id] = b;
  store.write([&] {
    for (std::size_t bi = 0; bi < p.booths.size(); ++bi) {
      const auto& pb = p.booths[bi];
      if (!pb.movable) continue;
      auto it = current.find(pb.id);
      if (it == current.end()) throw Error(ErrorKind::Refused, tr("allocate.error.changed"));
      Booth b = it->second;
      if (untouchable(b) || b.status == BoothStatus::Hold)
        throw Error(ErrorKind::Refused, tr("allocate.error.changed"));
      std::optional<Id> want;
      if (holder[bi] >= 0) want = p.exhibitors[holder[bi]].id;
      const BoothStatus status = want ? BoothStatus::Assigned : BoothStatus::Free;
      if (b.exhibitor_id == want && b.status == status) {
        if (want) ++s.assigned;
        continue;
      }
      b.exhibitor_id = want;
      b.status = status;
      store.updateBooth(b);
      ++s.changed;
      if (want)
        ++s.assigned;
      else
        ++s.freed;
    }
  });
  return s;
}

}  // namespace moussem::booth
