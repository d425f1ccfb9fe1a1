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

#include "booth/geometry.hpp"
#include "booth/plan_style.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"

typedef struct _cairo cairo_t;  // cairo.h's, so that includers need not see cairo

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

// The plan drawn small inside a box of a page someone else is drawing (the B2B agendas): the venue (or
// the part `view` of it, metres) scaled to fit the box, halls, aisles, entrances and booths with their
// codes as the plan page draws them, in neutral colours and without legend; the booths named in
// `marked` filled and outlined in the mark colour, and extra squares (the B2B area's tables, centred on
// x, y) with their codes, the marked ones in the mark colour. Draws through cr only.
struct MapSquare {
  std::string code;
  double x = 0, y = 0;  // venue metres, the square's centre
  bool marked = false;
};
struct PlanMap {
  bool whole = true;  // false: only `view`
  Rect view;
  std::vector<std::string> marked;  // booth codes
  std::vector<MapSquare> squares;
  bool arabic = false;  // halls named in Arabic
};
void drawPlanMap(cairo_t* cr, const PlanSnapshot& plan, double x, double y, double w, double h, const PlanMap& map);

}  // namespace moussem::booth
