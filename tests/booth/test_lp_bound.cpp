// tools/lp-bound: reading LP files, the certificate bound, and column generation with the real CBC.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

#include "booth/allocator.hpp"
#include "booth/instances.hpp"
#include "booth/lp_export.hpp"
#include "lp_model.hpp"
#include "test_support.hpp"

using namespace moussem;
using namespace moussem::lpbound;

namespace {

LpModel parse(const std::string& text) {
  std::istringstream in(text);
  return readLp(in);
}

std::string exportedLp(int exhibitors, std::uint64_t seed) {
  const auto problem = booth::generatedProblem(exhibitors, seed);
  std::ostringstream out;
  booth::writeLp(problem, out);
  return out.str();
}

int columnIndex(const LpModel& m, const std::string& name) {
  for (std::size_t j = 0; j < m.columns(); ++j)
    if (m.columnNames[j] == name) return static_cast<int>(j);
  return -1;
}

// CBC's optimum of the LP relaxation of the whole file (-dualSimplex solves the relaxation alone).
double cbcRelaxation(const std::filesystem::path& lp) {
  const auto r = test::runCommand("cbc", {lp.string(), "-dualSimplex"});
  const std::string marker = "Optimal - objective value";
  const auto at = r.out.find(marker);
  REQUIRE(at != std::string::npos);
  return std::stod(r.out.substr(at + marker.size()));
}

// A generated instance's LP file in a scratch folder, read, with CBC's relaxation optimum.
struct Exported {
  Exported(int exhibitors, std::uint64_t seed) {
    const std::string text = exportedLp(exhibitors, seed);
    const auto lp = dir / "instance.lp";
    std::ofstream(lp) << text;
    model = parse(text);
    optimum = cbcRelaxation(lp);
  }
  test::TempDir dir;
  LpModel model;
  double optimum = 0;
};

}  // namespace

TEST_CASE("the LP reader takes the format's forms: labels, rows over several lines, bounds, binaries") {
  const auto m = parse(
      "\\ a comment\n"
      "Maximize\n obj: 3 x1 + 2 x2\n + 4 z - 0.5 w\n"
      "Subject To\n"
      " e1: x1 + x2 <= 1\n"
      " c1: z - x1\n   - x1 <= 0 \\ x1 twice: one term, coefficient -2\n"
      " 2 w >= -3\n"
      " q: w + z = 1.5\n"
      "Bounds\n 0 <= z <= 1\n w free\n -2 <= x2\n x1 <= 4\n"
      "Binary\n x1 x2\nEnd\n");
  REQUIRE(m.columns() == 4);
  REQUIRE(m.rows() == 4);
  const int x1 = columnIndex(m, "x1"), x2 = columnIndex(m, "x2"), z = columnIndex(m, "z"), w = columnIndex(m, "w");
  CHECK(m.cost[x1] == 3);
  CHECK(m.cost[w] == -0.5);
  CHECK(m.rowNames[1] == "c1");
  CHECK(m.rowStart[2] - m.rowStart[1] == 2);
  CHECK(m.termCoefficient[m.rowStart[1]] + m.termCoefficient[m.rowStart[1] + 1] == -1);  // z: 1, x1: -2
  CHECK(m.sense[2] == 'G');
  CHECK(m.rhs[2] == -3);
  CHECK(m.rowNames[2] == "R3");
  CHECK(m.sense[3] == 'E');
  CHECK(m.rhs[3] == 1.5);
  CHECK(std::isinf(m.lower[w]));
  CHECK(std::isinf(m.upper[w]));
  CHECK(m.upper[z] == 1);
  CHECK(m.lower[x2] == 0);  // binary: [0, 1] whatever came before
  CHECK(m.upper[x2] == 1);
  CHECK(m.upper[x1] == 1);
  // e1 is a set-packing row over x1 and x2: the one group.
  REQUIRE(m.groupRows.size() == 1);
  CHECK(m.groupOf[x1] == 0);
  CHECK(m.groupOf[x2] == 0);
  CHECK(m.groupOf[z] == -1);
}

TEST_CASE("a malformed LP file is refused with its line, never read in part") {
  const std::string good = "Maximize\n obj: x + y\nSubject To\n r: x + y <= 1\nEnd\n";
  REQUIRE_NOTHROW(parse(good));
  const std::pair<std::string, long> bad[] = {
      {"Maximize\n obj: x + y\nSubject To\n r: x + y <= 1\n", 5},      // truncated: no End
      {"Maximize\n obj: x + y\nSubject To\n r: x + <= 1\nEnd\n", 4},   // a sign without a term
      {"Maximize\n obj: x + y\nSubject To\n r: x + y 1\nEnd\n", 4},    // no operator
      {"Maximize\n obj: x + y\nSubject To\n r: x + y <= \nEnd\n", 5},  // no right-hand side
      {"Maximize\n obj: x * y\nEnd\n", 2},                             // not linear
      {"Minimize\n obj: x\nEnd\n", 1},                                 // bounds are for maximisations
      {" obj: x\nEnd\n", 1},                                           // no objective section
      {"Maximize\n obj: x\nBounds\n 3 <= x <= 1\nEnd\n", 0},           // empty bounds
      {"Maximize\n obj: 2x\nEnd\n", 2},                                // a number glued to a name
  };
  for (const auto& [text, line] : bad) {
    INFO(text);
    try {
      parse(text);
      FAIL("accepted");
    } catch (const LpError& e) {
      CHECK(e.line() == line);
    }
  }
}

