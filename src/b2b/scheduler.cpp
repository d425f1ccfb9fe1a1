// The B2B meeting scheduler (see scheduler.hpp).
#include "b2b/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <numeric>

#include "core/error.hpp"

namespace moussem::b2b {

namespace {

// The schedule being built: who and what is where, with the objective's three levels kept current,
// and a journal of every change so that any move can be undone.
class State {
 public:
  explicit State(const Problem& p)
      : p_(p),
        S_(p.slotCount()),
        N_(static_cast<int>(p.people.size())),
        personAt_(static_cast<std::size_t>(N_) * S_, -1),
        placeAt_(p.places.size() * S_, -1),
        slotOf_(p.pairs.size(), -1),
        placeOf_(p.pairs.size(), -1),
        frozen_(p.pairs.size(), 0),
        count_(N_, 0),
        gaps_(static_cast<std::size_t>(N_) * p.sessions.size(), 0),
        free_(S_),
        freePos_(p.places.size() * S_, -1) {
    for (int t = 0; t < S_; ++t) {
      if (t == 0 || p.slots[t].session != p.slots[t - 1].session) sessionFirst_.push_back(t);
    }
    sessionFirst_.push_back(S_);
    avail_.assign(static_cast<std::size_t>(N_) * S_, 0);
    for (int i = 0; i < N_; ++i) {
      most_.push_back(p.people[i].max_meetings > 0 ? p.people[i].max_meetings : INT_MAX);
      for (int t = 0; t < S_; ++t) avail_[idx(i, t)] = p.people[i].availableIn(p.slots[t].session);
    }
    for (int t = 0; t < S_; ++t)
      for (int k : p.tables) {
        freePos_[pidx(k, t)] = static_cast<int>(free_[t].size());
        free_[t].push_back(k);
      }
  }

  int slots() const { return S_; }
  int slotOf(int q) const { return slotOf_[q]; }
  int placeOf(int q) const { return placeOf_[q]; }
  bool placed(int q) const { return slotOf_[q] >= 0; }
  bool frozen(int q) const { return frozen_[q] != 0; }
  void freeze(int q) { frozen_[q] = 1; }
  int at(int i, int t) const { return personAt_[idx(i, t)]; }
  int holder(int k, int t) const { return placeAt_[pidx(k, t)]; }
  int count(int i) const { return count_[i]; }
  long long objective() const { return combinedObjective(p_.lex, weight_, gaps_total_, fair_); }
  std::size_t mark() const { return journal_.size(); }

  // Both people free, present and under their maximum at t (the pair not placed).
  bool peopleFree(int q, int t) const {
    const Pair& pr = p_.pairs[q];
    return personAt_[idx(pr.buyer, t)] < 0 && personAt_[idx(pr.seller, t)] < 0 && avail_[idx(pr.buyer, t)] &&
           avail_[idx(pr.seller, t)] && count_[pr.buyer] < most_[pr.buyer] && count_[pr.seller] < most_[pr.seller];
  }

  // The walk from the person's meetings just before and just after t to place k is allowed.
  bool walkOk(int i, int t, int k) const {
    double r = p_.reachBefore(t);
    if (r >= 0) {
      int q = personAt_[idx(i, t - 1)];
      if (q >= 0 && p_.distance(placeOf_[q], k) > r + 1e-9) return false;
    }
    if (t + 1 < S_) {
      r = p_.reachBefore(t + 1);
      if (r >= 0) {
        int q = personAt_[idx(i, t + 1)];
        if (q >= 0 && p_.distance(placeOf_[q], k) > r + 1e-9) return false;
      }
    }
    return true;
  }

  bool placeOk(int q, int t, int k) const {
    const Pair& pr = p_.pairs[q];
    return placeAt_[pidx(k, t)] < 0 && walkOk(pr.buyer, t, k) && walkOk(pr.seller, t, k);
  }

  // A place for q at t: the seller organisation's booth first (it spares a table), then a free table;
  // -1 when none is free within walking reach. tablesOnly: the floor's rule.
  int findPlace(int q, int t, bool tablesOnly = false) const {
    if (!tablesOnly)
      for (int k : p_.boothsOf[p_.pairs[q].seller])
        if (placeOk(q, t, k)) return k;
    for (int k : free_[t])
      if (placeOk(q, t, k)) return k;
    return -1;
  }

