// The plan screen's model (see plan_model.hpp).
#include "ui/screens/plan_model.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cmath>
#include <map>
#include <mutex>

#include "booth/allocator.hpp"
#include "booth/plan_export.hpp"
#include "booth/venue.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text_fold.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

void PlanView::zoomAt(double factor, double sx, double sy) {
  const double mx = toVenueX(sx), my = toVenueY(sy);
  scale = std::clamp(scale * factor, kMinScale, kMaxScale);
  offsetX = mx - (sx - originX) / scale;
  offsetY = my - (sy - originY) / scale;
}

void PlanView::panBy(double dx, double dy) {
  offsetX -= dx / scale;
  offsetY -= dy / scale;
}

void PlanView::fit(const booth::Rect& r, double w, double h) {
  if (r.w <= 0 || r.h <= 0 || w <= 0 || h <= 0) return;
  const double margin = 0.04;
  scale = std::clamp(std::min(w / (r.w * (1 + 2 * margin)), h / (r.h * (1 + 2 * margin))), kMinScale, kMaxScale);
  // Centred.
  offsetX = r.x + r.w / 2 - w / 2 / scale;
  offsetY = r.y + r.h / 2 - h / 2 / scale;
}

struct PlanModel::Preview {
  booth::Problem problem;
  booth::Allocation allocation;
  std::vector<int> holder;  // by booth index: exhibitor index in the preview
};

struct PlanModel::Pending {
  std::mutex mutex;
  booth::Problem problem;
  std::optional<booth::AllocationResult> result;
};

PlanModel::PlanModel(Store& store) : store_(store) {
  const char* home = std::getenv("HOME");
  exportPath = (std::filesystem::path(home && *home ? home : std::filesystem::temp_directory_path().string()) / "plan.pdf").string();
}

