// The plan's selection alone, on rows made here: one booth, several (Shift+click, rubber band, all),
// a hall or an aisle instead of booths, and the selection kept by code when the plan is read again in
// another order or loses a booth.
#include <algorithm>
#include <catch2/catch.hpp>

#include "ui/screens/plan_selection.hpp"

using namespace moussem;

namespace {

struct Rows {
  std::vector<ui::PlanBooth> booths;
  std::vector<Hall> halls;
  std::vector<VenueFeature> features;
  ui::PlanSelection selection{booths, halls, features};
  Rows() {
    // A-01..A-04 in a row of 3 m booths from x = 0; B-01 far away.
    for (int i = 0; i < 4; ++i) add("A-0" + std::to_string(i + 1), 3.0 * i, 0);
    add("B-01", 100, 100);
    Hall a;
    a.code = "A";
    halls.push_back(a);
    VenueFeature aisle;
    aisle.code = "A-A1";
    aisle.kind = VenueFeatureKind::Aisle;
    features.push_back(aisle);
    selection.sync();
  }
  void add(const std::string& code, double x, double y) {
    ui::PlanBooth b;
    b.booth.code = code;
    b.booth.hall = code.substr(0, 1);
    b.booth.x = x, b.booth.y = y, b.booth.width = 3, b.booth.depth = 3;
    booths.push_back(b);
  }
  int index(const std::string& code) const {
    for (std::size_t i = 0; i < booths.size(); ++i)
      if (booths[i].booth.code == code) return static_cast<int>(i);
    return -1;
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (int i : selection.booths()) out.push_back(booths[i].booth.code);
    return out;
  }
  std::string current() const { return selection.currentBooth() ? selection.currentBooth()->booth.code : ""; }
};

}  // namespace

TEST_CASE("plan selection: a click selects one booth, Shift+click adds and removes, the last one clicked is shown") {
  Rows r;
  CHECK(r.selection.count() == 0);
  CHECK(r.selection.current() == -1);
  r.selection.select(r.index("A-02"));
  CHECK(r.codes() == std::vector<std::string>{"A-02"});
  CHECK(r.current() == "A-02");
  r.selection.toggle(r.index("A-04"));
  CHECK(r.codes() == std::vector<std::string>{"A-02", "A-04"});  // in plan order
  CHECK(r.current() == "A-04");
  CHECK(r.selection.contains(r.index("A-02")));
  CHECK_FALSE(r.selection.contains(r.index("A-03")));
  r.selection.toggle(r.index("A-04"));  // removed: nothing shown, A-02 still selected
  CHECK(r.codes() == std::vector<std::string>{"A-02"});
  CHECK(r.selection.current() == -1);
  r.selection.select(-1);
  CHECK(r.selection.count() == 0);
  r.selection.toggle(99);  // out of range: nothing changes, no crash
  CHECK(r.selection.count() == 0);
  CHECK_FALSE(r.selection.contains(99));
}

TEST_CASE("plan selection: a rubber band selects the booths it touches, adds with Shift, and Ctrl+A takes all") {
  Rows r;
  r.selection.selectInRect({4, 1, 3, 1}, false);  // touches A-02 (3..6) and A-03 (6..9)
  CHECK(r.codes() == std::vector<std::string>{"A-02", "A-03"});
  CHECK(r.current() == "A-03");
  r.selection.selectInRect({1, 2, -2, 0.5}, true);  // drawn leftwards from x = 1: A-01, added
  CHECK(r.codes() == std::vector<std::string>{"A-01", "A-02", "A-03"});
  r.selection.selectInRect({50, 50, 1, 1}, false);  // empty floor: nothing
  CHECK(r.selection.count() == 0);
  CHECK(r.selection.current() == -1);
  r.selection.selectAll();
  CHECK(r.selection.count() == 5);
  CHECK(r.current() == "A-01");
  r.selection.selectCodes({"A-03", "B-01"});
  CHECK(r.codes() == std::vector<std::string>{"A-03", "B-01"});
  CHECK(r.current() == "B-01");
}

TEST_CASE("plan selection: a hall or an aisle is selected instead of booths, and only if it exists") {
  Rows r;
  r.selection.select(r.index("A-01"));
  r.selection.selectHall("A");
  REQUIRE(r.selection.hall());
  CHECK(r.selection.hall()->code == "A");
  CHECK(r.selection.count() == 0);
  CHECK_FALSE(r.selection.feature());
  r.selection.selectFeature("A-A1");
  REQUIRE(r.selection.feature());
  CHECK_FALSE(r.selection.hall());
  r.selection.selectHall("Z");  // no such hall
  CHECK_FALSE(r.selection.hall());
  r.selection.selectFeature("A-A1");
  r.selection.select(r.index("A-02"));  // a booth clears the hall or aisle
  CHECK_FALSE(r.selection.feature());
}

TEST_CASE("plan selection: read again in another order, the same booths stay selected, and a booth gone leaves it") {
  Rows r;
  r.selection.select(r.index("A-02"));
  r.selection.toggle(r.index("A-03"));
  r.selection.toggle(r.index("B-01"));
  std::reverse(r.booths.begin(), r.booths.end());  // the plan read again: other indices
  r.selection.sync();
  CHECK(r.codes() == std::vector<std::string>{"B-01", "A-03", "A-02"});
  CHECK(r.current() == "B-01");
  r.booths.erase(r.booths.begin());  // B-01 deleted elsewhere: the last still selected is shown
  r.selection.sync();
  CHECK(r.codes() == std::vector<std::string>{"A-03", "A-02"});
  CHECK(r.current() == "A-03");
  r.selection.selectHall("A");
  r.halls.clear();  // the hall deleted
  r.selection.sync();
  CHECK_FALSE(r.selection.hall());
}
