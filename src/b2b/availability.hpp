// Who is at which B2B session, imported from the organisers' spreadsheet: `person;session;available`
// rows (docs/b2b.md). A session is named by its id ("12" or "#12"), by a half-day ("2026-02-10 am",
// "2026-02-10 pm": every session of that morning or afternoon) or by a day (every session of it);
// available is yes/no (oui/non, 1/0). The rows of one person add up, a later row winning over an
// earlier one for the same session. All or nothing, like the other imports: a person not found, a day
// outside the edition, a half-day without a session, a bad yes/no is named with its line and column,
// and then nothing is written (unless skip_invalid).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "io/import.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

io::ImportReport importAvailability(Store& store, const std::filesystem::path& file,
                                    const io::ImportOptions& options = {});
io::ImportReport importAvailabilityText(Store& store, std::string_view bytes, const std::string& name,
                                        const io::ImportOptions& options = {});

}  // namespace moussem::b2b
