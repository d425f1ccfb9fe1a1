// What an edition, a badge category and a zone must hold before they are saved, for every way in (the
// app's Edition screen, `moussem-cli edition`): names normalised, dates as ISO (French DD/MM/YYYY
// accepted), the last day not before the first, a time zone the system knows, colours as #RRGGBB,
// codes of lower-case letters, digits, '-' and '_'. Who may change them is the store's business
// (GuardedStore: the manage_edition permission, audited).
#pragma once
#include <vector>

#include "core/domain.hpp"
#include "core/registry_rules.hpp"

namespace moussem {

// Normalise in place, then check. An empty list means the record may be saved.
std::vector<FieldError> prepareEdition(Edition& edition);
std::vector<FieldError> prepareCategory(Category& category);
std::vector<FieldError> prepareZone(Zone& zone);

}  // namespace moussem
