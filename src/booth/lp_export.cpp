// LP export of the allocation problem (see lp_export.hpp). Constraints:
//   each exhibitor at most one booth; each booth at most one exhibitor;
//   z(b1,b2,s) <= sum of x of sector s in b1, and likewise in b2 (clustering pairs);
//   z(b1,b2,s) <= sum of x of sector s in b1 or b2 other than exhibitor e, for every e of sector s
//     that fits both booths (an exhibitor is never its own neighbour: without these rows the LP
//     relaxation splits one exhibitor over two adjacent booths and earns the pair; same integer model;
//     written only up to kMaxSelfRows of them);
//   sector density: for each sector and connected group of its clustering pairs, the pairs earned
//     are at most what the densest set of booths of that size could earn (see below);
//   competitors e, o and booth b that fits e: x(e,b) + sum over b' near b of x(o,b') <= 1.
// Untouchable booths and their exhibitors are constants and stay out, as in scoreOf().
#include "booth/lp_export.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <string>
#include <vector>

namespace moussem::booth {

namespace {

// Writes "+ c name" terms, a few per line (LP readers dislike very long lines).
class Terms {
 public:
  explicit Terms(std::ostream& out) : out_(out) {}
  void add(long long coefficient, const std::string& name) {
    if (coefficient == 0) return;
    out_ << (coefficient < 0 ? " - " : " + ");
    const long long a = coefficient < 0 ? -coefficient : coefficient;
    if (a != 1) out_ << a << ' ';
    out_ << name;
    if (++count_ % 8 == 0) out_ << "\n ";
  }
  int count() const { return count_; }

