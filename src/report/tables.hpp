// Every table of the report as plain rows of text: the CSV files (`report --format csv`) are written
// from these. Table and column names are stable codes (scripts rely on them); a "label" column gives
// a coded row's name in the current language. No file access, no drawing.
#pragma once
#include <string>
#include <vector>

#include "report/figures.hpp"

namespace moussem::report {

struct Table {
  std::string name;                  // file stem: "days" → days.csv
  std::vector<std::string> columns;  // stable column codes
  std::vector<std::vector<std::string>> rows;
};

// summary, days, hours, categories, regions, sectors, booths, inside, zones_days, zones_categories.
std::vector<Table> reportTables(const EventFigures& figures);

}  // namespace moussem::report