bool PlanModel::startExport(bool directory) {
  if (exportTask_.running()) return false;
  const std::string location = store_.location(), out = exportPath;
  booth::PlanExportOptions options;
  options.colourBy = colourBy_;
  message_.clear();
  return exportTask_.start([=](BackgroundTask::Context& ctx) mutable {
    ctx.setStage("plan.export.progress");
    options.progress = [&ctx](double f) { ctx.fraction = f; };
    options.cancelled = [&ctx] { return ctx.cancel.load(); };
    auto store = openAsSignedIn(location);  // the worker's own connection
    const auto snapshot = booth::snapshotPlan(*store);
    const int n = directory ? booth::writeDirectory(snapshot, out, options) : booth::writePlan(snapshot, out, options);
    return tr(directory ? "plan.export.done_directory" : "plan.export.done_plan", {paths::forDisplay(out), std::to_string(n)});
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
  if (preview_) {  // the plan may have changed under the preview: it is not valid any more
    preview_.reset();
    previewChangedBooths_.clear();
    previewChanges_ = 0;
  }
  const std::string selectedCode = selectedBooth() ? selectedBooth()->booth.code : std::string();
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
    e.folded = text::foldForSearch(x.name_fr + " " + x.name_ar + " " + x.city + " " + codesLabels("sector", x.sector) + " " +
                                   codesLabels("region", x.region));
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
  selected_ = selectedCode.empty() ? -1 : boothIndex(selectedCode);
}

void PlanModel::refreshBooths() {
  const std::string selectedCode = selectedBooth() ? selectedBooth()->booth.code : std::string();
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
  selected_ = selectedCode.empty() ? selected_ : boothIndex(selectedCode);
  rebuildDerived();
}

void PlanModel::rebuildDerived() {
  ++revision_;
  hits_.assign(booths_.size(), false);
  hitCount_ = 0;
  auto matches = [&](const PlanExhibitor& x) { return !folded_.empty() && x.folded.find(folded_) != std::string::npos; };
  if (!folded_.empty())
    for (std::size_t i = 0; i < booths_.size(); ++i) {
      const auto& b = booths_[i];
      bool hit = text::foldForSearch(b.booth.code).find(folded_) != std::string::npos;
      const int holder = shownHolder(static_cast<int>(i));
      if (!hit && holder >= 0) hit = matches(exhibitors_[holder]);
      hits_[i] = hit;
      hitCount_ += hit;
    }
  unassigned_.clear();
  unassignedTotal_ = 0;
  for (std::size_t i = 0; i < exhibitors_.size(); ++i) {
    const auto& x = exhibitors_[i];
    if (x.area <= 0 || x.booth >= 0) continue;
    ++unassignedTotal_;
    if (folded_.empty() || matches(x)) unassigned_.push_back(static_cast<int>(i));
  }
}

int PlanModel::boothIndex(const std::string& code) const {
  for (std::size_t i = 0; i < booths_.size(); ++i)
    if (booths_[i].booth.code == code) return static_cast<int>(i);
  return -1;
}

int PlanModel::exhibitorIndex(Id id) const {
  for (std::size_t i = 0; i < exhibitors_.size(); ++i)
    if (exhibitors_[i].id == id) return static_cast<int>(i);
  return -1;
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
  if (preview_) return preview_->holder[booth];
  return booths_[booth].holder;
}

std::uint32_t PlanModel::colourOf(int i) const {
  const auto& b = booths_[i];
  const int holder = shownHolder(i);
  Booth shown = b.booth;
  if (preview_ && holder != b.holder) {
    if (holder >= 0) shown.exhibitor_id = exhibitors_[holder].id, shown.status = "assigned";
    else shown.exhibitor_id.reset(), shown.status = "free";
  }
  const std::string sector = holder >= 0 ? exhibitors_[holder].sector : std::string();
  const std::string region = holder >= 0 ? exhibitors_[holder].region : std::string();
  return packed(booth::colourOf(colourBy_, booth::colourCode(colourBy_, shown, sector, region)));
}

const std::vector<PlanModel::LegendEntry>& PlanModel::legend() const {
  const std::string key = std::to_string(revision_) + "/" + std::string(booth::colourByName(colourBy_)) + "/" + i18n::language();
  if (key == legendKey_) return legend_;
  legendKey_ = key;
  std::vector<LegendEntry>& out = legend_;
  out.clear();
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < booths_.size(); ++i) {
    const int holder = shownHolder(static_cast<int>(i));
    Booth shown = booths_[i].booth;
    if (preview_ && holder != booths_[i].holder) shown.status = holder >= 0 ? "assigned" : "free";
    if (holder >= 0) shown.exhibitor_id = exhibitors_[holder].id;
    else shown.exhibitor_id.reset();
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

void PlanModel::setSearch(const std::string& text) {
  search_ = text;
  folded_ = text::foldForSearch(text);
  rebuildDerived();
}

void PlanModel::fail(const std::string& message) {
  message_ = message;
  messageError_ = true;
}

void PlanModel::note(const std::string& message) {
  message_ = message;
  messageError_ = false;
}

bool PlanModel::refuseWhilePreviewing() {
  if (!previewing() && !allocating()) return false;
  fail(tr("plan.error.previewing"));
  return true;
}

booth::BoothSnapshot PlanModel::current(const booth::BoothSnapshot& like) {
  std::map<Id, Booth> now;
  for (auto& b : store_.booths()) now[b.id] = std::move(b);
  booth::BoothSnapshot out;
  for (const auto& b : like) {
    auto it = now.find(b.id);
    if (it != now.end()) out.push_back(it->second);
  }
  return out;
}

bool PlanModel::run(const std::string& done, const std::function<booth::BoothSnapshot()>& op) {
  if (refuseWhilePreviewing()) return false;
  bool ok = false;
  try {
    booth::BoothSnapshot before = op();
    if (!before.empty()) {
      undo_.push_back({done, before, current(before), {}, {}});
      redo_.clear();
    }
    note(done);
    ok = true;
  } catch (const std::exception& e) {
    fail(e.what());
  }
  refreshBooths();
  return ok;
}

namespace {
std::string nameOf(const PlanExhibitor& x) {
  return i18n::language() == "ar" && !x.name_ar.empty() ? x.name_ar : x.name_fr;
}
}  // namespace

bool PlanModel::assign(int booth, Id exhibitor) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return false;
  const std::string code = booths_[booth].booth.code;
  const int x = exhibitorIndex(exhibitor);
  const std::string name = x >= 0 ? nameOf(exhibitors_[x]) : "#" + std::to_string(exhibitor);
  return run(tr("booth.assigned", {code, name}), [&] { return booth::assignBooth(store_, code, exhibitor); });
}

bool PlanModel::move(int from, int to) {
  const int n = static_cast<int>(booths_.size());
  if (from < 0 || to < 0 || from >= n || to >= n || from == to) return false;
  const std::string a = booths_[from].booth.code, b = booths_[to].booth.code;
  const int holder = booths_[from].holder;
  std::string done;
  if (booths_[to].holder >= 0 && holder >= 0) done = tr("plan.swapped", {a, b});
  else if (holder >= 0) done = tr("plan.moved", {nameOf(exhibitors_[holder]), a, b});
  else done = tr("plan.swapped", {a, b});
  return run(done, [&] { return booth::swapBooths(store_, a, b); });
}

bool PlanModel::unassign(int booth) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return false;
  const std::string code = booths_[booth].booth.code;
  return run(tr("booth.unassigned", {code}), [&] { return booth::unassignBooth(store_, code); });
}

bool PlanModel::toggleLock(int booth) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return false;
  const std::string code = booths_[booth].booth.code;
  const bool lock = !booths_[booth].booth.locked;
  return run(tr(lock ? "booth.locked_done" : "booth.unlocked_done", {code}), [&] { return booth::lockBooth(store_, code, lock); });
}

