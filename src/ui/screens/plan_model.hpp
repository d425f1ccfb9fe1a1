// The venue plan screen's model, with no ImGui: the plan read once (halls, aisles, entrances, booths,
// exhibitors) and read again after each change, its colours and legend, and the parts it composes, each
// with a job of its own: the search (plan_search), the selection (plan_selection), the hand operations
// on booths with undo and redo (plan_operations, over plan_history's steps), the venue editor
// (plan_editor), the automatic allocation's worker and preview (plan_allocation), the rows
// (plan_rows); the viewport (plan_view) is the screen's. The parts that change the plan share the plan
// through a PlanContext (plan_context). Nothing here queries the database per frame; exports run on a
// worker with their own connection.
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
#include "ui/screens/plan_context.hpp"
#include "ui/screens/plan_editor.hpp"
#include "ui/screens/plan_history.hpp"
#include "ui/screens/plan_operations.hpp"
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

  // The parts that change the plan: the hand operations on booths with undo and redo of every step,
  // and the venue editor. Both refused while an allocation is running or previewed.
  PlanOperations& operations() { return operations_; }
  const PlanOperations& operations() const { return operations_; }
  PlanEditor& editor() { return editor_; }
  const PlanEditor& editor() const { return editor_; }

  // What the last operation did, or why it was refused.
  const std::string& message() const { return feedback_.text; }
  bool messageIsError() const { return feedback_.error; }
  void clearMessage() { feedback_.text.clear(); }

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

  // Exports on a worker with its own database connection: the plan (.pdf | .png, coloured as on
  // screen) or the exhibitor directory (.pdf | .csv | .xlsx), to exportPath.
  std::string exportPath;
  bool startExport(bool directory);
  bool exporting() const { return exportTask_.running(); }
  double exportProgress() const { return exportTask_.fraction(); }
  void cancelExport() { exportTask_.cancel(); }
  void waitForExport() { exportTask_.wait(); }

 private:
  void refreshBooths();
  void rebuildDerived();

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
  int revision_ = 0;  // bumped by every change of what is drawn
  mutable std::vector<LegendEntry> legend_;
  mutable std::string legendKey_;
  PlanHistory history_{store_};
  PlanFeedback feedback_;
  PlanContext context_;
  PlanOperations operations_{context_};
  PlanEditor editor_{context_};

  BackgroundTask exportTask_;
  PlanAllocation allocation_{store_};  // last members: their workers are destroyed (joined) first
};

}  // namespace moussem::ui
