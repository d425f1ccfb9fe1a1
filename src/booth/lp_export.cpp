// LP export of the allocation problem (see lp_export.hpp). Constraints:
//   each exhibitor at most one booth; each booth at most one exhibitor;
//   z(b1,b2,s) <= sum of x of sector s in b1, and likewise in b2 (clustering pairs);
//   z(b1,b2,s) <= sum of x of sector s in b1 or b2 other than exhibitor e, for every e of sector s
//     that fits both booths (an exhibitor is never its own neighbour: without these rows the LP
//     relaxation splits one exhibitor over two adjacent booths and earns the pair; same integer model;
//     written only up to kMaxSelfRows of them);
//   competitors e, o and booth b that fits e: x(e,b) + sum over b' near b of x(o,b') <= 1.
// Untouchable booths and their exhibitors are constants and stay out, as in scoreOf().
#include "booth/lp_export.hpp"

#include <algorithm>
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

std::string x(int e, int b) { return "x" + std::to_string(e) + "_" + std::to_string(b); }

}  // namespace

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
              if (first < 0) first = e;
              else if (e != first) two = true;
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
    for (std::size_t k = 0; k < pairs.size(); ++k) t.add(p.settings.cluster, "z" + std::to_string(k));
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
