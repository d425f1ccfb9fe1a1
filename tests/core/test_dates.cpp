#include <catch2/catch.hpp>

#include "core/dates.hpp"

using namespace moussem;

TEST_CASE("ISO dates are real calendar dates") {
  CHECK(dates::isIsoDate("2026-02-09"));
  CHECK(dates::isIsoDate("2028-02-29"));
  CHECK_FALSE(dates::isIsoDate("2026-02-29"));
  CHECK_FALSE(dates::isIsoDate("2026-13-01"));
  CHECK_FALSE(dates::isIsoDate("2026-2-9"));
  CHECK_FALSE(dates::isIsoDate("09/02/2026"));
  CHECK_FALSE(dates::isIsoDate(""));
}

TEST_CASE("French DD/MM/YYYY dates are read as well as ISO ones") {
  CHECK(dates::parseDate("09/02/2026") == "2026-02-09");
  CHECK(dates::parseDate("9/2/2026") == "2026-02-09");
  CHECK(dates::parseDate("2026-02-15") == "2026-02-15");
  CHECK_FALSE(dates::parseDate("31/02/2026"));
  CHECK_FALSE(dates::parseDate("02/09"));
  CHECK_FALSE(dates::parseDate("aa/bb/cccc"));
}

TEST_CASE("the days of the Artisan Week are the 7 days from 9 to 15 February") {
  auto days = dates::range("2026-02-09", "2026-02-15");
  REQUIRE(days.size() == 7);
  CHECK(days.front() == "2026-02-09");
  CHECK(days.back() == "2026-02-15");
  CHECK(dates::daysBetween("2026-02-09", "2026-02-15") == 6);
  CHECK(dates::addDays("2026-02-28", 1) == "2026-03-01");
  CHECK(dates::addDays("2028-02-28", 1) == "2028-02-29");
}