  // Idle periods of person i in session s, t counted as busy when extra >= 0.
  int sessionGaps(int i, int s, int extra = -1) const {
    int gaps = 0;
    bool seen = false, idle = false;
    for (int t = sessionFirst_[s]; t < sessionFirst_[s + 1]; ++t) {
      if (personAt_[idx(i, t)] >= 0 || t == extra) {
        if (seen && idle) ++gaps;
        seen = true;
        idle = false;
      } else {
        idle = true;
      }
    }
    return gaps;
  }

  // Gaps added by a meeting of q at t (both people).
  int gapDelta(int q, int t) const {
    const Pair& pr = p_.pairs[q];
    const int s = p_.slots[t].session;
    return sessionGaps(pr.buyer, s, t) - gaps_[gidx(pr.buyer, s)] + sessionGaps(pr.seller, s, t) -
           gaps_[gidx(pr.seller, s)];
  }

  void add(int q, int t, int k) { apply(q, t, k, true); }
  void remove(int q) { apply(q, slotOf_[q], placeOf_[q], false); }

  void rollback(std::size_t mark) {
    while (journal_.size() > mark) {
      const Op op = journal_.back();
      journal_.pop_back();
      apply(op.pair, op.slot, op.place, !op.add);
      journal_.pop_back();  // the undo's own entry
    }
  }
  void commit() { journal_.clear(); }

 private:
  struct Op {
    int pair, slot, place;
    bool add;
  };

  std::size_t idx(int i, int t) const { return static_cast<std::size_t>(i) * S_ + t; }
  std::size_t pidx(int k, int t) const { return static_cast<std::size_t>(k) * S_ + t; }
  std::size_t gidx(int i, int s) const { return static_cast<std::size_t>(i) * p_.sessions.size() + s; }

  void apply(int q, int t, int k, bool add) {
    const Pair& pr = p_.pairs[q];
    const int v = add ? q : -1;
    personAt_[idx(pr.buyer, t)] = v;
    personAt_[idx(pr.seller, t)] = v;
    placeAt_[pidx(k, t)] = v;
    slotOf_[q] = add ? t : -1;
    placeOf_[q] = add ? k : -1;
    const int d = add ? 1 : -1;
    weight_ += d * pr.weight;
    for (int i : {pr.buyer, pr.seller}) {
      if (count_[i] == 0 && add) ++fair_;
      count_[i] += d;
      if (count_[i] == 0 && !add) --fair_;
      const int s = p_.slots[t].session;
      const int g = sessionGaps(i, s);
      gaps_total_ += g - gaps_[gidx(i, s)];
      gaps_[gidx(i, s)] = g;
    }
    if (!p_.places[k].booth) {
      auto& list = free_[t];
      if (add) {  // swap-remove k from the free tables of t
        const int pos = freePos_[pidx(k, t)];
        freePos_[pidx(list.back(), t)] = pos;
        list[pos] = list.back();
        list.pop_back();
        freePos_[pidx(k, t)] = -1;
      } else {
        freePos_[pidx(k, t)] = static_cast<int>(list.size());
        list.push_back(k);
      }
    }
    journal_.push_back({q, t, k, add});
  }

  const Problem& p_;
  int S_, N_;
  std::vector<int> personAt_, placeAt_, slotOf_, placeOf_;
  std::vector<char> frozen_, avail_;
  std::vector<int> count_, most_, gaps_, sessionFirst_;
  std::vector<std::vector<int>> free_;
  std::vector<int> freePos_;
  long long weight_ = 0, gaps_total_ = 0, fair_ = 0;
  std::vector<Op> journal_;
};

class Scheduler {
 public:
  Scheduler(const Problem& p, const SchedulerOptions& o) : p_(p), o_(o), st_(p), rng_(o.seed) {
    tie_.resize(p.pairs.size());
    for (auto& t : tie_) t = rng_.next();
  }

