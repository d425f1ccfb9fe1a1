// The plan's viewport: zoom and pan, venue metres <-> screen pixels. Plain arithmetic, no ImGui, no
// data: the plan screen keeps one and draws through it.
#pragma once
#include "booth/geometry.hpp"

namespace moussem::ui {

// Metres to screen pixels: screen = origin + (metres - offset) * scale.
struct PlanView {
  double scale = 8;                 // pixels per metre
  double offsetX = 0, offsetY = 0;  // venue point at the canvas origin
  double originX = 0, originY = 0;  // the canvas's top-left corner on screen

  static constexpr double kMinScale = 1.0, kMaxScale = 200.0;
  double toScreenX(double mx) const { return originX + (mx - offsetX) * scale; }
  double toScreenY(double my) const { return originY + (my - offsetY) * scale; }
  double toVenueX(double sx) const { return offsetX + (sx - originX) / scale; }
  double toVenueY(double sy) const { return offsetY + (sy - originY) / scale; }
  // Zoom by factor keeping the venue point under (sx, sy) where it is.
  void zoomAt(double factor, double sx, double sy);
  void panBy(double dxPixels, double dyPixels);
  // The whole rectangle visible in a canvas of w x h pixels, with a margin.
  void fit(const booth::Rect& bounds, double w, double h);
};

}  // namespace moussem::ui
