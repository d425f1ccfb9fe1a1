// Exhibitors: every cooperative, artisan, company and association in one table, sortable by any
// column, filtered by region, sector, programme, booth status and a searched text, drawn with a clipper
// (thousands of rows, nothing queried per frame). The selected exhibitor is edited beside it with inline
// validation (E.164 phone, ICE of 15 digits, e-mail), with its staff (people with exhibitor badges) and
// the competitors to keep apart; Ctrl+N creates, Ctrl+S saves, deleting asks first.
#pragma once
#include <memory>

#include "ui/screen.hpp"
#include "ui/screens/exhibitors_model.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/record_table.hpp"

namespace moussem::ui {

class ExhibitorsScreen final : public Screen {
 public:
  explicit ExhibitorsScreen(std::shared_ptr<DeskSession> session);
  const char* id() const override { return "exhibitors"; }
  const char* titleKey() const override { return "nav.exhibitors"; }
  void onShow() override { model_.poll(); }
  void refresh() override { model_.load(); }
  const ActionTable* actions() const override { return &actions_; }
  void draw() override;
  ExhibitorsModel& model() { return model_; }
  const TableReport& tableReport() const { return report_; }  // tests: cut cells, tooltip

 private:
  void drawFilters();
  void drawEditor();
  void drawStaff();

  std::shared_ptr<DeskSession> session_;
  ExhibitorsModel model_;
  ActionTable actions_;
  FieldsState fields_;
  bool focus_filter_ = false;
  Id confirm_delete_ = 0;
  bool open_confirm_ = false;
  std::string staff_query_;
  TableMemory memory_;
  TableReport report_;
  std::vector<TableColumn> columns_;
  std::string columns_language_;
  bool layout_loaded_ = false;
};

}  // namespace moussem::ui