  void seed(const std::vector<Meeting>& previous) {
    // Pair index by (buyer, seller).
    std::vector<std::vector<std::pair<int, int>>> bySeller(p_.people.size());
    for (int q = 0; q < static_cast<int>(p_.pairs.size()); ++q)
      bySeller[p_.pairs[q].seller].push_back({p_.pairs[q].buyer, q});
    auto pairOf = [&](const Meeting& m) {
      if (m.seller < 0 || m.seller >= static_cast<int>(p_.people.size())) return -1;
      for (auto [b, q] : bySeller[m.seller])
        if (b == m.buyer) return q;
      return -1;
    };
    auto fits = [&](int q, const Meeting& m) {
      return m.slot >= 0 && m.slot < st_.slots() && m.place >= 0 && m.place < static_cast<int>(p_.places.size()) &&
             !st_.placed(q) && st_.peopleFree(q, m.slot) && p_.placeUsable(q, m.place) &&
             st_.placeOk(q, m.slot, m.place);
    };
    for (int pass = 0; pass < 2; ++pass)  // frozen meetings first, then the others as a starting point
      for (int r = 0; r < static_cast<int>(previous.size()); ++r) {
        const Meeting& m = previous[r];
        if (m.frozen != (pass == 0)) continue;
        const int q = pairOf(m);
        if (q >= 0 && fits(q, m)) {
          st_.add(q, m.slot, m.place);
          if (m.frozen) st_.freeze(q);
        } else if (m.frozen) {
          throw Error(ErrorKind::Invalid, "frozen meeting " + std::to_string(r + 1) + " (" + name(m.buyer) + " - " +
                                              name(m.seller) + ") " +
                                              (q < 0 ? "is not a granted request" : "breaks a rule of the schedule"));
        }
      }
    st_.commit();
  }

  void greedy() {
    auto order = pairsByWeight();
    for (std::size_t n = 0; n < order.size(); ++n) {
      if (!st_.placed(order[n])) insertBest(order[n], -1);
      if (n % 4096 == 0) report(0.3 * static_cast<double>(n) / static_cast<double>(order.size()));
    }
    st_.commit();
  }

  // Insertion with relocation and ejection for every pair left out, heaviest first, until a pass
  // changes nothing (at most `passes`).
  void repair(int passes, double from, double to) {
    for (int pass = 0; pass < passes; ++pass) {
      bool improved = false;
      auto order = pairsByWeight();
      for (std::size_t n = 0; n < order.size(); ++n) {
        const int q = order[n];
        if (!st_.placed(q) && insertWithMoves(q, true)) improved = true;
        if (n % 1024 == 0)
          report(from + (to - from) * (pass + static_cast<double>(n) / static_cast<double>(order.size())) / passes);
      }
      st_.commit();
      if (!improved) break;
    }
  }

  // Every pair left out that now fits somewhere as things are.
  void fill() {
    for (int q : pairsByWeight())
      if (!st_.placed(q)) insertBest(q, -1);
    st_.commit();
  }

