// The edit forms of a person and of an exhibitor, as data (one RecordForm, each kind supplying its rules):
// the draft the widgets edit, inline validation (the same rules a save applies, run on a copy at every
// change, shown only for fields the operator touched or after a save attempt), the normalised phone shown
// as it will be stored, the duplicate warning while typing, and the save. Shared by the desk's walk-in
// form and the tables. No ImGui here.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ui/desk_session.hpp"

namespace moussem::ui {

// What the forms offer to choose from: the edition's days, the exhibitors (link, competitors).
struct FieldChoices {
  std::vector<std::string> edition_days;               // YYYY-MM-DD
  std::vector<std::pair<Id, std::string>> exhibitors;  // id, name, by name
  std::vector<Category> categories;
  static FieldChoices load(Store& store);
  const std::string& exhibitorName(Id id) const;
};

// What the forms of every kind do alike: the draft and its normalised copy, the errors of the fields
// the operator touched, the duplicate warning, the save. Each kind says what differs (the rules, which
// fields bring duplicates up, what editing starts with).
template <typename Record>
class RecordForm {
 public:
  explicit RecordForm(DeskSession& session) : session_(session) {}
  virtual ~RecordForm() = default;
  RecordForm(const RecordForm&) = delete;
  RecordForm& operator=(const RecordForm&) = delete;

  Record draft;                     // the widgets edit this, then call changed(field)
  void edit(const Record& record);  // start editing (id 0: a new record)
  void changed(std::string_view field);
  void touchAll() { all_touched_ = true; }

  // The message for a field the operator has touched, or nullptr.
  const std::string* error(std::string_view field) const;
  const std::vector<FieldError>& errors() const { return errors_; }
  bool valid() const { return errors_.empty(); }
  // The draft as it would be stored (phone in E.164, e-mail lower case, days sorted).
  const Record& normalised() const { return normalised_; }
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }
  int duplicateChecks() const { return duplicate_checks_; }  // tests: once per change, not per frame
  bool dirty() const { return dirty_; }

  // Saves the draft; on failure keeps it, sets the errors and returns nullopt. A new record with
  // duplicates is refused unless confirmed (the operator chose "save anyway").
  std::optional<Id> save(bool despite_duplicates = false);
  const std::string& message() const { return message_; }

 protected:
  // The core's rules on a copy of the draft (normalised_, errors_).
  virtual void validate();
  // A change of this field looks for duplicates again.
  virtual bool bringsDuplicates(std::string_view field) const = 0;
  // What a change looks for duplicates of.
  virtual const Record& duplicateProbe() const { return normalised_; }
  // The field's error shows: the operator touched it (or a field whose rule it carries).
  virtual bool touched(std::string_view field) const { return touched_.count(field) > 0; }
  virtual void edited() {}  // edit() is done

  DeskSession& session_;
  Record normalised_;
  std::vector<FieldError> errors_;
  std::vector<Duplicate> duplicates_;
  std::string message_;

 private:
  std::set<std::string, std::less<>> touched_;
  bool all_touched_ = false, dirty_ = false;
  int duplicate_checks_ = 0;
};

class PersonForm final : public RecordForm<Person> {
 public:
  using RecordForm::RecordForm;
  // Consent ticked: dated now unless a date is already there.
  void setConsent(bool on);

 private:
  void validate() override;
  bool bringsDuplicates(std::string_view field) const override;
  const Person& duplicateProbe() const override;
  bool touched(std::string_view field) const override;
  void edited() override;
};

class ExhibitorForm final : public RecordForm<Exhibitor> {
 public:
  using RecordForm::RecordForm;

  // Competitors to keep apart (exhibitor ids), and staff (people linked to this exhibitor).
  void addCompetitor(Id other);
  void removeCompetitor(Id other);
  const std::vector<Person>& staff() const { return staff_; }
  void loadStaff();
  // Links a person to this (saved) exhibitor as staff with an `exhibitor` badge category, or unlinks.
  bool addStaff(Id person);
  bool removeStaff(Id person);

 private:
  bool bringsDuplicates(std::string_view field) const override;
  void edited() override { loadStaff(); }

  std::vector<Person> staff_;
};

extern template class RecordForm<Person>;
extern template class RecordForm<Exhibitor>;

}  // namespace moussem::ui
