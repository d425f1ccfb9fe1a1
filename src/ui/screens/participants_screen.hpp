// Participants: every person (forum participants, officials, press, exhibitor staff...) in one table,
// sortable by any column, filtered by category, exhibitor, attendance day and a searched text. The
// selected person is edited beside it. The screen itself is the shared RecordScreen: here are its
// columns, filters and fields.
#pragma once
#include <memory>

#include "ui/screens/participants_model.hpp"
#include "ui/screens/record_screen.hpp"

namespace moussem::ui {

extern template class RecordScreen<ParticipantsModel>;

class ParticipantsScreen final : public RecordScreen<ParticipantsModel> {
 public:
  explicit ParticipantsScreen(std::shared_ptr<DeskSession> session);

 private:
  std::vector<TableColumn> columns() const override;
  void filters(std::vector<LineItem>& items, float width, bool& changed) override;
  bool fields() override;
  std::string editorTitle() const override;
  std::string deleteQuestion() const override;
  bool exhibitorFilter(float width);  // typed into to narrow the list
  bool dayFilter(float width);

  std::string exhibitor_filter_;
};

}  // namespace moussem::ui