  // Ruin and recreate: remove every movable meeting of one or two people, put their pairs and the
  // pairs left out around them back, heaviest first; keep the result when it is not worse.
  void search(double from, double to) {
    const long long pairs = static_cast<long long>(p_.pairs.size());
    const int n = static_cast<int>(p_.people.size());
    const long long rounds =
        std::min(o_.search_iterations, std::max(o_.search_min_rounds, o_.search_rounds_per_person * n));
    if (n == 0 || pairs == 0) return;
    for (long long it = 0; it < rounds; ++it) {
      if (it % 64 == 0) report(from + (to - from) * static_cast<double>(it) / static_cast<double>(rounds));
      // A person with a pair left out (most rounds), or anyone.
      int who = rng_.below(n);
      if (rng_.chance(75)) {
        const int q = rng_.below(static_cast<int>(pairs));
        if (!st_.placed(q)) who = rng_.chance(50) ? p_.pairs[q].buyer : p_.pairs[q].seller;
      }
      if (p_.pairsOf[who].empty()) continue;
      const long long before = st_.objective();
      const std::size_t mark = st_.mark();
      std::vector<int> touched, removed;
      std::vector<int> people{who};
      // A partner of theirs too, half the time.
      const auto& mine = p_.pairsOf[who];
      if (rng_.chance(50)) {
        const Pair& pr = p_.pairs[mine[rng_.below(static_cast<int>(mine.size()))]];
        people.push_back(pr.buyer == who ? pr.seller : pr.buyer);
      }
      if (rng_.chance(30) && st_.slots() > 1) {
        // Or up to 30 meetings of two neighbouring slots, and the pairs of their people.
        const int t = rng_.below(st_.slots() - 1);
        std::vector<int> there;
        for (int u : {t, t + 1})
          for (int i = 0; i < n; ++i)
            if (st_.at(i, u) >= 0 && p_.pairs[st_.at(i, u)].buyer == i && !st_.frozen(st_.at(i, u)))
              there.push_back(st_.at(i, u));
        people.clear();
        for (int k = 0; k < 30 && !there.empty(); ++k) {
          const int pick = rng_.below(static_cast<int>(there.size()));
          people.push_back(p_.pairs[there[pick]].buyer);
          people.push_back(p_.pairs[there[pick]].seller);
          st_.remove(there[pick]);
          touched.push_back(there[pick]);
          removed.push_back(there[pick]);
          there[pick] = there.back();
          there.pop_back();
        }
        for (int i : people)
          for (int q : p_.pairsOf[i])
            if (!st_.placed(q)) touched.push_back(q);
      } else {
        for (int i : people)
          for (int q : p_.pairsOf[i]) {
            if (st_.placed(q) && !st_.frozen(q)) {
              st_.remove(q);
              removed.push_back(q);
            }
            if (!st_.placed(q)) touched.push_back(q);
          }
      }
      std::sort(touched.begin(), touched.end());
      touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
      std::sort(removed.begin(), removed.end());
      // Heaviest first, ties shuffled for this round.
      std::vector<std::pair<long long, int>> keyed;
      for (int q : touched) keyed.push_back({-static_cast<long long>(p_.pairs[q].weight) * 1024 - rng_.below(1024), q});
      std::sort(keyed.begin(), keyed.end());
      for (auto [k, q] : keyed)
        if (!st_.placed(q)) insertBest(q, -1);
      for (auto [k, q] : keyed)  // the ruined meetings that found no free slot: with moves
        if (!st_.placed(q) && std::binary_search(removed.begin(), removed.end(), q)) insertWithMoves(q, false);
      if (st_.objective() < before) st_.rollback(mark);
      st_.commit();
      if (o_.cancelled && it % 64 == 0 && o_.cancelled()) throw Error(ErrorKind::Refused, "cancelled");
    }
  }

  // Gap compaction: each movable meeting to its best slot, then two meetings of one person swapping
  // slots; kept when the objective improves. Until nothing changes (at most `passes`).
  void compact(int passes) {
    for (int pass = 0; pass < passes; ++pass) {
      bool improved = false;
      for (int q = 0; q < static_cast<int>(p_.pairs.size()); ++q) {
        if (!st_.placed(q) || st_.frozen(q)) continue;
        const long long before = st_.objective();
        const std::size_t mark = st_.mark();
        const int t0 = st_.slotOf(q), k0 = st_.placeOf(q);
        st_.remove(q);
        insertBest(q, t0);
        if (!st_.placed(q)) st_.add(q, t0, k0);
        if (st_.objective() > before)
          improved = true;
        else
          st_.rollback(mark);
        st_.commit();
      }
      for (int i = 0; i < static_cast<int>(p_.people.size()); ++i) {
        const auto& mine = p_.pairsOf[i];
        for (std::size_t a = 0; a < mine.size(); ++a)
          for (std::size_t b = a + 1; b < mine.size(); ++b)
            if (trySwap(mine[a], mine[b])) improved = true;
        // Kempe chains: a meeting of i and the slots of its half-day.
        for (int q : mine) {
          if (!st_.placed(q) || st_.frozen(q)) continue;
          const int t1 = st_.slotOf(q), se = p_.slots[t1].session;
          for (int t2 = 0; t2 < st_.slots(); ++t2)
            if (t2 != t1 && p_.slots[t2].session == se && st_.placed(q) && st_.slotOf(q) == t1 && tryKempe(q, t2))
              improved = true;
        }
      }
      check();
      if (!improved) break;
    }
  }

