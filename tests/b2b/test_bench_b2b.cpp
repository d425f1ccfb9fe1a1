// bench b2b through the real moussem-cli: one JSON object, zero hard violations, the floor below ours.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace moussem::test;
using json = nlohmann::json;

TEST_CASE("bench b2b prints the schedule's figures and the first-fit floor of the same run") {
  TempDir dir;
  const auto lp = (dir / "b2b.lp").string();
  auto r = run("moussem-cli", {"bench", "b2b", "--n", "60", "--requests", "400", "--seeds", "1", "--export-lp", lp});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out);
  CHECK(j["scenario"] == "b2b");
  const auto& run0 = j["runs"][0];
  CHECK(run0["participants"] == 60);
  CHECK(run0["requests"] == 400);
  CHECK(run0["hard_violations"] == 0);
  CHECK(run0["floor"]["hard_violations"] == 0);
  CHECK(run0["scheduled"].get<int>() > 0);
  CHECK(run0["objective"].get<long long>() > run0["floor"]["objective"].get<long long>());
  CHECK(run0["idle_gaps"].get<long long>() <= run0["floor"]["idle_gaps"].get<long long>());
  CHECK(run0["lp"]["exact"] == true);
  CHECK(std::filesystem::file_size(lp) > 0);
  CHECK(j["summary"][0]["hard_violations"] == 0);
}
