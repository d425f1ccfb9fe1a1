// The plan's search alone, on rows made here: booths by code, exhibitors by name in either script,
// through the booth they are shown in (an allocation preview's holder as well), and the side list of
// exhibitors still without a booth.
#include <catch2/catch.hpp>

#include "core/text_fold.hpp"
#include "ui/screens/plan_search.hpp"

using namespace moussem;

namespace {

struct Rows {
  std::vector<ui::PlanBooth> booths;
  std::vector<ui::PlanExhibitor> exhibitors;
  Rows() {
    for (const char* code : {"A-01", "A-02", "B-07"}) {
      ui::PlanBooth b;
      b.booth.code = code;
      booths.push_back(b);
    }
    auto exhibitor = [&](const std::string& fr, const std::string& ar, const std::string& city, double area) {
      ui::PlanExhibitor x;
      x.id = static_cast<Id>(exhibitors.size() + 1);
      x.name_fr = fr, x.name_ar = ar, x.city = city, x.area = area;
      x.folded = text::foldForSearch(fr + " " + ar + " " + city);
      exhibitors.push_back(x);
    };
    exhibitor("Coopérative Tifawin", "تعاونية تيفاوين", "Agadir", 9);
    exhibitor("Atelier Dar Zellige", "ورشة دار الزليج", "Fès", 12);
    exhibitor("Association Al Amal", "جمعية الأمل", "Rabat", 6);
    exhibitor("Maison du Caftan", "دار القفطان", "Salé", 0);  // asked for no booth
    booths[2].holder = 0;                                     // B-07: Tifawin
    exhibitors[0].booth = 2;
  }
  int holder(int booth) const { return booths[booth].holder; }
};

}  // namespace

TEST_CASE("plan search: booths by code and by their exhibitor's name in either script, accents ignored") {
  Rows r;
  ui::PlanSearch s;
  auto shown = [&](int b) { return r.holder(b); };
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.hitCount() == 0);  // no search, nothing highlighted
  CHECK_FALSE(s.highlighted(0));
  s.setText("a-0");
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.highlighted(0));
  CHECK(s.highlighted(1));
  CHECK_FALSE(s.highlighted(2));
  CHECK(s.hitCount() == 2);
  s.setText("cooperative");  // "Coopérative", accent ignored
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.highlighted(2));
  CHECK(s.hitCount() == 1);
  s.setText("تيفاوين");
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.highlighted(2));
  CHECK_FALSE(s.highlighted(5));  // out of range: not highlighted, no crash
}

TEST_CASE("plan search: the booth shown with an exhibitor is found, a preview's as well as the holder's") {
  Rows r;
  ui::PlanSearch s;
  s.setText("zellige");
  s.apply(r.booths, r.exhibitors, [&](int b) { return r.holder(b); });
  CHECK(s.hitCount() == 0);  // Dar Zellige holds no booth
  // A preview shows Dar Zellige in A-01: the search finds it there.
  s.apply(r.booths, r.exhibitors, [&](int b) { return b == 0 ? 1 : r.holder(b); });
  CHECK(s.highlighted(0));
  CHECK(s.hitCount() == 1);
}

TEST_CASE("plan search: the side list keeps the exhibitors without a booth that match, and counts them all") {
  Rows r;
  ui::PlanSearch s;
  auto shown = [&](int b) { return r.holder(b); };
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.unassigned() == std::vector<int>{1, 2});  // Tifawin has a booth, the caftan house asked for none
  CHECK(s.unassignedTotal() == 2);
  s.setText("rabat");
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.unassigned() == std::vector<int>{2});
  CHECK(s.unassignedTotal() == 2);
  s.setText("nobody here");
  s.apply(r.booths, r.exhibitors, shown);
  CHECK(s.unassigned().empty());
  CHECK(s.unassignedTotal() == 2);
}
