// Generated allocation instances for benchmarks and property tests: halls of back-to-back rows with
// islands and peninsulas, exhibitors with the request mix of a real fair (areas, power, corners,
// programmes, competitors, preferred halls), a few confirmed and blocked booths. Deterministic per seed.
#pragma once
#include <cstdint>
#include <vector>

#include "booth/allocation.hpp"

namespace moussem::booth {

struct GeneratedInstance {
  std::vector<Hall> halls;
  std::vector<VenueFeature> features;
  std::vector<Booth> booths;
  std::vector<Exhibitor> exhibitors;
  std::vector<BoothRequest> requests;
};

// About booth_ratio booths per exhibitor (at least one hall).
GeneratedInstance generateInstance(int exhibitors, std::uint64_t seed, double booth_ratio = 1.15);
Problem generatedProblem(int exhibitors, std::uint64_t seed, double booth_ratio = 1.15,
                         const AllocationSettings& settings = {});

}  // namespace moussem::booth
