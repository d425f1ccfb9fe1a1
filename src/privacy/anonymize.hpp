// Anonymisation after the event (Law 09-08: personal data kept no longer than its purpose needs):
// every personal field of people, exhibitor contacts and artisans (natural persons), the free-text
// reasons and notes, and the staff's operator names are replaced by anonymous tokens or emptied, in
// ONE transaction, while everything the figures and reports count stays: categories, exhibitor links,
// countries, regions, sectors, kinds, attendance days, consent flags, badges' serials, versions and
// statuses, print events, every scan's time, gate, zone, direction, verdict and reason, presences,
// booths. Idempotent: a second run finds nothing left to change. The edition is then marked anonymised
// (settings privacy.anonymised_at and privacy.anonymised_by). See docs/personal-data.md.
#pragma once
#include <string>

#include "store/store.hpp"

namespace moussem::privacy {

// Tokens: a person's last name becomes kPersonToken + id, an artisan's name kArtisanToken + id, the
// n-th operator name kOperatorToken + n.
inline constexpr const char* kPersonToken = "ANON-P";
inline constexpr const char* kArtisanToken = "ANON-X";
inline constexpr const char* kOperatorToken = "ANON-OP";
// Settings written by anonymize().
inline constexpr const char* kAnonymisedAt = "privacy.anonymised_at";
inline constexpr const char* kAnonymisedBy = "privacy.anonymised_by";

// What an anonymisation would touch (nothing written) or has touched.
struct AnonymizeSummary {
  long long people = 0;       // people in the edition (plan) / rows changed (done)
  long long exhibitors = 0;   // exhibitors (plan) / rows changed (done)
  long long operators = 0;    // operator names still to replace (plan) / replaced (done)
  long long notes = 0;        // free-text reasons and notes emptied (done only)
  long long audit_rows = 0;   // audit rows whose before and after were erased (done only)
  std::string anonymised_at;  // when the edition was first anonymised; empty: never
  std::string anonymised_by;
  bool edition_over = true;  // the edition's last day is before today
  // Whether the database's free space was scrubbed after the commit (done only). false: the
  // anonymisation holds, but old values may linger in free pages until the database is compacted.
  bool scrubbed = false;
  std::string scrub_error;
};

// Counts only; never writes. today: YYYY-MM-DD.
AnonymizeSummary planAnonymization(Store& store, const std::string& today);

// Runs the anonymisation in one store->write(): all or nothing (an error halfway, e.g. a lost
// PostgreSQL connection, rolls everything back and is rethrown). Refuses with Error(Refused) while the
// edition is not over (today on or before its last day) unless before_end. by: who ran it (a plain
// name; the signed-in user once there is one); now: ISO-8601 UTC.
AnonymizeSummary anonymize(Store& store, const std::string& by, const std::string& now, bool before_end = false);

// Whether the edition has been anonymised (the app can show it).
bool isAnonymised(Store& store);

}  // namespace moussem::privacy
