// The allocation problem as an LP file (CPLEX LP format, read by COIN-OR CBC and GLPK): the same
// objective and hard constraints as the allocator (allocation.hpp), so an exact solver's optimum or
// bound is directly comparable with our objective. Variables: x<e>_<b> binary (exhibitor e in booth
// b, only for pairs that fit), z<k> in [0,1] (adjacent booths k held by the same sector).
#pragma once
#include <ostream>

#include "booth/allocation.hpp"

namespace moussem::booth {

struct LpStats {
  long long variables = 0, constraints = 0;
};

LpStats writeLp(const Problem& problem, std::ostream& out);

}  // namespace moussem::booth
