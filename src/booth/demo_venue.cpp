// Demo edition on the OLM Souissi example plan (see demo_venue.hpp).
#include "booth/demo_venue.hpp"

#include <vector>

#include "booth/venue.hpp"

namespace moussem::booth {

DemoOptions withDemoVenue(DemoOptions options) {
  const std::uint64_t seed = options.seed;
  options.venue = [seed](Store& store, DemoSummary& sum) {
    const Venue venue = parseVenue(olmSouissiExample(), "olm-souissi.json");
    const VenueImport done = importVenue(store, venue, "olm-souissi.json");
    sum.halls += done.halls;
    sum.booths += done.booths;
    // Requests: the halls meant for their sector for a third of them, seniority for returning ones.
    std::vector<Exhibitor> all;
    store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) { all.push_back(x); });
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + 7;
    auto next = [&state] {
      std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      return z ^ (z >> 31);
    };
    for (const auto& x : all) {
      BoothRequest r;
      r.exhibitor_id = x.id;
      if (next() % 3 == 0)
        for (const auto& h : venue.halls)
          for (const auto& s : h.sectors)
            if (s == x.sector) r.preferred_hall = h.code;
      if (next() % 5 < 2) r.seniority = 1 + static_cast<int>(next() % 8);
      if (!r.preferred_hall.empty() || r.seniority > 0) store.saveBoothRequest(r);
    }
  };
  return options;
}

DemoSummary fillDemoEdition(Store& store, const DemoOptions& options) {
  return fillDemo(store, withDemoVenue(options));
}

}  // namespace moussem::booth
