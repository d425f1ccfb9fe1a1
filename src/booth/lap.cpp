// Jonker–Volgenant linear assignment on dense integer costs (R. Jonker and A. Volgenant, "A shortest
// augmenting path algorithm for dense and sparse linear assignment problems", Computing 38, 1987):
// column reduction with reduction transfer, two rounds of augmenting row reduction, then Dijkstra-like
// shortest augmenting paths for the rows still free. Costs are 32-bit, duals 64-bit: no overflow.
#include "booth/lap.hpp"

#include <algorithm>
#include <limits>
#include <queue>

namespace moussem::booth {

namespace {

using Cost = std::int64_t;
constexpr Cost kLarge = std::numeric_limits<Cost>::max() / 4;

struct Jv {
  int n;
  const std::int32_t* c;
  std::vector<int> x, y;  // row -> column, column -> row
  std::vector<Cost> v;    // column duals
  std::vector<int> freeRows;

  Cost cost(int i, int j) const { return c[static_cast<std::size_t>(i) * n + j]; }

  int columnReduction() {
    x.assign(n, -1);
    y.assign(n, 0);
    v.assign(n, kLarge);
    for (int i = 0; i < n; ++i) {
      const std::int32_t* row = c + static_cast<std::size_t>(i) * n;
      for (int j = 0; j < n; ++j)
        if (row[j] < v[j]) {
          v[j] = row[j];
          y[j] = i;
        }
    }
    std::vector<char> unique(n, 1);
    for (int j = n - 1; j >= 0; --j) {
      const int i = y[j];
      if (x[i] < 0) {
        x[i] = j;
      } else {
        unique[i] = 0;
        y[j] = -1;
      }
    }
    freeRows.clear();
    for (int i = 0; i < n; ++i) {
      if (x[i] < 0) {
        freeRows.push_back(i);
      } else if (unique[i]) {  // reduction transfer
        const int j = x[i];
        Cost min = kLarge;
        for (int j2 = 0; j2 < n; ++j2)
          if (j2 != j) {
            const Cost r = cost(i, j2) - v[j2];
            if (r < min) min = r;
          }
        v[j] -= min;
      }
    }
    return static_cast<int>(freeRows.size());
  }

  int augmentingRowReduction(int nFree) {
    int current = 0, newFree = 0;
    long long rrCount = 0;
    while (current < nFree) {
      ++rrCount;
      const int freeI = freeRows[current++];
      int j1 = 0, j2 = -1;
      Cost v1 = cost(freeI, 0) - v[0], v2 = kLarge;
      for (int j = 1; j < n; ++j) {
        const Cost r = cost(freeI, j) - v[j];
        if (r < v2) {
          if (r >= v1) {
            v2 = r;
            j2 = j;
          } else {
            v2 = v1;
            v1 = r;
            j2 = j1;
            j1 = j;
          }
        }
      }
      int i0 = y[j1];
      const Cost v1New = v[j1] - (v2 - v1);
      const bool v1Lowers = v1New < v[j1];
      if (rrCount < static_cast<long long>(current) * n) {
        if (v1Lowers) {
          v[j1] = v1New;
        } else if (i0 >= 0 && j2 >= 0) {
          j1 = j2;
          i0 = y[j2];
        }
        if (i0 >= 0) {
          if (v1Lowers)
            freeRows[--current] = i0;
          else
            freeRows[newFree++] = i0;
        }
      } else if (i0 >= 0) {
        freeRows[newFree++] = i0;
      }
      x[freeI] = j1;
      y[j1] = freeI;
    }
    return newFree;
  }