bool PlanModel::toggleHold(int booth) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return false;
  const std::string code = booths_[booth].booth.code;
  const bool hold = booths_[booth].booth.status != "hold";
  return run(tr(hold ? "booth.held" : "booth.released", {code}), [&] { return booth::holdBooth(store_, code, hold); });
}

namespace {
bool sameState(const booth::BoothSnapshot& a, const booth::BoothSnapshot& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].id != b[i].id || a[i].exhibitor_id != b[i].exhibitor_id || a[i].status != b[i].status ||
        a[i].locked != b[i].locked || a[i].x != b[i].x || a[i].y != b[i].y || a[i].width != b[i].width ||
        a[i].depth != b[i].depth)
      return false;
  return true;
}
}  // namespace

void PlanModel::applyStep(Step& step, bool forward) {
  store_.write([&] {
    auto& remove = forward ? step.deleted : step.inserted;
    auto& add = forward ? step.inserted : step.deleted;
    for (const auto& b : remove) store_.deleteBooth(b.id);
    for (auto& b : add) {
      Booth copy = b;
      copy.id = 0;
      b.id = store_.insertBooth(copy);  // a booth put back gets a new id: the step follows it
    }
    const auto& states = forward ? step.after : step.before;
    // Exhibitors first leave every booth of the step, so that no state in between has one exhibitor
    // in two booths (as booth::restoreBooths).
    for (auto it = states.rbegin(); it != states.rend(); ++it) store_.updateBooth(*it);
  });
}

bool PlanModel::undo() {
  if (refuseWhilePreviewing() || undo_.empty()) return false;
  Step step = undo_.back();
  try {
    // Someone else (another station) changed these booths since: undoing would overwrite their work.
    if (!sameState(current(step.after), step.after) || current(step.inserted).size() != step.inserted.size()) {
      fail(tr("plan.error.undo_changed"));
      undo_.clear();
      refreshBooths();
      return false;
    }
    applyStep(step, false);
  } catch (const std::exception& e) {
    fail(e.what());
    refreshBooths();
    return false;
  }
  undo_.pop_back();
  note(tr("plan.undone", {step.label}));
  redo_.push_back(std::move(step));
  refreshBooths();
  return true;
}

