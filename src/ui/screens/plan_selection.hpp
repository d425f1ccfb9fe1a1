// The plan's selection: booths (one, or several in the editor), or else one hall or one aisle or
// entrance. Kept by code, so that it survives a reload of the plan (the booths' order and indices may
// change): sync() after each reload finds the codes again and drops what is gone. No ImGui, no
// database: it reads the plan's rows it was given.
#pragma once
#include <string>
#include <vector>

#include "booth/geometry.hpp"
#include "core/domain.hpp"
#include "ui/screens/plan_rows.hpp"

namespace moussem::ui {

class PlanSelection {
 public:
  PlanSelection(const std::vector<PlanBooth>& booths, const std::vector<Hall>& halls,
                const std::vector<VenueFeature>& features)
      : booths_(booths), halls_(halls), features_(features) {}

  void select(int booth);                                   // only this booth (-1: nothing)
  void toggle(int booth);                                   // Shift/Ctrl+click: add or remove it
  void selectInRect(const booth::Rect& r, bool add);        // rubber band: booths it touches
  void selectAll();                                         // every booth
  void selectCodes(const std::vector<std::string>& codes);  // these booths, the last one current
  void selectHall(const std::string& code);                 // clears the booths' selection
  void selectFeature(const std::string& code);
  void sync();  // after the plan's rows changed

  // The booth clicked last (the side panel shows it), -1 none.
  int current() const { return current_; }
  const PlanBooth* currentBooth() const;
  bool contains(int booth) const { return booth >= 0 && booth < static_cast<int>(flags_.size()) && flags_[booth]; }
  std::vector<int> booths() const;  // booth indices, in plan order
  int count() const { return static_cast<int>(codes_.size()); }
  const Hall* hall() const;
  const VenueFeature* feature() const;

 private:
  int indexOf(const std::string& code) const;
  const std::vector<PlanBooth>& booths_;
  const std::vector<Hall>& halls_;
  const std::vector<VenueFeature>& features_;
  int current_ = -1;
  std::string currentCode_;
  std::vector<std::string> codes_;  // booth codes
  std::vector<bool> flags_;         // by booth index
  std::string hall_, feature_;
};

}  // namespace moussem::ui
