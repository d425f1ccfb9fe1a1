// The venue plan, drawn to scale: halls, aisles, entrances and booths coloured by status, sector or
// region (with a legend), booth codes and exhibitors' short names, tooltips, a search that highlights,
// selection. Wheel or +/- zoom at the pointer, 0 fits the plan, the right or middle button (or Space
// with the left one) pans. Drag an exhibitor from the unassigned list onto a booth to assign it, drag
// a booth onto another to move or swap; K locks/unlocks, H holds/releases, Delete frees, Ctrl+Z/Ctrl+Y
// undo and redo. The editor (Ctrl+E): booths selected by click, Shift/Ctrl+click, rubber band or
// Ctrl+A, moved by drag or arrow keys, duplicated (Ctrl+D) and deleted together; halls, aisles and
// entrances added, moved, resized, renamed and labelled in three languages. The automatic allocation runs on a worker
// with progress, is previewed on the plan (changed booths outlined) and then accepted or discarded. Data work lives in
// PlanModel; the viewport in PlanView.
#pragma once
#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/screen.hpp"
#include "ui/screens/plan_model.hpp"
#include "ui/screens/plan_view.hpp"
#include "ui/widgets/file_browser.hpp"

namespace moussem::ui {

class PlanScreen final : public Screen {
 public:
  explicit PlanScreen(Store& store);
  const char* id() const override { return "plan"; }
  const char* titleKey() const override { return "nav.plan"; }
  void onShow() override;
  void refresh() override;
  void draw() override;
  bool busy() const override { return model_.allocation().running() || model_.exporting(); }
  const ActionTable* actions() const override { return &actions_; }

  FileBrowser& venueBrowser() { return venueBrowser_; }  // tests
  PlanModel& model() { return model_; }
  PlanView& view() { return view_; }
  // Where things were drawn in the last frame (screen coordinates), for tests.
  ImVec2 boothCentre(const std::string& code) const;
  std::optional<ImVec2> unassignedItemCentre(Id exhibitor) const;
  ImVec2 canvasMin() const { return canvasMin_; }
  ImVec2 canvasMax() const { return canvasMax_; }
  int hoveredBooth() const { return hovered_; }
  // The label drawn on a hall in the last frame (display form: its name, its short name or its code).
  std::string hallLabel(const std::string& code) const {
    auto it = hallLabelTexts_.find(code);
    return it == hallLabelTexts_.end() ? std::string() : it->second;
  }

 private:
  void drawToolbar();
  void drawNoPlan();
  void drawExportPopup();
  void drawEditBar();
  void drawEditInteraction(bool hovered, bool space, double mx, double my);
  void drawEditGhosts(ImDrawList* dl);
  void drawSelectedElement(ImDrawList* dl);
  void drawEditPanel();
  void shortcutTooltip(const char* actionId);
  void drawSidePanel(float width, float height);
  void drawCanvas(float width, float height);
  void drawPlan(ImDrawList* dl);
  void drawBoothLabel(ImDrawList* dl, int booth, ImVec2 a, ImVec2 b);
  void drawTooltip(int booth);
  void drawLegend();
  void drawSelected();
  void zoom(double factor);

  PlanModel model_;
  PlanView view_;  // zoom and pan

  FileBrowser venueBrowser_{{".json"}};  // a venue file (docs/venue-format.md)
  ActionTable actions_;
  std::string searchBuf_;
  bool fitPending_ = true;
  bool focusSearch_ = false;
  bool openExport_ = false;
  int hovered_ = -1;
  int dragFrom_ = -1;  // booth dragged onto another (move/swap)
  bool panning_ = false;
  bool dragMoved_ = false;  // the left button moved past the drag threshold since it went down
  ImVec2 canvasMin_, canvasMax_;
  // Edit mode. What the left button drags (the selected booths, a booth's, hall's or aisle's
  // bottom-right corner, a hall by its name, an aisle or entrance, or a rubber band on empty floor),
  // from where (venue metres), and where it would go. Add mode: the next click places a new element.
  enum class EditDrag { None, Booths, BoothCorner, Hall, HallCorner, Feature, FeatureCorner, Band };
  enum class AddMode { None, Booth, Hall, Aisle, Entrance };
  EditDrag editDrag_ = EditDrag::None;
  AddMode addMode_ = AddMode::None;
  int dragBooth_ = -1;
  std::string dragCode_;   // hall or feature dragged
  bool bandAdds_ = false;  // Shift/Ctrl held: the band adds to the selection
  double startX_ = 0, startY_ = 0;
  double curX_ = 0, curY_ = 0;
  booth::Rect ghost_;                                  // a resize's outline
  std::map<std::string, booth::Rect> hallLabels_;      // hall code -> its name's box on screen (last frame)
  std::map<std::string, std::string> hallLabelTexts_;  // hall code -> the label drawn (display form)
  // Fields of the side panel in edit mode, loaded from the selected hall or feature.
  std::string fieldsFor_, nameFr_, nameAr_, labelFr_, labelAr_, labelEn_;
  double elementW_ = 0, elementH_ = 0;
  int rowCount_ = 4;
  Id sizeFor_ = 0;
  double sizeW_ = 3, sizeD_ = 3;
  std::map<Id, ImVec2> listCentres_;
};

}  // namespace moussem::ui
