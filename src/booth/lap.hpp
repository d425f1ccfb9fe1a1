// Linear assignment: the Jonker–Volgenant algorithm (column reduction, augmenting row reduction,
// shortest augmenting paths) on a dense square matrix of integer costs, minimising. Exact. The
// allocator's core; nothing about booths here.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

namespace moussem::booth {

// costs: n*n row-major. Returns the column of each row. cancelled (may be empty) is polled between
// augmentations; when it says true the function returns an empty vector.
std::vector<int> solveAssignment(int n, const std::vector<std::int32_t>& costs,
                                 const std::function<bool()>& cancelled = {});

// Rectangular variant (rows <= cols, costs rows*cols row-major), rows inserted in their order.
std::vector<int> solveAssignmentRect(int rows, int cols, const std::vector<std::int32_t>& costs,
                                     const std::function<bool()>& cancelled = {});

// Sparse variant: row r may take only the columns of arcs[r] (column, cost), or stay out at cost 0
// (a column of its own). Rows are inserted in their order, each by a shortest augmenting path
// (Dijkstra over the arcs with column potentials, as in Jonker–Volgenant's augmentation), so the
// result is an exact minimum over that graph; cheap when arcs are few per row. Returns each row's
// column, -1 when out (an empty vector when cancelled). Columns 0..cols-1.
struct Arc {
  int col;
  std::int32_t cost;
};
std::vector<int> solveSparseAssignment(int rows, int cols, const std::vector<std::vector<Arc>>& arcs,
                                       const std::function<bool()>& cancelled = {});

}  // namespace moussem::booth
