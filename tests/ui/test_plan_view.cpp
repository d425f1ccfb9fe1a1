// The plan's viewport alone: metres and pixels, zoom at the pointer, pan, fit.
#include <catch2/catch.hpp>

#include "ui/screens/plan_view.hpp"

using namespace moussem;

TEST_CASE("plan view: it zooms at the pointer and pans") {
  ui::PlanView v;
  v.originX = 100, v.originY = 50;
  v.fit({0, 0, 100, 50}, 1000, 500);
  CHECK(v.toScreenX(50) == Approx(100 + 500));
  const double mx = v.toVenueX(300), my = v.toVenueY(200);
  v.zoomAt(2.0, 300, 200);
  CHECK(v.toVenueX(300) == Approx(mx));  // the point under the pointer stays
  CHECK(v.toVenueY(200) == Approx(my));
  const double before = v.toScreenX(10);
  v.panBy(40, 0);
  CHECK(v.toScreenX(10) == Approx(before + 40));
}

TEST_CASE("plan view: fit shows the whole venue centred, and zoom stays within its limits") {
  ui::PlanView v;
  v.fit({10, 20, 200, 50}, 1000, 1000);  // wide: the width decides
  CHECK(v.toScreenX(10) > 0);
  CHECK(v.toScreenX(210) < 1000);
  CHECK(v.toScreenX(110) == Approx(500));
  CHECK(v.toScreenY(45) == Approx(500));
  v.fit({0, 0, 0, 10}, 1000, 1000);  // nothing to fit: unchanged
  CHECK(v.toScreenX(110) == Approx(500));
  v.zoomAt(1e6, 0, 0);
  CHECK(v.scale == ui::PlanView::kMaxScale);
  v.zoomAt(1e-6, 0, 0);
  CHECK(v.scale == ui::PlanView::kMinScale);
}
