// The B2B scheduling problem as an LP file (CPLEX LP format, read by COIN-OR CBC and GLPK): the same
// hard rules and the same objective as the scheduler (model.hpp), so an exact solver's optimum or bound
// compares directly with our objective (docs/b2b.md). The lexicographic objective is one weighted sum
// whose weights make it lexicographic (Lexicographic in model.hpp): weight_factor per point of request
// weight, -gap_factor per idle gap, +1 per participant with requests who got a meeting.
//
// Variables: x<q>_<t>_<g> binary (pair q meets at slot t in place g), m<i>_<t> (person i meets at t),
// s<i>_<t> (a run of meetings of i starts at t), a<i>_<h> (i has a meeting in half-day h), f<i> (i has
// a meeting). Idle gaps of i in half-day h = sum of s<i>_<t> over h - a<i>_<h>.
//
// pool_tables: the tables of the B2B area become one place g0 with a capacity of as many meetings a
// slot as there are tables, and the walking rule between a table and another place uses the nearest
// table: at worst a relaxation (every schedule stays feasible, its objective unchanged), so CBC's
// optimum or bound still bounds ours; exact when the walking rule cannot tell tables apart (tables
// within a walk of each other, each booth within a walk of all tables or of none: LpStats::exact),
// and without the tables' symmetry that drowns CBC's branch and bound.
#pragma once
#include <ostream>
#include <vector>

#include "b2b/model.hpp"

namespace moussem::b2b {

struct LpOptions {
  bool pool_tables = true;
};

struct LpStats {
  long long variables = 0, constraints = 0;
  bool exact = true;  // false: the pooled model is a relaxation
};

LpStats writeLp(const Problem& problem, std::ostream& out, const LpOptions& options = {},
                const std::vector<Meeting>& frozen = {});

}  // namespace moussem::b2b