  Schedule result() const {
    Schedule s;
    for (int q = 0; q < static_cast<int>(p_.pairs.size()); ++q)
      if (st_.placed(q))
        s.meetings.push_back({p_.pairs[q].buyer, p_.pairs[q].seller, st_.slotOf(q), st_.placeOf(q), st_.frozen(q)});
    std::sort(s.meetings.begin(), s.meetings.end(),
              [](const Meeting& a, const Meeting& b) { return std::tie(a.slot, a.place) < std::tie(b.slot, b.place); });
    return s;
  }

  void report(double f) {
    if (o_.progress) o_.progress(std::min(1.0, f));
    check();
  }
  void check() {
    if (o_.cancelled && o_.cancelled()) throw Error(ErrorKind::Refused, "cancelled");
  }

 private:
  std::string name(int i) const { return i >= 0 && i < static_cast<int>(p_.people.size()) ? p_.people[i].name : "?"; }

  std::vector<int> pairsByWeight() const {
    std::vector<int> order(p_.pairs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      if (p_.pairs[a].weight != p_.pairs[b].weight) return p_.pairs[a].weight > p_.pairs[b].weight;
      return tie_[a] < tie_[b];
    });
    return order;
  }

  // q (not placed) in the slot that adds the fewest gaps, prefer slot `keep` on ties, else the
  // earliest; false when no slot has both people free and a place.
  bool insertBest(int q, int keep) {
    int best = -1, bestPlace = -1, bestCost = INT_MAX;
    for (int t = 0; t < st_.slots(); ++t) {
      if (!st_.peopleFree(q, t)) continue;
      const int cost = st_.gapDelta(q, t);
      if (cost > bestCost || (cost == bestCost && t != keep)) continue;
      const int k = st_.findPlace(q, t);
      if (k < 0) continue;
      best = t;
      bestPlace = k;
      bestCost = cost;
    }
    if (best < 0) return false;
    st_.add(q, best, bestPlace);
    return true;
  }

  // q (not placed) at some slot after moving the meetings in its way (the buyer's and the seller's
  // at that slot, or one table's holder when no place is free) to another slot; with `eject`, a
  // meeting that cannot move is dropped (it comes back to the queue of pairs left out). Each slot is
  // tried and undone; the move is redone at the slot that improves the objective most.
  bool insertWithMoves(int q, bool eject) {
    const long long before = st_.objective();
    long long bestGain = 0;
    int bestSlot = -1;
    for (int t = 0; t < st_.slots(); ++t) {
      const std::size_t mark = st_.mark();
      const bool done = tryAt(q, t, eject);
      const long long gain = st_.objective() - before;
      st_.rollback(mark);
      if (done && gain > bestGain) {
        bestGain = gain;
        bestSlot = t;
      }
    }
    if (bestSlot < 0) return false;
    const std::size_t mark = st_.mark();
    if (tryAt(q, bestSlot, eject)) return true;
    st_.rollback(mark);
    return false;
  }

  // Two meetings of one person in one half-day exchange their slots (each finds a place at its new
  // slot); kept when the objective improves.
  bool trySwap(int a, int b) {
    if (!st_.placed(a) || !st_.placed(b) || st_.frozen(a) || st_.frozen(b)) return false;
    const int ta = st_.slotOf(a), tb = st_.slotOf(b);
    if (p_.slots[ta].session != p_.slots[tb].session) return false;
    const long long before = st_.objective();
    const std::size_t mark = st_.mark();
    st_.remove(a);
    st_.remove(b);
    bool ok = st_.peopleFree(a, tb);
    int k = ok ? st_.findPlace(a, tb) : -1;
    if (k >= 0) st_.add(a, tb, k);
    ok = k >= 0 && st_.peopleFree(b, ta);
    k = ok ? st_.findPlace(b, ta) : -1;
    if (k >= 0) st_.add(b, ta, k);
    if (k >= 0 && st_.objective() > before) {
      st_.commit();
      return true;
    }
    st_.rollback(mark);
    st_.commit();
    return false;
  }

