#include <algorithm>
#include <bit>
#include <catch2/catch.hpp>
#include <cctype>
#include <climits>
#include <map>
#include <sstream>

#include "booth/allocator.hpp"
#include "booth/instances.hpp"
#include "booth/lap.hpp"
#include "booth/lp_export.hpp"

using namespace moussem;
using namespace moussem::booth;

namespace {

// Exhaustive optimum of a tiny assignment, for the LAP check.
long long bruteForce(int n, const std::vector<std::int32_t>& c) {
  std::vector<int> perm(n);
  for (int i = 0; i < n; ++i) perm[i] = i;
  long long best = LLONG_MAX;
  do {
    long long s = 0;
    for (int i = 0; i < n; ++i) s += c[static_cast<std::size_t>(i) * n + perm[i]];
    best = std::min(best, s);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

}  // namespace

TEST_CASE("the linear assignment finds the exact optimum of small random matrices, ties included") {
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % 1000);
  };
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + trial % 7;
    std::vector<std::int32_t> c(static_cast<std::size_t>(n) * n);
    const bool ties = trial % 3 == 0;
    for (auto& v : c) v = ties ? -(next() % 4) : -next();
    const auto x = solveAssignment(n, c);
    REQUIRE(static_cast<int>(x.size()) == n);
    std::vector<int> seen(n, 0);
    long long total = 0;
    for (int i = 0; i < n; ++i) {
      REQUIRE(x[i] >= 0);
      REQUIRE(x[i] < n);
      ++seen[x[i]];
      total += c[static_cast<std::size_t>(i) * n + x[i]];
    }
    for (int s : seen) CHECK(s == 1);
    CHECK(total == bruteForce(n, c));
  }
}

TEST_CASE("the sparse assignment finds the optimum over its arcs, rows staying out at no cost") {
  std::uint64_t state = 777;
  auto next = [&](int n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  };
  for (int trial = 0; trial < 400; ++trial) {
    // Small ones, then larger ones where augmenting paths get long (and the search stops early).
    const int size = trial < 300 ? 9 : 40;
    const int rows = 1 + next(size), cols = 1 + next(size);
    std::vector<std::vector<Arc>> arcs(rows);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c)
        if (next(3) != 0)
          arcs[r].push_back({c, static_cast<std::int32_t>(trial % 4 == 0 ? -next(3) : next(2000) - 1500)});
    const auto x = solveSparseAssignment(rows, cols, arcs);
    REQUIRE(static_cast<int>(x.size()) == rows);
    long long total = 0;
    std::vector<int> used(cols, 0);
    for (int r = 0; r < rows; ++r) {
      if (x[r] < 0) continue;
      REQUIRE(x[r] < cols);
      ++used[x[r]];
      const auto it = std::find_if(arcs[r].begin(), arcs[r].end(), [&](const Arc& a) { return a.col == x[r]; });
      REQUIRE(it != arcs[r].end());  // only along an arc
      total += it->cost;
    }
    for (int u : used) CHECK(u <= 1);
    // The same problem dense: the columns, then one "out" column per row at 0; a missing arc costs more
    // than staying out ever could.
    const int n = cols + rows;
    std::vector<std::int32_t> dense(static_cast<std::size_t>(n) * n, 0);
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) {
        std::int32_t v = 0;
        if (r < rows) {
          v = 1000000;
          if (c >= cols) v = c - cols == r ? 0 : 1000000;
          for (const auto& a : arcs[r])
            if (a.col == c) v = a.cost;
        }
        dense[static_cast<std::size_t>(r) * n + c] = v;
      }
    const auto y = solveAssignment(n, dense);
    long long best = 0;
    for (int r = 0; r < rows; ++r) best += dense[static_cast<std::size_t>(r) * n + y[r]];
    CHECK(total == best);
  }
}