bool PlanModel::redo() {
  if (refuseWhilePreviewing() || redo_.empty()) return false;
  Step step = redo_.back();
  try {
    if (!sameState(current(step.before), step.before) || current(step.deleted).size() != step.deleted.size()) {
      fail(tr("plan.error.undo_changed"));
      redo_.clear();
      refreshBooths();
      return false;
    }
    applyStep(step, true);
  } catch (const std::exception& e) {
    fail(e.what());
    refreshBooths();
    return false;
  }
  redo_.pop_back();
  note(tr("plan.redone", {step.label}));
  undo_.push_back(std::move(step));
  refreshBooths();
  return true;
}

std::string PlanModel::hallAt(double mx, double my) const {
  for (const auto& h : halls_) {
    if (!h.outline.empty() ? booth::pointInPolygon(h.outline, {mx, my})
                           : (mx >= h.x && mx <= h.x + h.width && my >= h.y && my <= h.y + h.height))
      return h.code;
  }
  return {};
}

std::string PlanModel::nextCode(const std::string& hall, const std::vector<Booth>& extra) const {
  int highest = 0;
  auto look = [&](const std::string& code) {
    if (code.rfind(hall + "-", 0) != 0) return;
    const std::string digits = code.substr(hall.size() + 1);
    if (!digits.empty() && digits.size() < 7 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      highest = std::max(highest, std::stoi(digits));
  };
  for (const auto& b : booths_) look(b.booth.code);
  for (const auto& b : extra) look(b.code);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d", hall.c_str(), highest + 1);
  return buf;
}

bool PlanModel::edit(const std::string& label, const std::vector<Booth>& changed, const std::vector<Booth>& added,
                     const std::vector<int>& removed) {
  if (refuseWhilePreviewing()) return false;
  // The plan as it would be, checked whole with the venue file's rules before anything is written.
  booth::Venue venue;
  venue.halls = halls_;
  venue.features = features_;
  std::map<Id, const Booth*> replaced;
  for (const auto& b : changed) replaced[b.id] = &b;
  Step step;
  step.label = label;
  for (int i = 0; i < static_cast<int>(booths_.size()); ++i) {
    if (std::find(removed.begin(), removed.end(), i) != removed.end()) {
      step.deleted.push_back(booths_[i].booth);
      continue;
    }
    auto it = replaced.find(booths_[i].booth.id);
    if (it != replaced.end()) {
      step.before.push_back(booths_[i].booth);
      step.after.push_back(*it->second);
    }
    venue.booths.push_back(it != replaced.end() ? *it->second : booths_[i].booth);
  }
  for (const auto& b : added) venue.booths.push_back(b);
  try {
    booth::validateVenue(venue, tr("plan.edit.source"));
    store_.write([&] {
      for (const auto& b : step.deleted) store_.deleteBooth(b.id);
      for (const auto& b : step.after) store_.updateBooth(b);
      for (const auto& b : added) {
        Booth copy = b;
        copy.id = store_.insertBooth(copy);
        step.inserted.push_back(copy);
      }
    });
  } catch (const std::exception& e) {
    fail(e.what());
    refreshBooths();
    return false;
  }
  note(label);
  undo_.push_back(std::move(step));
  redo_.clear();
  refreshBooths();
  return true;
}

namespace {
Booth newBooth(const std::string& code, const std::string& hall, double x, double y, double w, double d) {
  Booth b;
  b.code = code;
  b.hall = hall;
  b.x = x, b.y = y, b.width = w, b.depth = d;
  return b;
}
}  // namespace

bool PlanModel::addBooth(double x, double y, double width, double depth) {
  x = snap(x), y = snap(y), width = snap(width), depth = snap(depth);
  const std::string hall = hallAt(x + kGrid / 2, y + kGrid / 2);
  if (hall.empty()) {
    fail(tr("plan.edit.error.no_hall"));
    return false;
  }
  const std::string code = nextCode(hall, {});
  return edit(tr("plan.edit.added", {code}), {}, {newBooth(code, hall, x, y, width, depth)}, {});
}

bool PlanModel::moveBooth(int i, double x, double y) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  Booth b = booths_[i].booth;
  if (b.locked) {
    fail(tr("booth.error.untouchable", {b.code, tr("booth.locked")}));
    return false;
  }
  b.x = snap(x), b.y = snap(y);
  if (b.x == booths_[i].booth.x && b.y == booths_[i].booth.y) return true;
  return edit(tr("plan.edit.moved", {b.code}), {b}, {}, {});
}

