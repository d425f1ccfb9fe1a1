// The automatic allocator (see allocator.hpp for the method). All scores are integers; the running
// objective is kept incrementally and checked against scoreOf() at the end.
#include "booth/allocator.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <map>
#include <numeric>

#include "booth/lap.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::booth {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int32_t kMisfit = INT32_MIN;

class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  std::uint64_t s_;
};

// Score of every (exhibitor, booth) pair that fits, kMisfit otherwise: Problem::linear and
// Problem::fits, computed in bulk (a test checks they agree).
std::vector<std::int32_t> linearTable(const Problem& p) {
  const int E = static_cast<int>(p.exhibitors.size()), B = static_cast<int>(p.booths.size());
  std::vector<std::int32_t> t(static_cast<std::size_t>(E) * B, kMisfit);
  std::map<std::string, int> ids;
  auto id = [&](const std::string& s) { return s.empty() ? -1 : ids.emplace(s, static_cast<int>(ids.size())).first->second; };
  std::map<std::string, int> sectorIds;
  for (int e = 0; e < E; ++e) sectorIds[p.exhibitors[e].sector] = p.sectorOf[e];
  struct BoothInfo {
    int zone, hall;
    bool cornerLike;
    std::vector<int> hallSectors;
    std::vector<std::pair<int, int>> fixedCluster;  // sector, points
    std::vector<int> fixedNear;                      // exhibitors held in near untouchable booths
  };
  std::vector<BoothInfo> bi(B);
  for (int b = 0; b < B; ++b) {
    const auto& booth = p.booths[b];
    bi[b].zone = id("z:" + booth.zone);
    bi[b].hall = id("h:" + booth.hall);
    bi[b].cornerLike = booth.type == "corner" || booth.type == "peninsula" || booth.type == "island";
    for (const auto& s : p.hallSectors[b])
      if (auto it = sectorIds.find(s); it != sectorIds.end()) bi[b].hallSectors.push_back(it->second);
    for (int nb : p.adjacent[b])
      if (p.booths[nb].fixedHolder >= 0) bi[b].fixedCluster.push_back({p.sectorOf[p.booths[nb].fixedHolder], p.settings.cluster});
    for (int nb : p.near[b])
      if (p.booths[nb].fixedHolder >= 0) bi[b].fixedNear.push_back(p.booths[nb].fixedHolder);
  }
  const auto& s = p.settings;
  for (int e = 0; e < E; ++e) {
    const auto& x = p.exhibitors[e];
    if (!x.wantsBooth || x.fixedBooth >= 0) continue;
    const int zone = x.zone.empty() ? -2 : id("z:" + x.zone);
    const int hall = x.hall.empty() ? -2 : id("h:" + x.hall);
    const int sector = p.sectorOf[e];
    const double maxArea = x.area * s.max_oversize_pct / 100.0 + 1e-6;
    std::int32_t* row = t.data() + static_cast<std::size_t>(e) * B;
    for (int b = 0; b < B; ++b) {
      const auto& booth = p.booths[b];
      if (!booth.movable || booth.area + 1e-6 < x.area || booth.area > maxArea) continue;
      if (x.needs_power && !booth.power) continue;
      if (!x.types.empty() && std::find(x.types.begin(), x.types.end(), booth.type) == x.types.end()) continue;
      bool banned = false;
      for (int h : bi[b].fixedNear)
        if (std::binary_search(x.competitors.begin(), x.competitors.end(), h)) banned = true;
      if (banned) continue;
      long long v = static_cast<long long>(x.priority) * booth.value;
      if (x.wants_corner && bi[b].cornerLike) v += s.pref_corner;
      if (zone == bi[b].zone) v += s.pref_zone;
      if (hall == bi[b].hall) v += s.pref_hall;
      for (int hs : bi[b].hallSectors)
        if (hs == sector) v += s.pref_hall_sector;
      v -= std::llround(std::max(0.0, booth.area - x.area) * s.waste_per_m2);
      for (const auto& [sec, pts] : bi[b].fixedCluster)
        if (sec == sector) v += pts;
      row[b] = static_cast<std::int32_t>(std::clamp<long long>(v, -1000000000LL, 1000000000LL));
    }
  }
  return t;
}

