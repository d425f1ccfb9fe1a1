// An LP relaxation bound for models too large for an LP solver in one piece, checked by a certificate.
//
// readLp() reads a CPLEX LP file (the subset written by `allocate --export-lp` and tools/compare-cbc:
// objective, <=/>=/= rows, bounds, binaries) into a sparse matrix; integrality is dropped, binaries
// become 0 <= x <= 1. columnGeneration() solves the relaxation over a growing subset of the columns
// with an outside LP solver (CBC), and prices all the others with its row duals.
//
// The bound never depends on the solver being right: for ANY row multipliers y of the right signs,
// lagrangianBound() returns max { c x - y (A x - b) : bounds, group rows } >= every feasible value of
// the LP, hence of every allocation. "Group rows" are kept out of the multipliers and solved exactly:
// disjoint rows  sum x <= 1  over columns with bounds [0, <=1] (one exhibitor, at most one booth), over
// which the best is the largest positive reduced cost. When the column generation has converged, the
// bound equals the LP optimum.
#pragma once
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace moussem::lpbound {

// A malformed file: the line and what was expected.
class LpError : public std::runtime_error {
 public:
  LpError(long line, const std::string& what);
  long line() const { return line_; }

 private:
  long line_;
};

struct LpModel {
  bool maximize = true;
  std::vector<std::string> columnNames;
  std::vector<double> cost, lower, upper;  // per column; upper may be +inf, lower -inf
  std::vector<std::string> rowNames;
  std::vector<char> sense;  // 'L' (<=), 'G' (>=), 'E' (=)
  std::vector<double> rhs;
  std::vector<std::size_t> rowStart;  // compressed rows: terms of row r in [rowStart[r], rowStart[r+1])
  std::vector<int> termColumn;
  std::vector<double> termCoefficient;
  // Disjoint set-packing rows (see above), in file order: group of each column (-1 for none).
  std::vector<int> groupRows;
  std::vector<int> groupOf;
  // A second family of disjoint set-packing rows across the groups (one booth, at most one exhibitor):
  // the later set-packing rows that share no column with an earlier one of this family.
  std::vector<int> familyRows;
  std::vector<int> familyOf;

  std::size_t columns() const { return columnNames.size(); }
  std::size_t rows() const { return rowNames.size(); }
};

LpModel readLp(std::istream& in);

// Row multipliers with the wrong sign for their row are taken as zero (still a valid bound); those of
// group rows are ignored. reducedCosts, when given, receives c - A^T y without the group rows.
double lagrangianBound(const LpModel& model, const std::vector<double>& rowDual,
                       std::vector<double>* reducedCosts = nullptr);

// A tighter certificate where both families are kept out of the multipliers: what remains of the
// columns in them is a bipartite matching (groups on one side, the second family on the other), whose
// best value, an exact maximum-weight matching on the positive reduced costs (rounded up), replaces the
// per-group maxima: one booth is no longer counted once for every exhibitor who would like it.
// Falls back to lagrangianBound() when a column of the families is not within [0, >=1].
double matchingBound(const LpModel& model, const std::vector<double>& rowDual);

// The LP restricted to the active columns, as an LP file without integrality: rows that have no active
// term or can never bind are left out. Returns the model's row index of each written row, in order.
std::vector<int> writeRestrictedLp(const LpModel& model, const std::vector<char>& active, std::ostream& out);

// What an LP solver returns on a restricted LP: its objective, and the dual of each written row.
struct RestrictedSolution {
  bool optimal = false;
  std::optional<double> objective;
  std::vector<double> rowDual;  // per written row
};

// Reads CBC's solution file (-printingOptions all -solu FILE) for `rows` written rows.
RestrictedSolution readCbcSolution(std::istream& in, std::size_t rows);

struct ColumnGenerationOptions {
  int startColumns = 4;  // per group and per row of the second family: the best by objective coefficient
  int addColumns = 6;    // per group and round: the best by reduced cost among those that price out
  int maxRounds = 40;
  double seconds = 3600;               // the rounds stop starting after this
  double tolerance = 1e-6;             // a column prices out when its reduced cost exceeds this (relative to 1 + |c|)
  double gap = 1e-4;                   // stop when the bound is within this fraction of the restricted LP's optimum
  std::vector<std::string> startWith;  // columns active from the first round on (e.g. an earlier run's)
};

struct Round {
  int round = 0;
  std::size_t activeColumns = 0, writtenRows = 0, added = 0;
  std::optional<double> restricted;  // the restricted LP's optimum
  std::optional<double> bound;       // the certificate from its duals
  double solverSeconds = 0;
};

struct ColumnGenerationResult {
  std::optional<double> bound;  // the best (smallest for a maximisation) certificate of all rounds
  std::optional<double> restricted;
  bool converged = false;  // the last restricted LP was optimal and no column priced out, or the
                           // bound came within the gap of its optimum (the LP optimum lies between)
  std::string stopped;     // why the rounds ended early (the solver failed), or empty
  std::vector<Round> rounds;
};

// solve(path to a restricted LP, number of rows written) runs the LP solver; progress(round) is told
// after each round.
using RestrictedSolver = std::function<RestrictedSolution(const std::string& path, std::size_t rows)>;
ColumnGenerationResult columnGeneration(const LpModel& model, const ColumnGenerationOptions& options,
                                        const std::string& workDirectory, const RestrictedSolver& solve,
                                        const std::function<void(const Round&)>& progress = {});

// Runs cbc (found on PATH) on the restricted LP with a time limit: dual simplex the first time, then
// primal simplex without presolve (faster from a warm start) from the basis it keeps beside PATH
// (PATH.bas) from the call before; a basis put there beforehand (e.g. an earlier run's) is used too.
RestrictedSolution solveWithCbc(const std::string& path, std::size_t rows, double seconds);

}  // namespace moussem::lpbound