  // Shortest augmenting path from a free row; returns the free column reached, fills pred.
  int findPath(int startI, std::vector<int>& pred, std::vector<Cost>& d, std::vector<int>& cols) {
    int lo = 0, hi = 0, finalJ = -1, nReady = 0;
    Cost level = 0;  // distance of the columns in cols[lo, hi)
    for (int j = 0; j < n; ++j) {
      cols[j] = j;
      pred[j] = startI;
      d[j] = cost(startI, j) - v[j];
    }
    while (finalJ == -1) {
      if (lo == hi) {
        nReady = lo;
        // Columns at the minimal distance move to cols[lo, hi).
        Cost mind = d[cols[lo]];
        hi = lo + 1;
        for (int k = hi; k < n; ++k) {
          const int j = cols[k];
          if (d[j] <= mind) {
            if (d[j] < mind) {
              hi = lo;
              mind = d[j];
            }
            cols[k] = cols[hi];
            cols[hi++] = j;
          }
        }
        level = mind;
        for (int k = lo; k < hi; ++k)
          if (y[cols[k]] < 0) {
            finalJ = cols[k];
            break;
          }
      }
      if (finalJ == -1) {  // scan
        while (lo != hi) {
          int j = cols[lo++];
          const int i = y[j];
          const Cost mind = d[j];
          const Cost h = cost(i, j) - v[j] - mind;
          const std::int32_t* row = c + static_cast<std::size_t>(i) * n;
          for (int k = hi; k < n; ++k) {
            j = cols[k];
            const Cost r = row[j] - v[j] - h;
            if (r < d[j]) {
              d[j] = r;
              pred[j] = i;
              if (r == mind) {
                if (y[j] < 0) {
                  finalJ = j;
                  goto found;
                }
                cols[k] = cols[hi];
                cols[hi++] = j;
              }
            }
          }
        }
      }
    }
  found:
    for (int k = 0; k < nReady; ++k) {
      const int j = cols[k];
      v[j] += d[j] - level;
    }
    return finalJ;
  }

  bool augment(int nFree, const std::function<bool()>& cancelled) {
    std::vector<int> pred(n), cols(n);
    std::vector<Cost> d(n);
    for (int f = 0; f < nFree; ++f) {
      if (cancelled && (f & 63) == 0 && cancelled()) return false;
      const int freeI = freeRows[f];
      int j = findPath(freeI, pred, d, cols);
      int i = -1;
      while (i != freeI) {
        i = pred[j];
        y[j] = i;
        std::swap(j, x[i]);
      }
    }
    return true;
  }
};

}  // namespace

std::vector<int> solveAssignment(int n, const std::vector<std::int32_t>& costs,
                                 const std::function<bool()>& cancelled) {
  if (n <= 0) return {};
  if (n == 1) return {0};
  Jv jv{n, costs.data(), {}, {}, {}, {}};
  int nFree = jv.columnReduction();
  for (int round = 0; round < 2 && nFree > 0; ++round) nFree = jv.augmentingRowReduction(nFree);
  if (nFree > 0 && !jv.augment(nFree, cancelled)) return {};
  return jv.x;
}

}  // namespace moussem::booth