class Solver {
 public:
  Solver(const Problem& p, const AllocatorOptions& o)
      : p_(p), o_(o), E_(static_cast<int>(p.exhibitors.size())), B_(static_cast<int>(p.booths.size())), rnd_(o.seed) {
    lin_ = linearTable(p);
    for (int e = 0; e < E_; ++e) {
      const auto& x = p.exhibitors[e];
      if (!x.wantsBooth || x.fixedBooth >= 0) continue;
      std::vector<int> fit;
      for (int b = 0; b < B_; ++b)
        if (lin(e, b) != kMisfit) fit.push_back(b);
      std::sort(fit.begin(), fit.end(), [&](int a, int b) { return lin(e, a) != lin(e, b) ? lin(e, a) > lin(e, b) : a < b; });
      fitList_.resize(E_);
      fitList_[e] = std::move(fit);
      movable_.push_back(e);
    }
    fitList_.resize(E_);
    for (int b = 0; b < B_; ++b)
      if (p.booths[b].movable) movableBooths_.push_back(b);
    mark_.assign(B_, 0);
    sectorBooths_.assign(p.sectorCount, {});
  }

  AllocationResult run() {
    const auto t0 = Clock::now();
    AllocationResult r;
    std::vector<int> best;
    long long bestTotal = LLONG_MIN;
    int rows = 0;
    for (int e : movable_) rows += fitList_[e].empty() ? 0 : 1;
    // The exact assignment core costs O(rows^2 x booths): up to kExactRows it runs every round; beyond,
    // a priority-ordered greedy construction replaces it and the local search does the rest.
    const bool exact = rows <= o_.exact_rows;
    const int rounds = exact ? 1 + std::max(0, o_.cluster_rounds) : 1;
    for (int round = 0; round < rounds; ++round) {
      checkCancel();
      const auto tl = Clock::now();
      if (exact) assign(round == 0 ? nullptr : &best);
      else construct();
      r.lap_seconds += std::chrono::duration<double>(Clock::now() - tl).count();
      repairCompetitors();
      localSearch();
      const long long total = scoreOf(p_, current()).total;
      if (total > bestTotal) {
        bestTotal = total;
        best = boothOf_;
      }
      ++r.rounds;
      if (o_.progress) o_.progress(static_cast<double>(round + 1) / rounds);
    }
    boothOf_ = best;
    holderFromBoothOf();
    iteratedSearch(bestTotal);
    r.allocation = current();
    r.score = scoreOf(p_, r.allocation);
    r.violations = checkAllocation(p_, r.allocation);
    r.unmet = unmetRequests(p_, r.allocation);
    r.inversions = priorityInversions(p_, r.allocation, &r.inversion_count);
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return r;
  }

 private:
  std::int32_t lin(int e, int b) const { return lin_[static_cast<std::size_t>(e) * B_ + b]; }

  void checkCancel() const {
    if (o_.cancelled && o_.cancelled()) throw Error(ErrorKind::Refused, tr("allocate.cancelled"));
  }

  Allocation current() const {
    Allocation a;
    a.boothOf = boothOf_;
    return a;
  }

  void resetToFixed() {
    boothOf_.assign(E_, -1);
    holder_.assign(B_, -1);
    for (int e = 0; e < E_; ++e)
      if (p_.exhibitors[e].fixedBooth >= 0) boothOf_[e] = p_.exhibitors[e].fixedBooth;
    for (int b = 0; b < B_; ++b)
      if (p_.booths[b].fixedHolder >= 0) holder_[b] = p_.booths[b].fixedHolder;
  }

  // Same-sector neighbours of booth b among movable booths, for sector s, not counting booth `skip`
  // nor exhibitor `self`.
  int sameAround(int b, int s, int skip, int self) const {
    int n = 0;
    for (int nb : p_.adjacent[b]) {
      if (nb == skip || !p_.booths[nb].movable) continue;
      const int h = holder_[nb];
      if (h >= 0 && h != self && p_.sectorOf[h] == s) ++n;
    }
    return n;
  }

  bool competitorNear(int e, int b) const {
    const auto& comp = p_.exhibitors[e].competitors;
    if (comp.empty()) return false;
    for (int nb : p_.near[b]) {
      const int h = holder_[nb];
      if (h >= 0 && h != e && std::binary_search(comp.begin(), comp.end(), h)) return true;
    }
    return false;
  }