TEST_CASE("random instances: the allocator never breaks a hard constraint and the checker agrees") {
  for (int n : {5, 20, 40, 90}) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      INFO("n=" << n << " seed=" << seed);
      // Scarce booths too: more exhibitors than fitting booths.
      for (double ratio : {1.2, 0.6}) {
        const auto p = generatedProblem(n, seed, ratio);
        AllocatorOptions o;
        o.seed = seed;
        const auto r = allocate(p, o);
        CHECK(checkAllocation(p, r.allocation).total() == 0);
        CHECK(r.violations.total() == 0);
        // Every exhibitor that wants a booth is either placed or listed with a reason.
        int wanting = 0;
        for (const auto& x : p.exhibitors) wanting += x.wantsBooth ? 1 : 0;
        CHECK(r.score.assigned + r.score.unassigned == wanting);
        CHECK(static_cast<int>(r.unmet.size()) == r.score.unassigned);
        for (const auto& u : r.unmet) CHECK(!u.reason.empty());
        // Untouchable booths keep their exhibitor.
        for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
          if (p.exhibitors[e].fixedBooth >= 0) CHECK(r.allocation.boothOf[e] == p.exhibitors[e].fixedBooth);
        CHECK(scoreOf(p, r.allocation).total == r.score.total);
      }
    }
  }
}

TEST_CASE("the same problem and seed give the same allocation") {
  const auto p = generatedProblem(120, 7);
  AllocatorOptions o;
  o.seed = 42;
  const auto a = allocate(p, o);
  const auto b = allocate(p, o);
  CHECK(a.allocation.boothOf == b.allocation.boothOf);
  CHECK(a.score.total == b.score.total);
  const auto q = generatedProblem(120, 7);
  CHECK(allocate(q, o).allocation.boothOf == a.allocation.boothOf);
  // Above exact_rows (lowered here to keep the test short): the sparse assignment start, and above
  // search_rows no iterated search.
  const auto large = generatedProblem(620, 3);
  AllocatorOptions sparse = o;
  sparse.exact_rows = 400;
  sparse.search_rows = 400;
  const auto c = allocate(large, sparse);
  CHECK(allocate(large, sparse).allocation.boothOf == c.allocation.boothOf);
  CHECK(checkAllocation(large, c.allocation).total() == 0);
  CHECK(c.score.total == scoreOf(large, c.allocation).total);
}

TEST_CASE("the checker counts each kind of hard violation") {
  const auto p = generatedProblem(40, 3);
  const auto r = allocate(p);
  REQUIRE(checkAllocation(p, r.allocation).total() == 0);
  // Two exhibitors in one booth.
  {
    auto a = r.allocation;
    int first = -1;
    for (std::size_t e = 0; e < a.boothOf.size(); ++e)
      if (a.boothOf[e] >= 0 && p.exhibitors[e].fixedBooth < 0) {
        if (first < 0)
          first = static_cast<int>(e);
        else {
          a.boothOf[e] = a.boothOf[first];
          break;
        }
      }
    CHECK(checkAllocation(p, a).double_booked >= 1);
  }
  // A booth too small.
  {
    auto a = r.allocation;
    for (std::size_t e = 0; e < a.boothOf.size(); ++e) {
      if (p.exhibitors[e].fixedBooth >= 0 || !p.exhibitors[e].wantsBooth) continue;
      for (std::size_t b = 0; b < p.booths.size(); ++b)
        if (p.booths[b].movable && p.booths[b].area < p.exhibitors[e].area) {
          a.boothOf[e] = static_cast<int>(b);
          CHECK(checkAllocation(p, a).misfit >= 1);
          goto done;
        }
    }
  done:;
  }
  // An untouchable exhibitor moved.
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
    if (p.exhibitors[e].fixedBooth >= 0) {
      auto a = r.allocation;
      a.boothOf[e] = -1;
      CHECK(checkAllocation(p, a).fixed_changed == 1);
      break;
    }
  // Competitors side by side.
  {
    Problem q = p;
    int e1 = -1, e2 = -1;
    for (std::size_t e = 0; e < q.exhibitors.size() && e2 < 0; ++e)
      if (r.allocation.boothOf[e] >= 0 && q.exhibitors[e].fixedBooth < 0) {
        const int b = r.allocation.boothOf[e];
        for (std::size_t o = 0; o < q.exhibitors.size(); ++o)
          if (o != e && r.allocation.boothOf[o] >= 0 &&
              adjacent(q.booths[b].rect, q.booths[r.allocation.boothOf[o]].rect)) {
            e1 = static_cast<int>(e);
            e2 = static_cast<int>(o);
            break;
          }
      }
    REQUIRE(e2 >= 0);
    q.exhibitors[e1].competitors.push_back(e2);
    q.exhibitors[e2].competitors.push_back(e1);
    CHECK(checkAllocation(q, r.allocation).competitors == 1);
    // And the allocator keeps them apart.
    std::sort(q.exhibitors[e1].competitors.begin(), q.exhibitors[e1].competitors.end());
    std::sort(q.exhibitors[e2].competitors.begin(), q.exhibitors[e2].competitors.end());
    CHECK(allocate(q).violations.total() == 0);
  }
}

