// The venue editor of the plan screen: booths (one or several at a time), halls, aisles and entrances,
// snapped to a 0.5 m grid. Every change is checked whole with booth::validateVenue, the rules of a venue
// file (inside its hall, off the aisles, no overlap, unique code), before it is written in one
// transaction, and is one undo step. Also a plan to start from: a venue file or the shipped example.
// No ImGui; it reads the plan through its context and writes to the store.
#pragma once
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "booth/venue.hpp"
#include "ui/screens/plan_context.hpp"

namespace moussem::ui {

class PlanEditor {
 public:
  explicit PlanEditor(PlanContext& plan) : plan_(plan) {}

  static constexpr double kGrid = 0.5;
  static double snap(double metres) { return std::round(metres / kGrid) * kGrid; }
  bool editing() const { return editing_; }
  void setEditing(bool on) { editing_ = on; }

  // A plan to start from, when there is none (or to replace it): a venue file (docs/venue-format.md,
  // checked whole before anything is written) or the shipped example plan (OLM Souissi), installed in
  // one transaction as `venue import` does. false: refused, the feedback says why, nothing changed.
  bool importVenueFile(const std::string& path);
  bool startFromExample();

  std::string hallAt(double mx, double my) const;     // "" outside every hall
  std::string featureAt(double mx, double my) const;  // aisle or entrance code, "" none

  // Booths; false: refused, the feedback names the booth and the rule.
  bool addBooth(double x, double y, double width = 3, double depth = 3);  // in the hall at (x, y), next free code
  bool moveBooth(int booth, double x, double y);
  bool resizeBooth(int booth, double width, double depth);
  bool duplicateBooth(int booth);     // same size and kind beside it (right, left, below or above)
  bool addRow(int booth, int count);  // count copies in a row to the right of the booth
  bool deleteBooth(int booth);        // free and unlocked booths only

  // The same on the whole selection. A move is refused whole (nothing changes) if any booth is locked
  // or would overlap, leave its hall or stand on an aisle; delete is refused if any booth has an
  // exhibitor or a lock (named in the message: free them first).
  bool moveSelection(double dx, double dy);
  bool duplicateSelection();  // beside the group: right, left, below or above, wherever it all fits
  bool deleteSelection();
  // Arrow keys: the selected booths, else the selected aisle/entrance, else the selected hall.
  bool nudge(double dx, double dy);
  bool deleteSelected();  // Delete: the selected booths, else the aisle/entrance, else the (empty) hall

  // Halls, aisles and entrances. A hall carries its booths, aisles and entrances when it moves; only a
  // rectangular hall is resized.
  bool addHall(double x, double y, double width = 20, double height = 12);
  bool moveHall(const std::string& code, double dx, double dy);
  bool resizeHall(const std::string& code, double width, double height);
  bool renameHall(const std::string& code, const std::string& name, const std::string& name_ar);
  bool deleteHall(const std::string& code);                    // an empty hall (no booth) with its aisles and entrances
  bool addFeature(VenueFeatureKind kind, double x, double y);  // in the hall there
  bool moveFeature(const std::string& code, double dx, double dy);
  bool resizeFeature(const std::string& code, double width, double height);
  bool setFeatureLabels(const std::string& code, const std::string& fr, const std::string& ar, const std::string& en);
  bool deleteFeature(const std::string& code);

 private:
  // One change, as wished: checked whole with the venue rules, then written in one transaction.
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
  std::optional<std::vector<Booth>> placedBeside(const std::vector<int>& group, std::string& why) const;
  std::string nextCode(const std::string& hall, const std::vector<Booth>& extra) const;

  PlanContext& plan_;
  bool editing_ = false;
};

}  // namespace moussem::ui
