// The plan's viewport (see plan_view.hpp).
#include "ui/screens/plan_view.hpp"

#include <algorithm>

namespace moussem::ui {

void PlanView::zoomAt(double factor, double sx, double sy) {
  const double mx = toVenueX(sx), my = toVenueY(sy);
  scale = std::clamp(scale * factor, kMinScale, kMaxScale);
  offsetX = mx - (sx - originX) / scale;
  offsetY = my - (sy - originY) / scale;
}

void PlanView::panBy(double dx, double dy) {
  offsetX -= dx / scale;
  offsetY -= dy / scale;
}

void PlanView::fit(const booth::Rect& r, double w, double h) {
  if (r.w <= 0 || r.h <= 0 || w <= 0 || h <= 0) return;
  const double margin = 0.04;
  scale = std::clamp(std::min(w / (r.w * (1 + 2 * margin)), h / (r.h * (1 + 2 * margin))), kMinScale, kMaxScale);
  // Centred.
  offsetX = r.x + r.w / 2 - w / 2 / scale;
  offsetY = r.y + r.h / 2 - h / 2 / scale;
}

}  // namespace moussem::ui
