// Plane geometry of the venue plan (see geometry.hpp). Everything in metres with a 1 mm tolerance.
#include "booth/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace moussem::booth {

bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.right() - kEpsilon && b.x < a.right() - kEpsilon && a.y < b.bottom() - kEpsilon &&
         b.y < a.bottom() - kEpsilon;
}

bool contains(const Rect& o, const Rect& i) {
  return i.x >= o.x - kEpsilon && i.y >= o.y - kEpsilon && i.right() <= o.right() + kEpsilon &&
         i.bottom() <= o.bottom() + kEpsilon;
}

namespace {

bool onSegment(Point a, Point b, Point p) {
  const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
  const double len = std::hypot(b.x - a.x, b.y - a.y);
  if (std::abs(cross) > kEpsilon * std::max(len, 1.0)) return false;
  return p.x >= std::min(a.x, b.x) - kEpsilon && p.x <= std::max(a.x, b.x) + kEpsilon &&
         p.y >= std::min(a.y, b.y) - kEpsilon && p.y <= std::max(a.y, b.y) + kEpsilon;
}

}  // namespace

bool pointInPolygon(const std::vector<Point>& poly, Point p) {
  const std::size_t n = poly.size();
  if (n < 3) return false;
  bool inside = false;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    if (onSegment(poly[j], poly[i], p)) return true;
    const Point& a = poly[i];
    const Point& b = poly[j];
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < x) inside = !inside;
    }
  }
  return inside;
}

bool rectInPolygon(const std::vector<Point>& poly, const Rect& r) {
  for (Point c : {Point{r.x, r.y}, Point{r.right(), r.y}, Point{r.x, r.bottom()}, Point{r.right(), r.bottom()}})
    if (!pointInPolygon(poly, c)) return false;
  for (const auto& v : poly)  // a notch of a concave hall reaching into the booth
    if (v.x > r.x + kEpsilon && v.x < r.right() - kEpsilon && v.y > r.y + kEpsilon && v.y < r.bottom() - kEpsilon)
      return false;
  return true;
}

bool insideHall(const Hall& hall, const Rect& r) {
  return hall.outline.empty() ? contains(rectOf(hall), r) : rectInPolygon(hall.outline, r);
}

Rect boundingRect(const std::vector<Point>& poly) {
  if (poly.empty()) return {};
  double x0 = poly[0].x, y0 = poly[0].y, x1 = x0, y1 = y0;
  for (const auto& p : poly) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

double distance(const Rect& a, const Rect& b) {
  const double dx = std::max({0.0, b.x - a.right(), a.x - b.right()});
  const double dy = std::max({0.0, b.y - a.bottom(), a.y - b.bottom()});
  return std::hypot(dx, dy);
}

namespace {

double sharedX(const Rect& a, const Rect& b) {
  return std::min(a.right(), b.right()) - std::max(a.x, b.x);
}
double sharedY(const Rect& a, const Rect& b) {
  return std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
}

}  // namespace

bool adjacent(const Rect& a, const Rect& b, double minShared) {
  const bool touchX = std::abs(a.right() - b.x) <= kEpsilon * 10 || std::abs(b.right() - a.x) <= kEpsilon * 10;
  const bool touchY = std::abs(a.bottom() - b.y) <= kEpsilon * 10 || std::abs(b.bottom() - a.y) <= kEpsilon * 10;
  return (touchX && sharedY(a, b) >= minShared) || (touchY && sharedX(a, b) >= minShared);
}

bool facing(const Rect& a, const Rect& b, double maxGap, double minShared) {
  const double gapY = std::max(b.y - a.bottom(), a.y - b.bottom());
  const double gapX = std::max(b.x - a.right(), a.x - b.right());
  if (gapY > kEpsilon && gapY <= maxGap + kEpsilon && sharedX(a, b) >= minShared) return true;
  if (gapX > kEpsilon && gapX <= maxGap + kEpsilon && sharedY(a, b) >= minShared) return true;
  return false;
}

}  // namespace moussem::booth