  void place(int e, int b) {
    if (journaling_) journal_.push_back({e, boothOf_[e]});
    if (boothOf_[e] >= 0) holder_[boothOf_[e]] = -1;
    boothOf_[e] = b;
    if (b >= 0) holder_[b] = e;
  }

  // One linear assignment of the movable exhibitors to the movable booths; with `previous`, the
  // clustering bonus of each booth for each sector is taken from that allocation.
  void assign(const std::vector<int>* previous) {
    std::vector<int> rows;
    for (int e : movable_)
      if (!fitList_[e].empty()) rows.push_back(e);
    const int R = static_cast<int>(rows.size()), C = static_cast<int>(movableBooths_.size());
    resetToFixed();
    if (R == 0 || C == 0) return;
    std::vector<int> prevHolder;
    if (previous) {
      prevHolder.assign(B_, -1);
      for (int e = 0; e < E_; ++e)
        if ((*previous)[e] >= 0) prevHolder[(*previous)[e]] = e;
    }
    // Rows by decreasing priority (then best score): each new row mostly takes a free booth at once.
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
      return p_.exhibitors[a].priority > p_.exhibitors[b].priority;
    });
    // Columns: the movable booths, then one "no booth" column per row when booths are scarce.
    const int cols = std::max(C, R);
    std::vector<std::int32_t> cost(static_cast<std::size_t>(R) * cols, 0);
    const int c = p_.settings.cluster;
    for (int i = 0; i < R; ++i) {
      const int e = rows[i];
      const int s = p_.sectorOf[e];
      std::int32_t* row = cost.data() + static_cast<std::size_t>(i) * cols;
      for (int j = 0; j < C; ++j) {
        const int b = movableBooths_[j];
        const std::int32_t v = lin(e, b);
        if (v == kMisfit) continue;
        long long total = v;
        if (previous)
          for (int nb : p_.adjacent[b]) {
            if (!p_.booths[nb].movable) continue;
            const int h = prevHolder[nb];
            if (h >= 0 && h != e && p_.sectorOf[h] == s) total += c;
          }
        row[j] = static_cast<std::int32_t>(-std::max<long long>(total, 1));
      }
    }
    const auto x = solveAssignmentRect(R, cols, cost, o_.cancelled);
    checkCancel();
    for (int i = 0; i < R; ++i) {
      const int j = x[i];
      if (j >= 0 && j < C && cost[static_cast<std::size_t>(i) * cols + j] < 0) place(rows[i], movableBooths_[j]);
    }
  }

  // Greedy construction for large problems: by decreasing priority, each exhibitor takes the best of
  // the first free, competitor-free booths of its list, clustering with its sector included.
  void construct() {
    resetToFixed();
    std::vector<int> rows;
    for (int e : movable_)
      if (!fitList_[e].empty()) rows.push_back(e);
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
      return p_.exhibitors[a].priority > p_.exhibitors[b].priority;
    });
    for (int e : rows) {
      int best = -1, seen = 0;
      long long bestGain = LLONG_MIN;
      for (int b : fitList_[e]) {
        if (holder_[b] >= 0 || competitorNear(e, b)) continue;
        const long long g = insertGain(e, b);
        if (g > bestGain) {
          bestGain = g;
          best = b;
        }
        if (++seen >= 16) break;
      }
      if (best >= 0) place(e, best);
    }
  }

  // Competitors the assignment put side by side: the lower priority one leaves (the search may
  // place it again elsewhere).
  void repairCompetitors() {
    for (int e : movable_) {
      const int b = boothOf_[e];
      if (b < 0) continue;
      for (int nb : p_.near[b]) {
        const int h = holder_[nb];
        if (h < 0 || h == e) continue;
        const auto& comp = p_.exhibitors[e].competitors;
        if (!std::binary_search(comp.begin(), comp.end(), h)) continue;
        const bool hMovable = p_.exhibitors[h].fixedBooth < 0;
        const bool eLeaves = !hMovable || p_.exhibitors[e].priority < p_.exhibitors[h].priority ||
                             (p_.exhibitors[e].priority == p_.exhibitors[h].priority && e > h);
        place(eLeaves ? e : h, -1);
        if (eLeaves) break;
      }
    }
  }

  long long clusterPoints(int e, int b, int skip) const {
    return static_cast<long long>(p_.settings.cluster) * sameAround(b, p_.sectorOf[e], skip, e);
  }

  // Gain of putting an unplaced exhibitor e into the free booth b (feasibility checked by caller).
  long long insertGain(int e, int b) const { return lin(e, b) + clusterPoints(e, b, -1); }

  // Best free feasible booth for e (unplaced), or -1.
  int bestFreeBooth(int e, long long* gain) const {
    int best = -1;
    long long bestGain = LLONG_MIN;
    for (int b : fitList_[e]) {
      if (holder_[b] >= 0 || competitorNear(e, b)) continue;
      const long long g = insertGain(e, b);
      if (g > bestGain) {
        bestGain = g;
        best = b;
      }
    }
    *gain = bestGain;
    return best;
  }

  bool improveUnplaced(int e) {
    long long gain = 0;
    if (int b = bestFreeBooth(e, &gain); b >= 0 && gain > 0) {
      place(e, b);
      return true;
    }
    // Ejection chain of length one: e takes b, its holder moves to a free booth or out.
    for (int b : fitList_[e]) {
      const int h = holder_[b];
      if (h < 0 || p_.exhibitors[h].fixedBooth >= 0) continue;
      const long long loss = lin(h, b) + clusterPoints(h, b, -1);
      place(h, -1);
      if (competitorNear(e, b)) {
        place(h, b);
        continue;
      }
      place(e, b);
      long long reGain = 0;
      const int nb = bestFreeBooth(h, &reGain);
      const long long delta = insertGain(e, b) - loss + (nb >= 0 && reGain > 0 ? reGain : 0);
      if (delta > 0) {
        if (nb >= 0 && reGain > 0) place(h, nb);
        return true;
      }
      place(e, -1);
      place(h, b);
    }
    return false;
  }

  // Booths worth trying for e: the best of its list, and the fitting neighbours of booths its
  // sector already holds (where clustering pays).
  const std::vector<int>& candidates(int e) {
    ++stamp_;
    cand_.clear();
    const auto& fit = fitList_[e];
    for (std::size_t k = 0; k < fit.size() && k < kTopCandidates; ++k) {
      cand_.push_back(fit[k]);
      mark_[fit[k]] = stamp_;
    }
    for (int hb : sectorBooths_[p_.sectorOf[e]])
      for (int nb : p_.adjacent[hb])
        if (mark_[nb] != stamp_ && lin(e, nb) != kMisfit) {
          mark_[nb] = stamp_;
          cand_.push_back(nb);
        }
    return cand_;
  }

  bool improvePlaced(int e) {
    const int b0 = boothOf_[e];
    const int s = p_.sectorOf[e];
    const long long here = lin(e, b0) + clusterPoints(e, b0, -1);
    int bestMove = -1;
    long long bestDelta = 0;
    const auto& cand = candidates(e);
    // Moves to a free booth.
    for (int b : cand) {
      if (holder_[b] >= 0) continue;
      const long long upper = lin(e, b) + static_cast<long long>(p_.settings.cluster) * static_cast<long long>(p_.adjacent[b].size());
      if (upper - here <= bestDelta) continue;
      if (competitorNear(e, b)) continue;
      const long long d = lin(e, b) + clusterPoints(e, b, b0) - here;
      if (d > bestDelta) {
        bestDelta = d;
        bestMove = b;
      }
    }
    if (bestMove >= 0) {
      place(e, bestMove);
      return true;
    }
    // Swaps with the holder of a booth that fits e, when e's booth fits them.
    for (int b : cand) {
      const int h = holder_[b];
      if (h < 0 || h == e || p_.exhibitors[h].fixedBooth >= 0 || lin(h, b0) == kMisfit) continue;
      const long long dLin = static_cast<long long>(lin(e, b)) + lin(h, b0) - lin(e, b0) - lin(h, b);
      const int sh = p_.sectorOf[h];
      long long dCluster = 0;
      if (sh != s) {
        const long long before = clusterPoints(e, b0, -1) + clusterPoints(h, b, -1);
        holder_[b0] = h;
        holder_[b] = e;
        const long long after = clusterPoints(e, b, -1) + clusterPoints(h, b0, -1);
        holder_[b0] = e;
        holder_[b] = h;
        dCluster = after - before;
      } else if (dLin <= 0) {
        continue;
      }
      if (dLin + dCluster <= 0) continue;
      // Feasibility with the swap applied.
      if (journaling_) {
        journal_.push_back({e, b0});
        journal_.push_back({h, b});
      }
      holder_[b0] = h;
      holder_[b] = e;
      boothOf_[e] = b;
      boothOf_[h] = b0;
      if (!competitorNear(e, b) && !competitorNear(h, b0)) return true;
      holder_[b0] = e;
      holder_[b] = h;
      boothOf_[e] = b0;
      boothOf_[h] = b;
    }
    return false;
  }

  void holderFromBoothOf() {
    holder_.assign(B_, -1);
    for (int b = 0; b < B_; ++b)
      if (p_.booths[b].fixedHolder >= 0) holder_[b] = p_.booths[b].fixedHolder;
    for (int e = 0; e < E_; ++e)
      if (boothOf_[e] >= 0) holder_[boothOf_[e]] = e;
  }

  // Iterated local search: a few random moves or swaps that keep every hard constraint, then the
  // local search; the result is kept when it is at least as good. The number of iterations depends
  // on the size only (a work budget, not a clock), so the result is the same on any machine.
  void iteratedSearch(long long& bestTotal) {
    if (movable_.empty()) return;
    const long long iterations = std::min<long long>(o_.search_iterations, o_.search_budget / (E_ + B_ + 1));
    std::vector<int> touched;
    std::vector<int> placed;
    long long current = fastObjective();
    journaling_ = true;
    for (long long it = 0; it < iterations; ++it) {
      journal_.clear();
      if ((it & 15) == 0) checkCancel();
      placed.clear();
      for (int e : movable_)
        if (boothOf_[e] >= 0) placed.push_back(e);
      if (placed.empty()) return;
      const int kicks = 2 + static_cast<int>(rnd_.next() % 4);
      touched.clear();
      for (int k = 0; k < kicks; ++k) {
        const int e = placed[rnd_.next() % placed.size()];
        const int b0 = boothOf_[e];
        touched.push_back(e);
        const auto& cand = candidates(e);
        if (cand.empty() || b0 < 0) continue;
        const int b = cand[rnd_.next() % cand.size()];
        const int h = holder_[b];
        if (b == b0) continue;
        if (h >= 0) touched.push_back(h);
        for (int side : {b0, b})
          for (int nb : p_.adjacent[side])
            if (holder_[nb] >= 0 && p_.exhibitors[holder_[nb]].fixedBooth < 0) touched.push_back(holder_[nb]);
        if (h < 0) {
          place(e, b);
          if (competitorNear(e, b)) place(e, b0);
        } else if (p_.exhibitors[h].fixedBooth < 0 && lin(h, b0) != kMisfit) {
          journal_.push_back({e, b0});
          journal_.push_back({h, b});
          holder_[b0] = h;
          holder_[b] = e;
          boothOf_[e] = b;
          boothOf_[h] = b0;
          if (competitorNear(e, b) || competitorNear(h, b0)) {
            holder_[b0] = e;
            holder_[b] = h;
            boothOf_[e] = b0;
            boothOf_[h] = b;
          }
        }
      }
      std::sort(touched.begin(), touched.end());
      touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
      localSearch(touched);
      const long long total = fastObjective();
      if (total >= current) {
        current = total;
      } else {
        for (auto it2 = journal_.rbegin(); it2 != journal_.rend(); ++it2) boothOf_[it2->first] = it2->second;
        holderFromBoothOf();
      }
    }
    journaling_ = false;
    bestTotal = std::max(bestTotal, current);
  }

  // The objective of scoreOf() from the score table: placed movable exhibitors and same-sector
  // pairs of adjacent movable booths.
  long long fastObjective() const {
    long long total = 0;
    for (int e : movable_)
      if (boothOf_[e] >= 0) total += lin(e, boothOf_[e]);
    long long pairs = 0;
    for (int b : movableBooths_) {
      const int h = holder_[b];
      if (h < 0) continue;
      for (int nb : p_.adjacent[b])
        if (nb > b && p_.booths[nb].movable && holder_[nb] >= 0 && p_.sectorOf[holder_[nb]] == p_.sectorOf[h]) ++pairs;
    }
    return total + pairs * p_.settings.cluster;
  }

  void localSearch() { localSearch(movable_); }

  void localSearch(const std::vector<int>& among) {
    std::vector<int> order = among;
    for (int pass = 0; pass < o_.max_search_passes; ++pass) {
      checkCancel();
      rnd_.shuffle(order);
      sectorBooths_.assign(p_.sectorCount, {});
      for (int b : movableBooths_)
        if (holder_[b] >= 0) sectorBooths_[p_.sectorOf[holder_[b]]].push_back(b);
      bool improved = false;
      for (int e : order) {
        if (fitList_[e].empty()) continue;
        if (boothOf_[e] < 0 ? improveUnplaced(e) : improvePlaced(e)) improved = true;
      }
      if (!improved) break;
    }
  }

  const Problem& p_;
  const AllocatorOptions& o_;
  int E_, B_;
  SplitMix rnd_;
  std::vector<std::int32_t> lin_;
  std::vector<std::vector<int>> fitList_;
  std::vector<int> movable_, movableBooths_;
  std::vector<int> boothOf_, holder_;
  // Local search candidates.
  static constexpr std::size_t kTopCandidates = 48;
  std::vector<std::vector<int>> sectorBooths_;  // booths held by each sector at the start of a pass
  std::vector<int> cand_;
  bool journaling_ = false;
  std::vector<std::pair<int, int>> journal_;  // (exhibitor, booth before) while an iteration may be undone
  std::vector<unsigned> mark_;
  unsigned stamp_ = 0;
};

}  // namespace

