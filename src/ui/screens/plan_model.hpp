// The venue plan screen's model, with no ImGui: the plan loaded once (halls, aisles, entrances, booths,
// exhibitors) and refreshed after each change, colours and legend, the hand operations of
// src/booth (assign, move/swap, unassign, lock, hold) with undo and redo, and the automatic allocation
// run on a worker, previewed, then accepted or discarded. Operations go through booth_service, so the
// plan refuses what the command line refuses, with the same message. The venue editor (booths, several
// at a time, halls, aisles, entrances) checks every change whole with booth::validateVenue, the rules
// of a venue file, before writing it in one transaction. Nothing here queries the database per frame.
// Its parts with a job of their own live beside it: the search (plan_search), the selection
// (plan_selection), the allocation's worker and preview (plan_allocation), the undo and redo steps
// (plan_history), the rows (plan_rows);
// the viewport (plan_view) is the screen's.
#pragma once
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "booth/allocation.hpp"
#include "booth/booth_service.hpp"
#include "booth/geometry.hpp"
#include "booth/plan_style.hpp"
#include "booth/venue.hpp"
#include "core/domain.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"
#include "ui/screens/plan_allocation.hpp"
#include "ui/screens/plan_history.hpp"
#include "ui/screens/plan_rows.hpp"
#include "ui/screens/plan_search.hpp"
#include "ui/screens/plan_selection.hpp"

namespace moussem::ui {

class PlanModel {
 public:
  explicit PlanModel(Store& store);
  ~PlanModel();
  PlanModel(const PlanModel&) = delete;
  PlanModel& operator=(const PlanModel&) = delete;

  // Reads the whole plan (on show, F5). Keeps the selection by booth code.
  void load();
  bool loaded() const { return loaded_; }
  Store& store() { return store_; }

  const std::vector<Hall>& halls() const { return halls_; }
  const std::vector<VenueFeature>& features() const { return features_; }
  const std::vector<PlanBooth>& booths() const { return booths_; }
  const std::vector<PlanExhibitor>& exhibitors() const { return exhibitors_; }
  booth::Rect bounds() const { return bounds_; }

  int boothIndex(const std::string& code) const;
  int exhibitorIndex(Id id) const;
  int boothAt(double mx, double my) const;  // venue metres -> booth index, -1: none
  // The exhibitor shown in a booth: the preview's when previewing, else the holder.
  int shownHolder(int booth) const;

  // Colours and legend.
  booth::ColourBy colourBy() const { return colourBy_; }
  void setColourBy(booth::ColourBy by) { colourBy_ = by; }
  std::uint32_t colourOf(int booth) const;  // 0xAABBGGRR, ImGui's packing
  struct LegendEntry {
    std::string code, label;  // label in the interface language
    std::uint32_t colour = 0;
    int count = 0;  // booths of that colour
  };
  // Cached: rebuilt when the booths, the preview, the colour switch or the language change.
  const std::vector<LegendEntry>& legend() const;

  // The search (booths to highlight, exhibitors without a booth in the side list), applied to the
  // booths as shown, an allocation preview's included.
  void setSearch(const std::string& text);
  const PlanSearch& search() const { return search_; }

  // Selection: booths (one, or several in the editor), or else one hall or one aisle/entrance (editor),
  // kept by code across reloads.
  PlanSelection& selection() { return selection_; }
  const PlanSelection& selection() const { return selection_; }

  // Hand operations (one undo step each). false: refused or failed, message() says why and nothing
  // changed. Refused while an allocation preview is open.
  bool assign(int booth, Id exhibitor);
  bool move(int from, int to);  // swap when both are held
  bool unassign(int booth);
  bool toggleLock(int booth);
  bool toggleHold(int booth);
  bool undo();
  bool redo();
  bool canUndo() const { return history_.canUndo() && !previewing(); }
  bool canRedo() const { return history_.canRedo() && !previewing(); }

  const std::string& message() const { return message_; }
  bool messageIsError() const { return messageError_; }
  void clearMessage() { message_.clear(); }

  // A plan to start from, when there is none (or to replace it): a venue file (docs/venue-format.md,
  // checked whole before anything is written) or the shipped example plan (OLM Souissi), installed in
  // one transaction as `venue import` does. false: refused, message() says why, nothing changed.
  bool importVenueFile(const std::string& path);
  bool startFromExample();
  // For the empty states of the side list: exhibitors at all, and those who asked for a booth.
  int exhibitorsAskingForBooth() const;

  // Automatic allocation: computed on a worker (no database access there), then previewed on the
  // plan. Accepting writes it in one transaction (one undo step); discarding changes nothing.
  // The worker, its progress and the preview are the allocation's (plan_allocation); starting it,
  // accepting and discarding go through here, which speaks to the user and keeps the undo steps.
  bool startAllocation();
  void poll();  // each frame: the finished allocation becomes the preview, a finished export says so
  PlanAllocation& allocation() { return allocation_; }
  const PlanAllocation& allocation() const { return allocation_; }
  bool previewing() const { return allocation_.previewing(); }
  bool acceptPreview();
  void discardPreview();

