// The B2B model as an LP file (see lp_export.hpp).
#include "b2b/lp_export.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace moussem::b2b {

namespace {

// One linear row, broken every eight terms (LP readers limit line lengths).
class Row {
 public:
  Row(std::ostream& out, const std::string& name) : out_(out) { out_ << " " << name << ":"; }
  void term(long long c, const std::string& var) {
    out_ << (c < 0 ? " - " : " + ");
    if (std::llabs(c) != 1) out_ << std::llabs(c) << " ";
    out_ << var;
    if (++n_ % 8 == 0) out_ << "\n ";
  }
  int terms() const { return n_; }

 private:
  std::ostream& out_;
  int n_ = 0;
};

std::string xName(int q, int t, int g) {
  return "x" + std::to_string(q) + "_" + std::to_string(t) + "_" + std::to_string(g);
}
std::string mName(int i, int t) {
  return "m" + std::to_string(i) + "_" + std::to_string(t);
}

}  // namespace

LpStats writeLp(const Problem& p, std::ostream& out, const LpOptions& options, const std::vector<Meeting>& frozen) {
  LpStats st;
  st.exact = true;
  const int S = p.slotCount();
  const int n = static_cast<int>(p.people.size());
  const int nPairs = static_cast<int>(p.pairs.size());
  // LP places: each place (exact), or the pool of tables then the booths.
  std::vector<int> groupOf(p.places.size());
  std::vector<std::vector<int>> members;
  std::vector<int> capacity;
  const bool pool = options.pool_tables && !p.tables.empty();
  if (pool) {
    members.push_back(p.tables);
    capacity.push_back(static_cast<int>(p.tables.size()));
    for (int k : p.tables) groupOf[k] = 0;
  }
  for (int k = 0; k < static_cast<int>(p.places.size()); ++k) {
    if (pool && !p.places[k].booth) continue;
    groupOf[k] = static_cast<int>(members.size());
    members.push_back({k});
    capacity.push_back(1);
  }
  const int G = static_cast<int>(members.size());
  auto groupDistance = [&](int a, int b) {
    double d = std::numeric_limits<double>::infinity();
    for (int x : members[a])
      for (int y : members[b]) d = std::min(d, x == y ? 0.0 : p.distance(x, y));
    return d;
  };
  // The pool is exact when the walking rule cannot tell tables apart: tables within every reach of
  // each other, and each booth either within a reach of every table or of none.
  if (pool) {
    std::vector<double> reaches;
    for (int t = 0; t < S; ++t)
      if (p.reachBefore(t) >= 0) reaches.push_back(p.reachBefore(t));
    for (double r : reaches) {
      for (int a : p.tables)
        for (int b : p.tables)
          if (p.distance(a, b) > r + 1e-9) st.exact = false;
      for (int k = 0; k < static_cast<int>(p.places.size()); ++k) {
        if (!p.places[k].booth) continue;
        bool near = false, far = false;
        for (int a : p.tables) (p.distance(a, k) > r + 1e-9 ? far : near) = true;
        if (near && far) st.exact = false;
      }
      if (!st.exact) break;
    }
  }
  std::vector<double> dist(static_cast<std::size_t>(G) * G);
  for (int a = 0; a < G; ++a)
    for (int b = a; b < G; ++b) dist[a * G + b] = dist[b * G + a] = groupDistance(a, b);
  // Groups a pair may use: every table (or the pool) and its seller organisation's booths.
  std::vector<int> tableGroups;
  for (int g = 0; g < G; ++g)
    if (!p.places[members[g][0]].booth) tableGroups.push_back(g);
  auto groupsOf = [&](int q) {
    std::vector<int> gs = tableGroups;
    for (int k : p.boothsOf[p.pairs[q].seller]) gs.push_back(groupOf[k]);
    return gs;
  };
  // Variables by person and slot, by group and slot.
  struct X {
    int q, g;
  };
  std::vector<std::vector<X>> atSlot(S);
  std::vector<char> hasM(static_cast<std::size_t>(n) * S, 0);
  for (int q = 0; q < nPairs; ++q) {
    const Pair& pr = p.pairs[q];
    const auto gs = groupsOf(q);
    for (int t = 0; t < S; ++t) {
      const int se = p.slots[t].session;
      if (!p.people[pr.buyer].availableIn(se) || !p.people[pr.seller].availableIn(se)) continue;
      for (int g : gs) atSlot[t].push_back({q, g});
      hasM[static_cast<std::size_t>(pr.buyer) * S + t] = hasM[static_cast<std::size_t>(pr.seller) * S + t] = 1;
    }
  }
  const Lexicographic& lex = p.lex;
  out << "\\ Moussem B2B schedule: " << n << " participants, " << nPairs << " granted pairs, " << S << " slots, "
      << p.places.size() << " places" << (pool ? " (tables pooled)" : "") << (st.exact ? ", exact" : ", a relaxation")
      << "\n";
  out << "\\ objective = " << lex.weight_factor << " x weight - " << lex.gap_factor
      << " x idle gaps + participants with a meeting (lexicographic)\n";
  out << "Maximize\n";
  {
    Row obj(out, "obj");
    for (int t = 0; t < S; ++t)
      for (const X& x : atSlot[t]) obj.term(lex.weight_factor * p.pairs[x.q].weight, xName(x.q, t, x.g));
    for (int i = 0; i < n; ++i) {
      if (p.pairsOf[i].empty()) continue;
      bool any = false;
      for (int t = 0; t < S; ++t)
        if (hasM[static_cast<std::size_t>(i) * S + t]) {
          obj.term(-lex.gap_factor, "s" + std::to_string(i) + "_" + std::to_string(t));
          any = true;
        }
      for (int h = 0; h < static_cast<int>(p.sessions.size()); ++h)
        for (int t = 0; t < S; ++t)
          if (p.slots[t].session == h && hasM[static_cast<std::size_t>(i) * S + t]) {
            obj.term(lex.gap_factor, "a" + std::to_string(i) + "_" + std::to_string(h));
            break;
          }
      if (any) obj.term(1, "f" + std::to_string(i));
    }
    if (obj.terms() == 0) out << " 0 x_none";
    out << "\n";
  }
  out << "Subject To\n";
  // Each pair at most once.
  std::vector<std::vector<std::pair<int, int>>> ofPair(nPairs);  // (t, g)
  for (int t = 0; t < S; ++t)
    for (const X& x : atSlot[t]) ofPair[x.q].push_back({t, x.g});
  for (int q = 0; q < nPairs; ++q) {
    if (ofPair[q].empty()) continue;
    Row r(out, "p" + std::to_string(q));
    for (auto [t, g] : ofPair[q]) r.term(1, xName(q, t, g));
    out << " <= 1\n";
    ++st.constraints;
    st.variables += static_cast<long long>(ofPair[q].size());
  }
  // m<i>_<t> = the person's meetings at t (at most one: its bound); place capacity per slot.
  for (int t = 0; t < S; ++t) {
    std::vector<std::vector<X>> byPerson(n);
    std::vector<std::vector<int>> byGroup(G);
    for (const X& x : atSlot[t]) {
      byPerson[p.pairs[x.q].buyer].push_back(x);
      byPerson[p.pairs[x.q].seller].push_back(x);
      byGroup[x.g].push_back(x.q);
    }
    for (int i = 0; i < n; ++i) {
      if (byPerson[i].empty()) continue;
      Row r(out, "d" + std::to_string(i) + "_" + std::to_string(t));
      r.term(1, mName(i, t));
      for (const X& x : byPerson[i]) r.term(-1, xName(x.q, t, x.g));
      out << " = 0\n";
      ++st.constraints;
    }
    for (int g = 0; g < G; ++g) {
      if (static_cast<int>(byGroup[g].size()) <= capacity[g]) continue;
      Row r(out, "c" + std::to_string(g) + "_" + std::to_string(t));
      for (int q : byGroup[g]) r.term(1, xName(q, t, g));
      out << " <= " << capacity[g] << "\n";
      ++st.constraints;
    }
    // Walking: i at place a in t-1 and at a place too far from a in t.
    const double reach = p.reachBefore(t);
    if (reach < 0) continue;
    std::vector<std::vector<X>> before(n);
    for (const X& x : atSlot[t - 1]) {
      before[p.pairs[x.q].buyer].push_back(x);
      before[p.pairs[x.q].seller].push_back(x);
    }
    for (int i = 0; i < n; ++i) {
      if (before[i].empty() || byPerson[i].empty()) continue;
      std::vector<int> groups;
      for (const X& x : before[i]) groups.push_back(x.g);
      std::sort(groups.begin(), groups.end());
      groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
      for (int a : groups) {
        std::vector<X> far;
        for (const X& x : byPerson[i])
          if (dist[a * G + x.g] > reach + 1e-9) far.push_back(x);
        if (far.empty()) continue;
        Row r(out, "w" + std::to_string(i) + "_" + std::to_string(t) + "_" + std::to_string(a));
        for (const X& x : before[i])
          if (x.g == a) r.term(1, xName(x.q, t - 1, a));
        for (const X& x : far) r.term(1, xName(x.q, t, x.g));
        out << " <= 1\n";
        ++st.constraints;
      }
    }
  }
  // Maxima, runs of meetings, half-days and the fair share.
  for (int i = 0; i < n; ++i) {
    if (p.pairsOf[i].empty()) continue;
    std::vector<int> ts;
    for (int t = 0; t < S; ++t)
      if (hasM[static_cast<std::size_t>(i) * S + t]) ts.push_back(t);
    if (ts.empty()) continue;
    const int most = p.people[i].max_meetings;
    if (most > 0 && most < static_cast<int>(ts.size())) {
      Row r(out, "u" + std::to_string(i));
      for (int t : ts) r.term(1, mName(i, t));
      out << " <= " << most << "\n";
      ++st.constraints;
    }
    for (int t : ts) {  // s_t >= m_t - m_(t-1)
      Row r(out, "g" + std::to_string(i) + "_" + std::to_string(t));
      r.term(1, "s" + std::to_string(i) + "_" + std::to_string(t));
      r.term(-1, mName(i, t));
      if (p.reachBefore(t) >= 0 && hasM[static_cast<std::size_t>(i) * S + t - 1]) r.term(1, mName(i, t - 1));
      out << " >= 0\n";
      ++st.constraints;
    }
    for (int h = 0; h < static_cast<int>(p.sessions.size()); ++h) {
      bool any = false;
      for (int t : ts) any = any || p.slots[t].session == h;
      if (!any) continue;
      Row r(out, "h" + std::to_string(i) + "_" + std::to_string(h));
      r.term(1, "a" + std::to_string(i) + "_" + std::to_string(h));
      for (int t : ts)
        if (p.slots[t].session == h) r.term(-1, mName(i, t));
      out << " <= 0\n";
      ++st.constraints;
    }
    Row r(out, "e" + std::to_string(i));
    r.term(1, "f" + std::to_string(i));
    for (int t : ts) r.term(-1, mName(i, t));
    out << " <= 0\n";
    ++st.constraints;
  }
  out << "Bounds\n";
  for (int i = 0; i < n; ++i) {
    if (p.pairsOf[i].empty()) continue;
    bool any = false;
    for (int t = 0; t < S; ++t)
      if (hasM[static_cast<std::size_t>(i) * S + t]) {
        out << " 0 <= " << mName(i, t) << " <= 1\n 0 <= s" << i << "_" << t << " <= 1\n";
        st.variables += 2;
        any = true;
      }
    for (int h = 0; h < static_cast<int>(p.sessions.size()); ++h)
      for (int t = 0; t < S; ++t)
        if (p.slots[t].session == h && hasM[static_cast<std::size_t>(i) * S + t]) {
          out << " 0 <= a" << i << "_" << h << " <= 1\n";
          ++st.variables;
          break;
        }
    if (any) {
      out << " 0 <= f" << i << " <= 1\n";
      ++st.variables;
    }
  }
  // Frozen meetings: their variable fixed to 1.
  for (const Meeting& m : frozen)
    for (int q : p.pairsOf.empty() || m.buyer < 0 || m.buyer >= n ? std::vector<int>{} : p.pairsOf[m.buyer])
      if (p.pairs[q].seller == m.seller && m.place >= 0 && m.place < static_cast<int>(p.places.size()))
        out << " " << xName(q, m.slot, groupOf[m.place]) << " = 1\n";
  out << "Binary\n";
  for (int t = 0; t < S; ++t) {
    int k = 0;
    for (const X& x : atSlot[t]) out << (k++ % 8 == 0 ? "\n " : " ") << xName(x.q, t, x.g);
  }
  // m, s, a and f are 0/1 at any integer x: declared binary too, so that every term of the objective
  // is an integer and CBC can close its gap (its bound rounds down to an integer objective).
  int k = 0;
  for (int i = 0; i < n; ++i) {
    if (p.pairsOf[i].empty()) continue;
    bool any = false;
    for (int t = 0; t < S; ++t)
      if (hasM[static_cast<std::size_t>(i) * S + t]) {
        out << (k++ % 8 == 0 ? "\n " : " ") << mName(i, t) << " s" << i << "_" << t;
        any = true;
      }
    for (int h = 0; h < static_cast<int>(p.sessions.size()); ++h)
      for (int t = 0; t < S; ++t)
        if (p.slots[t].session == h && hasM[static_cast<std::size_t>(i) * S + t]) {
          out << " a" << i << "_" << h;
          break;
        }
    if (any) out << " f" << i;
  }
  out << "\nEnd\n";
  return st;
}

}  // namespace moussem::b2b
