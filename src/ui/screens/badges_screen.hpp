// Badges: choose who (everyone, a category, an exhibitor's staff, only the not yet printed) and the
// template, see the first badge as it will print, save the batch as one PDF or print it on this
// station's printer with a progress bar and cancel, choose the station's printer once, and read the
// print log. A second print of the same badge version asks for confirmation.
#pragma once
#include "ui/screen.hpp"
#include "ui/screens/badges_model.hpp"
#include "ui/widgets/badge_preview.hpp"

namespace moussem::ui {

class BadgesScreen final : public Screen {
 public:
  explicit BadgesScreen(Store& store) : model_(store) {}
  const char* id() const override { return "badges"; }
  const char* titleKey() const override { return "nav.badges"; }
  void onShow() override {
    if (!model_.loaded()) model_.refresh();
  }
  void refresh() override { model_.refresh(); }
  bool busy() const override { return model_.task().running(); }
  void draw() override;
  BadgesModel& model() { return model_; }
  const BadgePreview& preview() const { return preview_; }

 private:
  void drawSelection();
  void drawActions();
  void drawPrinter();
  void drawLog();

  BadgesModel model_;
  BadgePreview preview_;
  char path_[512] = {};
  bool path_loaded_ = false;
};

}  // namespace moussem::ui
