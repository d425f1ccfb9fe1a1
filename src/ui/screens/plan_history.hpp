// The plan's undo and redo. Each step keeps the rows it changed as they were before and after: booths
// changed in place, added and removed, and halls, aisles and entrances likewise. A step is played back
// (undo) or again (redo) in one transaction, and only if nobody (another station) changed those rows
// since: else it would overwrite their work. Rows put back get new ids, which the other steps follow.
// No ImGui; it says nothing to the user (the plan's model does).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "booth/booth_service.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::ui {

class PlanHistory {
 public:
  // Rows (halls, features) changed by one step: in place, added, removed (ids kept current).
  template <typename T>
  struct Rows {
    std::vector<T> before, after, inserted, deleted;
  };
  struct Step {
    std::string label;                     // what was done, in the interface language
    booth::BoothSnapshot before, after;    // booths changed in place
    std::vector<Booth> inserted, deleted;  // booths the editor added or removed (ids kept current)
    Rows<Hall> halls;
    Rows<VenueFeature> features;
  };

  explicit PlanHistory(Store& store) : store_(store) {}

  void record(Step step);  // a step just done: what could be redone is forgotten
  // The booths of `before` that `after` (the same booths, in the same order) shows changed, as one step;
  // nothing when none changed.
  void recordChanged(const std::string& label, const booth::BoothSnapshot& before, const booth::BoothSnapshot& after);
  void clear();
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }

  // The last step played back (undo) or again (redo). Changed: someone else changed its rows since,
  // nothing is written and that side of the history is forgotten; Failed: the database refused, nothing
  // is written. `text`: the step's label when Done, else why not.
  struct Played {
    enum class Kind { Done, Nothing, Changed, Failed } kind = Kind::Nothing;
    std::string text;
  };
  Played undo() { return play(false); }
  Played redo() { return play(true); }

  // Those booths as the database has them now (the ones gone left out).
  booth::BoothSnapshot current(const booth::BoothSnapshot& like) const;

 private:
  Played play(bool forward);
  void apply(Step& step, bool forward);
  bool stillCurrent(const Step& step, bool forward) const;

  Store& store_;
  std::vector<Step> undo_, redo_;
};

// Rows written as the plan's steps write them; the editor writes its changes with them too.
namespace plan_rows {
void insertRow(Store& s, Hall& h);
void insertRow(Store& s, VenueFeature& f);
void insertRow(Store& s, Booth& b);
void updateRow(Store& s, const Hall& h);
void updateRow(Store& s, const VenueFeature& f);
void deleteRow(Store& s, const Hall& h);
void deleteRow(Store& s, const VenueFeature& f);

// A row put back gets a new id: the step follows it, and `moved` (when given) records old -> new for
// the other steps.
template <typename T>
void insertRows(Store& s, std::vector<T>& rows, std::map<Id, Id>* moved = nullptr) {
  for (auto& r : rows) {
    T copy = r;
    copy.id = 0;
    insertRow(s, copy);
    if (moved && r.id) (*moved)[r.id] = copy.id;
    r.id = copy.id;
  }
}
}  // namespace plan_rows

}  // namespace moussem::ui