  // The Kempe chain of meeting q between its slot t1 and t2 (same half-day): the meetings of t1 and
  // t2 linked to q through shared people all exchange their slots; each finds a place at its new slot.
  // People stay free in both (a chain is closed under shared people) and present (one half-day); kept
  // when the objective improves. Chains of more than 64 meetings are not tried.
  bool tryKempe(int q, int t2) {
    const int t1 = st_.slotOf(q);
    std::vector<int> chain{q};
    for (std::size_t n = 0; n < chain.size(); ++n) {
      const Pair& pr = p_.pairs[chain[n]];
      const int other = st_.slotOf(chain[n]) == t1 ? t2 : t1;
      for (int i : {pr.buyer, pr.seller}) {
        const int m = st_.at(i, other);
        if (m >= 0 && std::find(chain.begin(), chain.end(), m) == chain.end()) {
          if (st_.frozen(m) || chain.size() >= 64) return false;
          chain.push_back(m);
        }
      }
    }
    const long long before = st_.objective();
    const std::size_t mark = st_.mark();
    std::vector<int> from(chain.size());
    for (std::size_t n = 0; n < chain.size(); ++n) {
      from[n] = st_.slotOf(chain[n]);
      st_.remove(chain[n]);
    }
    bool ok = true;
    for (std::size_t n = 0; n < chain.size() && ok; ++n) {
      const int t = from[n] == t1 ? t2 : t1;
      const int k = st_.peopleFree(chain[n], t) ? st_.findPlace(chain[n], t) : -1;
      if (k < 0)
        ok = false;
      else
        st_.add(chain[n], t, k);
    }
    if (ok && st_.objective() > before) {
      st_.commit();
      return true;
    }
    st_.rollback(mark);
    st_.commit();
    return false;
  }

  bool tryAt(int q, int t, bool eject) {
    const Pair& pr = p_.pairs[q];
    const int s = p_.slots[t].session;
    if (!p_.people[pr.buyer].availableIn(s) || !p_.people[pr.seller].availableIn(s)) return false;
    const int mostB = p_.people[pr.buyer].max_meetings, mostS = p_.people[pr.seller].max_meetings;
    const int bq = st_.at(pr.buyer, t), sq = st_.at(pr.seller, t);
    if ((mostB > 0 && st_.count(pr.buyer) - (bq >= 0) >= mostB) ||
        (mostS > 0 && st_.count(pr.seller) - (sq >= 0) >= mostS))
      return false;
    if ((bq >= 0 && st_.frozen(bq)) || (sq >= 0 && st_.frozen(sq))) return false;
    int moved[2] = {-1, -1}, nm = 0;
    for (int b : {bq, sq})
      if (b >= 0) {
        moved[nm++] = b;
        st_.remove(b);
      }
    int k = st_.findPlace(q, t);
    if (k < 0) {
      // Free a table: move the holder of the first table q could use at t to another slot.
      for (int cand : p_.tables) {
        const int h = st_.holder(cand, t);
        if (h < 0 || st_.frozen(h) || !st_.walkOk(pr.buyer, t, cand) || !st_.walkOk(pr.seller, t, cand)) continue;
        st_.remove(h);
        st_.add(q, t, cand);  // holds the table while h looks for another slot
        const bool rehomed = insertBest(h, -1);
        st_.remove(q);
        if (!rehomed) return false;
        k = cand;
        break;
      }
      if (k < 0) return false;
    }
    st_.add(q, t, k);
    for (int n = 0; n < nm; ++n)
      if (!insertBest(moved[n], -1) && !eject) return false;
    return true;
  }

  const Problem& p_;
  const SchedulerOptions& o_;
  State st_;
  Rng rng_;
  std::vector<std::uint64_t> tie_;
};

}  // namespace