namespace moussem::booth {

// Rectangular shortest augmenting paths (rows <= columns), rows inserted one by one in the given
// order with row and column potentials (the Hungarian method in its O(rows^2 * cols) form). Cheap
// when each new row finds a free column after a few steps, which is the case when rows come in
// decreasing priority.
std::vector<int> solveAssignmentRect(int rows, int cols, const std::vector<std::int32_t>& c,
                                     const std::function<bool()>& cancelled) {
  using Cost = std::int64_t;
  const Cost inf = std::numeric_limits<Cost>::max() / 4;
  std::vector<Cost> u(rows + 1, 0), v(cols + 1, 0), minv(cols + 1);
  std::vector<int> p(cols + 1, 0), way(cols + 1, 0);  // p[j]: row (1-based) in column j
  std::vector<char> used(cols + 1);
  for (int i = 1; i <= rows; ++i) {
    if (cancelled && (i & 63) == 0 && cancelled()) return {};
    p[0] = i;
    int j0 = 0;
    std::fill(minv.begin(), minv.end(), inf);
    std::fill(used.begin(), used.end(), 0);
    do {
      used[j0] = 1;
      const int i0 = p[j0];
      Cost delta = inf;
      int j1 = 0;
      const std::int32_t* row = c.data() + static_cast<std::size_t>(i0 - 1) * cols;
      const Cost ui = u[i0];
      for (int j = 1; j <= cols; ++j) {
        if (used[j]) continue;
        const Cost cur = row[j - 1] - ui - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (int j = 0; j <= cols; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  std::vector<int> x(rows, -1);
  for (int j = 1; j <= cols; ++j)
    if (p[j] != 0) x[p[j] - 1] = j - 1;
  return x;
}

// Column `cols + r` is row r's own "out" column, at cost 0. v: column potentials; a row's potential
// is implicit (its arc's cost minus its column's potential), so every arc's reduced cost
// cost - v[col] - (rowCost - v[rowCol]) stays >= 0 and is 0 on the matching.
std::vector<int> solveSparseAssignment(int rows, int cols, const std::vector<std::vector<Arc>>& arcs,
                                       const std::function<bool()>& cancelled) {
  using Cost = std::int64_t;
  const int total = cols + rows;
  // What the search reads for each arc it looks at, side by side: one cache line, not four (at 2,500
  // exhibitors this loop is a third of the allocator's time).
  struct Column {
    Cost v = 0;    // potential
    Cost d = 0;    // distance from the row being inserted, when seen == the search's stamp
    int seen = 0;  // the last search that reached it
    int done = 0;  // the last search that settled it
  };
  std::vector<Column> column(total);
  std::vector<int> colRow(total, -1), rowCol(rows, -1), pred(total, -1);
  std::vector<Cost> rowCost(rows, 0), predCost(total, 0);
  std::vector<int> scanned;
  using Item = std::pair<Cost, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  // Each row's arcs side by side, cheapest first.
  std::vector<std::size_t> first(static_cast<std::size_t>(rows) + 1, 0);
  for (int r = 0; r < rows; ++r) first[r + 1] = first[r] + arcs[r].size();
  std::vector<Arc> sorted(first[rows]);
  for (int r = 0; r < rows; ++r) {
    const auto begin = sorted.begin() + static_cast<std::ptrdiff_t>(first[r]);
    std::copy(arcs[r].begin(), arcs[r].end(), begin);
    std::sort(begin, begin + static_cast<std::ptrdiff_t>(arcs[r].size()),
              [](const Arc& a, const Arc& b) { return a.cost < b.cost || (a.cost == b.cost && a.col < b.col); });
  }
  int stamp = 0;
  // The shortest distance to a free column offered so far in this search: the path found cannot be
  // longer, so nothing longer is worth a place in the heap. Potentials start at 0 and only fall
  // (a settled column's distance is at most the path's), so an arc costs at least cost - h: in a
  // row sorted cheapest first, the first arc beyond the bound ends the row.
  Cost bound = 0;
  auto relax = [&](int r, Cost h) {  // from row r, whose own potential is h
    const int st = stamp;
    auto offer = [&](int k, std::int32_t cost) {
      Column& c = column[k];
      if (c.done == st) return;
      const Cost nd = cost - c.v - h;
      if (nd > bound) return;
      if (c.seen != st || nd < c.d) {
        if (colRow[k] < 0) bound = std::min(bound, nd);
        c.seen = st;
        c.d = nd;
        pred[k] = r;
        predCost[k] = cost;
        heap.push({nd, k});
      }
    };
    for (std::size_t q = first[r]; q < first[r + 1] && sorted[q].cost - h <= bound; ++q)
      offer(sorted[q].col, sorted[q].cost);
    offer(cols + r, 0);
  };
  for (int i = 0; i < rows; ++i) {
    if (cancelled && (i & 63) == 0 && cancelled()) return {};
    ++stamp;
    scanned.clear();
    heap = {};
    bound = std::numeric_limits<Cost>::max();
    relax(i, 0);
    int end = -1;
    Cost mind = 0;
    while (!heap.empty()) {
      const auto [dj, j] = heap.top();
      heap.pop();
      Column& c = column[j];
      if (c.done == stamp || dj != c.d) continue;
      c.done = stamp;
      if (colRow[j] < 0) {
        end = j;
        mind = dj;
        break;
      }
      scanned.push_back(j);
      const int r = colRow[j];
      relax(r, rowCost[r] - c.v - dj);
    }
    // Potentials: the columns settled before the free one come closer by what they saved.
    for (int j : scanned) column[j].v += column[j].d - mind;
    // Augment along the predecessors back to row i.
    for (int j = end;;) {
      const int r = pred[j];
      const int previous = rowCol[r];
      colRow[j] = r;
      rowCol[r] = j;
      rowCost[r] = predCost[j];
      if (r == i) break;
      j = previous;
    }
  }
  std::vector<int> x(rows, -1);
  for (int r = 0; r < rows; ++r) x[r] = rowCol[r] < cols ? rowCol[r] : -1;
  return x;
}

}  // namespace moussem::booth
