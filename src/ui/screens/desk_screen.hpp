// The registration desk, keyboard first: the search box has the focus when the screen opens; typing
// updates the results (people and exhibitors), Up/Down/PageUp/PageDown move, Enter opens the record in
// the detail pane, Escape clears the search. Ctrl+N opens the walk-in form (prefilled from the search)
// with inline errors and the duplicate warning; Ctrl+S saves it. For the open person: the badge as it
// will print, Ctrl+P prints it on this station's printer (a second print of the same version asks
// first), reprint with a reason, revoke with a reason and a confirmation, Ctrl+E edits.
#pragma once
#include <memory>
#include <string>

#include "ui/screen.hpp"
#include "ui/screens/desk_model.hpp"
#include "ui/widgets/badge_preview.hpp"
#include "ui/widgets/record_fields.hpp"

namespace moussem::ui {

class DeskScreen final : public Screen {
 public:
  explicit DeskScreen(std::shared_ptr<DeskSession> session);
  const char* id() const override { return "desk"; }
  const char* titleKey() const override { return "nav.desk"; }
  void onShow() override;
  void refresh() override;
  bool busy() const override { return model_.printTask().running() || session_->indexLoading(); }
  const ActionTable* actions() const override { return &actions_; }
  void draw() override;

  DeskModel& model() { return model_; }
  const BadgePreview& preview() const { return preview_; }
  // Opens with this search and the first result open (the app's --search, screenshots).
  void startWith(const std::string& query);
  // A badge scanned at the desk (a reprint, a question): its serial finds the person.
  void onScan(const std::string& payload) override;
  void focusSearch() { focus_search_ = true; }
  const std::string& searchText() const { return search_; }  // what the search field holds
  // Which popup is open (tests): "", "confirm-print", "reprint", "revoke", "discard", "printer".
  const std::string& popup() const { return popup_; }

 private:
  void drawSearch();
  void drawResults(float height);
  void drawDetail();
  void drawForm();
  void drawPerson();
  void drawExhibitor();
  void drawHelp();
  void drawBadge();
  void drawPopups();
  void requestPrint();

  std::shared_ptr<DeskSession> session_;
  DeskModel model_;
  ActionTable actions_;
  BadgePreview preview_;
  FieldChoices choices_;
  std::uint64_t choices_revision_ = 0;
  FieldsState fields_;
  std::string search_;
  bool focus_search_ = true;
  bool reload_search_ = false;  // search_ was set from outside the field (startWith)
  bool scroll_to_selected_ = false;
  bool open_first_ = false;
  std::string popup_, request_popup_;
  std::string reason_;
  bool revoke_confirmed_ = false;
};

}  // namespace moussem::ui
