// Generated B2B instances for benchmarks and tests, deterministic per seed: foreign buyers from the
// export markets of the National Artisan Week (USA 44 %, France 14 %, Spain 6 %, then Turkey and
// others), Moroccan sellers from exhibitor organisations (one to three people each, a craft sector
// each), tables in the B2B area and some sellers' booths in two exhibition halls (the far hall beyond
// a changeover's walk from the tables), priorities must/should/could, some reciprocal requests, some
// "no", people absent from one half-day, per-person maxima.
//
// Scale: two half-days (one day) up to 1,000 participants, four (two days) beyond; one table per six
// participants; 40 % buyers and 60 % sellers.
#pragma once
#include <cstdint>

#include "b2b/model.hpp"

namespace moussem::b2b {

Problem generateProblem(int participants, int requests, std::uint64_t seed);

}  // namespace moussem::b2b