bool PlanModel::resizeBooth(int i, double width, double depth) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  Booth b = booths_[i].booth;
  if (b.locked) {
    fail(tr("booth.error.untouchable", {b.code, tr("booth.locked")}));
    return false;
  }
  b.width = snap(width), b.depth = snap(depth);
  if (b.width < kGrid || b.depth < kGrid) {
    fail(tr("plan.edit.error.too_small", {b.code}));
    return false;
  }
  return edit(tr("plan.edit.resized", {b.code}), {b}, {}, {});
}

bool PlanModel::duplicateBooth(int i) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  const Booth& from = booths_[i].booth;
  const std::string code = nextCode(from.hall, {});
  const std::pair<double, double> spots[] = {{from.x + from.width, from.y}, {from.x - from.width, from.y},
                                              {from.x, from.y + from.depth}, {from.x, from.y - from.depth}};
  std::string why;
  for (const auto& [x, y] : spots) {
    Booth b = newBooth(code, from.hall, x, y, from.width, from.depth);
    b.type = from.type;
    b.power = from.power;
    booth::Venue venue;
    venue.halls = halls_;
    venue.features = features_;
    for (const auto& pb : booths_) venue.booths.push_back(pb.booth);
    venue.booths.push_back(b);
    try {
      booth::validateVenue(venue, tr("plan.edit.source"));
    } catch (const std::exception& e) {
      if (why.empty()) why = e.what();
      continue;
    }
    return edit(tr("plan.edit.duplicated", {from.code, code}), {}, {b}, {});
  }
  fail(tr("plan.edit.error.no_room", {from.code, why}));
  return false;
}

bool PlanModel::addRow(int i, int count) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  if (count < 1 || count > 200) {
    fail(tr("plan.edit.error.row_count", {std::to_string(count)}));
    return false;
  }
  const Booth& from = booths_[i].booth;
  std::vector<Booth> row;
  for (int k = 1; k <= count; ++k) {
    Booth b = newBooth(nextCode(from.hall, row), from.hall, from.x + from.width * k, from.y, from.width, from.depth);
    b.power = from.power;
    row.push_back(std::move(b));
  }
  return edit(tr("plan.edit.row", {std::to_string(count), from.code}), {}, row, {});
}

bool PlanModel::deleteBooth(int i) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  const Booth& b = booths_[i].booth;
  if (b.exhibitor_id || b.locked) {
    fail(tr("plan.edit.error.occupied", {b.code}));
    return false;
  }
  const std::string code = b.code;
  if (selected_ == i) selected_ = -1;
  return edit(tr("plan.edit.deleted", {code}), {}, {}, {i});
}

bool PlanModel::startAllocation() {
  if (refuseWhilePreviewing()) return false;
  auto pending = std::make_shared<Pending>();
  try {
    pending->problem = booth::loadProblem(store_);  // once, on the UI thread: the worker sees no database
  } catch (const std::exception& e) {
    fail(e.what());
    return false;
  }
  pending_ = pending;
  const bool started = task_.start([pending](BackgroundTask::Context& ctx) {
    ctx.setStage("allocate.progress");
    booth::AllocatorOptions options;
    options.progress = [&ctx](double f) { ctx.fraction = f; };
    options.cancelled = [&ctx] { return ctx.cancel.load(); };
    auto result = booth::allocate(pending->problem, options);
    std::lock_guard lock(pending->mutex);
    pending->result = std::move(result);
    return std::string();
  });
  if (started) note(tr("allocate.progress"));
  return started;
}

