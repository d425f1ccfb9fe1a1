// Overview of the edition: name, dates, venue, headline figures, participants by category, exhibitors
// by region and by sector.
#pragma once
#include "ui/screen.hpp"
#include "ui/screens/overview_model.hpp"

namespace moussem::ui {

class OverviewScreen final : public Screen {
 public:
  explicit OverviewScreen(Store& store) : model_(store) {}
  const char* id() const override { return "overview"; }
  const char* titleKey() const override { return "nav.overview"; }
  void onShow() override {
    if (!model_.loaded()) model_.refresh();
  }
  void refresh() override { model_.refresh(); }
  void draw() override;
  const OverviewModel& model() const { return model_; }

 private:
  OverviewModel model_;
};

}  // namespace moussem::ui
