// The edit forms of a person and of an exhibitor, as data: the draft the widgets edit, inline
// validation (the same rules a save applies, run on a copy at every change, shown only for fields the
// operator touched or after a save attempt), the normalised phone shown as it will be stored, the
// duplicate warning while typing, and the save. Shared by the desk's walk-in form and the tables.
// No ImGui here.
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

class PersonForm {
 public:
  explicit PersonForm(DeskSession& session) : session_(session) {}

  Person draft;                     // the widgets edit this, then call changed(field)
  void edit(const Person& person);  // start editing (id 0: a new record)
  void changed(std::string_view field);
  void touchAll();

  // The message for a field the operator has touched, or nullptr.
  const std::string* error(std::string_view field) const;
  const std::vector<FieldError>& errors() const { return errors_; }
  bool valid() const { return errors_.empty(); }
  // The draft as it would be stored (phone in E.164, e-mail lower case, days sorted).
  const Person& normalised() const { return normalised_; }
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }
  int duplicateChecks() const { return duplicate_checks_; }  // tests: once per change, not per frame
  bool dirty() const { return dirty_; }

  // Saves the draft; on failure keeps it, sets the errors and returns nullopt. A new record with
  // duplicates is refused unless confirmed (the operator chose "save anyway").
  std::optional<Id> save(bool despite_duplicates = false);
  const std::string& message() const { return message_; }

  // Consent ticked: dated now unless a date is already there.
  void setConsent(bool on);

 private:
  void validate();

  DeskSession& session_;
  Person normalised_;
  std::vector<FieldError> errors_;
  std::vector<Duplicate> duplicates_;
  std::set<std::string, std::less<>> touched_;
  bool all_touched_ = false, dirty_ = false;
  int duplicate_checks_ = 0;
  std::string message_;
};

class ExhibitorForm {
 public:
  explicit ExhibitorForm(DeskSession& session) : session_(session) {}

  Exhibitor draft;
  void edit(const Exhibitor& exhibitor);
  void changed(std::string_view field);
  void touchAll();

  const std::string* error(std::string_view field) const;
  const std::vector<FieldError>& errors() const { return errors_; }
  bool valid() const { return errors_.empty(); }
  const Exhibitor& normalised() const { return normalised_; }
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }
  bool dirty() const { return dirty_; }

  std::optional<Id> save(bool despite_duplicates = false);
  const std::string& message() const { return message_; }

  // Competitors to keep apart (exhibitor ids), and staff (people linked to this exhibitor).
  void addCompetitor(Id other);
  void removeCompetitor(Id other);
  const std::vector<Person>& staff() const { return staff_; }
  void loadStaff();
  // Links a person to this (saved) exhibitor as staff with an `exhibitor` badge category, or unlinks.
  bool addStaff(Id person);
  bool removeStaff(Id person);

 private:
  void validate();

  DeskSession& session_;
  Exhibitor normalised_;
  std::vector<FieldError> errors_;
  std::vector<Duplicate> duplicates_;
  std::vector<Person> staff_;
  std::set<std::string, std::less<>> touched_;
  bool all_touched_ = false, dirty_ = false;
  std::string message_;
};

}  // namespace moussem::ui