ScheduleResult schedule(const Problem& problem, const std::vector<Meeting>& previous, const SchedulerOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  Scheduler s(problem, options);
  s.report(0);
  s.seed(previous);
  s.greedy();
  s.repair(3, 0.3, 0.5);
  s.search(0.5, 0.9);
  s.repair(1, 0.9, 0.95);
  s.compact(4);
  s.fill();
  s.report(1);
  ScheduleResult r;
  r.schedule = s.result();
  r.unplaced = unplacedReasons(problem, r.schedule);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

ScheduleResult firstFitSchedule(const Problem& problem) {
  const auto t0 = std::chrono::steady_clock::now();
  State st(problem);
  for (int q = 0; q < static_cast<int>(problem.pairs.size()); ++q)
    for (int t = 0; t < st.slots(); ++t) {
      if (!st.peopleFree(q, t)) continue;
      const int k = st.findPlace(q, t, true);
      if (k < 0) continue;
      st.add(q, t, k);
      break;
    }
  ScheduleResult r;
  for (int q = 0; q < static_cast<int>(problem.pairs.size()); ++q)
    if (st.placed(q))
      r.schedule.meetings.push_back({problem.pairs[q].buyer, problem.pairs[q].seller, st.slotOf(q), st.placeOf(q)});
  r.unplaced = unplacedReasons(problem, r.schedule);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

std::vector<Unplaced> unplacedReasons(const Problem& problem, const Schedule& schedule) {
  const int S = problem.slotCount();
  const int n = static_cast<int>(problem.people.size());
  std::vector<int> count(n, 0);
  std::vector<std::vector<int>> busy(n, std::vector<int>(S, -1));  // meeting index
  std::vector<std::vector<int>> used(problem.places.size(), std::vector<int>(S, 0));
  std::vector<bool> done(problem.pairs.size(), false);
  std::vector<std::vector<std::pair<int, int>>> bySeller(n);
  for (int q = 0; q < static_cast<int>(problem.pairs.size()); ++q)
    bySeller[problem.pairs[q].seller].push_back({problem.pairs[q].buyer, q});
  for (int m = 0; m < static_cast<int>(schedule.meetings.size()); ++m) {
    const Meeting& mt = schedule.meetings[m];
    ++count[mt.buyer];
    ++count[mt.seller];
    busy[mt.buyer][mt.slot] = busy[mt.seller][mt.slot] = m;
    used[mt.place][mt.slot] = 1;
    for (auto [b, q] : bySeller[mt.seller])
      if (b == mt.buyer) done[q] = true;
  }
  auto walkOk = [&](int i, int t, int k) {
    for (int u : {t, t + 1}) {
      const double r = problem.reachBefore(u);
      if (r < 0) continue;
      const int other = u == t ? t - 1 : t + 1;
      const int m = busy[i][other];
      if (m >= 0 && problem.distance(schedule.meetings[m].place, k) > r + 1e-9) return false;
    }
    return true;
  };
  std::vector<Unplaced> out;
  for (int q = 0; q < static_cast<int>(problem.pairs.size()); ++q) {
    if (done[q]) continue;
    const Pair& pr = problem.pairs[q];
    const Participant& b = problem.people[pr.buyer];
    const Participant& s = problem.people[pr.seller];
    bool common = false, bothFree = false, placeFree = false;
    for (int t = 0; t < S; ++t) {
      const int se = problem.slots[t].session;
      if (!b.availableIn(se) || !s.availableIn(se)) continue;
      common = true;
      if (busy[pr.buyer][t] >= 0 || busy[pr.seller][t] >= 0) continue;
      bothFree = true;
      for (const auto* ks : {&problem.tables, &problem.boothsOf[pr.seller]})
        for (int k : *ks)
          if (!placeFree && !used[k][t] && walkOk(pr.buyer, t, k) && walkOk(pr.seller, t, k)) placeFree = true;
    }
    std::string reason;
    if (!common)
      reason = "no_common_slot";
    else if ((b.max_meetings > 0 && count[pr.buyer] >= b.max_meetings) ||
             (s.max_meetings > 0 && count[pr.seller] >= s.max_meetings))
      reason = "maximum_reached";
    else if (!bothFree)
      reason = "both_busy";
    else if (!placeFree) {
      // Some free place at a common free slot, but too far to walk: walking; none at all: capacity.
      bool anyPlace = false;
      for (int t = 0; t < S && !anyPlace; ++t) {
        const int se = problem.slots[t].session;
        if (!b.availableIn(se) || !s.availableIn(se) || busy[pr.buyer][t] >= 0 || busy[pr.seller][t] >= 0) continue;
        for (const auto* ks : {&problem.tables, &problem.boothsOf[pr.seller]})
          for (int k : *ks)
            if (!used[k][t]) anyPlace = true;
      }
      reason = anyPlace ? "walking" : "place_capacity";
    } else {
      reason = "free_slot";  // a slot and a place were free: the schedule could take it
    }
    out.push_back({q, reason});
  }
  return out;
}

}  // namespace moussem::b2b