TEST_CASE("more exhibitors than booths: the best set is placed, the rest listed with reasons") {
  const auto p = generatedProblem(100, 5, 0.5);
  const auto r = allocate(p);
  CHECK(r.violations.total() == 0);
  CHECK(r.score.unassigned > 0);
  for (const auto& u : r.unmet)
    CHECK((u.reason == "taken" || u.reason == "competitors" || u.reason == "no_fitting_booth"));
  // Higher priorities go first: among those who fit the same booths, the unplaced are not above the placed.
  CHECK(r.inversion_count >= 0);
}

TEST_CASE("the allocator's fit lists hold exactly the fitting booths, scored as Problem::linear, best first") {
  for (const auto& [n, seed] : {std::pair{60, 9}, std::pair{250, 3}}) {
    auto p = generatedProblem(n, seed);
    // Type restrictions and power needs on some exhibitors, so that every test of fits() is exercised.
    for (std::size_t e = 0; e < p.exhibitors.size(); e += 7) p.exhibitors[e].types = {"corner", "island"};
    for (std::size_t e = 3; e < p.exhibitors.size(); e += 11) p.exhibitors[e].needs_power = true;
    const auto lists = fittingBooths(p, 2);
    CHECK(fittingBooths(p, 1) == lists);
    REQUIRE(lists.size() == p.exhibitors.size());
    for (int e = 0; e < static_cast<int>(p.exhibitors.size()); ++e) {
      const auto& x = p.exhibitors[e];
      if (!x.wantsBooth || x.fixedBooth >= 0) {
        CHECK(lists[e].empty());
        continue;
      }
      std::vector<std::pair<int, long long>> expected;
      for (int b = 0; b < static_cast<int>(p.booths.size()); ++b)
        if (p.fits(e, b)) expected.push_back({b, p.linear(e, b)});
      std::stable_sort(expected.begin(), expected.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      CHECK(lists[e] == expected);
    }
  }
}

TEST_CASE("the bulk score table agrees with Problem::linear and Problem::fits") {
  const auto p = generatedProblem(60, 9);
  const auto r = allocate(p);
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e) {
    const int b = r.allocation.boothOf[e];
    if (b < 0 || p.exhibitors[e].fixedBooth >= 0) continue;
    CHECK(p.fits(static_cast<int>(e), b));
  }
  // The objective recomputed from parts equals the total.
  const auto s = scoreOf(p, r.allocation);
  CHECK(s.total == s.priority_value + s.preferences + s.clustering - s.waste);
}

TEST_CASE("the LP export writes the same model: every fitting pair a binary, with the objective's coefficients") {
  const auto p = generatedProblem(12, 2);
  std::ostringstream lp;
  const auto stats = writeLp(p, lp);
  const std::string text = lp.str();
  CHECK(text.find("Maximize") != std::string::npos);
  CHECK(text.find("Subject To") != std::string::npos);
  CHECK(text.find("Binary") != std::string::npos);
  CHECK(text.rfind("End") != std::string::npos);
  long long pairs = 0;
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e)
    for (std::size_t b = 0; b < p.booths.size(); ++b)
      if (p.exhibitors[e].fixedBooth < 0 && p.exhibitors[e].wantsBooth &&
          p.fits(static_cast<int>(e), static_cast<int>(b))) {
        ++pairs;
        const std::string term = "+ " + std::to_string(p.linear(static_cast<int>(e), static_cast<int>(b))) + " x" +
                                 std::to_string(e) + "_" + std::to_string(b);
        const auto at = text.find(term);
        REQUIRE(at != std::string::npos);
        const char after = text[at + term.size()];
        CHECK((after == ' ' || after == '\n'));
      }
  CHECK(stats.variables >= pairs);
}

