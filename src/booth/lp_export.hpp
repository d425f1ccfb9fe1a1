// The allocation problem as an LP file (CPLEX LP format, read by COIN-OR CBC and GLPK): the same
// objective and hard constraints as the allocator (allocation.hpp), so an exact solver's optimum or
// bound is directly comparable with our objective. Variables: x<e>_<b> binary (exhibitor e in booth
// b, only for pairs that fit), z<k> in [0,1] (adjacent booths k held by the same sector).
#pragma once
#include <ostream>
#include <vector>

#include "booth/allocation.hpp"

namespace moussem::booth {

struct LpStats {
  long long variables = 0, constraints = 0;
};

LpStats writeLp(const Problem& problem, std::ostream& out);

// The most edges that m vertices of a graph can have among themselves, for m = 0..maxSize (a graph
// of booths: adjacency lists sorted, and their rectangles to order the vertices along rows). Exact
// by dynamic programming along the rows; on a graph too wide for it, a valid upper bound.
std::vector<int> densestSubgraphEdges(const std::vector<std::vector<int>>& adjacency, const std::vector<Rect>& where,
                                      int maxSize);

}  // namespace moussem::booth
