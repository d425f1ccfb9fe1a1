// The organisers' report from the event's figures: a PDF (cairo + pango: cover, key figures, one page
// per day with its hourly chart, registration funnel, exhibitors by region and sector, booth occupancy;
// headings in French and Arabic) and an XLSX workbook (one sheet per table, native Excel charts,
// headers in the current language). Both are written to a temporary file and renamed when complete.
#pragma once
#include <filesystem>
#include <functional>

#include "core/domain.hpp"
#include "report/figures.hpp"

namespace moussem::report {

using Progress = std::function<void(double)>;

void writePdf(const EventFigures& figures, const Edition& edition, const std::filesystem::path& out,
              const Progress& progress = {});
void writeXlsx(const EventFigures& figures, const Edition& edition, const std::filesystem::path& out,
               const Progress& progress = {});

}  // namespace moussem::report
