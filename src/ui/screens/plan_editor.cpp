// The plan's venue editor (see plan_editor.hpp).
#include "ui/screens/plan_editor.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "booth/geometry.hpp"
#include "booth/venue.hpp"
#include "core/i18n.hpp"

namespace moussem::ui {

bool PlanEditor::importVenueFile(const std::string& path) {
  if (plan_.refuseWhileBusy()) return false;
  try {
    const booth::Venue venue = booth::readVenueFile(path);  // every check before anything is written
    const booth::VenueImport done = booth::importVenue(plan_.store, venue, path);
    plan_.history.clear();
    plan_.reload();
    plan_.feedback.note(tr("venue.imported", {path, std::to_string(done.halls), std::to_string(done.booths),
                                              std::to_string(done.assigned)}));
    return true;
  } catch (const std::exception& e) {
    plan_.feedback.fail(e.what());
    return false;
  }
}

bool PlanEditor::startFromExample() {
  if (plan_.refuseWhileBusy()) return false;
  try {
    const booth::Venue venue = booth::parseVenue(booth::olmSouissiExample(), "olm-souissi.json");
    const booth::VenueImport done = booth::importVenue(plan_.store, venue, "olm-souissi.json");
    plan_.history.clear();
    plan_.reload();
    plan_.feedback.note(tr("plan.example_installed", {std::to_string(done.halls), std::to_string(done.booths)}));
    return true;
  } catch (const std::exception& e) {
    plan_.feedback.fail(e.what());
    return false;
  }
}

std::string PlanEditor::hallAt(double mx, double my) const {
  for (const auto& h : plan_.halls) {
    if (!h.outline.empty() ? booth::pointInPolygon(h.outline, {mx, my})
                           : (mx >= h.x && mx <= h.x + h.width && my >= h.y && my <= h.y + h.height))
      return h.code;
  }
  return {};
}

std::string PlanEditor::featureAt(double mx, double my) const {
  // Entrances first: a door drawn over an aisle's end is what the pointer means.
  for (VenueFeatureKind kind : {VenueFeatureKind::Entrance, VenueFeatureKind::Aisle})
    for (const auto& f : plan_.features)
      if (f.kind == kind && mx >= f.x && mx <= f.x + f.width && my >= f.y && my <= f.y + f.height) return f.code;
  return {};
}

std::string PlanEditor::nextCode(const std::string& hall, const std::vector<Booth>& extra) const {
  int highest = 0;
  auto look = [&](const std::string& code) {
    if (code.rfind(hall + "-", 0) != 0) return;
    const std::string digits = code.substr(hall.size() + 1);
    if (!digits.empty() && digits.size() < 7 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      highest = std::max(highest, std::stoi(digits));
  };
  for (const auto& b : plan_.booths) look(b.booth.code);
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

booth::Venue PlanEditor::venueWith(const Change& c, PlanHistory::Step* step) const {
  // The plan as it would be, to be checked whole with the venue file's rules.
  booth::Venue venue;
  venue.halls = merged(plan_.halls, c.hallsChanged, c.hallsRemoved, c.hallsAdded, step ? &step->halls : nullptr);
  venue.features =
      merged(plan_.features, c.featuresChanged, c.featuresRemoved, c.featuresAdded, step ? &step->features : nullptr);
  std::map<Id, const Booth*> replaced;
  for (const auto& b : c.changed) replaced[b.id] = &b;
  for (int i = 0; i < static_cast<int>(plan_.booths.size()); ++i) {
    if (std::find(c.removed.begin(), c.removed.end(), i) != c.removed.end()) {
      if (step) step->deleted.push_back(plan_.booths[i].booth);
      continue;
    }
    auto it = replaced.find(plan_.booths[i].booth.id);
    if (it != replaced.end() && step) {
      step->before.push_back(plan_.booths[i].booth);
      step->after.push_back(*it->second);
    }
    venue.booths.push_back(it != replaced.end() ? *it->second : plan_.booths[i].booth);
  }
  for (const auto& b : c.added) venue.booths.push_back(b);
  return venue;
}

bool PlanEditor::edit(const std::string& label, const std::vector<Booth>& changed, const std::vector<Booth>& added,
                      const std::vector<int>& removed) {
  Change c;
  c.changed = changed;
  c.added = added;
  c.removed = removed;
  return edit(label, c);
}

bool PlanEditor::edit(const std::string& label, const Change& c) {
  if (plan_.refuseWhileBusy()) return false;
  PlanHistory::Step step;
  step.label = label;
  try {
    booth::validateVenue(venueWith(c, &step), tr("plan.edit.source"));
    plan_.store.write([&] {
      for (const auto& b : step.deleted) plan_.store.deleteBooth(b.id);
      for (const auto& f : step.features.deleted) plan_rows::deleteRow(plan_.store, f);
      step.halls.inserted = c.hallsAdded;
      plan_rows::insertRows(plan_.store, step.halls.inserted);
      for (const auto& h : step.halls.after) plan_rows::updateRow(plan_.store, h);
      step.features.inserted = c.featuresAdded;
      plan_rows::insertRows(plan_.store, step.features.inserted);
      for (const auto& f : step.features.after) plan_rows::updateRow(plan_.store, f);
      for (const auto& b : step.after) plan_.store.updateBooth(b);
      step.inserted = c.added;
      plan_rows::insertRows(plan_.store, step.inserted);
      for (const auto& h : step.halls.deleted) plan_rows::deleteRow(plan_.store, h);
    });
  } catch (const std::exception& e) {
    plan_.feedback.fail(e.what());
    plan_.reload();
    return false;
  }
  plan_.feedback.note(label);
  plan_.history.record(std::move(step));
  plan_.reload();
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

bool PlanEditor::addBooth(double x, double y, double width, double depth) {
  x = snap(x), y = snap(y), width = snap(width), depth = snap(depth);
  const std::string hall = hallAt(x + kGrid / 2, y + kGrid / 2);
  if (hall.empty()) {
    plan_.feedback.fail(tr("plan.edit.error.no_hall"));
    return false;
  }
  const std::string code = nextCode(hall, {});
  return edit(tr("plan.edit.added", {code}), {}, {newBooth(code, hall, x, y, width, depth)}, {});
}

bool PlanEditor::moveBooth(int i, double x, double y) {
  if (i < 0 || i >= static_cast<int>(plan_.booths.size())) return false;
  const Booth& b = plan_.booths[i].booth;
  const double dx = snap(x) - b.x, dy = snap(y) - b.y;
  if (dx == 0 && dy == 0) return true;
  plan_.selection.select(i);
  return moveSelection(dx, dy);
}

bool PlanEditor::moveSelection(double dx, double dy) {
  dx = snap(dx), dy = snap(dy);
  const auto group = plan_.selection.booths();
  if (group.empty() || (dx == 0 && dy == 0)) return false;
  std::vector<Booth> moved;
  for (int i : group) {
    Booth b = plan_.booths[i].booth;
    if (b.locked) {
      plan_.feedback.fail(tr("booth.error.untouchable", {b.code, tr("booth.locked")}));
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

bool PlanEditor::resizeBooth(int i, double width, double depth) {
  if (i < 0 || i >= static_cast<int>(plan_.booths.size())) return false;
  Booth b = plan_.booths[i].booth;
  if (b.locked) {
    plan_.feedback.fail(tr("booth.error.untouchable", {b.code, tr("booth.locked")}));
    return false;
  }
  b.width = snap(width), b.depth = snap(depth);
  if (b.width < kGrid || b.depth < kGrid) {
    plan_.feedback.fail(tr("plan.edit.error.too_small", {b.code}));
    return false;
  }
  return edit(tr("plan.edit.resized", {b.code}), {b}, {}, {});
}

std::optional<std::vector<Booth>> PlanEditor::placedBeside(const std::vector<int>& group, std::string& why) const {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (int i : group) {
    const auto r = booth::rectOf(plan_.booths[i].booth);
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
  }
  const double w = x1 - x0, h = y1 - y0;
  const std::pair<double, double> offsets[] = {{w, 0}, {-w, 0}, {0, h}, {0, -h}};
  for (const auto& [dx, dy] : offsets) {
    std::vector<Booth> copies;
    for (int i : group) {
      const Booth& from = plan_.booths[i].booth;
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

bool PlanEditor::duplicateBooth(int i) {
  if (i < 0 || i >= static_cast<int>(plan_.booths.size())) return false;
  plan_.selection.select(i);
  return duplicateSelection();
}

bool PlanEditor::duplicateSelection() {
  const auto group = plan_.selection.booths();
  if (group.empty() || plan_.refuseWhileBusy()) return false;
  std::string why;
  const auto copies = placedBeside(group, why);
  const std::string& first = plan_.booths[group[0]].booth.code;
  if (!copies) {
    plan_.feedback.fail(tr("plan.edit.error.no_room", {first, why}));
    return false;
  }
  const std::string label = copies->size() == 1 ? tr("plan.edit.duplicated", {first, (*copies)[0].code})
                                                : tr("plan.edit.duplicated_many", {std::to_string(copies->size())});
  if (!edit(label, {}, *copies, {})) return false;
  // The copies become the selection: duplicate again, or move them where they belong.
  std::vector<std::string> codes;
  for (const auto& b : *copies) codes.push_back(b.code);
  plan_.selection.selectCodes(codes);
  return true;
}

bool PlanEditor::addRow(int i, int count) {
  if (i < 0 || i >= static_cast<int>(plan_.booths.size())) return false;
  if (count < 1 || count > 200) {
    plan_.feedback.fail(tr("plan.edit.error.row_count", {std::to_string(count)}));
    return false;
  }
  const Booth& from = plan_.booths[i].booth;
  std::vector<Booth> row;
  for (int k = 1; k <= count; ++k) {
    Booth b = newBooth(nextCode(from.hall, row), from.hall, from.x + from.width * k, from.y, from.width, from.depth);
    b.power = from.power;
    row.push_back(std::move(b));
  }
  return edit(tr("plan.edit.row", {std::to_string(count), from.code}), {}, row, {});
}

bool PlanEditor::deleteBooth(int i) {
  if (i < 0 || i >= static_cast<int>(plan_.booths.size())) return false;
  plan_.selection.select(i);
  return deleteSelection();
}

bool PlanEditor::deleteSelection() {
  const auto group = plan_.selection.booths();
  if (group.empty()) return false;
  // A booth with an exhibitor (or a lock) is not deleted: the assignment would be lost with it.
  std::vector<std::string> held;
  for (int i : group)
    if (plan_.booths[i].booth.exhibitor_id || plan_.booths[i].booth.locked) held.push_back(plan_.booths[i].booth.code);
  if (!held.empty()) {
    std::string list;
    for (std::size_t k = 0; k < held.size() && k < 8; ++k) list += (k ? ", " : "") + held[k];
    if (held.size() > 8) list += ", …";
    plan_.feedback.fail(tr(held.size() == 1 ? "plan.edit.error.occupied" : "plan.edit.error.occupied_many",
                           {list, std::to_string(held.size())}));
    return false;
  }
  const std::string label = group.size() == 1 ? tr("plan.edit.deleted", {plan_.booths[group[0]].booth.code})
                                              : tr("plan.edit.deleted_many", {std::to_string(group.size())});
  plan_.selection.select(-1);
  return edit(label, {}, {}, group);
}

bool PlanEditor::nudge(double dx, double dy) {
  if (plan_.selection.count() > 0) return moveSelection(dx, dy);
  if (const auto* f = plan_.selection.feature()) return moveFeature(f->code, dx, dy);
  if (const auto* h = plan_.selection.hall()) return moveHall(h->code, dx, dy);
  return false;
}

bool PlanEditor::deleteSelected() {
  if (plan_.selection.count() > 0) return deleteSelection();
  if (const auto* f = plan_.selection.feature()) return deleteFeature(f->code);
  if (const auto* h = plan_.selection.hall()) return deleteHall(h->code);
  return false;
}

// Halls.

bool PlanEditor::addHall(double x, double y, double width, double height) {
  std::string code;
  for (char c = 'A'; c <= 'Z' && code.empty(); ++c)
    if (!plan_.hallOf(std::string(1, c))) code = std::string(1, c);
  if (code.empty()) {
    plan_.feedback.fail(tr("plan.edit.error.no_hall_code"));
    return false;
  }
  Hall h;
  h.code = code;
  h.name = tr("plan.edit.new_hall", {code});
  h.x = snap(x), h.y = snap(y), h.width = std::max(kGrid, snap(width)), h.height = std::max(kGrid, snap(height));
  Change c;
  c.hallsAdded.push_back(h);
  if (!edit(tr("plan.edit.hall_added", {code}), c)) return false;
  plan_.selection.selectHall(code);
  return true;
}

bool PlanEditor::moveHall(const std::string& code, double dx, double dy) {
  const Hall* found = plan_.hallOf(code);
  dx = snap(dx), dy = snap(dy);
  if (!found || (dx == 0 && dy == 0)) return false;
  // The hall carries its booths (locked ones too: they keep their place in the hall), aisles and entrances.
  Change c;
  Hall h = *found;
  h.x += dx, h.y += dy;
  for (auto& p : h.outline) p.x += dx, p.y += dy;
  c.hallsChanged.push_back(h);
  for (const auto& f : plan_.features)
    if (f.hall == code) {
      VenueFeature moved = f;
      moved.x += dx, moved.y += dy;
      c.featuresChanged.push_back(moved);
    }
  for (const auto& pb : plan_.booths)
    if (pb.booth.hall == code) {
      Booth moved = pb.booth;
      moved.x += dx, moved.y += dy;
      c.changed.push_back(moved);
    }
  return edit(tr("plan.edit.hall_moved", {code}), c);
}

bool PlanEditor::resizeHall(const std::string& code, double width, double height) {
  const Hall* found = plan_.hallOf(code);
  if (!found) return false;
  if (!found->outline.empty()) {
    plan_.feedback.fail(tr("plan.edit.error.polygon_hall", {code}));
    return false;
  }
  Hall h = *found;
  h.width = snap(width), h.height = snap(height);
  if (h.width < kGrid || h.height < kGrid) {
    plan_.feedback.fail(tr("plan.edit.error.too_small_element", {code}));
    return false;
  }
  Change c;
  c.hallsChanged.push_back(h);
  return edit(tr("plan.edit.hall_resized", {code}), c);
}

bool PlanEditor::renameHall(const std::string& code, const std::string& name, const std::string& name_ar) {
  const Hall* found = plan_.hallOf(code);
  if (!found || (found->name == name && found->name_ar == name_ar)) return false;
  if (name.empty()) {
    plan_.feedback.fail(tr("plan.edit.error.empty_name", {code}));
    return false;
  }
  Hall h = *found;
  h.name = name;
  h.name_ar = name_ar;
  Change c;
  c.hallsChanged.push_back(h);
  return edit(tr("plan.edit.hall_renamed", {code}), c);
}

bool PlanEditor::deleteHall(const std::string& code) {
  if (!plan_.hallOf(code)) return false;
  for (const auto& pb : plan_.booths)
    if (pb.booth.hall == code) {
      plan_.feedback.fail(tr("plan.edit.error.hall_not_empty", {code, pb.booth.code}));
      return false;
    }
  Change c;
  c.hallsRemoved.push_back(code);
  for (const auto& f : plan_.features)
    if (f.hall == code) c.featuresRemoved.push_back(f.code);
  return edit(tr("plan.edit.hall_deleted", {code}), c);
}

// Aisles and entrances.

bool PlanEditor::addFeature(VenueFeatureKind kind, double x, double y) {
  const std::string hall = hallAt(x, y);
  if (hall.empty()) {
    plan_.feedback.fail(tr("plan.edit.error.no_hall"));
    return false;
  }
  VenueFeature f;
  f.kind = kind;
  f.hall = hall;
  // An aisle 3 m wide and 10 m long from the point; a 4 m door centred on it.
  const bool aisle = kind == VenueFeatureKind::Aisle;
  if (aisle)
    f.x = snap(x), f.y = snap(y), f.width = 3, f.height = 10;
  else
    f.x = snap(x - 2), f.y = snap(y - 0.5), f.width = 4, f.height = 1;
  const std::string prefix = hall + (aisle ? "-A" : "-E");
  for (int n = 1; f.code.empty(); ++n)
    if (!plan_.featureOf(prefix + std::to_string(n)) && plan_.boothIndex(prefix + std::to_string(n)) < 0 &&
        !plan_.hallOf(prefix + std::to_string(n)))
      f.code = prefix + std::to_string(n);
  Change c;
  c.featuresAdded.push_back(f);
  if (!edit(tr(aisle ? "plan.edit.aisle_added" : "plan.edit.entrance_added", {f.code}), c)) return false;
  plan_.selection.selectFeature(f.code);
  return true;
}

bool PlanEditor::moveFeature(const std::string& code, double dx, double dy) {
  const VenueFeature* found = plan_.featureOf(code);
  dx = snap(dx), dy = snap(dy);
  if (!found || (dx == 0 && dy == 0)) return false;
  VenueFeature f = *found;
  f.x += dx, f.y += dy;
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_moved", {code}), c);
}

bool PlanEditor::resizeFeature(const std::string& code, double width, double height) {
  const VenueFeature* found = plan_.featureOf(code);
  if (!found) return false;
  VenueFeature f = *found;
  f.width = snap(width), f.height = snap(height);
  if (f.width < kGrid || f.height < kGrid) {
    plan_.feedback.fail(tr("plan.edit.error.too_small_element", {code}));
    return false;
  }
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_resized", {code}), c);
}

bool PlanEditor::setFeatureLabels(const std::string& code, const std::string& fr, const std::string& ar,
                                  const std::string& en) {
  const VenueFeature* found = plan_.featureOf(code);
  if (!found || (found->label == fr && found->label_ar == ar && found->label_en == en)) return false;
  VenueFeature f = *found;
  f.label = fr, f.label_ar = ar, f.label_en = en;
  Change c;
  c.featuresChanged.push_back(f);
  return edit(tr("plan.edit.feature_labelled", {code}), c);
}

bool PlanEditor::deleteFeature(const std::string& code) {
  if (!plan_.featureOf(code)) return false;
  Change c;
  c.featuresRemoved.push_back(code);
  return edit(tr("plan.edit.feature_deleted", {code}), c);
}

}  // namespace moussem::ui
