#include "privacy/anonymize.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::privacy {

namespace {

// The number of an operator token ("ANON-OP12" -> 12), or 0 when name is not one.
long long operatorTokenNumber(const std::string& name) {
  const std::string prefix = kOperatorToken;
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
  long long n = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || n > 1000000000LL) return 0;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

bool editionOver(Store& store, const std::string& today) {
  const auto edition = store.edition();
  return !edition || edition->ends_on.empty() || edition->ends_on < today;
}

}  // namespace

AnonymizeSummary planAnonymization(Store& store, const std::string& today) {
  AnonymizeSummary s;
  const Overview o = store.overview();
  s.people = o.people;
  s.exhibitors = o.exhibitors;
  for (const auto& name : store.operatorNames()) s.operators += operatorTokenNumber(name) == 0;
  s.anonymised_at = store.setting(kAnonymisedAt).value_or("");
  s.anonymised_by = store.setting(kAnonymisedBy).value_or("");
  s.edition_over = editionOver(store, today);
  return s;
}

AnonymizeSummary anonymize(Store& store, const std::string& by, const std::string& now, bool before_end) {
  AnonymizeSummary s;
  s.edition_over = editionOver(store, now.substr(0, 10));
  if (!s.edition_over && !before_end) {
    const auto edition = store.edition();
    throw Error(ErrorKind::Refused, tr("privacy.anonymize.not_over", {edition ? edition->ends_on : ""}));
  }
  store.write([&] {
    // First: the audit rows written below (counts only) keep their values.
    s.audit_rows = store.redactAudit(now);
    s.people = store.anonymizePeople(kPersonToken);
    s.exhibitors = store.anonymizeExhibitors(kArtisanToken);
    s.notes = store.clearFreeTextNotes();
    // Operators are the organiser's staff: each name becomes a token, the same token wherever the name
    // appears (badge events and scans), so per-operator counts stay. Tokens already given are kept and
    // new ones numbered after them: a second run renames nothing.
    const auto names = store.operatorNames();
    long long next = 0;
    for (const auto& name : names) next = std::max(next, operatorTokenNumber(name));
    for (const auto& name : names) {
      if (operatorTokenNumber(name) != 0) continue;
      store.renameOperator(name, kOperatorToken + std::to_string(++next));
      ++s.operators;
    }
    s.anonymised_at = store.setting(kAnonymisedAt).value_or("");
    s.anonymised_by = store.setting(kAnonymisedBy).value_or("");
    if (s.anonymised_at.empty()) {
      s.anonymised_at = now;
      s.anonymised_by = by;
      store.setSetting(kAnonymisedAt, now);
      store.setSetting(kAnonymisedBy, by);
    }
  });
  try {
    store.scrubFreedSpace();
    s.scrubbed = true;
  } catch (const std::exception& e) {
    s.scrub_error = e.what();  // committed already: a warning, not a failure
  }
  return s;
}

bool isAnonymised(Store& store) {
  return store.setting(kAnonymisedAt).has_value();
}

}  // namespace moussem::privacy