TEST_CASE(
    "the LP export keeps an exhibitor from being its own neighbour, and leaves out pairs one exhibitor alone could "
    "fill") {
  const auto p = generatedProblem(30, 4);
  std::ostringstream lp;
  writeLp(p, lp);
  const std::string text = lp.str();
  // Self-exclusion rows are written on small problems.
  CHECK(text.find("\n s0_") != std::string::npos);
  // Every clustering variable has its two rows, and no self-exclusion row lists its own exhibitor.
  std::size_t at = 0;
  int rows = 0;
  while ((at = text.find("\n s", at)) != std::string::npos) {
    const auto colon = text.find(':', at);
    const auto underscore = text.find('_', at);
    const std::string e = text.substr(underscore + 1, colon - underscore - 1);
    const auto end = text.find("<=", colon);
    const std::string body = text.substr(colon, end - colon);
    CHECK(body.find(" x" + e + "_") == std::string::npos);
    ++rows;
    at = end;
  }
  CHECK(rows > 0);
}

TEST_CASE("annealing with one chain or two: no hard violation, the score agrees with scoreOf") {
  for (std::uint64_t seed : {3u, 8u}) {
    const auto p = generatedProblem(70, seed);
    for (int chains : {1, 2}) {
      AllocatorOptions o;
      o.seed = seed;
      o.chains = chains;
      const auto r = allocate(p, o);
      CHECK(r.violations.total() == 0);
      CHECK(scoreOf(p, r.allocation).total == r.score.total);
    }
  }
}

namespace {

// A row of an LP file: coefficients by variable name, and the right-hand side.
struct LpRow {
  std::string name;
  std::vector<std::pair<long long, std::string>> terms;
  long long rhs = 0;
};

// Reads the objective and the rows of an LP file as writeLp() writes them.
std::pair<LpRow, std::vector<LpRow>> readLp(const std::string& text) {
  const auto objAt = text.find("obj:"), rowsAt = text.find("Subject To"), endAt = text.find("\nBounds");
  auto parse = [](const std::string& part, std::vector<LpRow>& rows) {
    std::istringstream in(part);
    std::string token;
    long long sign = 1, coefficient = 1;
    bool inRhs = false;
    while (in >> token) {
      if (token.back() == ':') {
        rows.push_back({token.substr(0, token.size() - 1), {}, 0});
      } else if (token == "+" || token == "-") {
        sign = token == "-" ? -1 : 1;
      } else if (token == "<=") {
        inRhs = true;
      } else if (std::isdigit(static_cast<unsigned char>(token[0])) || token[0] == '-') {
        if (inRhs) {
          rows.back().rhs = std::stoll(token);
          inRhs = false;
        } else {
          coefficient = std::stoll(token);
        }
      } else {
        rows.back().terms.emplace_back(sign * coefficient, token);
        sign = coefficient = 1;
      }
    }
  };
  std::vector<LpRow> objective, rows;
  parse(text.substr(objAt, rowsAt - objAt), objective);
  parse(text.substr(rowsAt + 10, endAt - rowsAt - 10), rows);
  return {objective.at(0), rows};
}

// Every row of the LP holds for an integer allocation, z set to the largest value its own rows allow,
// and the LP objective is then our objective: the formulation does not cut off any allocation.
void checkAllocationInLp(const Problem& p, const Allocation& a, const std::string& text) {
  const auto [objective, rows] = readLp(text);
  std::map<std::string, long long> value;
  for (std::size_t e = 0; e < a.boothOf.size(); ++e)
    if (a.boothOf[e] >= 0) value["x" + std::to_string(e) + "_" + std::to_string(a.boothOf[e])] = 1;
  std::map<std::string, long long> z;
  for (const auto& r : objective.terms)
    if (r.second[0] == 'z') z[r.second] = 1;
  for (const auto& r : rows) {
    if (r.terms.empty() || r.terms[0].second[0] != 'z' || r.terms[0].first != 1) continue;
    if (std::count_if(r.terms.begin(), r.terms.end(), [](const auto& t) { return t.second[0] == 'z'; }) != 1) continue;
    long long room = r.rhs;
    for (std::size_t i = 1; i < r.terms.size(); ++i) room -= r.terms[i].first * value[r.terms[i].second];
    z[r.terms[0].second] = std::min(z[r.terms[0].second], std::max(0LL, room));
  }
  for (const auto& [name, v] : z) value[name] = v;
  for (const auto& r : rows) {
    long long lhs = 0;
    for (const auto& [c, name] : r.terms) lhs += c * value[name];
    INFO(r.name);
    CHECK(lhs <= r.rhs);
  }
  long long total = 0;
  for (const auto& [c, name] : objective.terms) total += c * value[name];
  CHECK(total == scoreOf(p, a).total);
}

}  // namespace

