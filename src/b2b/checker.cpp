// The independent checker (see checker.hpp): everything recounted from the raw problem.
#include "b2b/checker.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace moussem::b2b {

namespace {

// Requests by unordered (buyer, seller): the priority each side gave, and whether either said no.
struct Asked {
  int byBuyer = 0, bySeller = 0;
  bool no = false;
};

std::map<std::pair<int, int>, Asked> askedPairs(const Problem& p) {
  std::map<std::pair<int, int>, Asked> asked;
  const int n = static_cast<int>(p.people.size());
  for (const Request& r : p.requests) {
    if (r.from < 0 || r.to < 0 || r.from >= n || r.to >= n) continue;
    const bool fromBuyer = p.people[r.from].side == Side::Buyer;
    Asked& a = asked[fromBuyer ? std::make_pair(r.from, r.to) : std::make_pair(r.to, r.from)];
    if (r.no)
      a.no = true;
    else
      (fromBuyer ? a.byBuyer : a.bySeller) = std::max(fromBuyer ? a.byBuyer : a.bySeller, r.priority);
  }
  return asked;
}

bool valid(const Problem& p, const Meeting& m) {
  const int n = static_cast<int>(p.people.size());
  return m.buyer >= 0 && m.buyer < n && m.seller >= 0 && m.seller < n && m.slot >= 0 &&
         m.slot < static_cast<int>(p.slots.size()) && m.place >= 0 && m.place < static_cast<int>(p.places.size()) &&
         p.people[m.buyer].side == Side::Buyer && p.people[m.seller].side == Side::Seller;
}

// Each person's valid meetings (indices into the schedule).
std::vector<std::vector<int>> meetingsByPerson(const Problem& p, const Schedule& s) {
  std::vector<std::vector<int>> by(p.people.size());
  for (int i = 0; i < static_cast<int>(s.meetings.size()); ++i) {
    const Meeting& m = s.meetings[i];
    if (!valid(p, m)) continue;
    by[m.buyer].push_back(i);
    by[m.seller].push_back(i);
  }
  for (auto& v : by)
    std::sort(v.begin(), v.end(),
              [&](int a, int b) { return p.slots[s.meetings[a].slot].start < p.slots[s.meetings[b].slot].start; });
  return by;
}

}  // namespace

Violations checkSchedule(const Problem& p, const Schedule& s, const std::vector<Meeting>& frozen) {
  Violations v;
  const auto asked = askedPairs(p);
  std::set<std::pair<int, int>> pairSeen;
  std::map<std::pair<int, int>, int> placeUse;  // (place, slot) -> meetings
  for (const Meeting& m : s.meetings) {
    if (!valid(p, m)) {
      ++v.malformed;
      continue;
    }
    auto it = asked.find({m.buyer, m.seller});
    if (it == asked.end() || it->second.no || (it->second.byBuyer == 0 && it->second.bySeller == 0) ||
        !pairSeen.insert({m.buyer, m.seller}).second)
      ++v.not_requested;
    if (++placeUse[{m.place, m.slot}] > 1) ++v.place_twice;
    const int session = p.slots[m.slot].session;
    for (int who : {m.buyer, m.seller}) {
      const auto& av = p.people[who].available;
      if (!av.empty() && (session >= static_cast<int>(av.size()) || !av[session])) ++v.unavailable;
    }
    const Place& pl = p.places[m.place];
    if (pl.booth && pl.organisation != p.people[m.seller].organisation) ++v.wrong_place;
  }
  const auto by = meetingsByPerson(p, s);
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    const auto& ms = by[i];
    const int most = p.people[i].max_meetings;
    if (most > 0 && static_cast<int>(ms.size()) > most) v.over_maximum += static_cast<int>(ms.size()) - most;
    for (std::size_t k = 1; k < ms.size(); ++k) {
      const Meeting& a = s.meetings[ms[k - 1]];
      const Meeting& b = s.meetings[ms[k]];
      const Slot& sa = p.slots[a.slot];
      const Slot& sb = p.slots[b.slot];
      if (a.slot == b.slot) {
        ++v.person_twice;
        continue;
      }
      if (sa.session != sb.session || sb.index != sa.index + 1) continue;
      const double metres =
          std::hypot(p.places[a.place].x - p.places[b.place].x, p.places[a.place].y - p.places[b.place].y);
      if (metres > (sb.start - sa.end) * kWalkingMetresPerMinute + 1e-9) ++v.walking;
    }
  }
  for (const Meeting& f : frozen) {
    const bool kept = std::any_of(s.meetings.begin(), s.meetings.end(), [&](const Meeting& m) {
      return m.buyer == f.buyer && m.seller == f.seller && m.slot == f.slot && m.place == f.place;
    });
    if (!kept) ++v.frozen_moved;
  }
  return v;
}

Score scoreSchedule(const Problem& p, const Schedule& s) {
  Score sc;
  const auto asked = askedPairs(p);
  std::vector<bool> hasRequest(p.people.size(), false);
  for (const auto& [key, a] : asked)
    if (!a.no && (a.byBuyer > 0 || a.bySeller > 0)) {
      ++sc.requested;
      hasRequest[key.first] = hasRequest[key.second] = true;
    }
  std::set<std::pair<int, int>> counted;
  for (const Meeting& m : s.meetings) {
    if (!valid(p, m)) continue;
    ++sc.scheduled;
    auto it = asked.find({m.buyer, m.seller});
    if (it == asked.end() || it->second.no || !counted.insert({m.buyer, m.seller}).second) continue;
    const Asked& a = it->second;
    if (a.byBuyer == 0 && a.bySeller == 0) continue;
    sc.weight += kPriorityWeight[a.byBuyer] + kPriorityWeight[a.bySeller] +
                 (a.byBuyer > 0 && a.bySeller > 0 ? kReciprocalBonus : 0);
  }
  const auto by = meetingsByPerson(p, s);
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    const auto& ms = by[i];
    if (hasRequest[i] && !ms.empty()) ++sc.fair;
    for (std::size_t k = 1; k < ms.size(); ++k) {
      const Slot& sa = p.slots[s.meetings[ms[k - 1]].slot];
      const Slot& sb = p.slots[s.meetings[ms[k]].slot];
      if (sa.session == sb.session && sb.index > sa.index + 1) ++sc.gaps;
    }
  }
  sc.objective = combinedObjective(p.lex, sc.weight, sc.gaps, sc.fair);
  return sc;
}

}  // namespace moussem::b2b
