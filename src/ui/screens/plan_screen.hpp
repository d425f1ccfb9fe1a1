// The venue plan, drawn to scale: halls, aisles, entrances and booths coloured by status, sector or
// region (with a legend), booth codes and exhibitors' short names, tooltips, a search that highlights,
// selection. Wheel or +/- zoom at the pointer, 0 fits the plan, the right or middle button (or Space
// with the left one) pans. Drag an exhibitor from the unassigned list onto a booth to assign it, drag
// a booth onto another to move or swap; K locks/unlocks, H holds/releases, Delete frees, Ctrl+Z/Ctrl+Y
// undo and redo. The automatic allocation runs on a worker with progress, is previewed on the plan
// (changed booths outlined) and then accepted or discarded. Data work lives in PlanModel.
#pragma once
#include <functional>
#include <map>
#include <vector>
#include <optional>
#include <string>

#include <imgui.h>

#include "ui/screen.hpp"
#include "ui/screens/plan_model.hpp"

namespace moussem::ui {

class PlanScreen final : public Screen {
 public:
  explicit PlanScreen(Store& store);
  const char* id() const override { return "plan"; }
  const char* titleKey() const override { return "nav.plan"; }
  void onShow() override;
  void refresh() override;
  void draw() override;
  bool busy() const override { return model_.allocating() || model_.exporting(); }
  const ActionTable* actions() const override { return &actions_; }

  PlanModel& model() { return model_; }
  // Where things were drawn in the last frame (screen coordinates), for tests.
  ImVec2 boothCentre(const std::string& code) const;
  std::optional<ImVec2> unassignedItemCentre(Id exhibitor) const;
  ImVec2 canvasMin() const { return canvasMin_; }
  ImVec2 canvasMax() const { return canvasMax_; }
  int hoveredBooth() const { return hovered_; }

 private:
  struct RowItem {
    float width;
    std::function<void()> draw;
  };
  void drawToolbar();
  void drawExportPopup();
  void drawEditBar();
  void drawEditInteraction(bool hovered, bool space, double mx, double my);
  void row(const std::vector<RowItem>& items, float spacing);
  void drawSidePanel(float width, float height);
  void drawCanvas(float width, float height);
  void drawPlan(ImDrawList* dl);
  void drawBoothLabel(ImDrawList* dl, int booth, ImVec2 a, ImVec2 b);
  void drawTooltip(int booth);
  void drawLegend();
  void drawSelected();
  void zoom(double factor);

  PlanModel model_;
  ActionTable actions_;
  std::string searchBuf_;
  bool fitPending_ = true;
  bool focusSearch_ = false;
  bool openExport_ = false;
  int hovered_ = -1;
  int dragFrom_ = -1;      // booth dragged onto another (move/swap)
  bool panning_ = false;
  bool dragMoved_ = false;  // the left button moved past the drag threshold since it went down
  ImVec2 canvasMin_, canvasMax_;
  // Edit mode: the booth dragged (moved, or resized by its bottom-right corner) and where it would go.
  int editDrag_ = -1;
  bool resizing_ = false, addMode_ = false;
  double grabX_ = 0, grabY_ = 0;
  booth::Rect ghost_;
  int rowCount_ = 4;
  Id sizeFor_ = 0;
  double sizeW_ = 3, sizeD_ = 3;
  std::map<Id, ImVec2> listCentres_;
};

}  // namespace moussem::ui