void PlanModel::waitForAllocation() { task_.wait(); }

void PlanModel::poll() {
  if (auto exported = exportTask_.poll()) {
    if (exported->ok) note(exported->message);
    else fail(exported->message);
  }
  auto outcome = task_.poll();
  if (!outcome) return;
  auto pending = std::move(pending_);
  if (!outcome->ok || !pending) {
    fail(outcome->message.empty() ? tr("allocate.cancelled") : outcome->message);
    return;
  }
  std::lock_guard lock(pending->mutex);
  if (!pending->result) return;
  const auto& result = *pending->result;
  if (result.violations.total() > 0) {
    fail(tr("allocate.error.violations", {std::to_string(result.violations.total())}));
    return;
  }
  auto preview = std::make_unique<Preview>();
  preview->problem = std::move(pending->problem);
  preview->allocation = result.allocation;
  std::map<Id, int> boothById;
  for (std::size_t i = 0; i < booths_.size(); ++i) boothById[booths_[i].booth.id] = static_cast<int>(i);
  preview->holder.resize(booths_.size());
  for (std::size_t i = 0; i < booths_.size(); ++i) preview->holder[i] = booths_[i].holder;
  const auto& p = preview->problem;
  for (const auto& pb : p.booths)
    if (pb.movable && boothById.count(pb.id)) preview->holder[boothById[pb.id]] = -1;
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e) {
    const int b = preview->allocation.boothOf[e];
    if (b < 0 || !boothById.count(p.booths[b].id)) continue;
    preview->holder[boothById[p.booths[b].id]] = exhibitorIndex(p.exhibitors[e].id);
  }
  previewChangedBooths_.assign(booths_.size(), false);
  previewChanges_ = 0;
  for (std::size_t i = 0; i < booths_.size(); ++i)
    if (preview->holder[i] != booths_[i].holder) {
      previewChangedBooths_[i] = true;
      ++previewChanges_;
    }
  int wanting = 0;
  for (const auto& x : p.exhibitors) wanting += x.wantsBooth;
  previewSummary_ = tr("plan.preview.summary", {std::to_string(result.score.assigned), std::to_string(wanting),
                                                std::to_string(previewChanges_), std::to_string(result.unmet.size())});
  preview_ = std::move(preview);
  note(previewSummary_);
  rebuildDerived();
}

bool PlanModel::previewChanged(int booth) const {
  return preview_ && booth >= 0 && booth < static_cast<int>(previewChangedBooths_.size()) && previewChangedBooths_[booth];
}

bool PlanModel::acceptPreview() {
  if (!preview_) return false;
  auto preview = std::move(preview_);
  previewChangedBooths_.clear();
  try {
    auto before = store_.booths();
    const auto summary = booth::applyAllocation(store_, preview->problem, preview->allocation);
    auto after = current(before);
    booth::BoothSnapshot changedBefore, changedAfter;
    for (std::size_t i = 0; i < before.size() && i < after.size(); ++i)
      if (!sameState({before[i]}, {after[i]})) {
        changedBefore.push_back(before[i]);
        changedAfter.push_back(after[i]);
      }
    const std::string done = tr("plan.allocation.accepted", {std::to_string(summary.assigned), std::to_string(summary.changed)});
    if (!changedBefore.empty()) {
      undo_.push_back({done, std::move(changedBefore), std::move(changedAfter), {}, {}});
      redo_.clear();
    }
    note(done);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  refreshBooths();
  return !messageError_;
}

void PlanModel::discardPreview() {
  if (!preview_) return;
  preview_.reset();
  previewChangedBooths_.clear();
  previewChanges_ = 0;
  note(tr("plan.allocation.discarded"));
  rebuildDerived();
}

}  // namespace moussem::ui
