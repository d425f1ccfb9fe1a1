#include <catch2/catch.hpp>
#include <set>

#include "core/codes.hpp"

using namespace moussem;

TEST_CASE("the code lists of the product contract are complete") {
  CHECK(codes::regions().size() == 12);
  CHECK(codes::sectors().size() == 10);
  CHECK(codes::categories().size() == 11);
  CHECK(codes::contains(codes::kinds(), "cooperative"));
  CHECK_FALSE(codes::contains(codes::kinds(), "Coopérative"));
  CHECK(codes::contains(codes::scanReasons(), "already_used_today"));
  CHECK(codes::contains(codes::reentryPolicies(), "once-per-day"));
}

TEST_CASE("every category has a distinct default colour") {
  std::set<std::string_view> colours;
  for (auto c : codes::categories()) {
    auto colour = codes::defaultCategoryColor(c);
    CHECK(colour.size() == 7);
    CHECK(colour[0] == '#');
    colours.insert(colour);
  }
  CHECK(colours.size() == codes::categories().size());
}
