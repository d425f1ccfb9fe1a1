// Exhibitors: every cooperative, artisan, company and association in one table, sortable by any
// column, filtered by region, sector, programme, booth status and a searched text. The selected
// exhibitor is edited beside it with inline validation (E.164 phone, ICE of 15 digits, e-mail), with
// its staff (people with exhibitor badges) and the competitors to keep apart. The screen itself is the
// shared RecordScreen: here are its columns, filters and fields.
#pragma once
#include <memory>

#include "ui/screens/exhibitors_model.hpp"
#include "ui/screens/record_screen.hpp"

namespace moussem::ui {

extern template class RecordScreen<ExhibitorsModel>;

class ExhibitorsScreen final : public RecordScreen<ExhibitorsModel> {
 public:
  explicit ExhibitorsScreen(std::shared_ptr<DeskSession> session);

 private:
  std::vector<TableColumn> columns() const override;
  void filters(std::vector<LineItem>& items, float width, bool& changed) override;
  bool fields() override;
  std::string editorTitle() const override;
  std::string deleteQuestion() const override;
  void drawStaff();

  std::string staff_query_;
};

}  // namespace moussem::ui
