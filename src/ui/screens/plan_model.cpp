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

PlanModel::PlanModel(Store& store) : store_(store) {
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
  message_.clear();
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

const Hall* PlanModel::hallOf(const std::string& code) const {
  for (const auto& h : halls_)
    if (h.code == code) return &h;
  return nullptr;
}

const VenueFeature* PlanModel::featureOf(const std::string& code) const {
  for (const auto& f : features_)
    if (f.code == code) return &f;
  return nullptr;
}

void PlanModel::rebuildDerived() {
  ++revision_;
  search_.apply(booths_, exhibitors_, [this](int booth) { return shownHolder(booth); });
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
  if (allocation_.previewing()) return allocation_.holder(booth);
  return booths_[booth].holder;
}

std::uint32_t PlanModel::colourOf(int i) const {
  const auto& b = booths_[i];
  const int holder = shownHolder(i);
  Booth shown = b.booth;
  if (allocation_.previewing() && holder != b.holder) {
    if (holder >= 0)
      shown.exhibitor_id = exhibitors_[holder].id, shown.status = "assigned";
    else
      shown.exhibitor_id.reset(), shown.status = "free";
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
    if (allocation_.previewing() && holder != booths_[i].holder) shown.status = holder >= 0 ? "assigned" : "free";
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

bool PlanModel::importVenueFile(const std::string& path) {
  if (refuseWhilePreviewing()) return false;
  try {
    const booth::Venue venue = booth::readVenueFile(path);  // every check before anything is written
    const booth::VenueImport done = booth::importVenue(store_, venue, path);
    history_.clear();
    load();
    note(tr("venue.imported",
            {path, std::to_string(done.halls), std::to_string(done.booths), std::to_string(done.assigned)}));
    return true;
  } catch (const std::exception& e) {
    fail(e.what());
    return false;
  }
}

bool PlanModel::startFromExample() {
  if (refuseWhilePreviewing()) return false;
  try {
    const booth::Venue venue = booth::parseVenue(booth::olmSouissiExample(), "olm-souissi.json");
    const booth::VenueImport done = booth::importVenue(store_, venue, "olm-souissi.json");
    history_.clear();
    load();
    note(tr("plan.example_installed", {std::to_string(done.halls), std::to_string(done.booths)}));
    return true;
  } catch (const std::exception& e) {
    fail(e.what());
    return false;
  }
}

int PlanModel::exhibitorsAskingForBooth() const {
  return static_cast<int>(
      std::count_if(exhibitors_.begin(), exhibitors_.end(), [](const PlanExhibitor& x) { return x.area > 0; }));
}

void PlanModel::setSearch(const std::string& text) {
  search_.setText(text);
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
  if (!allocation_.previewing() && !allocation_.running()) return false;
  fail(tr("plan.error.previewing"));
  return true;
}

bool PlanModel::run(const std::string& done, const std::function<booth::BoothSnapshot()>& op) {
  if (refuseWhilePreviewing()) return false;
  bool ok = false;
  try {
    booth::BoothSnapshot before = op();
    if (!before.empty()) history_.record({done, before, history_.current(before), {}, {}, {}, {}});
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
  if (booths_[to].holder >= 0 && holder >= 0)
    done = tr("plan.swapped", {a, b});
  else if (holder >= 0)
    done = tr("plan.moved", {nameOf(exhibitors_[holder]), a, b});
  else
    done = tr("plan.swapped", {a, b});
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
  return run(tr(lock ? "booth.locked_done" : "booth.unlocked_done", {code}),
             [&] { return booth::lockBooth(store_, code, lock); });
}

bool PlanModel::toggleHold(int booth) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return false;
  const std::string code = booths_[booth].booth.code;
  const bool hold = booths_[booth].booth.status != "hold";
  return run(tr(hold ? "booth.held" : "booth.released", {code}), [&] { return booth::holdBooth(store_, code, hold); });
}

bool PlanModel::undo() {
  return play(false);
}
bool PlanModel::redo() {
  return play(true);
}

bool PlanModel::play(bool forward) {
  if (refuseWhilePreviewing() || !(forward ? history_.canRedo() : history_.canUndo())) return false;
  const auto played = forward ? history_.redo() : history_.undo();
  const bool done = played.kind == PlanHistory::Played::Kind::Done;
  if (done)
    note(tr(forward ? "plan.redone" : "plan.undone", {played.text}));
  else
    fail(played.text);
  load();
  return done;
}

std::string PlanModel::hallAt(double mx, double my) const {
  for (const auto& h : halls_) {
    if (!h.outline.empty() ? booth::pointInPolygon(h.outline, {mx, my})
                           : (mx >= h.x && mx <= h.x + h.width && my >= h.y && my <= h.y + h.height))
      return h.code;
  }
  return {};
}

std::string PlanModel::featureAt(double mx, double my) const {
  // Entrances first: a door drawn over an aisle's end is what the pointer means.
  for (const char* kind : {"entrance", "aisle"})
    for (const auto& f : features_)
      if (f.kind == kind && mx >= f.x && mx <= f.x + f.width && my >= f.y && my <= f.y + f.height) return f.code;
  return {};
}

std::string PlanModel::nextCode(const std::string& hall, const std::vector<Booth>& extra) const {
  int highest = 0;
  auto look = [&](const std::string& code) {
    if (code.rfind(hall + "-", 0) != 0) return;
    const std::string digits = code.substr(hall.size() + 1);
    if (!digits.empty() && digits.size() < 7 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      highest = std::max(highest, std::stoi(digits));
  };
  for (const auto& b : booths_) look(b.booth.code);
  for (const auto& b : extra) look(b.code);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d", hall.c_str(), highest + 1);
  return buf;
}

namespace {
// Replaces the rows of `rows` whose id is in `changed`, drops those whose code is in `removed`, appends
// `added`; records in `step` (when given) what changed in place and what was removed.
template <typename T>
std::vector<T> merged(const std::vector<T>& rows, const std::vector<T>& changed,
                      const std::vector<std::string>& removed, const std::vector<T>& added,
                      PlanHistory::Rows<T>* step) {
  std::vector<T> out;
  for (const auto& r : rows) {
    if (std::find(removed.begin(), removed.end(), r.code) != removed.end()) {
      if (step) step->deleted.push_back(r);
      continue;
    }
    auto it = std::find_if(changed.begin(), changed.end(), [&](const T& c) { return c.id == r.id; });
    if (it != changed.end() && step) {
      step->before.push_back(r);
      step->after.push_back(*it);
    }
    out.push_back(it != changed.end() ? *it : r);
  }
  out.insert(out.end(), added.begin(), added.end());
  return out;
}
}  // namespace

booth::Venue PlanModel::venueWith(const Change& c, PlanHistory::Step* step) const {
  // The plan as it would be, to be checked whole with the venue file's rules.
  booth::Venue venue;
  venue.halls = merged(halls_, c.hallsChanged, c.hallsRemoved, c.hallsAdded, step ? &step->halls : nullptr);
  venue.features =
      merged(features_, c.featuresChanged, c.featuresRemoved, c.featuresAdded, step ? &step->features : nullptr);
  std::map<Id, const Booth*> replaced;
  for (const auto& b : c.changed) replaced[b.id] = &b;
  for (int i = 0; i < static_cast<int>(booths_.size()); ++i) {
    if (std::find(c.removed.begin(), c.removed.end(), i) != c.removed.end()) {
      if (step) step->deleted.push_back(booths_[i].booth);
      continue;
    }
    auto it = replaced.find(booths_[i].booth.id);
    if (it != replaced.end() && step) {
      step->before.push_back(booths_[i].booth);
      step->after.push_back(*it->second);
    }
    venue.booths.push_back(it != replaced.end() ? *it->second : booths_[i].booth);
  }
  for (const auto& b : c.added) venue.booths.push_back(b);
  return venue;
}

bool PlanModel::edit(const std::string& label, const std::vector<Booth>& changed, const std::vector<Booth>& added,
                     const std::vector<int>& removed) {
  Change c;
  c.changed = changed;
  c.added = added;
  c.removed = removed;
  return edit(label, c);
}

bool PlanModel::edit(const std::string& label, const Change& c) {
  if (refuseWhilePreviewing()) return false;
  PlanHistory::Step step;
  step.label = label;
  try {
    booth::validateVenue(venueWith(c, &step), tr("plan.edit.source"));
    store_.write([&] {
      for (const auto& b : step.deleted) store_.deleteBooth(b.id);
      for (const auto& f : step.features.deleted) plan_rows::deleteRow(store_, f);
      step.halls.inserted = c.hallsAdded;
      plan_rows::insertRows(store_, step.halls.inserted);
      for (const auto& h : step.halls.after) plan_rows::updateRow(store_, h);
      step.features.inserted = c.featuresAdded;
      plan_rows::insertRows(store_, step.features.inserted);
      for (const auto& f : step.features.after) plan_rows::updateRow(store_, f);
      for (const auto& b : step.after) store_.updateBooth(b);
      step.inserted = c.added;
      plan_rows::insertRows(store_, step.inserted);
      for (const auto& h : step.halls.deleted) plan_rows::deleteRow(store_, h);
    });
  } catch (const std::exception& e) {
    fail(e.what());
    load();
    return false;
  }
  note(label);
  history_.record(std::move(step));
  load();
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
  const Booth& b = booths_[i].booth;
  const double dx = snap(x) - b.x, dy = snap(y) - b.y;
  if (dx == 0 && dy == 0) return true;
  selection_.select(i);
  return moveSelection(dx, dy);
}

bool PlanModel::moveSelection(double dx, double dy) {
  dx = snap(dx), dy = snap(dy);
  const auto group = selection_.booths();
  if (group.empty() || (dx == 0 && dy == 0)) return false;
  std::vector<Booth> moved;
  for (int i : group) {
    Booth b = booths_[i].booth;
    if (b.locked) {
      fail(tr("booth.error.untouchable", {b.code, tr("booth.locked")}));
      return false;
    }
    b.x += dx, b.y += dy;
    // Moved across a wall, a booth belongs to the hall it lands in (the rules then check it fits there).
    if (const std::string hall = hallAt(b.x + b.width / 2, b.y + b.depth / 2); !hall.empty()) b.hall = hall;
    moved.push_back(b);
  }
  const std::string label = moved.size() == 1 ? tr("plan.edit.moved", {moved[0].code})
                                              : tr("plan.edit.moved_many", {std::to_string(moved.size())});
  return edit(label, moved, {}, {});
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

std::optional<std::vector<Booth>> PlanModel::placedBeside(const std::vector<int>& group, std::string& why) const {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (int i : group) {
    const auto r = booth::rectOf(booths_[i].booth);
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
  }
  const double w = x1 - x0, h = y1 - y0;
  const std::pair<double, double> offsets[] = {{w, 0}, {-w, 0}, {0, h}, {0, -h}};
  for (const auto& [dx, dy] : offsets) {
    std::vector<Booth> copies;
    for (int i : group) {
      const Booth& from = booths_[i].booth;
      Booth b = newBooth(nextCode(from.hall, copies), from.hall, from.x + dx, from.y + dy, from.width, from.depth);
      b.type = from.type;
      b.power = from.power;
      copies.push_back(std::move(b));
    }
    Change c;
    c.added = copies;
    try {
      booth::validateVenue(venueWith(c, nullptr), tr("plan.edit.source"));
    } catch (const std::exception& e) {
      if (why.empty()) why = e.what();
      continue;
    }
    return copies;
  }
  return std::nullopt;
}

bool PlanModel::duplicateBooth(int i) {
  if (i < 0 || i >= static_cast<int>(booths_.size())) return false;
  selection_.select(i);
  return duplicateSelection();
}

bool PlanModel::duplicateSelection() {
  const auto group = selection_.booths();
  if (group.empty() || refuseWhilePreviewing()) return false;
  std::string why;
  const auto copies = placedBeside(group, why);
  const std::string& first = booths_[group[0]].booth.code;
  if (!copies) {
    fail(tr("plan.edit.error.no_room", {first, why}));
    return false;
  }
  const std::string label = copies->size() == 1 ? tr("plan.edit.duplicated", {first, (*copies)[0].code})
                                                : tr("plan.edit.duplicated_many", {std::to_string(copies->size())});
  if (!edit(label, {}, *copies, {})) return false;
  // The copies become the selection: duplicate again, or move them where they belong.
  std::vector<std::string> codes;
  for (const auto& b : *copies) codes.push_back(b.code);
  selection_.selectCodes(codes);
  return true;
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
  selection_.select(i);
  return deleteSelection();
}

bool PlanModel::deleteSelection() {
  const auto group = selection_.booths();
  if (group.empty()) return false;
  // A booth with an exhibitor (or a lock) is not deleted: the assignment would be lost with it.
  std::vector<std::string> held;
  for (int i : group)
    if (booths_[i].booth.exhibitor_id || booths_[i].booth.locked) held.push_back(booths_[i].booth.code);
  if (!held.empty()) {
    std::string list;
    for (std::size_t k = 0; k < held.size() && k < 8; ++k) list += (k ? ", " : "") + held[k];
    if (held.size() > 8) list += ", …";
    fail(tr(held.size() == 1 ? "plan.edit.error.occupied" : "plan.edit.error.occupied_many",
            {list, std::to_string(held.size())}));
    return false;
  }
  const std::string label = group.size() == 1 ? tr("plan.edit.deleted", {booths_[group[0]].booth.code})
                                              : tr("plan.edit.deleted_many", {std::to_string(group.size())});
  selection_.select(-1);
  return edit(label, {}, {}, group);
}

bool PlanModel::nudge(double dx, double dy) {
  if (selection_.count() > 0) return moveSelection(dx, dy);
  if (const auto* f = selection_.feature()) return moveFeature(f->code, dx, dy);
  if (const auto* h = selection_.hall()) return moveHall(h->code, dx, dy);
  return false;
}

bool PlanModel::deleteSelected() {
  if (selection_.count() > 0) return deleteSelection();
  if (const auto* f = selection_.feature()) return deleteFeature(f->code);
  if (const auto* h = selection_.hall()) return deleteHall(h->code);
  return false;
}

// Halls.

bool PlanModel::addHall(double x, double y, double width, double height) {
  std::string code;
  for (char c = 'A'; c <= 'Z' && code.empty(); ++c)
    if (!hallOf(std::string(1, c))) code = std::string(1, c);
  if (code.empty()) {
    fail(tr("plan.edit.error.no_hall_code"));
    return false;
  }
  Hall h;
  h.code = code;
  h.name = tr("plan.edit.new_hall", {code});
  h.x = snap(x), h.y = snap(y), h.width = std::max(kGrid, snap(width)), h.height = std::max(kGrid, snap(height));
  Change c;
  c.hallsAdded.push_back(h);
  if (!edit(tr("plan.edit.hall_added", {code}), c)) return false;
  selection_.selectHall(code);
  return true;
}

bool PlanModel::moveHall(const std::string& code, double dx, double dy) {
  const Hall* found = hallOf(code);
  dx = snap(dx), dy = snap(dy);
  if (!found || (dx == 0 && dy == 0)) return false;
  // The hall carries its booths (locked ones too: they keep their place in the hall), aisles and entrances.
  Change c;
  Hall h = *found;
  h.x += dx, h.y += dy;
  for (auto& p : h.outline) p.x += dx, p.y += dy;
  c.hallsChanged.push_back(h);
  for (const auto& f : features_)
    if (f.hall == code) {
      VenueFeature moved = f;
      moved.x += dx, moved.y += dy;
      c.featuresChanged.push_back(moved);
    }
  for (const auto& pb : booths_)
    if (pb.booth.hall == code) {
      Booth moved = pb.booth;
      moved.x += dx, moved.y += dy;
      c.changed.push_back(moved);
    }
  return edit(tr("plan.edit.hall_moved", {code}), c);
}

bool PlanModel::resizeHall(const std::string& code, double width, double height) {
  const Hall* found = hallOf(code);
  if (!found) return false;
  if (!found->outline.empty()) {
    fail(tr("plan.edit.error.polygon_hall", {code}));
    return false;
  }
  Hall h = *found;
  h.width = snap(width), h.height = snap(height);
  if (h.width < kGrid || h.height < kGrid) {
    fail(tr("plan.edit.error.too_small_element", {code}));
    return false;
  }
  Change c;
  c.hallsChanged.push_back(h);
  return edit(tr("plan.edit.hall_resized", {code}), c);
}

bool PlanModel::renameHall(const std::string& code, const std::string& name, const std::string& name_ar) {
  const Hall* found = hallOf(code);
  if (!found || (found->name == name && found->name_ar == name_ar)) return false;
  if (name.empty()) {
    fail(tr("plan.edit.error.empty_name", {code}));
    return false;
  }
  Hall h = *found;
  h.name = name;
  h.name_ar = name_ar;
  Change c;
  c.hallsChanged.push_back(h);
  return edit(tr("plan.edit.hall_renamed", {code}), c);
}

bool PlanModel::deleteHall(const std::string& code) {
  if (!hallOf(code)) return false;
  for (const auto& pb : booths_)
    if (pb.booth.hall == code) {
      fail(tr("plan.edit.error.hall_not_empty", {code, pb.booth.code}));
      return false;
    }
  Change c;
  c.hallsRemoved.push_back(code);
  for (const auto& f : features_)
    if (f.hall == code) c.featuresRemoved.push_back(f.code);
  return edit(tr("plan.edit.hall_deleted", {code}), c);
}

// Aisles and entrances.

bool PlanModel::addFeature(const std::string& kind, double x, double y) {
  const std::string hall = hallAt(x, y);
  if (hall.empty()) {
    fail(tr("plan.edit.error.no_hall"));
    return false;
  }
  VenueFeature f;
  f.kind = kind;
  f.hall = hall;
  // An aisle 3 m wide and 10 m long from the point; a 4 m door centred on it.
  if (kind == "aisle")
    f.x = snap(x), f.y = snap(y), f.width = 3, f.height = 10;
  else
    f.x = snap(x - 2), f.y = snap(y - 0.5), f.width = 4, f.height = 1;
  const std::string prefix = hall + (kind == "aisle" ? "-A" : "-E");
  for (int n = 1; f.code.empty(); ++n)
    if (!featureOf(prefix + std::to_string(n)) && boothIndex(prefix + std::to_string(n)) < 0 &&
        !hallOf(prefix + std::to_string(n)))
      f.code = prefix + std::to_string(n);
  Change c;
  c.featuresAdded.push_back(f);
  if (!edit(tr(kind == "aisle" ? "plan.edit.aisle_added" : "plan.edit.entrance_added", {f.code}), c)) return false;
  selection_.selectFeature(f.code);
  return true;
}

bool PlanModel::moveFeature(const std::string& code, double dx, double dy) {
  const VenueFeature* found = featureOf(code);
  dx = snap(dx), dy = snap(dy);
  if (!found || (dx == 0 && dy == 0)) return false;
  VenueFeature f = *found;
  f.x += dx, f.y += dy;
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_moved", {code}), c);
}

bool PlanModel::resizeFeature(const std::string& code, double width, double height) {
  const VenueFeature* found = featureOf(code);
  if (!found) return false;
  VenueFeature f = *found;
  f.width = snap(width), f.height = snap(height);
  if (f.width < kGrid || f.height < kGrid) {
    fail(tr("plan.edit.error.too_small_element", {code}));
    return false;
  }
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_resized", {code}), c);
}

bool PlanModel::setFeatureLabels(const std::string& code, const std::string& fr, const std::string& ar,
                                 const std::string& en) {
  const VenueFeature* found = featureOf(code);
  if (!found || (found->label == fr && found->label_ar == ar && found->label_en == en)) return false;
  VenueFeature f = *found;
  f.label = fr, f.label_ar = ar, f.label_en = en;
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_labelled", {code}), c);
}

bool PlanModel::deleteFeature(const std::string& code) {
  if (!featureOf(code)) return false;
  Change c;
  c.featuresRemoved.push_back(code);
  return edit(tr("plan.edit.feature_deleted", {code}), c);
}

bool PlanModel::startAllocation() {
  if (refuseWhilePreviewing()) return false;
  std::string error;
  const bool started = allocation_.start(error);
  if (!error.empty()) fail(error);
  if (started) note(tr("allocate.progress"));
  return started;
}

void PlanModel::poll() {
  if (auto exported = exportTask_.poll()) {
    if (exported->ok)
      note(exported->message);
    else
      fail(exported->message);
  }
  auto outcome = allocation_.poll(booths_, [this](Id id) { return exhibitorIndex(id); });
  if (!outcome) return;
  if (!outcome->ok) {
    fail(outcome->message);
    return;
  }
  note(outcome->message);
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
    note(done);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  refreshBooths();
  return !messageError_;
}

void PlanModel::discardPreview() {
  if (!allocation_.previewing()) return;
  allocation_.discard();
  note(tr("plan.allocation.discarded"));
  rebuildDerived();
}

}  // namespace moussem::ui
