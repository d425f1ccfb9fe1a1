// A rehearsal of the gates on demo data (`moussem-cli demo --scans`), so that the dashboard and the
// reports have something to show: badges issued and mostly printed, then on every day of the edition
// people arrive at the hall, some go to the forum, the VIP lounge or the B2B meetings, most leave in the
// evening. Every scan goes through the real pipeline and its rules, so refusals happen as they would
// (a day not on the badge, a category the forum does not admit). The same seed gives the same scans.
#pragma once
#include <cstdint>
#include <filesystem>

#include "store/store.hpp"

namespace moussem::gate {

struct RehearsalSummary {
  long long badges = 0, printed = 0, scans = 0, accepted = 0;
};

// Needs the edition's signing key beside the database; throws Error otherwise. Adds the default gate
// profiles when missing.
RehearsalSummary rehearseGates(Store& store, const std::filesystem::path& database, std::uint64_t seed = 1);

}  // namespace moussem::gate
