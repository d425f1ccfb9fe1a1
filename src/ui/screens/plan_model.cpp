// The plan screen's model (see plan_model.hpp).
#include "ui/screens/plan_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "booth/allocator.hpp"
#include "booth/plan_export.hpp"
#include "booth/venue.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text_fold.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

PlanModel::PlanModel(Store& store)
    : store_(store),
      context_{store_,
               halls_,
               features_,
               booths_,
               exhibitors_,
               selection_,
               history_,
               feedback_,
               [this] { return allocation_.previewing() || allocation_.running(); },
               [this] { load(); },
               [this] { refreshBooths(); }} {
  const char* home = std::getenv("HOME");
  exportPath =
      (std::filesystem::path(home && *home ? home : std::filesystem::temp_directory_path().string()) / "plan.pdf")
          .string();
}

bool PlanModel::startExport(bool directory) {
  if (exportTask_.running()) return false;
  const std::string location = store_.location(), out = exportPath;
  booth::PlanExportOptions options;
  options.colourBy = colourBy_;
  feedback_.text.clear();
  return exportTask_.start([=](BackgroundTask::Context& ctx) mutable {
    ctx.setStage("plan.export.progress");
    options.progress = [&ctx](double f) { ctx.fraction = f; };
    options.cancelled = [&ctx] { return ctx.cancel.load(); };
    auto store = openAsSignedIn(location);  // the worker's own connection
    const auto snapshot = booth::snapshotPlan(*store);
    const int n = directory ? booth::writeDirectory(snapshot, out, options) : booth::writePlan(snapshot, out, options);
    return tr(directory ? "plan.export.done_directory" : "plan.export.done_plan",
              {paths::forDisplay(out), std::to_string(n)});
  });
}
PlanModel::~PlanModel() = default;

namespace {

std::uint32_t packed(booth::Rgb c, std::uint8_t alpha = 255) {
  return (std::uint32_t(alpha) << 24) | (std::uint32_t(c.b) << 16) | (std::uint32_t(c.g) << 8) | c.r;
}

std::string codesLabels(std::string_view family, const std::string& code) {
  if (code.empty()) return {};
  std::string out = code;
  for (const char* lang : {"fr", "ar", "en"}) out += " " + i18n::label(family, code, lang);
  return out;
}

}  // namespace

void PlanModel::load() {
  allocation_.discard();  // the plan may have changed under the preview: it is not valid any more
  halls_ = store_.halls();
  features_ = store_.venueFeatures();
  exhibitors_.clear();
  store_.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
    PlanExhibitor e;
    e.id = x.id;
    e.name_fr = x.name_fr;
    e.name_ar = x.name_ar;
    e.short_fr = booth::shortName(x.name_fr);
    e.short_ar = booth::shortName(x.name_ar);
    e.sector = x.sector;
    e.region = x.region;
    e.city = x.city;
    e.program = x.program;
    e.kind = x.kind;
    e.area = x.booth_area_m2;
    e.wants_corner = x.wants_corner;
    e.needs_power = x.needs_power;
    e.folded = text::foldForSearch(x.name_fr + " " + x.name_ar + " " + x.city + " " + codesLabels("sector", x.sector) +
                                   " " + codesLabels("region", x.region));
    exhibitors_.push_back(std::move(e));
  });
  std::sort(exhibitors_.begin(), exhibitors_.end(), [](const PlanExhibitor& a, const PlanExhibitor& b) {
    return a.name_fr != b.name_fr ? a.name_fr < b.name_fr : a.id < b.id;
  });
  // Bounds of everything drawn.
  bool first = true;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  auto grow = [&](const booth::Rect& r) {
    if (first) {
      x0 = r.x, y0 = r.y, x1 = r.right(), y1 = r.bottom();
      first = false;
    }
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
  };
  for (const auto& h : halls_) grow(h.outline.empty() ? booth::rectOf(h) : booth::boundingRect(h.outline));
  for (const auto& f : features_) grow(booth::rectOf(f));
  loaded_ = true;
  refreshBooths();
  for (const auto& b : booths_) grow(booth::rectOf(b.booth));
  bounds_ = {x0, y0, x1 - x0, y1 - y0};
  selection_.sync();
}

void PlanModel::refreshBooths() {
  std::map<std::string, std::string> hallNames;
  for (const auto& h : halls_) hallNames[h.code] = h.name;
  std::map<Id, int> byId;
  for (std::size_t i = 0; i < exhibitors_.size(); ++i) {
    exhibitors_[i].booth = -1;
    byId[exhibitors_[i].id] = static_cast<int>(i);
  }
  booths_.clear();
  for (auto& b : store_.booths()) {
    PlanBooth pb;
    pb.booth = std::move(b);
    pb.hallName = hallNames[pb.booth.hall];
    if (pb.booth.exhibitor_id) {
      auto it = byId.find(*pb.booth.exhibitor_id);
      if (it != byId.end()) {
        pb.holder = it->second;
        if (exhibitors_[it->second].booth < 0) exhibitors_[it->second].booth = static_cast<int>(booths_.size());
      }
    }
    booths_.push_back(std::move(pb));
  }
  selection_.sync();  // found again by code
  rebuildDerived();
}

