// Realistic, deterministic demo data: the 9th National Artisan Week (Rabat, OLM Souissi, February
// 2026) with cooperatives from every region and forum participants of every category. The same seed
// always gives the same data; sizes scale to a million people for benchmarks.
#pragma once
#include <cstdint>
#include <functional>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem {

struct DemoSummary {
  long long exhibitors = 0, participants = 0, staff = 0, halls = 0, booths = 0;
  // The forum's B2B programme (DemoOptions::b2b_buyers): buyers added, sessions, tables, requests.
  long long b2b_buyers = 0, b2b_sessions = 0, b2b_tables = 0, b2b_requests = 0;
};

struct DemoOptions {
  int exhibitors = 62;
  long long participants = 400;  // people who are not exhibitor staff
  std::uint64_t seed = 1;
  std::function<void(double)> progress;  // 0..1, may be empty; called from the calling thread
  std::function<bool()> cancelled;       // may be empty; true: stop, throw Error(Refused), nothing written
  // Installs the venue inside the demo's transaction, after the exhibitors, and counts its halls and
  // booths into the summary. Empty: the built-in generated three-hall plan. The booth module passes
  // the shipped OLM Souissi example plan (booth/demo_venue.hpp).
  std::function<void(Store&, DemoSummary&)> venue;
  // The forum's B2B programme: this many foreign buyers (besides the participants), from the export
  // markets of Moroccan handicrafts (USA 44 %, France 14 %, Spain 6 %, then Turkey and the rest of
  // Europe and West Africa), three half-day sessions, 30 tables in the B2B area, and their requests to
  // meet the exhibitors' contact people (the sellers), some asked back, a few refused. 0: none. The
  // schedule itself is b2b::planSchedule's (the `demo` command runs it).
  int b2b_buyers = 0;
};

// The demo edition: clearly marked (is_demo, "(démo)" in its names).
Edition demoEdition();

// Fills an edition that has no exhibitors and no people yet (else throws Error(Refused)), in one
// transaction: all of it or nothing.
DemoSummary fillDemo(Store& store, const DemoOptions& options);

}  // namespace moussem
