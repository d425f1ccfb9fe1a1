// Plane geometry of a venue plan in metres: rectangles, polygons, and the relations between booths
// that the allocator and the plan care about (adjacent, facing across an aisle). Pure functions.
#pragma once
#include <vector>

#include "core/domain.hpp"

namespace moussem::booth {

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  double area() const { return w * h; }
};

inline Rect rectOf(const Booth& b) {
  return {b.x, b.y, b.width, b.depth};
}
inline Rect rectOf(const Hall& h) {
  return {h.x, h.y, h.width, h.height};
}
inline Rect rectOf(const VenueFeature& f) {
  return {f.x, f.y, f.width, f.height};
}

// Tolerance of every comparison: 1 mm. Booths that touch along an edge do not overlap.
inline constexpr double kEpsilon = 1e-3;

bool overlaps(const Rect& a, const Rect& b);  // interiors intersect
bool contains(const Rect& outer, const Rect& inner);
bool pointInPolygon(const std::vector<Point>& polygon, Point p);  // boundary counts as inside
// The rectangle lies inside the polygon (corners inside, no polygon vertex strictly inside it).
bool rectInPolygon(const std::vector<Point>& polygon, const Rect& r);
bool insideHall(const Hall& hall, const Rect& r);
Rect boundingRect(const std::vector<Point>& polygon);

// Gap between two rectangles along x and along y (0 when they touch or overlap on that axis), and the
// length over which their projections overlap on the other axis.
double distance(const Rect& a, const Rect& b);  // shortest distance between the two rectangles

// Two booths share a side (touching along at least `minShared` metres): neighbours in a row or back to back.
bool adjacent(const Rect& a, const Rect& b, double minShared = 0.5);
// Two booths face each other across an aisle: their fronts overlap by at least `minShared` metres and the
// gap between them is at most `maxGap` metres (with nothing in between: callers pass the aisle width).
bool facing(const Rect& a, const Rect& b, double maxGap, double minShared = 1.0);

}  // namespace moussem::booth