void PlanModel::rebuildDerived() {
  ++revision_;
  search_.apply(booths_, exhibitors_, [this](int booth) { return shownHolder(booth); });
}

int PlanModel::boothIndex(const std::string& code) const {
  return context_.boothIndex(code);
}

int PlanModel::exhibitorIndex(Id id) const {
  return context_.exhibitorIndex(id);
}

int PlanModel::boothAt(double mx, double my) const {
  for (std::size_t i = 0; i < booths_.size(); ++i) {
    const auto r = booth::rectOf(booths_[i].booth);
    if (mx >= r.x && mx <= r.right() && my >= r.y && my <= r.bottom()) return static_cast<int>(i);
  }
  return -1;
}

int PlanModel::shownHolder(int booth) const {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return -1;
  if (allocation_.previewing()) return allocation_.holder(booth);
  return booths_[booth].holder;
}

std::uint32_t PlanModel::colourOf(int i) const {
  const auto& b = booths_[i];
  const int holder = shownHolder(i);
  Booth shown = b.booth;
  if (allocation_.previewing() && holder != b.holder) {
    if (holder >= 0)
      shown.exhibitor_id = exhibitors_[holder].id, shown.status = BoothStatus::Assigned;
    else
      shown.exhibitor_id.reset(), shown.status = BoothStatus::Free;
  }
  const std::string sector = holder >= 0 ? exhibitors_[holder].sector : std::string();
  const std::string region = holder >= 0 ? exhibitors_[holder].region : std::string();
  return packed(booth::colourOf(colourBy_, booth::colourCode(colourBy_, shown, sector, region)));
}

const std::vector<PlanModel::LegendEntry>& PlanModel::legend() const {
  const std::string key =
      std::to_string(revision_) + "/" + std::string(booth::colourByName(colourBy_)) + "/" + i18n::language();
  if (key == legendKey_) return legend_;
  legendKey_ = key;
  std::vector<LegendEntry>& out = legend_;
  out.clear();
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < booths_.size(); ++i) {
    const int holder = shownHolder(static_cast<int>(i));
    Booth shown = booths_[i].booth;
    if (allocation_.previewing() && holder != booths_[i].holder)
      shown.status = holder >= 0 ? BoothStatus::Assigned : BoothStatus::Free;
    if (holder >= 0)
      shown.exhibitor_id = exhibitors_[holder].id;
    else
      shown.exhibitor_id.reset();
    ++counts[booth::colourCode(colourBy_, shown, holder >= 0 ? exhibitors_[holder].sector : "",
                               holder >= 0 ? exhibitors_[holder].region : "")];
  }
  const std::string_view family = booth::colourFamily(colourBy_);
  for (const auto& code : booth::legendCodes(colourBy_)) {
    LegendEntry e;
    e.code = code;
    e.label = i18n::label(family, code);
    e.colour = packed(booth::colourOf(colourBy_, code));
    e.count = counts.count(code) ? counts[code] : 0;
    // By sector or region, only what is on the plan; every status is always listed.
    if (colourBy_ == booth::ColourBy::Status || e.count > 0) out.push_back(std::move(e));
  }
  if (colourBy_ != booth::ColourBy::Status) {
    LegendEntry none;
    none.label = tr("plan.legend.nobody");
    none.colour = packed(booth::kNoHolderColour);
    none.count = counts.count("") ? counts[""] : 0;
    out.push_back(std::move(none));
  }
  return out;
}

int PlanModel::exhibitorsAskingForBooth() const {
  return static_cast<int>(
      std::count_if(exhibitors_.begin(), exhibitors_.end(), [](const PlanExhibitor& x) { return x.area > 0; }));
}

void PlanModel::setSearch(const std::string& text) {
  search_.setText(text);
  rebuildDerived();
}

bool PlanModel::startAllocation() {
  if (context_.refuseWhileBusy()) return false;
  std::string error;
  const bool started = allocation_.start(error);
  if (!error.empty()) feedback_.fail(error);
  if (started) feedback_.note(tr("allocate.progress"));
  return started;
}

void PlanModel::poll() {
  if (auto exported = exportTask_.poll()) {
    if (exported->ok)
      feedback_.note(exported->message);
    else
      feedback_.fail(exported->message);
  }
  auto outcome = allocation_.poll(booths_, [this](Id id) { return exhibitorIndex(id); });
  if (!outcome) return;
  if (!outcome->ok) {
    feedback_.fail(outcome->message);
    return;
  }
  feedback_.note(outcome->message);
  rebuildDerived();
}

bool PlanModel::acceptPreview() {
  auto preview = allocation_.take();
  if (!preview) return false;
  try {
    auto before = store_.booths();
    const auto summary = booth::applyAllocation(store_, preview->problem, preview->allocation);
    const std::string done =
        tr("plan.allocation.accepted", {std::to_string(summary.assigned), std::to_string(summary.changed)});
    history_.recordChanged(done, before, history_.current(before));  // one undo step
    feedback_.note(done);
  } catch (const std::exception& e) {
    feedback_.fail(e.what());
  }
  refreshBooths();
  return !feedback_.error;
}

void PlanModel::discardPreview() {
  if (!allocation_.previewing()) return;
  allocation_.discard();
  feedback_.note(tr("plan.allocation.discarded"));
  rebuildDerived();
}

}  // namespace moussem::ui
