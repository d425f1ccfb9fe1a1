// Participants: every person (forum participants, officials, press, exhibitor staff...) in one table,
// sortable by any column, filtered by category, exhibitor, attendance day and a searched text, drawn
// with a clipper (thousands of rows, nothing queried per frame). The selected person is edited beside
// it with inline validation; Ctrl+N creates, Ctrl+S saves, deleting asks first.
#pragma once
#include <memory>

#include "ui/screen.hpp"
#include "ui/screens/participants_model.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/record_table.hpp"

namespace moussem::ui {

class ParticipantsScreen final : public Screen {
 public:
  explicit ParticipantsScreen(std::shared_ptr<DeskSession> session);
  const char* id() const override { return "participants"; }
  const char* titleKey() const override { return "nav.participants"; }
  void onShow() override { model_.poll(); }
  void refresh() override { model_.load(); }
  const ActionTable* actions() const override { return &actions_; }
  void draw() override;
  ParticipantsModel& model() { return model_; }
  bool confirmingDelete() const { return confirm_delete_ != 0; }
  const TableReport& tableReport() const { return report_; }  // tests: cut cells, tooltip

 private:
  void drawFilters();
  void drawEditor();

  std::shared_ptr<DeskSession> session_;
  ParticipantsModel model_;
  ActionTable actions_;
  FieldsState fields_;
  bool focus_filter_ = false;
  Id confirm_delete_ = 0;
  bool open_confirm_ = false;
  std::string exhibitor_filter_;
  TableMemory memory_;
  TableReport report_;
  std::vector<TableColumn> columns_;
  std::string columns_language_;
  bool layout_loaded_ = false;
};

}  // namespace moussem::ui