TEST_CASE("the LP's sector density rows cut off no allocation: ours, the assignment alone, other seeds") {
  for (int n : {30, 62}) {
    const auto p = generatedProblem(n, 5);
    std::ostringstream lp;
    writeLp(p, lp);
    const std::string text = lp.str();
    CHECK(text.find("\n d0_") != std::string::npos);
    for (std::uint64_t seed : {1u, 2u}) {
      AllocatorOptions o;
      o.seed = seed;
      checkAllocationInLp(p, allocate(p, o).allocation, text);
      o.cluster_rounds = o.max_search_passes = 0;
      o.search_iterations = 0;
      o.anneal_moves_per_row = 0;
      checkAllocationInLp(p, allocate(p, o).allocation, text);
    }
  }
}

TEST_CASE("the densest m booths of a row: exact counts against every subset") {
  // Two rows back to back with different widths (each booth touches one or two behind it), a
  // peninsula at one end, a lone island: the shapes of the generated halls.
  std::vector<Rect> where;
  for (double x : {0.0, 3.0, 6.0, 10.0, 13.0}) where.push_back({x, 0, x == 6.0 ? 4.0 : 3.0, 3});
  for (double x : {0.0, 4.0, 7.0, 10.0, 13.0}) where.push_back({x, 3, x == 0.0 ? 4.0 : 3.0, 3});
  where.push_back({16, 0, 4, 6});
  where.push_back({30, 0, 6, 6});
  const int n = static_cast<int>(where.size());
  std::vector<std::vector<int>> adj(n);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b < n; ++b)
      if (a != b && adjacent(where[a], where[b])) adj[a].push_back(b);
  const auto d = densestSubgraphEdges(adj, where, n);
  REQUIRE(static_cast<int>(d.size()) == n + 1);
  std::vector<int> brute(n + 1, 0);
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    int edges = 0;
    for (int a = 0; a < n; ++a)
      if (mask >> a & 1)
        for (int b : adj[a])
          if (b > a && (mask >> b & 1)) ++edges;
    const int m = std::popcount(mask);
    brute[m] = std::max(brute[m], edges);
  }
  CHECK(d == brute);
  CHECK(d[2] == 1);
}

TEST_CASE("the allocator's progress only moves forward and ends full when nothing follows the assignment rounds") {
  const auto p = booth::generatedProblem(60, 3);
  for (const int exactRows : {1000, 10}) {  // the exact core and annealing, then the sparse rounds alone
    INFO("exact_rows=" << exactRows);
    booth::AllocatorOptions o;
    o.exact_rows = exactRows;
    std::vector<double> seen;
    o.progress = [&](double f) { seen.push_back(f); };
    const auto r = booth::allocate(p, o);
    CHECK(r.violations.total() == 0);
    REQUIRE_FALSE(seen.empty());
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.front() > 0.0);
    CHECK(seen.back() <= 1.0);
    if (exactRows == 10)
      CHECK(seen.back() == 1.0);
    else
      CHECK(seen.back() > 0.5);  // the annealing's half was reported too
  }
}