AllocationResult allocate(const Problem& problem, const AllocatorOptions& options) {
  Solver solver(problem, options);
  return solver.run();
}

std::vector<UnmetRequest> unmetRequests(const Problem& p, const Allocation& a) {
  std::vector<UnmetRequest> out;
  std::vector<int> holder(p.booths.size(), -1);
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
    if (a.boothOf[e] >= 0) holder[a.boothOf[e]] = static_cast<int>(e);
  for (std::size_t ei = 0; ei < p.exhibitors.size(); ++ei) {
    const int e = static_cast<int>(ei);
    const auto& x = p.exhibitors[e];
    if (!x.wantsBooth || a.boothOf[e] >= 0) continue;
    UnmetRequest u;
    u.exhibitor = e;
    std::map<std::string, int> misfits;
    bool anyFit = false, freeButCompetitor = false;
    for (std::size_t b = 0; b < p.booths.size(); ++b) {
      if (!p.booths[b].movable) continue;
      const std::string m = p.misfit(e, static_cast<int>(b));
      if (!m.empty()) {
        ++misfits[m];
        continue;
      }
      anyFit = true;
      if (holder[b] < 0) freeButCompetitor = true;  // free and fitting: only a competitor nearby keeps it out
    }
    if (!anyFit) {
      u.reason = "no_fitting_booth";
      int most = 0;
      for (const auto& [m, n] : misfits)
        if (n > most) {
          most = n;
          u.detail = m;
        }
    } else if (freeButCompetitor) {
      u.reason = "competitors";
    } else {
      u.reason = "taken";
    }
    out.push_back(u);
  }
  return out;
}

std::vector<PriorityInversion> priorityInversions(const Problem& p, const Allocation& a, int* count) {
  std::vector<PriorityInversion> out;
  int n = 0;
  const int E = static_cast<int>(p.exhibitors.size());
  for (int hi = 0; hi < E; ++hi) {
    const auto& xh = p.exhibitors[hi];
    if (!xh.wantsBooth || xh.fixedBooth >= 0) continue;
    const int bh = a.boothOf[hi];
    for (int lo = 0; lo < E; ++lo) {
      const auto& xl = p.exhibitors[lo];
      const int bl = a.boothOf[lo];
      if (bl < 0 || xl.fixedBooth >= 0 || xl.priority >= xh.priority) continue;
      if (bh >= 0 && p.booths[bl].value <= p.booths[bh].value) continue;
      if (!p.fits(hi, bl)) continue;
      // Only when the higher one would rather have that booth by its own score (not a preference
      // of theirs met elsewhere).
      if (bh >= 0 && p.linear(hi, bl) <= p.linear(hi, bh)) continue;
      ++n;
      if (out.size() < 100) out.push_back({hi, lo, bl});
    }
  }
  if (count) *count = n;
  return out;
}

}  // namespace moussem::booth