 private:
  std::ostream& out_;
  int count_ = 0;
};

constexpr long long kMaxSelfRows = 20000;

// Variable names built by appending (GCC 12 warns falsely about "x" + std::to_string(...)).
std::string x(int e, int b) {
  std::string name(1, 'x');
  name += std::to_string(e);
  name += '_';
  name += std::to_string(b);
  return name;
}
std::string z(std::size_t k) {
  std::string name(1, 'z');
  name += std::to_string(k);
  return name;
}

// Profile dynamic programming along a vertex order: the states are the choices made on the "frontier"
// (vertices already decided that still have an undecided neighbour) and the count chosen so far.
// Returns the exact maximum edge counts, or an empty vector when the frontier grows beyond kMaxFrontier.
constexpr int kMaxFrontier = 14;

std::vector<int> densestByProfile(const std::vector<std::vector<int>>& adj, const std::vector<int>& order,
                                  int maxSize) {
  const int n = static_cast<int>(adj.size());
  std::vector<int> pos(n);
  for (int i = 0; i < n; ++i) pos[order[i]] = i;
  std::vector<int> last(n);
  for (int v = 0; v < n; ++v) {
    last[v] = pos[v];
    for (int u : adj[v]) last[v] = std::max(last[v], pos[u]);
  }
  constexpr int kNone = -1;
  std::vector<int> frontier;  // vertices, bit i of a state = frontier[i] chosen
  std::map<unsigned, std::vector<int>> states{{0u, std::vector<int>(maxSize + 1, kNone)}};
  states[0][0] = 0;
  for (int i = 0; i < n; ++i) {
    const int v = order[i];
    unsigned nbMask = 0;
    for (std::size_t f = 0; f < frontier.size(); ++f)
      if (std::binary_search(adj[v].begin(), adj[v].end(), frontier[f])) nbMask |= 1u << f;
    // v joins the frontier as the last bit; then vertices whose last neighbour is v leave it.
    const unsigned vBit = 1u << frontier.size();
    std::map<unsigned, std::vector<int>> next;
    for (const auto& [mask, best] : states) {
      auto& out0 = next.try_emplace(mask, maxSize + 1, kNone).first->second;
      for (int m = 0; m <= maxSize; ++m) out0[m] = std::max(out0[m], best[m]);
      auto& out1 = next.try_emplace(mask | vBit, maxSize + 1, kNone).first->second;
      const int gain = std::popcount(mask & nbMask);
      for (int m = 0; m < maxSize; ++m)
        if (best[m] != kNone) out1[m + 1] = std::max(out1[m + 1], best[m] + gain);
    }
    frontier.push_back(v);
    std::vector<int> keep;
    for (std::size_t f = 0; f < frontier.size(); ++f)
      if (last[frontier[f]] > i) keep.push_back(static_cast<int>(f));
    if (static_cast<int>(keep.size()) > kMaxFrontier) return {};
    states.clear();
    for (const auto& [mask, best] : next) {
      unsigned m2 = 0;
      for (std::size_t k = 0; k < keep.size(); ++k)
        if (mask & (1u << keep[k])) m2 |= 1u << k;
      auto& out = states.try_emplace(m2, maxSize + 1, kNone).first->second;
      for (int m = 0; m <= maxSize; ++m) out[m] = std::max(out[m], best[m]);
    }
    std::vector<int> kept;
    for (int k : keep) kept.push_back(frontier[k]);
    frontier = kept;
  }
  std::vector<int> result(maxSize + 1, 0);
  for (const auto& [mask, best] : states)
    for (int m = 0; m <= maxSize; ++m) result[m] = std::max(result[m], best[m]);
  for (int m = 1; m <= maxSize; ++m) result[m] = std::max(result[m], result[m - 1]);
  return result;
}

}  // namespace

std::vector<int> densestSubgraphEdges(const std::vector<std::vector<int>>& adj, const std::vector<Rect>& where,
                                      int maxSize) {
  const int n = static_cast<int>(adj.size());
  maxSize = std::clamp(maxSize, 0, n);
  // Orders that keep the frontier small on rows of booths: left to right, top to bottom.
  std::vector<int> byX(n), byY(n);
  for (int v = 0; v < n; ++v) byX[v] = byY[v] = v;
  std::sort(byX.begin(), byX.end(), [&](int a, int b) {
    return std::pair(where[a].x + where[a].w / 2, where[a].y) < std::pair(where[b].x + where[b].w / 2, where[b].y);
  });
  std::sort(byY.begin(), byY.end(), [&](int a, int b) {
    return std::pair(where[a].y + where[a].h / 2, where[a].x) < std::pair(where[b].y + where[b].h / 2, where[b].x);
  });
  for (const auto* order : {&byX, &byY})
    if (auto exact = densestByProfile(adj, *order, maxSize); !exact.empty()) return exact;
  // Too wide for the dynamic programming: a valid bound (half the largest degrees, pairs, all edges).
  std::vector<int> degree(n);
  long long edges = 0;
  for (int v = 0; v < n; ++v) edges += static_cast<long long>(degree[v] = static_cast<int>(adj[v].size()));
  edges /= 2;
  std::sort(degree.rbegin(), degree.rend());
  std::vector<int> result(maxSize + 1, 0);
  long long sum = 0;
  for (int m = 1; m <= maxSize; ++m) {
    sum += degree[m - 1];
    result[m] = static_cast<int>(std::min({sum / 2, static_cast<long long>(m) * (m - 1) / 2, edges}));
  }
  return result;
}

LpStats writeLp(const Problem& p, std::ostream& out) {
  LpStats stats;
  const int E = static_cast<int>(p.exhibitors.size()), B = static_cast<int>(p.booths.size());
  std::vector<std::vector<int>> fitOf(E), inBooth(B);
  for (int e = 0; e < E; ++e) {
    if (!p.exhibitors[e].wantsBooth || p.exhibitors[e].fixedBooth >= 0) continue;
    for (int b = 0; b < B; ++b)
      if (p.fits(e, b)) {
        fitOf[e].push_back(b);
        inBooth[b].push_back(e);
      }
  }
  // Clustering pairs: adjacent movable booths and a sector that could hold both.
  struct Pair {
    int b1, b2, sector;
  };
  std::vector<Pair> pairs;
  for (int b1 = 0; b1 < B; ++b1) {
    if (!p.booths[b1].movable) continue;
    for (int b2 : p.adjacent[b1]) {
      if (b2 <= b1 || !p.booths[b2].movable) continue;
      std::vector<char> s1(p.sectorCount, 0), s2(p.sectorCount, 0);
      for (int e : inBooth[b1]) s1[p.sectorOf[e]] = 1;
      for (int e : inBooth[b2]) s2[p.sectorOf[e]] = 1;
      for (int s = 0; s < p.sectorCount; ++s) {
        if (!s1[s] || !s2[s]) continue;
        // Only one exhibitor of the sector could hold either booth: the pair can never be earned.
        int first = -1;
        bool two = false;
        for (int b : {b1, b2})
          for (int e : inBooth[b])
            if (p.sectorOf[e] == s) {
              if (first < 0)
                first = e;
              else if (e != first)
                two = true;
            }
        if (two) pairs.push_back({b1, b2, s});
      }
    }
  }

  out << "\\ Moussem booth allocation: " << E << " exhibitors, " << B << " booths\n";
  out << "Maximize\n obj:";
  {
    Terms t(out);
    for (int e = 0; e < E; ++e)
      for (int b : fitOf[e]) t.add(p.linear(e, b), x(e, b));
    for (std::size_t k = 0; k < pairs.size(); ++k) t.add(p.settings.cluster, z(k));
    if (t.count() == 0) out << " 0 x_none";
  }
  out << "\nSubject To\n";
  for (int e = 0; e < E; ++e) {
    if (fitOf[e].size() < 2) continue;
    out << " e" << e << ":";
    Terms t(out);
    for (int b : fitOf[e]) t.add(1, x(e, b));
    out << " <= 1\n";
    ++stats.constraints;
  }
  for (int b = 0; b < B; ++b) {
    if (inBooth[b].size() < 2) continue;
    out << " b" << b << ":";
    Terms t(out);
    for (int e : inBooth[b]) t.add(1, x(e, b));
    out << " <= 1\n";
    ++stats.constraints;
  }
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    for (int side = 0; side < 2; ++side) {
      const int b = side == 0 ? pairs[k].b1 : pairs[k].b2;
      out << " c" << k << (side == 0 ? "a" : "b") << ": z" << k;
      Terms t(out);
      for (int e : inBooth[b])
        if (p.sectorOf[e] == pairs[k].sector) t.add(-1, x(e, b));
      out << " <= 0\n";
      ++stats.constraints;
    }
  }
  // Self-exclusion rows: for e of the pair's sector that fits both booths. They tighten the
  // relaxation by a few tenths of a percent but slow its solution down a lot, so only on problems
  // small enough for CBC to search a tree in minutes (about 100 exhibitors and fewer).
  long long selfRows = 0;
  for (const auto& pr : pairs)
    for (int e : inBooth[pr.b1])
      if (p.sectorOf[e] == pr.sector && std::binary_search(inBooth[pr.b2].begin(), inBooth[pr.b2].end(), e)) ++selfRows;
  for (std::size_t k = 0; k < pairs.size() && selfRows <= kMaxSelfRows; ++k) {
    const auto& pr = pairs[k];
    for (int e : inBooth[pr.b1]) {
      if (p.sectorOf[e] != pr.sector) continue;
      if (!std::binary_search(inBooth[pr.b2].begin(), inBooth[pr.b2].end(), e)) continue;  // sorted by e
      out << " s" << k << "_" << e << ": z" << k;
      Terms t(out);
      for (int b : {pr.b1, pr.b2})
        for (int f : inBooth[b])
          if (f != e && p.sectorOf[f] == pr.sector) t.add(-1, x(f, b));
      out << " <= 0\n";
      ++stats.constraints;
    }
  }
  // Sector density rows. Take the graph of sector s's clustering pairs and one of its connected
  // components C. In any integer allocation the booths of C held by sector s form a set S of at most
  // k = min(|C|, exhibitors of s that fit a booth of C) booths, and the pairs earned in C are at most
  // the edges inside S: at most d(|S|), d(m) being the most edges any m booths of C have among
  // themselves (computed exactly). Hence sum z <= d(k) and sum z <= (d(m*)/m*) |S| with m* the m <= k
  // of densest d(m)/m, |S| being the x of sector s in C. Over all components, sum z <= D(k_s) with D
  // the best split of k_s exhibitors among the components. The relaxation otherwise mixes sectors in
  // every booth so that each sector earns the density of the whole row, which no set of k booths has.
  // Star rows: a booth held by sector s has at most (exhibitors of s that fit the group) - 1 neighbours
  // of the same sector, so the pairs around it are at most that many times its x of sector s.
  for (int s = 0; s < p.sectorCount; ++s) {
    std::vector<int> local(B, -1), vertices;
    std::vector<std::vector<int>> adj;
    std::vector<std::pair<int, int>> edges;  // local ends, per pair of sector s
    std::vector<std::size_t> pairOf;
    std::vector<std::vector<std::size_t>> incident;  // local vertex -> its pairs
    auto id = [&](int b) {
      if (local[b] < 0) {
        local[b] = static_cast<int>(vertices.size());
        vertices.push_back(b);
        adj.emplace_back();
      }
      return local[b];
    };
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (pairs[k].sector != s) continue;
      const int u = id(pairs[k].b1), v = id(pairs[k].b2);
      adj[u].push_back(v);
      adj[v].push_back(u);
      edges.emplace_back(u, v);
      pairOf.push_back(k);
      incident.resize(vertices.size());
      incident[u].push_back(k);
      incident[v].push_back(k);
    }
    if (edges.empty()) continue;
    const int V = static_cast<int>(vertices.size());
    for (auto& a : adj) std::sort(a.begin(), a.end());
    std::vector<int> comp(V, -1);
    int components = 0;
    for (int v0 = 0; v0 < V; ++v0) {
      if (comp[v0] >= 0) continue;
      std::vector<int> stack{v0};
      comp[v0] = components;
      while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int u : adj[v])
          if (comp[u] < 0) {
            comp[u] = components;
            stack.push_back(u);
          }
      }
      ++components;
    }
    std::vector<char> sectorSeen(E, 0);
    int sectorFits = 0;
    std::vector<std::vector<int>> best;  // per component: d(m) for m <= k of the component
    for (int c = 0; c < components; ++c) {
      std::vector<int> members, index(V, -1);
      for (int v = 0; v < V; ++v)
        if (comp[v] == c) {
          index[v] = static_cast<int>(members.size());
          members.push_back(v);
        }
      std::vector<char> seen(E, 0);
      int fitting = 0;
      for (int v : members)
        for (int e : inBooth[vertices[v]])
          if (p.sectorOf[e] == s) {
            if (!seen[e]) ++fitting;
            seen[e] = 1;
            if (!sectorSeen[e]) ++sectorFits;
            sectorSeen[e] = 1;
          }
      std::vector<std::vector<int>> subAdj(members.size());
      std::vector<Rect> where(members.size());
      for (std::size_t i = 0; i < members.size(); ++i) {
        for (int u : adj[members[i]]) subAdj[i].push_back(index[u]);
        std::sort(subAdj[i].begin(), subAdj[i].end());
        where[i] = p.booths[vertices[members[i]]].rect;
      }
      const int k = std::min(fitting, static_cast<int>(members.size()));
      best.push_back(densestSubgraphEdges(subAdj, where, k));
      const auto& d = best.back();
      std::vector<std::size_t> zs;
      for (std::size_t q = 0; q < edges.size(); ++q)
        if (comp[edges[q].first] == c) zs.push_back(pairOf[q]);
      int mStar = 1;
      for (int m = 2; m <= k; ++m)
        if (static_cast<long long>(d[m]) * mStar > static_cast<long long>(d[mStar]) * m) mStar = m;
      if (k >= 1 && d[mStar] > 0) {
        out << " d" << s << "_" << c << ":";
        Terms t(out);
        for (std::size_t q : zs) t.add(mStar, z(q));
        for (int v : members)
          for (int e : inBooth[vertices[v]])
            if (p.sectorOf[e] == s) t.add(-d[mStar], x(e, vertices[v]));
        out << " <= 0\n";
        ++stats.constraints;
      }
      // Star rows: a booth of sector s has at most (exhibitors of s fitting C) - 1 neighbours of s.
      for (int v : members) {
        const int cap = fitting - 1;
        if (cap >= static_cast<int>(incident[v].size())) continue;
        out << " t" << s << "_" << vertices[v] << ":";
        Terms t(out);
        for (std::size_t q : incident[v]) t.add(1, z(q));
        for (int e : inBooth[vertices[v]])
          if (p.sectorOf[e] == s) t.add(-cap, x(e, vertices[v]));
        out << " <= 0\n";
        ++stats.constraints;
      }
      if (d[k] < static_cast<int>(zs.size())) {
        out << " n" << s << "_" << c << ":";
        Terms t(out);
        for (std::size_t q : zs) t.add(1, z(q));
        out << " <= " << d[k] << "\n";
        ++stats.constraints;
      }
    }
    // D(m): the best split of m booths among the components (max-plus convolution).
    std::vector<int> total(sectorFits + 1, 0);
    for (const auto& d : best) {
      std::vector<int> next = total;
      for (int m = 0; m <= sectorFits; ++m)
        for (int j = 1; j < static_cast<int>(d.size()) && m + j <= sectorFits; ++j)
          next[m + j] = std::max(next[m + j], total[m] + d[j]);
      total = next;
    }
    if (components > 1 && total[sectorFits] < static_cast<int>(edges.size())) {
      out << " n" << s << ":";
      Terms t(out);
      for (std::size_t q : pairOf) t.add(1, z(q));
      out << " <= " << total[sectorFits] << "\n";
      ++stats.constraints;
    }
  }
  std::vector<char> fitsO(B);
  for (int e = 0; e < E; ++e)
    for (int o : p.exhibitors[e].competitors) {
      if (o <= e || fitOf[o].empty() || fitOf[e].empty()) continue;
      std::fill(fitsO.begin(), fitsO.end(), 0);
      for (int b : fitOf[o]) fitsO[b] = 1;
      for (int b : fitOf[e]) {
        bool any = false;
        for (int nb : p.near[b]) any = any || fitsO[nb];
        if (!any) continue;
        out << " k" << e << "_" << o << "_" << b << ": " << x(e, b);
        Terms t(out);
        for (int nb : p.near[b])
          if (fitsO[nb]) t.add(1, x(o, nb));
        out << " <= 1\n";
        ++stats.constraints;
      }
    }
  if (!pairs.empty()) {
    out << "Bounds\n";
    for (std::size_t k = 0; k < pairs.size(); ++k) out << " 0 <= z" << k << " <= 1\n";
  }
  out << "Binary\n";
  long long n = 0;
  for (int e = 0; e < E; ++e)
    for (int b : fitOf[e]) {
      out << ' ' << x(e, b);
      if (++n % 10 == 0) out << '\n';
    }
  out << "\nEnd\n";
  stats.variables = n + static_cast<long long>(pairs.size());
  return stats;
}

}  // namespace moussem::booth
