// Paper and file exports of the venue plan: the plan as a vector PDF (A3 or A2 landscape, scaled to
// fit, legend, then an index of exhibitors by booth with French and Arabic names) or a PNG of the plan
// page; the exhibitor directory (booth, names FR/AR, sector, region, city) as PDF, CSV or XLSX. Text is
// laid out with Pango (Arabic shaped and ordered). Files are written to "<name>.partial" and renamed
// when complete: a failed export leaves nothing at the target path. Reads the store once, up front.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "booth/plan_style.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::booth {

struct PlanExportOptions {
  ColourBy colourBy = ColourBy::Status;
  std::string paper = "a3";              // a3 | a2 (landscape)
  std::function<void(double)> progress;  // 0..1
  std::function<bool()> cancelled;       // true: stop, Error(Refused), nothing written
};

// Everything an export draws, read from the store in one go.
struct PlanSnapshot {
  std::string title;  // edition name
  std::vector<Hall> halls;
  std::vector<VenueFeature> features;
  std::vector<Booth> booths;
  std::vector<Exhibitor> exhibitors;  // by id
  const Exhibitor* exhibitor(Id id) const;
};
PlanSnapshot snapshotPlan(Store& store);

// One directory line per exhibitor, by French name; booth and hall empty when none.
struct DirectoryRow {
  std::string booth, hall, name_fr, name_ar, sector, region, city;
};
std::vector<DirectoryRow> directoryRows(const PlanSnapshot& plan);

// The format comes from the extension (.pdf | .png for the plan; .pdf | .csv | .xlsx for the
// directory); another one is Error(Usage). Returns what was written (booths drawn, or directory rows).
int writePlan(const PlanSnapshot& plan, const std::filesystem::path& out, const PlanExportOptions& options = {});
int writeDirectory(const PlanSnapshot& plan, const std::filesystem::path& out, const PlanExportOptions& options = {});

}  // namespace moussem::booth
