// A gate's local copy of what it needs to decide alone when the server is unreachable: the edition
// (with the badge public key), categories, zones, gate profiles, people's summaries (names, category,
// organisation, days: no e-mail, no phone), badges (versions, revocations) and presence. The copy is a
// SQLite file of the ordinary Moussem schema, so the same ScanPipeline decides from it; scans decided
// offline are logged in its scan table and form the queue pushed when the server returns.
#pragma once
#include <string>

#include "store/store.hpp"

namespace moussem {

struct RefreshSummary {
  long long rows = 0;
  double seconds = 0;
};

// Brings the local copy up to the server's state (upserts, one local transaction). People deleted on
// the server stay in the copy; their badges were revoked or deleted there, which the copy follows.
RefreshSummary refreshLocalCopy(Store& server, Store& local);

}  // namespace moussem