  // Venue editor: booth geometry snapped to a 0.5 m grid and checked with the venue rules of
  // src/booth (inside its hall, off the aisles, no overlap, unique code) before anything is written;
  // one undo step each. false: refused, message() names the booth and the rule.
  static constexpr double kGrid = 0.5;
  static double snap(double metres) { return std::round(metres / kGrid) * kGrid; }
  bool editing() const { return editing_; }
  void setEditing(bool on) { editing_ = on; }
  std::string hallAt(double mx, double my) const;                         // "" outside every hall
  bool addBooth(double x, double y, double width = 3, double depth = 3);  // in the hall at (x, y), next free code
  bool moveBooth(int booth, double x, double y);
  bool resizeBooth(int booth, double width, double depth);
  bool duplicateBooth(int booth);     // same size and kind beside it (right, left, below or above)
  bool addRow(int booth, int count);  // count copies in a row to the right of the booth
  bool deleteBooth(int booth);        // free and unlocked booths only

  // The same on the whole selection, each one undo step. A move is refused whole (nothing changes) if
  // any booth is locked or would overlap, leave its hall or stand on an aisle; delete is refused if any
  // booth has an exhibitor or a lock (named in the message: free them first).
  bool moveSelection(double dx, double dy);
  bool duplicateSelection();  // beside the group: right, left, below or above, wherever it all fits
  bool deleteSelection();
  // Arrow keys: the selected booths, else the selected aisle/entrance, else the selected hall.
  bool nudge(double dx, double dy);
  bool deleteSelected();  // Delete in the editor: the selected booths, else the aisle/entrance, else the (empty) hall

  // Halls, aisles and entrances, checked with the same venue rules, one undo step each. A hall carries
  // its booths, aisles and entrances when it moves; only a rectangular hall is resized.
  std::string featureAt(double mx, double my) const;  // aisle or entrance code, "" none
  bool addHall(double x, double y, double width = 20, double height = 12);
  bool moveHall(const std::string& code, double dx, double dy);
  bool resizeHall(const std::string& code, double width, double height);
  bool renameHall(const std::string& code, const std::string& name, const std::string& name_ar);
  bool deleteHall(const std::string& code);  // an empty hall (no booth) with its aisles and entrances
  bool addFeature(const std::string& kind, double x, double y);  // "aisle" | "entrance", in the hall there
  bool moveFeature(const std::string& code, double dx, double dy);
  bool resizeFeature(const std::string& code, double width, double height);
  bool setFeatureLabels(const std::string& code, const std::string& fr, const std::string& ar, const std::string& en);
  bool deleteFeature(const std::string& code);

  // Exports on a worker with its own database connection: the plan (.pdf | .png, coloured as on
  // screen) or the exhibitor directory (.pdf | .csv | .xlsx), to exportPath.
  std::string exportPath;
  bool startExport(bool directory);
  bool exporting() const { return exportTask_.running(); }
  double exportProgress() const { return exportTask_.fraction(); }
  void cancelExport() { exportTask_.cancel(); }
  void waitForExport() { exportTask_.wait(); }

 private:
  // One editor change, as wished: checked whole with the venue rules, then written in one transaction.
  struct Change {
    std::vector<Booth> changed, added;
    std::vector<int> removed;  // booth indices
    std::vector<Hall> hallsChanged, hallsAdded;
    std::vector<std::string> hallsRemoved;
    std::vector<VenueFeature> featuresChanged, featuresAdded;
    std::vector<std::string> featuresRemoved;
  };
  bool edit(const std::string& label, const std::vector<Booth>& changed, const std::vector<Booth>& added,
            const std::vector<int>& removed);
  bool edit(const std::string& label, const Change& change);
  booth::Venue venueWith(const Change& change, PlanHistory::Step* step) const;
  bool play(bool forward);  // undo (false) or redo (true)
  std::optional<std::vector<Booth>> placedBeside(const std::vector<int>& group, std::string& why) const;
  const Hall* hallOf(const std::string& code) const;
  const VenueFeature* featureOf(const std::string& code) const;
  std::string nextCode(const std::string& hall, const std::vector<Booth>& extra) const;
  void refreshBooths();
  void rebuildDerived();
  bool run(const std::string& done, const std::function<booth::BoothSnapshot()>& op);
  bool refuseWhilePreviewing();
  void fail(const std::string& message);
  void note(const std::string& message);

  Store& store_;
  bool loaded_ = false;
  std::vector<Hall> halls_;
  std::vector<VenueFeature> features_;
  std::vector<PlanBooth> booths_;
  std::vector<PlanExhibitor> exhibitors_;
  booth::Rect bounds_;
  booth::ColourBy colourBy_ = booth::ColourBy::Status;
  PlanSearch search_;
  PlanSelection selection_{booths_, halls_, features_};
  bool editing_ = false;
  int revision_ = 0;  // bumped by every change of what is drawn
  mutable std::vector<LegendEntry> legend_;
  mutable std::string legendKey_;
  PlanHistory history_{store_};
  std::string message_;
  bool messageError_ = false;

  BackgroundTask exportTask_;
  PlanAllocation allocation_{store_};  // last members: their workers are destroyed (joined) first
};

}  // namespace moussem::ui
