// What the B2B imports (requests, availability) share, private to src/b2b: an organiser's sheet parsed
// with its columns found by their headers, and the small text helpers of their cells.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.hpp"
#include "io/import.hpp"

namespace moussem::b2b {

std::string trimmed(const std::string& s);  // spaces and tabs off both ends
std::string lowered(std::string s);         // ASCII letters in lower case

struct Sheet {
  csv::Table table;
  std::vector<int> columns;  // per wanted column, its index in the rows; -1 when no header names it
};

// Parses the file's bytes (a malformed file is refused with Error(Invalid) naming it), starts the
// report (file, separator) and finds each wanted column by any of its header names (case and spaces
// ignored). An empty file is refused with `emptyMessage`.
Sheet openSheet(std::string_view bytes, const std::string& name, io::ImportReport& report,
                std::initializer_list<std::initializer_list<std::string_view>> wanted, const std::string& emptyMessage);

}  // namespace moussem::b2b
