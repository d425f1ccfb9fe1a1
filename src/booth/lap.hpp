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

}  // namespace moussem::booth
