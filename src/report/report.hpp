// The organisers' report from the event's figures: a PDF (cairo + pango: cover, key figures, one page
// per day with its hourly chart, registration funnel, exhibitors by region and sector, booth occupancy;
// headings in French and Arabic; forum attendance), an XLSX workbook (one sheet per table, native
// Excel charts, headers in the current language) and a folder of CSV files (one per table). Every file
// is written to a temporary name and renamed when complete.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/domain.hpp"
#include "report/figures.hpp"

namespace moussem::report {

using Progress = std::function<void(double)>;

// anchor: the audit trail's anchor line (store/audit_anchor.hpp) the report carries: in the PDF's
// keywords, in the workbook's keywords and zip comment, in the CSV folder's audit-anchor.txt.
void writePdf(const EventFigures& figures, const Edition& edition, const std::filesystem::path& out,
              const Progress& progress = {}, const std::string& anchor = {});
void writeXlsx(const EventFigures& figures, const Edition& edition, const std::filesystem::path& out,
               const Progress& progress = {}, const std::string& anchor = {});
// One CSV per table of tables.hpp into folder (created when missing, its parent must exist); returns the
// files written. All or nothing: on failure no new file is left in the folder.
std::vector<std::filesystem::path> writeCsvTables(const EventFigures& figures, const std::filesystem::path& folder,
                                                  char separator = ';', const Progress& progress = {},
                                                  const std::string& anchor = {});

// Throws Error with a message in the user's language when out's folder is missing or not writable.
void checkWritable(const std::filesystem::path& out);

// The output format a path asks for: "pdf", "xlsx", "csv" (an existing folder or a path ending in a
// separator), or "" when it says nothing we write.
std::string formatOf(const std::filesystem::path& out);

}  // namespace moussem::report
