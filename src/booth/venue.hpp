// The venue plan as one value, its JSON file format (docs/venue-format.md) with strict validation,
// and moving it in and out of the Store. A venue file that fails any check changes nothing and the
// message names the file, the element (hall, booth, aisle...) and the field at fault.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::booth {

struct Venue {
  std::string name;
  bool example = false;  // an invented plan, shipped for demonstration
  std::string note;
  std::vector<Hall> halls;
  std::vector<VenueFeature> features;  // aisles and entrances
  std::vector<Booth> booths;
  // Parallel to booths: the exhibitor as written in the file (external id, or "#<id>"); empty: none.
  std::vector<std::string> exhibitorRefs;
};

// Parses and validates a venue file's text. `source` names it in messages (a file name). Throws
// Error(Invalid) naming the element and field: unknown or missing fields, wrong types, negative or zero
// sizes, unknown codes, duplicate codes, a booth outside its hall, overlapping booths, a booth on an
// aisle, a truncated file. Exhibitor references are kept as text (resolved on import).
Venue parseVenue(std::string_view text, const std::string& source);
Venue readVenueFile(const std::string& path);  // throws Error(NotFound/Io/Invalid)

// Checks of a venue however it was made (the editor uses it too); throws Error(Invalid).
void validateVenue(const Venue& venue, const std::string& source);

// The JSON text of a venue (exhibitors written as their external id, or "#<id>" when they have none).
std::string venueJson(const Venue& venue);

// The venue in the database, with exhibitor references filled from the exhibitors' external ids.
Venue loadVenue(Store& store);

struct VenueImport {
  int halls = 0, features = 0, booths = 0, assigned = 0;
};
// Replaces the whole venue (halls, aisles, entrances, booths) in one transaction. Exhibitor
// references must name existing exhibitors (external id or "#id"), else Error(Invalid) and nothing is
// written. Booth requests and exhibitors are untouched.
VenueImport importVenue(Store& store, const Venue& venue, const std::string& source);

// An aisle's or entrance's label in a language ("fr", "ar", "en"): its own, else the French one.
const std::string& featureLabel(const VenueFeature& feature, std::string_view language);
// The catalog key naming an aisle or an entrance in messages ("venue.element.aisle": "aisle {0}").
const char* featureElementKey(VenueFeatureKind kind);

// The shipped example plan of the OLM Souissi exhibition space (assets/venues/olm-souissi.json).
std::string_view olmSouissiExample();

}  // namespace moussem::booth
