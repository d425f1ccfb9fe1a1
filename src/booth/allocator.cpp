// The automatic allocator (see allocator.hpp for the method). All scores are integers; the running
// objective is kept incrementally and checked against scoreOf() at the end.
#include "booth/allocator.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <numeric>
#include <thread>

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

// Runs f(0) here and f(1) ... f(n - 1) on threads of their own; returns when all are done, throwing
// the first task's exception (by index) if any threw.
template <class F>
void inParallel(int n, F f) {
  std::vector<std::exception_ptr> failure(static_cast<std::size_t>(std::max(1, n)));
  std::vector<std::thread> threads;
  for (int t = 1; t < n; ++t)
    threads.emplace_back([&, t] {
      try {
        f(t);
      } catch (...) {
        failure[t] = std::current_exception();
      }
    });
  try {
    f(0);
  } catch (...) {
    failure[0] = std::current_exception();
  }
  for (auto& th : threads) th.join();
  for (auto& e : failure)
    if (e) std::rethrow_exception(e);
}

// Score of every (exhibitor, booth) pair that fits, kMisfit otherwise (Problem::linear and
// Problem::fits, computed in bulk; a test checks they agree), and each exhibitor's fitting booths,
// best first (ties by booth index). Exhibitors are independent: `threads` threads share them.
struct LinearTables {
  std::shared_ptr<std::int32_t[]> lin;    // exhibitor-major, E x B (shared by the search's copies)
  std::vector<std::vector<int>> fitList;  // empty for exhibitors not to place
};

