// The registration desk's data, with no ImGui: one search over people and exhibitors answered by the
// in-memory index when the text changes (never per frame), a highlighted result moved by the arrows
// and opened with Enter; the open person or exhibitor; the walk-in form (a PersonForm prefilled from
// what was typed) with its duplicate warning and "open the existing one"; and the open person's badge:
// The pane beside the results belongs to the highlighted result or to nothing: once the search or the
// highlight moves off the open record, it closes, so a print never goes to someone no longer shown.
// its face for the preview, printing on this station's printer on a worker (a second print of the same
// version needs a confirmation), reprint with a reason, revoke with a reason.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "badge/badge_render.hpp"
#include "badge/printing.hpp"
#include "ui/background_task.hpp"
#include "ui/desk_session.hpp"
#include "ui/screens/printer_setup.hpp"
#include "ui/screens/record_forms.hpp"

namespace moussem::ui {

struct DeskResult {
  SearchIndex::Kind kind = SearchIndex::Kind::Person;
  Id id = 0;
  std::string name;                  // Latin name (or the Arabic one when there is none)
  std::string name_ar;               // shown beside it when there is a Latin name
  std::vector<std::string> details;  // organisation, e-mail, phone; or the exhibitor's sector, city, phone
  std::string category;              // person category code; "" for exhibitors
  std::string badge;                 // serial and status, "" if none
  bool revoked = false;
  bool described = false;  // names, details and badge read (DeskModel::row); kind and id always are
};

class DeskModel {
 public:
  explicit DeskModel(DeskSession& session);

  void onShow();  // starts loading the index if needed
  // Once per frame: adopts a finished index, follows changes made elsewhere, picks up print outcomes.
  void poll();

  // Search.
  void setQuery(const std::string& query);  // searches only when the text changed
  const std::string& query() const { return query_; }
  // The results' kinds and ids, best first; row(i) describes one (names, details, badge) when it is
  // first shown: a key typed reads the rows on screen, not all fifty.
  const std::vector<DeskResult>& results() const { return results_; }
  const DeskResult& row(int index);
  bool moreResults() const { return more_; }
  bool showingRecent() const { return query_.empty(); }  // no query: the latest registrations
  int searches() const { return searches_; }             // how many times the index was queried (tests)
  int selected() const { return selected_; }
  void moveSelection(int delta);
  void select(int index);
  bool openSelected();

  // The open record.
  void openPerson(Id id);
  void openExhibitor(Id id);
  void closeRecord();
  // What the pane shows is what Ctrl+P prints: the open person, never someone the highlight left.
  bool personShown() const { return person_.has_value() && !form_open_; }
  const std::optional<Person>& person() const { return person_; }
  const std::optional<Exhibitor>& exhibitor() const { return exhibitor_; }
  const std::optional<Badge>& badge() const { return badge_; }
  const std::string& personExhibitorName() const { return person_exhibitor_; }
  const std::vector<Person>& exhibitorStaff() const { return staff_; }
  const std::string& exhibitorBooth() const { return booth_; }
  const std::vector<PrintRecord>& printLog() const { return print_log_; }

  // Walk-in registration and editing the open person.
  PersonForm form;
  bool formOpen() const { return form_open_; }
  // A new person, prefilled from the search text ("Tazi sara": last name Tazi, first name Sara, the
  // order the search prefers), the category Forum, the country of the edition, and the days of the
  // edition that remain (all of them before it starts). Returns the first field left to fill.
  std::string startWalkIn();
  void editOpenPerson();                           // the open person in the same form
  bool saveForm(bool despite_duplicates = false);  // saved: the person opens, the form closes
  void cancelForm();
  // The typed data the form would lose (Esc asks first when there is some).
  bool formHasTypedData() const { return form_open_ && form.dirty(); }
  void openDuplicate(const Duplicate& duplicate);  // closes the form, opens the existing record

  // Badge of the open person.
  std::string template_name = "a6";
  const std::optional<BadgeFace>& face() const { return face_; }
  std::string faceKey() const;
  bool canMint() const { return can_mint_; }
  enum class PrintStart { Started, NeedsConfirmation, Busy, NoPerson, Revoked, NoPrinter };
  PrintStart print(bool again);
  bool reprint(const std::string& reason);
  bool revoke(const std::string& reason);
  // The open person's B2B agenda, beside the badge (Ctrl+G): in the interface's language, on this
  // station's printer through the same worker; on A6 when the station prints on A6 (a badge printer:
  // the pocket version), else on A4. No confirmation: an agenda is printed again as often as asked.
  PrintStart printAgenda();
  BackgroundTask& printTask() { return print_task_; }
  const BackgroundTask& printTask() const { return print_task_; }
  PrintSettings printSettings();
  // This station's printer: chosen in place when none is (the message offers it), and a test page.
  PrinterSetup& printer() { return printer_; }
  // The last print could not go out for want of a printer, or the printer refused it: the message
  // beside it offers to choose the printer.
  bool offerPrinterChoice() const { return offer_printer_; }
  void printerChosen();  // the operator closed the printer choice
  const std::string& message() const { return message_; }
  bool messageIsError() const { return message_error_; }
  void setMessage(std::string text, bool error);

 private:
  // keep: the record to leave highlighted if it is still among the results.
  void runSearch(std::optional<std::pair<SearchIndex::Kind, Id>> keep = std::nullopt);
  void loadRecent();
  // The station's printer is ready; else the message and the offer to choose one (false).
  bool printerReady();
  DeskResult describe(const Person& p, const std::optional<Badge>& badge) const;
  DeskResult describe(const Exhibitor& x) const;
  void reloadOpen();
  void loadFace();
  // Closes the open record when it is not the highlighted result (unless opened from outside the
  // results: a walk-in just saved, a duplicate, a staff member, until the search or highlight moves).
  void syncPane();
  bool highlights(SearchIndex::Kind kind, Id id) const;

  DeskSession& session_;
  std::string station_, operator_;
  std::string query_;
  bool searched_ = false;
  std::vector<DeskResult> results_;
  bool more_ = false;
  int selected_ = 0, searches_ = 0;
  std::uint64_t seen_revision_ = 0;
  bool index_ready_seen_ = false;

  std::optional<Person> person_;
  std::optional<Exhibitor> exhibitor_;
  std::optional<Badge> badge_;
  std::string person_exhibitor_, booth_;
  std::vector<Person> staff_;
  std::vector<PrintRecord> print_log_;
  std::optional<BadgeFace> face_;
  int face_version_ = 0;
  bool can_mint_ = false;
  bool form_open_ = false;
  bool pinned_ = false;  // the open record was opened from outside the results

  std::string message_;
  bool message_error_ = false;
  Id printing_person_ = 0;
  bool offer_printer_ = false;
  PrinterSetup printer_;
  BackgroundTask print_task_;  // last: joined before the rest goes
};

}  // namespace moussem::ui