TEST_CASE("every truncation and random damage of an exported LP file is read or refused, never crashes") {
  const std::string text = exportedLp(12, 3);
  REQUIRE_NOTHROW(parse(text));
  std::size_t refused = 0;
  for (std::size_t cut = 0; cut < text.size(); cut += 7) {
    try {
      parse(text.substr(0, cut));
    } catch (const LpError&) {
      ++refused;
    }
  }
  CHECK(refused == (text.size() + 6) / 7);  // without its End every prefix is refused
  std::uint64_t state = 99;
  const std::string alphabet = "+-<>=:. \n\\0123456789xzeEinf";
  for (int trial = 0; trial < 3000; ++trial) {
    std::string damaged = text;
    for (int k = 0; k < 1 + trial % 5; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      const std::size_t at = (state >> 20) % damaged.size();
      const char c = alphabet[(state >> 50) % alphabet.size()];
      if (trial % 3 == 0)
        damaged.erase(at, 1);
      else
        damaged[at] = c;
    }
    try {
      const auto m = parse(damaged);
      CHECK(m.rowStart.size() == m.rows() + 1);
    } catch (const LpError&) {
    }
  }
}

TEST_CASE("the certificate is a bound for any multipliers, and meets the LP optimum at CBC's duals") {
  const Exported x(30, 5);
  const auto& m = x.model;
  const double optimum = x.optimum;
  REQUIRE(optimum > 0);
  // Weak duality: whatever the multipliers (wrong signs count as zero), never below the optimum.
  std::uint64_t state = 7;
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<double> y(m.rows());
    for (auto& v : y) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      v = static_cast<double>((state >> 33) % 4000) / 10.0 - 100.0;
    }
    CHECK(lagrangianBound(m, y) >= optimum - 1e-6 * optimum);
    CHECK(matchingBound(m, y) >= optimum - 1e-6 * optimum);
  }
  // All columns at once: CBC's duals give back its optimum.
  std::vector<char> all(m.columns(), 1);
  const auto restricted = x.dir / "all.lp";
  std::vector<int> written;
  {
    std::ofstream f(restricted);
    written = writeRestrictedLp(m, all, f);
  }
  const auto s = solveWithCbc(restricted.string(), written.size(), 120);
  REQUIRE(s.optimal);
  CHECK(*s.objective == Approx(optimum).epsilon(1e-7));  // CBC prints the optimum rounded
  std::vector<double> y(m.rows(), 0.0);
  for (std::size_t i = 0; i < written.size(); ++i) y[written[i]] = s.rowDual[i];
  CHECK(lagrangianBound(m, y) == Approx(optimum).epsilon(1e-7));
  CHECK(matchingBound(m, y) == Approx(optimum).epsilon(1e-7));
}

TEST_CASE("the matching certificate counts a booth once, however many exhibitors want it") {
  // Two exhibitors (groups e1, e2) and two booths (rows b1, b2); both would rather have b1.
  const auto m = parse(
      "Maximize\n obj: 10 x1_1 + 10 x2_1 + x1_2 + x2_2\nSubject To\n"
      " e1: x1_1 + x1_2 <= 1\n e2: x2_1 + x2_2 <= 1\n b1: x1_1 + x2_1 <= 1\n b2: x1_2 + x2_2 <= 1\n"
      "Binary\n x1_1 x2_1 x1_2 x2_2\nEnd\n");
  REQUIRE(m.groupRows.size() == 2);
  REQUIRE(m.familyRows.size() == 2);
  const std::vector<double> zero(m.rows(), 0.0);
  CHECK(lagrangianBound(m, zero) == 20);  // each exhibitor counts b1
  CHECK(matchingBound(m, zero) == 11);    // the LP optimum: one gets b1, the other b2
}

TEST_CASE("column generation reaches CBC's LP optimum from a few columns, and bounds our allocation") {
  const Exported x(40, 2);
  const auto& m = x.model;
  const double optimum = x.optimum;
  ColumnGenerationOptions o;
  o.startColumns = 2;
  o.addColumns = 3;
  o.gap = 0;
  o.maxRounds = 200;
  int rounds = 0;
  const auto result = columnGeneration(
      m, o, x.dir.path().string(),
      [](const std::string& path, std::size_t rows) { return solveWithCbc(path, rows, 120); },
      [&](const Round& r) {
        ++rounds;
        CHECK(r.activeColumns < m.columns());
      });
  REQUIRE(result.converged);
  REQUIRE(result.bound);
  CHECK(rounds > 1);
  CHECK(*result.bound == Approx(optimum).epsilon(1e-7));
  CHECK(*result.restricted == Approx(optimum).epsilon(1e-7));
  // Every round's certificate is an upper bound.
  for (const auto& r : result.rounds)
    if (r.bound) CHECK(*r.bound >= optimum * (1 - 1e-7));
  const auto problem = booth::generatedProblem(40, 2);
  const auto ours = booth::allocate(problem);
  CHECK(ours.violations.total() == 0);
  CHECK(static_cast<double>(ours.score.total) <= *result.bound);
  CHECK(static_cast<double>(ours.score.total) >= 0.99 * *result.bound);
}

TEST_CASE("a solution file that stops early or is damaged is refused") {
  std::istringstream empty("");
  CHECK_THROWS_AS(readCbcSolution(empty, 1), LpError);
  std::istringstream shortFile("Optimal - objective value 7.00000000\n      0 e1   1   2\n");
  CHECK_THROWS_AS(readCbcSolution(shortFile, 2), LpError);
  std::istringstream garbled("Optimal - objective value 7\n      0 e1   one   2\n");
  CHECK_THROWS_AS(readCbcSolution(garbled, 1), LpError);
  std::istringstream good("Stopped on time - objective value 6.5\n**    0 e1   1   2\n      1 c1  0  -0\n");
  const auto s = readCbcSolution(good, 2);
  CHECK_FALSE(s.optimal);
  CHECK(*s.objective == 6.5);
  CHECK(s.rowDual[0] == 2);
}
