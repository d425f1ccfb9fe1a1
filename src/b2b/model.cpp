// The B2B model (see model.hpp).
#include "b2b/model.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "core/error.hpp"

namespace moussem::b2b {

std::vector<Slot> sessionSlots(const std::vector<Session>& sessions) {
  std::vector<Slot> slots;
  for (int s = 0; s < static_cast<int>(sessions.size()); ++s) {
    const Session& se = sessions[s];
    const int len = std::max(1, se.meeting_minutes);
    int t = se.start, index = 0;
    while (t + len <= se.end) {
      bool moved = false;
      for (const Break& b : se.breaks)
        if (t < b.end && b.start < t + len) {  // the meeting would overlap the break: start after it
          t = std::max(t + 1, b.end);
          moved = true;
        }
      if (moved) continue;
      slots.push_back({s, index++, t, t + len});
      t += len + std::max(0, se.changeover_minutes);
    }
  }
  return slots;
}

double Problem::reachBefore(int t) const {
  if (t <= 0 || t >= slotCount() || slots[t - 1].session != slots[t].session) return -1;
  return (slots[t].start - slots[t - 1].end) * kWalkingMetresPerMinute;
}

double Problem::distance(int a, int b) const {
  const double dx = places[a].x - places[b].x, dy = places[a].y - places[b].y;
  return std::sqrt(dx * dx + dy * dy);
}

bool Problem::placeUsable(int pair, int place) const {
  const Place& p = places[place];
  return !p.booth || p.organisation == people[pairs[pair].seller].organisation;
}

long long combinedObjective(const Lexicographic& lex, long long weight, long long gaps, long long fair) {
  return lex.weight_factor * weight - lex.gap_factor * gaps + fair;
}

namespace {

[[noreturn]] void refuse(const std::string& what) {
  throw Error(ErrorKind::Invalid, what);
}

}  // namespace

Problem buildProblem(std::vector<Session> sessions, std::vector<Place> places, std::vector<Participant> people,
                     std::vector<Request> requests) {
  Problem p;
  p.sessions = std::move(sessions);
  p.places = std::move(places);
  p.people = std::move(people);
  p.requests = std::move(requests);
  p.slots = sessionSlots(p.sessions);
  const int n = static_cast<int>(p.people.size());
  for (int i = 0; i < n; ++i)
    if (p.people[i].available.size() > p.sessions.size())
      refuse("participant " + std::to_string(i + 1) + " (" + p.people[i].name + "): availability names " +
             std::to_string(p.people[i].available.size()) + " sessions, the edition has " +
             std::to_string(p.sessions.size()));
  // Requests per ordered pair, then pairs per unordered (buyer, seller).
  std::map<std::pair<int, int>, int> seen;  // (from, to) -> request row
  struct Acc {
    int first = 0;
    int fromBuyer = 0, fromSeller = 0;  // priorities
    bool no = false;
  };
  std::map<std::pair<int, int>, Acc> acc;  // (buyer, seller)
  for (int r = 0; r < static_cast<int>(p.requests.size()); ++r) {
    const Request& q = p.requests[r];
    const std::string row = "request " + std::to_string(r + 1) + ": ";
    if (q.from < 0 || q.from >= n || q.to < 0 || q.to >= n) refuse(row + "names nobody");
    if (q.from == q.to) refuse(row + "a person cannot meet themselves (" + p.people[q.from].name + ")");
    if (p.people[q.from].side == p.people[q.to].side)
      refuse(row + (p.people[q.from].side == Side::Buyer ? "two buyers (" : "two sellers (") + p.people[q.from].name +
             ", " + p.people[q.to].name + ")");
    if (!q.no && (q.priority < 1 || q.priority > 3)) refuse(row + "priority must be must, should or could (1-3)");
    auto [it, fresh] = seen.emplace(std::make_pair(q.from, q.to), r);
    if (!fresh)
      refuse(row + "duplicate of request " + std::to_string(it->second + 1) + " (" + p.people[q.from].name + " -> " +
             p.people[q.to].name + ")");
    const bool fromBuyer = p.people[q.from].side == Side::Buyer;
    const auto key = fromBuyer ? std::make_pair(q.from, q.to) : std::make_pair(q.to, q.from);
    auto [a, added] = acc.emplace(key, Acc{});
    if (added) a->second.first = r;
    if (q.no)
      a->second.no = true;
    else
      (fromBuyer ? a->second.fromBuyer : a->second.fromSeller) = q.priority;
  }
  std::vector<std::pair<int, Pair>> ordered;
  for (const auto& [key, a] : acc) {
    if (a.no || (a.fromBuyer == 0 && a.fromSeller == 0)) continue;
    Pair pr;
    pr.buyer = key.first;
    pr.seller = key.second;
    pr.reciprocal = a.fromBuyer > 0 && a.fromSeller > 0;
    pr.weight = kPriorityWeight[a.fromBuyer] + kPriorityWeight[a.fromSeller] + (pr.reciprocal ? kReciprocalBonus : 0);
    pr.priority = std::max(a.fromBuyer, a.fromSeller);
    ordered.emplace_back(a.first, pr);
  }
  std::sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  p.pairsOf.assign(n, {});
  for (const auto& [row, pr] : ordered) {
    p.pairsOf[pr.buyer].push_back(static_cast<int>(p.pairs.size()));
    p.pairsOf[pr.seller].push_back(static_cast<int>(p.pairs.size()));
    p.pairs.push_back(pr);
  }
  p.boothsOf.assign(n, {});
  std::map<std::string, std::vector<int>> boothsByOrg;
  for (int k = 0; k < static_cast<int>(p.places.size()); ++k) {
    if (p.places[k].booth)
      boothsByOrg[p.places[k].organisation].push_back(k);
    else
      p.tables.push_back(k);
  }
  for (int i = 0; i < n; ++i)
    if (p.people[i].side == Side::Seller && !p.people[i].organisation.empty()) {
      auto it = boothsByOrg.find(p.people[i].organisation);
      if (it != boothsByOrg.end()) p.boothsOf[i] = it->second;
    }
  // Lexicographic weights: the most the fair-share term and the gaps can change.
  std::vector<int> perSession(p.sessions.size(), 0);
  for (const Slot& s : p.slots) ++perSession[s.session];
  for (int i = 0; i < n; ++i) {
    if (p.pairsOf[i].empty()) continue;
    ++p.lex.maxFair;
    for (int s = 0; s < static_cast<int>(p.sessions.size()); ++s)
      if (p.people[i].availableIn(s)) p.lex.maxGaps += std::max(0, (perSession[s] - 1) / 2);
  }
  p.lex.gap_factor = p.lex.maxFair + 1;
  p.lex.weight_factor = p.lex.gap_factor * p.lex.maxGaps + p.lex.maxFair + 1;
  return p;
}

}  // namespace moussem::b2b