LinearTables linearTables(const Problem& p, int threads) {
  const int E = static_cast<int>(p.exhibitors.size()), B = static_cast<int>(p.booths.size());
  LinearTables out;
  // Not zeroed here: each thread writes its own rows whole (29 MB at 2,500 x 2,900).
  out.lin.reset(new std::int32_t[static_cast<std::size_t>(E) * B]);
  out.fitList.assign(E, {});
  std::map<std::string, int> ids;
  auto id = [&](const std::string& s) {
    return s.empty() ? -1 : ids.emplace(s, static_cast<int>(ids.size())).first->second;
  };
  std::map<std::string, int> sectorIds;
  for (int e = 0; e < E; ++e) sectorIds[p.exhibitors[e].sector] = p.sectorOf[e];
  struct BoothInfo {
    double area;
    long long value;
    int zone, hall, type;
    bool movable, power, cornerLike, plain;  // plain: no hall sectors, fixed neighbours or fixed near
    std::vector<int> hallSectors;
    std::vector<std::pair<int, int>> fixedCluster;  // sector, points
    std::vector<int> fixedNear;                     // exhibitors held in near untouchable booths
  };
  std::vector<BoothInfo> bi(B);
  for (int b = 0; b < B; ++b) {
    const auto& booth = p.booths[b];
    bi[b].zone = id("z:" + booth.zone);
    bi[b].hall = id("h:" + booth.hall);
    bi[b].type = id("t:" + std::string(codeOf(booth.type)));
    bi[b].area = booth.area;
    bi[b].value = booth.value;
    bi[b].movable = booth.movable;
    bi[b].power = booth.power;
    bi[b].cornerLike = booth::cornerLike(booth.type);
    for (const auto& s : p.hallSectors[b])
      if (auto it = sectorIds.find(s); it != sectorIds.end()) bi[b].hallSectors.push_back(it->second);
    for (int nb : p.adjacent[b])
      if (p.booths[nb].fixedHolder >= 0)
        bi[b].fixedCluster.push_back({p.sectorOf[p.booths[nb].fixedHolder], p.settings.cluster});
    for (int nb : p.near[b])
      if (p.booths[nb].fixedHolder >= 0) bi[b].fixedNear.push_back(p.booths[nb].fixedHolder);
    bi[b].plain = bi[b].hallSectors.empty() && bi[b].fixedCluster.empty() && bi[b].fixedNear.empty();
  }
  // The exhibitors' strings as ids, before the threads start (the id map is not shared).
  struct ExhibitorInfo {
    int zone = -2, hall = -2;
    std::vector<char> typeOk;  // by type id; empty: any type
  };
  std::vector<ExhibitorInfo> xi(E);
  for (int e = 0; e < E; ++e) {
    const auto& x = p.exhibitors[e];
    if (!x.wantsBooth || x.fixedBooth >= 0) continue;
    xi[e].zone = x.zone.empty() ? -2 : id("z:" + x.zone);
    xi[e].hall = x.hall.empty() ? -2 : id("h:" + x.hall);
    if (!x.types.empty()) {
      xi[e].typeOk.assign(ids.size() + x.types.size(), 0);
      for (const auto& t : x.types) {
        const int tid = id("t:" + t);
        if (tid >= static_cast<int>(xi[e].typeOk.size())) xi[e].typeOk.resize(tid + 1, 0);
        xi[e].typeOk[tid] = 1;
      }
    }
  }
  // The movable booths by area: each exhibitor looks only at the window of areas it accepts.
  std::vector<int> byArea;
  for (int b = 0; b < B; ++b)
    if (bi[b].movable) byArea.push_back(b);
  std::sort(byArea.begin(), byArea.end(),
            [&](int a, int b) { return bi[a].area != bi[b].area ? bi[a].area < bi[b].area : a < b; });
  const auto& s = p.settings;
  auto fillRow = [&](int e, std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch) {
    std::int32_t* row = out.lin.get() + static_cast<std::size_t>(e) * B;
    std::fill(row, row + B, kMisfit);
    const auto& x = p.exhibitors[e];
    if (!x.wantsBooth || x.fixedBooth >= 0) return;
    const auto& info = xi[e];
    const int sector = p.sectorOf[e];
    const double maxArea = x.area * s.max_oversize_pct / 100.0 + 1e-6;
    // Booths with x.area - 1e-6 <= area <= maxArea (the same test as Problem::fits).
    const auto first =
        std::partition_point(byArea.begin(), byArea.end(), [&](int b) { return bi[b].area + 1e-6 < x.area; });
    const auto last = std::partition_point(first, byArea.end(), [&](int b) { return bi[b].area <= maxArea; });
    for (auto it = first; it != last; ++it) {
      const int b = *it;
      const auto& booth = bi[b];
      if (x.needs_power && !booth.power) continue;
      if (!info.typeOk.empty() && (booth.type >= static_cast<int>(info.typeOk.size()) || !info.typeOk[booth.type]))
        continue;
      bool banned = false;
      if (!booth.plain)
        for (int h : booth.fixedNear)
          if (std::binary_search(x.competitors.begin(), x.competitors.end(), h)) banned = true;
      if (banned) continue;
      long long v = static_cast<long long>(x.priority) * booth.value;
      if (x.wants_corner && booth.cornerLike) v += s.pref_corner;
      if (info.zone == booth.zone) v += s.pref_zone;
      if (info.hall == booth.hall) v += s.pref_hall;
      if (booth.area > x.area) v -= std::llround((booth.area - x.area) * s.waste_per_m2);
      if (!booth.plain) {
        for (int hs : booth.hallSectors)
          if (hs == sector) v += s.pref_hall_sector;
        for (const auto& [sec, pts] : booth.fixedCluster)
          if (sec == sector) v += pts;
      }
      row[b] = static_cast<std::int32_t>(std::clamp<long long>(v, -1000000000LL, 1000000000LL));
    }
    // The fit list, best first, then by booth: the booths in order, then a stable radix sort (8 bits a
    // pass) of the score's distance below the row's best.
    std::int32_t top = INT32_MIN, bottom = INT32_MAX;
    keys.clear();
    for (int b = 0; b < B; ++b)
      if (row[b] != kMisfit) {
        keys.push_back(static_cast<std::uint64_t>(b));
        top = std::max(top, row[b]);
        bottom = std::min(bottom, row[b]);
      }
    if (!keys.empty()) {
      const auto range = static_cast<std::uint64_t>(static_cast<std::int64_t>(top) - bottom);
      for (auto& k : keys) k |= static_cast<std::uint64_t>(static_cast<std::int64_t>(top) - row[k]) << 32;
      scratch.resize(keys.size());
      for (int shift = 32; shift < 64 && (range >> (shift - 32)) != 0; shift += 8) {
        std::size_t count[257] = {};
        for (auto k : keys) ++count[((k >> shift) & 0xFF) + 1];
        for (int d = 0; d < 256; ++d) count[d + 1] += count[d];
        for (auto k : keys) scratch[count[(k >> shift) & 0xFF]++] = k;
        keys.swap(scratch);
      }
    }
    auto& fit = out.fitList[e];
    fit.reserve(keys.size());
    for (auto k : keys) fit.push_back(static_cast<int>(k & 0xFFFFFFFFu));
  };
  const int T = std::clamp(threads, 1, std::max(1, E / 64));
  auto work = [&](int t) {
    std::vector<std::uint64_t> keys, scratch;
    for (int e = t; e < E; e += T) fillRow(e, keys, scratch);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < T; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  return out;
}

// Simulated annealing over feasible allocations: one chain (the allocator's threads run one or several
// each). A move picks an exhibitor and a booth (one of its best, one beside a booth of its sector, or
// any that fits) and then: takes the booth if free, swaps with its holder if each fits the other's
// booth, or else sends the holder to a booth picked the same way when free, or out. The objective
// changes by the linear scores of the exhibitors moved plus the same-sector pairs around the (at most
// three) booths touched, so a move costs a few dozen memory reads. The number of moves is a work
// budget fixed by the size of the problem: the same problem and seed give the same allocation on any
// machine, whatever the load.
class Annealer {
 public:
  struct Shared {
    const Problem* p = nullptr;
    const std::int32_t* lin = nullptr;
    const std::vector<std::vector<int>>* fitList = nullptr;
    std::vector<int> rows;  // movable exhibitors with at least one fitting booth
    const std::vector<std::vector<int>>* movableAdjacent = nullptr;  // booth -> adjacent movable booths
    std::vector<std::vector<int>> sectorRows;                        // sector -> rows of that sector
    std::vector<char> hasCompetitors;
    int B = 0;
  };

  Annealer(const Shared& sh, const std::vector<int>& boothOf, std::uint64_t seed)
      : sh_(sh), p_(*sh.p), rnd_(seed), boothOf_(boothOf) {
    holder_.assign(sh.B, -1);
    for (int b = 0; b < sh.B; ++b)
      if (p_.booths[b].fixedHolder >= 0) holder_[b] = p_.booths[b].fixedHolder;
    for (std::size_t e = 0; e < boothOf_.size(); ++e)
      if (boothOf_[e] >= 0) holder_[boothOf_[e]] = static_cast<int>(e);
    current_ = objective();
    best_ = boothOf_;
    bestTotal_ = current_;
  }

  // moves attempts, temperature falling geometrically from t0 to t1; poll(done) may ask to stop.
  void run(long long moves, double t0, double t1, const std::function<bool(long long)>& poll) {
    if (sh_.rows.empty() || moves <= 0) return;
    constexpr long long kStep = 1024;
    const long long steps = std::max<long long>(1, moves / kStep);
    const double factor = std::pow(t1 / t0, 1.0 / static_cast<double>(steps));
    double t = t0;
    for (long long step = 0; step < steps; ++step) {
      if ((step & 63) == 0 && poll && poll(step * kStep)) return;
      for (int k = 0; k < kStep; ++k) attempt(t);
      t *= factor;
    }
  }

  // Back to the best allocation seen (the next run reheats from there).
  void restartFromBest() {
    boothOf_ = best_;
    std::fill(holder_.begin(), holder_.end(), -1);
    for (int b = 0; b < sh_.B; ++b)
      if (p_.booths[b].fixedHolder >= 0) holder_[b] = p_.booths[b].fixedHolder;
    for (std::size_t e = 0; e < boothOf_.size(); ++e)
      if (boothOf_[e] >= 0) holder_[boothOf_[e]] = static_cast<int>(e);
    current_ = bestTotal_;
  }

  const std::vector<int>& best() const { return best_; }
  long long bestTotal() const { return bestTotal_; }

 private:
  std::int32_t lin(int e, int b) const { return sh_.lin[static_cast<std::size_t>(e) * sh_.B + b]; }

  long long objective() const {
    long long total = 0;
    for (int e : sh_.rows)
      if (boothOf_[e] >= 0) total += lin(e, boothOf_[e]);
    long long pairs = 0;
    for (int b = 0; b < sh_.B; ++b) {
      const int h = holder_[b];
      if (h < 0 || !p_.booths[b].movable) continue;
      for (int nb : (*sh_.movableAdjacent)[b])
        if (nb > b && holder_[nb] >= 0 && p_.sectorOf[holder_[nb]] == p_.sectorOf[h]) ++pairs;
    }
    return total + pairs * p_.settings.cluster;
  }

  // Same-sector pairs of adjacent movable booths with at least one end in touched[0..n).
  long long pairsAround(const int* touched, int n) const {
    long long pairs = 0;
    for (int i = 0; i < n; ++i) {
      const int a = touched[i];
      const int h = holder_[a];
      if (h < 0) continue;
      const int s = p_.sectorOf[h];
      for (int nb : (*sh_.movableAdjacent)[a]) {
        const int g = holder_[nb];
        if (g < 0 || p_.sectorOf[g] != s) continue;
        bool inside = false;
        for (int j = 0; j < n; ++j) inside = inside || touched[j] == nb;
        if (inside && nb < a) continue;  // counted from the other end
        ++pairs;
      }
    }
    return pairs;
  }

  bool competitorNear(int e, int b) const {
    if (!sh_.hasCompetitors[e]) return false;
    const auto& comp = p_.exhibitors[e].competitors;
    for (int nb : p_.near[b]) {
      const int h = holder_[nb];
      if (h >= 0 && h != e && std::binary_search(comp.begin(), comp.end(), h)) return true;
    }
    return false;
  }

  int randomTop(int e) {
    const auto& fit = (*sh_.fitList)[e];
    const std::size_t k = std::min<std::size_t>(fit.size(), kTop);
    return fit[rnd_.next() % k];
  }

  int pickTarget(int e) {
    const auto& fit = (*sh_.fitList)[e];
    const std::uint64_t r = rnd_.next() % 100;
    if (r < 40) return randomTop(e);
    if (r < 85) {
      const auto& mates = sh_.sectorRows[p_.sectorOf[e]];
      const int m = mates[rnd_.next() % mates.size()];
      const int bm = boothOf_[m];
      if (m == e || bm < 0) return -1;
      const auto& adj = (*sh_.movableAdjacent)[bm];
      if (adj.empty()) return -1;
      const int b = adj[rnd_.next() % adj.size()];
      return lin(e, b) == kMisfit ? -1 : b;
    }
    return fit[rnd_.next() % fit.size()];
  }

  void attempt(double t) {
    const int e = sh_.rows[rnd_.next() % sh_.rows.size()];
    const int b = pickTarget(e);
    const int b0 = boothOf_[e];
    if (b < 0 || b == b0) return;
    const int h = holder_[b];
    int touched[3];
    int n = 0;
    touched[n++] = b;
    if (b0 >= 0) touched[n++] = b0;
    // Plan the move: e -> b; h (if any) -> hTo (b0 for a swap, a free booth, or -1: out).
    int hTo = -1;
    if (h >= 0) {
      if (b0 >= 0 && lin(h, b0) != kMisfit) {
        hTo = b0;
      } else {
        const int c = pickTarget(h);
        if (c >= 0 && holder_[c] < 0 && c != b) {
          hTo = c;
          touched[n++] = c;
        }
      }
    }
    long long dLin = lin(e, b) - (b0 >= 0 ? lin(e, b0) : 0);
    if (h >= 0) dLin += (hTo >= 0 ? lin(h, hTo) : 0) - lin(h, b);
    const long long before = pairsAround(touched, n);
    // Apply.
    if (b0 >= 0) holder_[b0] = -1;
    if (hTo >= 0 && hTo != b0) holder_[hTo] = h;
    if (h >= 0) boothOf_[h] = hTo;
    if (h >= 0 && hTo >= 0 && hTo == b0) holder_[b0] = h;
    holder_[b] = e;
    boothOf_[e] = b;
    bool ok = !competitorNear(e, b) && !(h >= 0 && hTo >= 0 && competitorNear(h, hTo));
    long long delta = 0;
    if (ok) {
      delta = dLin + (pairsAround(touched, n) - before) * p_.settings.cluster;
      if (delta < 0) {
        // Metropolis: accept a loss with probability exp(delta / t).
        const double u = static_cast<double>(rnd_.next() >> 11) * (1.0 / 9007199254740992.0);
        ok = t > 0 && static_cast<double>(delta) > t * std::log(u + 1e-300);
      }
    }
    if (!ok) {  // undo
      holder_[b] = h;
      boothOf_[e] = b0;
      if (hTo >= 0 && hTo != b0) holder_[hTo] = -1;
      if (h >= 0) boothOf_[h] = b;
      if (b0 >= 0) holder_[b0] = e;
      return;
    }
    current_ += delta;
    if (current_ > bestTotal_) {
      bestTotal_ = current_;
      best_ = boothOf_;
    }
  }

  static constexpr std::size_t kTop = 32;
  const Shared& sh_;
  const Problem& p_;
  SplitMix rnd_;
  std::vector<int> boothOf_, holder_, best_;
  long long current_ = 0, bestTotal_ = 0;
};

class Solver {
 public:
  Solver(const Problem& p, const AllocatorOptions& o)
      : p_(p), o_(o), E_(static_cast<int>(p.exhibitors.size())), B_(static_cast<int>(p.booths.size())), rnd_(o.seed) {
    auto tables = linearTables(p, o.chains);
    lin_ = std::move(tables.lin);
    fitList_ = std::move(tables.fitList);
    for (int e = 0; e < E_; ++e)
      if (p.exhibitors[e].wantsBooth && p.exhibitors[e].fixedBooth < 0) movable_.push_back(e);
    for (int b = 0; b < B_; ++b)
      if (p.booths[b].movable) movableBooths_.push_back(b);
    mark_.assign(B_, 0);
    movableAdjacent_.assign(B_, {});
    for (int b = 0; b < B_; ++b)
      for (int nb : p.adjacent[b])
        if (p.booths[nb].movable) movableAdjacent_[b].push_back(nb);
    fixed_.assign(E_, 0);
    for (int e = 0; e < E_; ++e) fixed_[e] = p.exhibitors[e].fixedBooth >= 0 ? 1 : 0;
    // Clustering points are counted over movable neighbours only, and never more than all of them.
    std::size_t mostAdjacent = 0;
    for (const auto& a : movableAdjacent_) mostAdjacent = std::max(mostAdjacent, a.size());
    const long long clusterCap =
        std::max(0LL, static_cast<long long>(p.settings.cluster)) * static_cast<long long>(mostAdjacent);
    bestGain_.assign(E_, 0);
    for (int e = 0; e < E_; ++e)
      if (!fitList_[e].empty()) bestGain_[e] = lin(e, fitList_[e][0]) + clusterCap;
    sectorNear_.assign(p.sectorCount, {});
  }

  // t0: when allocate() was called (the tables built by the constructor count in the time).
  AllocationResult run(Clock::time_point t0) {
    AllocationResult r;
    int rows = 0;
    for (int e : movable_) rows += fitList_[e].empty() ? 0 : 1;
    // The exact assignment core costs O(rows^2 x booths): up to exact_rows it runs every round; beyond,
    // a sparse assignment (each exhibitor's best booths only, and in later rounds the booths next to
    // its sector) replaces it.
    const bool exact = rows <= o_.exact_rows;
    // Rounds of the exact assignment while their cost, about rows^2 x booths each, stays within
    // assign_work (all of them up to about 500 exhibitors, two at 1,000).
    int rounds = 1 + std::max(0, std::min(o_.cluster_rounds, o_.sparse_cluster_rounds));
    if (exact) {
      const double perRound =
          static_cast<double>(rows) * rows * static_cast<double>(std::max<std::size_t>(1, movableBooths_.size()));
      rounds = static_cast<int>(std::clamp<double>(o_.assign_work / perRound, 1, 1 + std::max(0, o_.cluster_rounds)));
    }
    if (exact || o_.chains < 2) {
      assignmentRounds(rounds, exact, &r);
    } else {
      // Beyond exact_rows the rounds are all the search there is, and their result depends on the
      // order the local search takes: each thread runs them in an order of its own, the best wins
      // (ties to the first).
      std::vector<std::unique_ptr<Solver>> others;
      for (int c = 1; c < o_.chains; ++c) {
        others.push_back(std::make_unique<Solver>(*this));
        others.back()->rnd_ =
            SplitMix(o_.seed * 0xA0761D6478BD642Full + 0xE7037ED1A0B428DBull * static_cast<std::uint64_t>(c));
      }
      std::vector<long long> totals(static_cast<std::size_t>(o_.chains));
      inParallel(o_.chains, [&](int c) {
        totals[c] =
            c == 0 ? assignmentRounds(rounds, exact, &r) : others[c - 1]->assignmentRounds(rounds, exact, nullptr);
      });
      int best = 0;
      for (int c = 1; c < o_.chains; ++c)
        if (totals[c] > totals[best]) best = c;
      if (best > 0) {
        boothOf_ = others[best - 1]->boothOf_;
        holderFromBoothOf();
      }
    }
    const auto ta = Clock::now();
    // Beyond exact_rows, the assignment rounds with clustering folded in find everything the annealing
    // found there, and more, in less time: the annealing runs only without them.
    if (exact || rounds == 1) anneal();
    r.anneal_seconds = std::chrono::duration<double>(Clock::now() - ta).count();
    // Up to search_rows exhibitors to place, an iterated local search (random kicks, then moves, swaps
    // and ejection chains) still finds what the annealing missed; beyond, it costs more time than the
    // 1-second budget leaves.
    if (rows <= o_.search_rows) parallelIteratedSearch();
    sectorReassign();
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

  // The assignment rounds, each followed by the local search; leaves the best round's allocation and
  // returns its objective. `report` (the calling thread's only) gets the rounds, their assignment
  // time and the progress.
  long long assignmentRounds(int rounds, bool exact, AllocationResult* report) {
    std::vector<int> best;
    long long bestTotal = LLONG_MIN;
    for (int round = 0; round < rounds; ++round) {
      checkCancel();
      const auto tl = Clock::now();
      if (exact)
        assign(round == 0 ? nullptr : &best);
      else
        sparseAssign(round == 0 ? nullptr : &best);
      if (report) report->lap_seconds += std::chrono::duration<double>(Clock::now() - tl).count();
      repairCompetitors();
      localSearch();
      const long long total = scoreOf(p_, current()).total;
      if (total > bestTotal) {
        bestTotal = total;
        best = boothOf_;
      }
      if (report) {
        ++report->rounds;
        // The first half of the bar, or all of it when no annealing follows (above exact_rows).
        const double share = exact || rounds == 1 ? 0.5 : 1.0;
        if (o_.progress) o_.progress(share * static_cast<double>(round + 1) / rounds);
      }
    }
    boothOf_ = best;
    holderFromBoothOf();
    return bestTotal;
  }

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
    for (int nb : movableAdjacent_[b]) {
      if (nb == skip) continue;
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
    std::stable_sort(rows.begin(), rows.end(),
                     [&](int a, int b) { return p_.exhibitors[a].priority > p_.exhibitors[b].priority; });
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

  // The linear assignment on large problems: each exhibitor may take one of its sparse_arcs best
  // booths or stay out; exact over that sparse graph, rows inserted by decreasing priority.
  // With a previous allocation, as in assign(): each booth's score gains the clustering points its
  // neighbours of the same sector held there, and each exhibitor may also take any booth next to one
  // its sector held.
  void sparseAssign(const std::vector<int>* previous) {
    std::vector<int> rows;
    for (int e : movable_)
      if (!fitList_[e].empty()) rows.push_back(e);
    resetToFixed();
    const int R = static_cast<int>(rows.size());
    if (R == 0) return;
    const int k = std::max(1, o_.sparse_arcs);
    std::stable_sort(rows.begin(), rows.end(),
                     [&](int a, int b) { return p_.exhibitors[a].priority > p_.exhibitors[b].priority; });
    std::vector<int> prevHolder;
    std::vector<std::vector<int>> sectorNear;  // per sector: movable booths next to one it held
    if (previous) {
      prevHolder.assign(B_, -1);
      sectorNear.assign(p_.sectorCount, {});
      std::vector<int> seen(B_, -1);
      for (int e = 0; e < E_; ++e)
        if ((*previous)[e] >= 0) prevHolder[(*previous)[e]] = e;
      for (int s = 0; s < p_.sectorCount; ++s)
        for (int e = 0; e < E_; ++e) {
          const int b = (*previous)[e];
          if (b < 0 || p_.sectorOf[e] != s) continue;
          for (int nb : movableAdjacent_[b])
            if (seen[nb] != s) {
              seen[nb] = s;
              sectorNear[s].push_back(nb);
            }
        }
    }
    const long long c = p_.settings.cluster;
    auto arcCost = [&](int e, int b) {
      long long total = lin(e, b);
      if (previous)
        for (int nb : movableAdjacent_[b]) {
          const int h = prevHolder[nb];
          if (h >= 0 && h != e && p_.sectorOf[h] == p_.sectorOf[e]) total += c;
        }
      return static_cast<std::int32_t>(-std::max<long long>(total, 1));
    };
    std::vector<std::vector<Arc>> arcs(R);
    std::vector<int> mark(B_, -1);
    for (int i = 0; i < R; ++i) {
      const int e = rows[i];
      const auto& fit = fitList_[e];  // best first
      for (std::size_t j = 0; j < fit.size() && static_cast<int>(j) < k; ++j) {
        arcs[i].push_back({fit[j], arcCost(e, fit[j])});
        mark[fit[j]] = i;
      }
      // And every booth next to one its sector held (clustering counted).
      if (previous)
        for (int b : sectorNear[p_.sectorOf[e]])
          if (mark[b] != i && lin(e, b) != kMisfit) {
            arcs[i].push_back({b, arcCost(e, b)});
            mark[b] = i;
          }
    }
    const auto x = solveSparseAssignment(R, B_, arcs, o_.cancelled);
    checkCancel();
    for (int i = 0; i < R; ++i)
      if (x[i] >= 0) place(rows[i], x[i]);
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
      if (h < 0 || fixed_[h]) continue;
      const long long loss = lin(h, b) + clusterPoints(h, b, -1);
      // Not worth a look when even h's best booth with every neighbour of its sector would not pay.
      if (insertGain(e, b) - loss + std::max(0LL, bestGain_[h]) <= 0) continue;
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
    for (int nb : sectorNear_[p_.sectorOf[e]])
      if (mark_[nb] != stamp_ && lin(e, nb) != kMisfit) cand_.push_back(nb);
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
      const long long upper =
          lin(e, b) + static_cast<long long>(p_.settings.cluster) * static_cast<long long>(p_.adjacent[b].size());
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
      if (h < 0 || h == e || fixed_[h] || lin(h, b0) == kMisfit) continue;
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

  // Simulated annealing from the best round, in `chains` independent chains (one per thread, seeds
  // derived from the option's seed); the best chain wins, ties to the lowest index. Then a last
  // local search. Deterministic: each chain's moves depend on its seed only.
  void anneal() {
    if (movable_.empty()) return;
    Annealer::Shared sh;
    sh.p = &p_;
    sh.lin = lin_.get();
    sh.fitList = &fitList_;
    sh.B = B_;
    for (int e : movable_)
      if (!fitList_[e].empty()) sh.rows.push_back(e);
    if (sh.rows.empty()) return;
    sh.movableAdjacent = &movableAdjacent_;
    sh.sectorRows.assign(p_.sectorCount, {});
    for (int e : sh.rows) sh.sectorRows[p_.sectorOf[e]].push_back(e);
    sh.hasCompetitors.assign(E_, 0);
    for (int e = 0; e < E_; ++e) sh.hasCompetitors[e] = p_.exhibitors[e].competitors.empty() ? 0 : 1;
    const long long rowCount = static_cast<long long>(sh.rows.size());
    const long long moves =
        std::min(o_.anneal_moves_per_row * rowCount, std::max(o_.anneal_max_moves, o_.anneal_work / rowCount));
    // Threads run chains t, t + threads, ... one after the other; small problems get several chains
    // per thread (their moves are cheap and their landscape rugged: independent chains pay).
    const int threadCount = std::max(1, o_.chains);
    const int perThread =
        static_cast<long long>(sh.rows.size()) <= o_.small_rows ? std::max(1, o_.small_chains_per_thread) : 1;
    const int chains = threadCount * perThread;
    // With few moves per exhibitor (large problems) a hot start has no time to cool back down: start
    // colder, in one cycle.
    const double perRow = static_cast<double>(moves) / static_cast<double>(sh.rows.size());
    const bool longRun = perRow >= 10000;
    const int cycles = longRun ? std::max(1, o_.anneal_cycles) : 1;
    const double t0 =
        longRun ? o_.anneal_t0 : std::max(o_.anneal_t1, o_.anneal_t0 * std::max(0.25, std::sqrt(perRow / 10000)));
    const long long perCycle = moves / cycles;
    std::vector<std::unique_ptr<Annealer>> annealers;
    for (int c = 0; c < chains; ++c)
      annealers.push_back(std::make_unique<Annealer>(
          sh, boothOf_, o_.seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull * static_cast<std::uint64_t>(c + 1)));
    std::atomic<bool> stop{false};
    auto runChain = [&](int c, const std::function<bool(int, long long)>& poll) {
      for (int k = 0; k < cycles; ++k) {
        if (k > 0) annealers[c]->restartFromBest();
        annealers[c]->run(perCycle, t0, o_.anneal_t1, [&](long long done) { return poll(k, done); });
      }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < threadCount; ++t)
      threads.emplace_back([&, t] {
        for (int c = t; c < chains; c += threadCount)
          runChain(c, [&](int, long long) { return stop.load(std::memory_order_relaxed); });
      });
    try {
      for (int i = 0; i < perThread; ++i)
        runChain(i * threadCount, [&](int k, long long done) {
          if (o_.cancelled && o_.cancelled()) {
            stop = true;
            return true;
          }
          if (o_.progress)
            o_.progress(0.5 + 0.5 * static_cast<double>((static_cast<long long>(i) * cycles + k) * perCycle + done) /
                                  static_cast<double>(static_cast<long long>(perThread) * cycles * perCycle));
          return false;
        });
    } catch (...) {
      stop = true;
      for (auto& t : threads) t.join();
      throw;
    }
    for (auto& t : threads) t.join();
    checkCancel();
    int bestChain = 0;
    for (int c = 1; c < chains; ++c)
      if (annealers[c]->bestTotal() > annealers[bestChain]->bestTotal()) bestChain = c;
    // The runner-up chain (next best, ties to the lower index) is a second start for the iterated search.
    int second = -1;
    for (int c = 0; c < chains; ++c)
      if (c != bestChain && (second < 0 || annealers[c]->bestTotal() > annealers[second]->bestTotal())) second = c;
    runnerUp_ = second >= 0 ? annealers[second]->best() : std::vector<int>{};
    if (annealers[bestChain]->bestTotal() > fastObjective()) {
      boothOf_ = annealers[bestChain]->best();
      holderFromBoothOf();
    }
    localSearch();
  }

  // The iterated search from the best allocation and, on a second thread, from the runner-up chain's
  // (its own random sequence): the better result wins, ties to the first. Both budgets are counts,
  // so the result does not depend on timing.
  void parallelIteratedSearch() {
    if (o_.chains < 2 || runnerUp_.empty()) {
      iteratedSearch();
      return;
    }
    Solver other(*this);
    other.rnd_ = SplitMix(o_.seed * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull);
    other.boothOf_ = runnerUp_;
    other.holderFromBoothOf();
    inParallel(2, [&](int t) {
      if (t == 0) {
        iteratedSearch();
      } else {
        other.localSearch();
        other.iteratedSearch();
      }
    });
    if (other.fastObjective() > fastObjective()) {
      boothOf_ = other.boothOf_;
      holderFromBoothOf();
    }
  }

  // Iterated local search: a few random moves or swaps that keep every hard constraint, then the
  // local search; the result is kept when it is at least as good. The number of iterations depends
  // on the size only (a work budget, not a clock), so the result is the same on any machine.
  void iteratedSearch() {
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
        } else if (!fixed_[h] && lin(h, b0) != kMisfit) {
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
      for (int nb : movableAdjacent_[b])
        if (nb > b && holder_[nb] >= 0 && p_.sectorOf[holder_[nb]] == p_.sectorOf[h]) ++pairs;
    }
    return total + pairs * p_.settings.cluster;
  }

  // Last step: within each sector, the exhibitors placed are reassigned exactly (linear assignment)
  // to the booths the sector holds. The booths held by each sector stay the same, so the clustering
  // does too, and the linear part can only grow. A sector whose new assignment would put competitors
  // side by side or facing keeps its old one.
  void sectorReassign() {
    constexpr std::int32_t kNoFit = 1 << 28;
    for (int s = 0; s < p_.sectorCount; ++s) {
      std::vector<int> who, where;
      for (int e : movable_)
        if (boothOf_[e] >= 0 && p_.sectorOf[e] == s) {
          who.push_back(e);
          where.push_back(boothOf_[e]);
        }
      const int n = static_cast<int>(who.size());
      if (n < 3) continue;
      std::vector<std::int32_t> costs(static_cast<std::size_t>(n) * n);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
          const std::int32_t v = lin(who[i], where[j]);
          costs[static_cast<std::size_t>(i) * n + j] = v == kMisfit ? kNoFit : -v;
        }
      const auto col = solveAssignment(n, costs);
      if (static_cast<int>(col.size()) != n) continue;
      long long before = 0, after = 0;
      for (int i = 0; i < n; ++i) {
        before += lin(who[i], where[i]);
        if (costs[static_cast<std::size_t>(i) * n + col[i]] == kNoFit)
          after = LLONG_MIN / 2;
        else
          after += lin(who[i], where[col[i]]);
      }
      if (after <= before) continue;
      for (int i = 0; i < n; ++i) holder_[where[i]] = -1;
      for (int i = 0; i < n; ++i) {
        boothOf_[who[i]] = where[col[i]];
        holder_[where[col[i]]] = who[i];
      }
      bool clash = false;
      for (int i = 0; i < n && !clash; ++i) clash = competitorNear(who[i], where[col[i]]);
      if (clash) {
        for (int i = 0; i < n; ++i) {
          boothOf_[who[i]] = where[i];
          holder_[where[i]] = who[i];
        }
      }
    }
  }

  void localSearch() { localSearch(movable_); }

  // sectorNear_: for each sector, the booths next to one it holds, each once, in the order of the
  // booths (then of their neighbours) first met.
  void nearSectors() {
    sectorNear_.assign(p_.sectorCount, {});
    std::vector<std::vector<int>> held(p_.sectorCount);
    for (int b : movableBooths_)
      if (holder_[b] >= 0) held[p_.sectorOf[holder_[b]]].push_back(b);
    for (int s = 0; s < p_.sectorCount; ++s) {
      ++stamp_;
      for (int hb : held[s])
        for (int nb : p_.adjacent[hb])
          if (mark_[nb] != stamp_) {
            mark_[nb] = stamp_;
            sectorNear_[s].push_back(nb);
          }
    }
  }

  // Passes of moves, swaps and ejections in random order until one improves nothing. After the
  // first pass, only the exhibitors around what the previous pass changed are looked at again (the
  // holders of the booths that changed hands and of the booths beside or facing them, and whoever
  // is not placed): elsewhere nothing they could gain has changed, save through their sector's
  // other booths, which the next round of the search sees.
  void localSearch(const std::vector<int>& among) {
    std::vector<int> order = among, before;
    for (int pass = 0; pass < o_.max_search_passes; ++pass) {
      checkCancel();
      rnd_.shuffle(order);
      nearSectors();
      before = boothOf_;
      bool improved = false;
      for (int e : order) {
        if (fitList_[e].empty()) continue;
        if (boothOf_[e] < 0 ? improveUnplaced(e) : improvePlaced(e)) improved = true;
      }
      if (!improved) break;
      // The next pass: around the booths that changed hands.
      ++stamp_;
      order.clear();
      auto visit = [&](int b) {
        if (b < 0) return;
        const int h = holder_[b];
        if (h >= 0 && !fixed_[h] && mark_[b] != stamp_) order.push_back(h);
        mark_[b] = stamp_;
      };
      for (int e : movable_) {
        if (boothOf_[e] == before[e]) continue;
        for (int b : {before[e], boothOf_[e]}) {
          if (b < 0) continue;
          visit(b);
          for (int nb : p_.adjacent[b]) visit(nb);
          for (int nb : p_.near[b]) visit(nb);
        }
      }
      for (int e : movable_)
        if (boothOf_[e] < 0 && !fitList_[e].empty()) order.push_back(e);
    }
  }

  const Problem& p_;
  const AllocatorOptions& o_;
  int E_, B_;
  SplitMix rnd_;
  std::shared_ptr<const std::int32_t[]> lin_;  // linearTables()
  std::vector<std::vector<int>> fitList_;
  std::vector<int> movable_, movableBooths_;
  std::vector<int> boothOf_, holder_;
  // Local search candidates.
  static constexpr std::size_t kTopCandidates = 48;
  std::vector<std::vector<int>> sectorNear_;  // nearSectors(), at the start of a search pass
  std::vector<int> cand_;
  bool journaling_ = false;
  std::vector<std::pair<int, int>> journal_;       // (exhibitor, booth before) while an iteration may be undone
  std::vector<std::vector<int>> movableAdjacent_;  // booth -> adjacent movable booths
  std::vector<char> fixed_;                        // exhibitor kept in its booth (compact copy)
  std::vector<long long> bestGain_;  // most an exhibitor can gain anywhere: best booth, all neighbours of its sector
  std::vector<int> runnerUp_;        // the second best chain's allocation, after anneal()
  std::vector<unsigned> mark_;
  unsigned stamp_ = 0;
};

}  // namespace

AllocationResult allocate(const Problem& problem, const AllocatorOptions& options) {
  const auto t0 = Clock::now();
  Solver solver(problem, options);
  return solver.run(t0);
}

std::vector<std::vector<std::pair<int, long long>>> fittingBooths(const Problem& problem, int threads) {
  const auto tables = linearTables(problem, threads);
  const std::size_t B = problem.booths.size();
  std::vector<std::vector<std::pair<int, long long>>> out(problem.exhibitors.size());
  for (std::size_t e = 0; e < out.size(); ++e)
    for (int b : tables.fitList[e]) out[e].push_back({b, tables.lin[e * B + static_cast<std::size_t>(b)]});
  return out;
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
