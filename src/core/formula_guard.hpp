// CSV files leave Moussem for spreadsheets, which run a cell that starts like a formula: a name typed
// as =HYPERLINK("http://x","y") would become a live link, or worse, on the organiser's machine (CSV
// formula injection). Every CSV export passes its cells through here (OWASP's rule): a value starting
// with = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text.
// Plain numbers are left alone (-12.5, +212612345678: a phone in E.164). The database keeps the value
// exactly as it was typed; only the exported cell changes (docs/import-format.md).
#pragma once
#include <string>
#include <string_view>

namespace moussem {

std::string neutralizeFormula(std::string_view cell);

}  // namespace moussem
