// The plan's undo and redo (see plan_history.hpp).
#include "ui/screens/plan_history.hpp"

#include <nlohmann/json.hpp>

#include "core/domain_json.hpp"
#include "core/i18n.hpp"

namespace moussem::ui {

namespace plan_rows {
void insertRow(Store& s, Hall& h) {
  s.insertHall(h);
}
void insertRow(Store& s, VenueFeature& f) {
  s.insertVenueFeature(f);
}
void insertRow(Store& s, Booth& b) {
  s.insertBooth(b);
}
void updateRow(Store& s, const Hall& h) {
  s.updateHall(h);
}
void updateRow(Store& s, const VenueFeature& f) {
  s.updateVenueFeature(f);
}
void deleteRow(Store& s, const Hall& h) {
  s.deleteHall(h.id);
}
void deleteRow(Store& s, const VenueFeature& f) {
  s.deleteVenueFeature(f.id);
}
}  // namespace plan_rows

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

// The rows of `all` with the ids of `like`, in the order of `like` (missing ones left out).
template <typename T>
std::vector<T> byIds(const std::vector<T>& all, const std::vector<T>& like) {
  std::vector<T> out;
  for (const auto& l : like)
    for (const auto& a : all)
      if (a.id == l.id) out.push_back(a);
  return out;
}

// Halls and features compared by every field (their audit JSON).
template <typename T>
bool sameRows(const std::vector<T>& a, const std::vector<T>& b) {
  return nlohmann::json(a) == nlohmann::json(b);
}

template <typename T>
void followIds(std::vector<T>& rows, const std::map<Id, Id>& moved) {
  for (auto& r : rows)
    if (auto it = moved.find(r.id); it != moved.end()) r.id = it->second;
}

}  // namespace

void PlanHistory::record(Step step) {
  undo_.push_back(std::move(step));
  redo_.clear();
}

void PlanHistory::recordChanged(const std::string& label, const booth::BoothSnapshot& before,
                                const booth::BoothSnapshot& after) {
  booth::BoothSnapshot changedBefore, changedAfter;
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i)
    if (!sameState({before[i]}, {after[i]})) {
      changedBefore.push_back(before[i]);
      changedAfter.push_back(after[i]);
    }
  if (!changedBefore.empty()) record({label, std::move(changedBefore), std::move(changedAfter), {}, {}, {}, {}});
}

void PlanHistory::clear() {
  undo_.clear();
  redo_.clear();
}

booth::BoothSnapshot PlanHistory::current(const booth::BoothSnapshot& like) const {
  std::map<Id, Booth> now;
  for (auto& b : store_.booths()) now[b.id] = std::move(b);
  booth::BoothSnapshot out;
  for (const auto& b : like) {
    auto it = now.find(b.id);
    if (it != now.end()) out.push_back(it->second);
  }
  return out;
}

PlanHistory::Played PlanHistory::play(bool forward) {
  auto& from = forward ? redo_ : undo_;
  auto& to = forward ? undo_ : redo_;
  if (from.empty()) return {};
  Step step = from.back();
  try {
    if (!stillCurrent(step, forward)) {
      from.clear();
      return {Played::Kind::Changed, tr("plan.error.undo_changed")};
    }
    apply(step, forward);
  } catch (const std::exception& e) {
    return {Played::Kind::Failed, e.what()};
  }
  from.pop_back();
  Played done{Played::Kind::Done, step.label};
  to.push_back(std::move(step));
  return done;
}

void PlanHistory::apply(Step& step, bool forward) {
  std::map<Id, Id> booths, halls, features;  // rows put back: old id -> new id
  store_.write([&] {
    auto& removeBooths = forward ? step.deleted : step.inserted;
    auto& addBooths = forward ? step.inserted : step.deleted;
    auto& removeFeatures = forward ? step.features.deleted : step.features.inserted;
    auto& addFeatures = forward ? step.features.inserted : step.features.deleted;
    auto& removeHalls = forward ? step.halls.deleted : step.halls.inserted;
    auto& addHalls = forward ? step.halls.inserted : step.halls.deleted;
    // Booths and features refer to their hall by code: halls come first and go last.
    for (const auto& b : removeBooths) store_.deleteBooth(b.id);
    for (const auto& f : removeFeatures) plan_rows::deleteRow(store_, f);
    plan_rows::insertRows(store_, addHalls, &halls);
    for (const auto& h : forward ? step.halls.after : step.halls.before) plan_rows::updateRow(store_, h);
    plan_rows::insertRows(store_, addFeatures, &features);
    for (const auto& f : forward ? step.features.after : step.features.before) plan_rows::updateRow(store_, f);
    plan_rows::insertRows(store_, addBooths, &booths);
    const auto& states = forward ? step.after : step.before;
    // Exhibitors first leave every booth of the step, so that no state in between has one exhibitor
    // in two booths (as booth::restoreBooths).
    for (auto it = states.rbegin(); it != states.rend(); ++it) store_.updateBooth(*it);
    for (const auto& h : removeHalls) plan_rows::deleteRow(store_, h);
  });
  // Earlier and later steps that name those rows follow them to their new ids.
  for (auto* list : {&undo_, &redo_})
    for (auto& other : *list) {
      for (auto* rows : {&other.before, &other.after, &other.inserted, &other.deleted}) followIds(*rows, booths);
      for (auto* rows : {&other.halls.before, &other.halls.after, &other.halls.inserted, &other.halls.deleted})
        followIds(*rows, halls);
      for (auto* rows :
           {&other.features.before, &other.features.after, &other.features.inserted, &other.features.deleted})
        followIds(*rows, features);
    }
}

// Nobody else (another station) changed what the step would undo (or redo) since: else it would
// overwrite their work.
bool PlanHistory::stillCurrent(const Step& step, bool forward) const {
  const auto& booths = forward ? step.before : step.after;
  const auto& present = forward ? step.deleted : step.inserted;
  const auto& halls = forward ? step.halls.before : step.halls.after;
  const auto& presentHalls = forward ? step.halls.deleted : step.halls.inserted;
  const auto& features = forward ? step.features.before : step.features.after;
  const auto& presentFeatures = forward ? step.features.deleted : step.features.inserted;
  const auto nowHalls = store_.halls();
  const auto nowFeatures = store_.venueFeatures();
  return sameState(current(booths), booths) && current(present).size() == present.size() &&
         sameRows(byIds(nowHalls, halls), halls) && byIds(nowHalls, presentHalls).size() == presentHalls.size() &&
         sameRows(byIds(nowFeatures, features), features) &&
         byIds(nowFeatures, presentFeatures).size() == presentFeatures.size();
}

}  // namespace moussem::ui
