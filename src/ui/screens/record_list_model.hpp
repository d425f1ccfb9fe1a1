// What the participants and exhibitors tables' models share, with no ImGui: the text searched, the
// choices the forms offer, the selected record and its edit form, creation, saving and deletion, and
// the counts tests and benchmarks read. Each kind (ParticipantsModel, ExhibitorsModel) reads, filters
// and orders its own rows and says how a record is read, prefilled, deleted.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/desk_session.hpp"
#include "ui/screens/record_forms.hpp"

namespace moussem::ui {

template <typename Form>
class RecordListModel {
 public:
  using Record = std::remove_cvref_t<decltype(std::declval<Form&>().draft)>;
  virtual ~RecordListModel() = default;
  RecordListModel(const RecordListModel&) = delete;
  RecordListModel& operator=(const RecordListModel&) = delete;

  // The table, as each kind reads it.
  virtual void poll() = 0;  // once per frame: reloads when the data changed elsewhere
  virtual void load() = 0;  // reads again (filters, order and text as they are)
  virtual bool loading() const { return false; }
  int loads() const { return loads_; }

  // Filters: edit (each kind has its own beside the text), then filtersChanged().
  std::string text;  // searched in the index
  virtual void filtersChanged() = 0;

  virtual void sortBy(int column, bool ascending) = 0;
  int sorts() const { return sorts_; }

  virtual std::size_t total() const = 0;  // records in the edition
  virtual std::size_t shown() const = 0;
  virtual Id idAt(std::size_t row) const = 0;
  virtual std::string cell(std::size_t row, int column) const = 0;  // as shown (labels translated)
  const FieldChoices& choices() const { return choices_; }

  // Selection and editing.
  Form form;
  Id selected() const { return selected_; }
  void select(Id id);  // 0: closes the form
  void startNew();     // a new record, prefilled from the filters
  bool editing() const { return editing_; }
  std::optional<Id> save(bool despite_duplicates = false);
  bool remove(Id id);
  const std::string& message() const { return message_; }

 protected:
  explicit RecordListModel(DeskSession& session) : form(session), session_(session) {}

  // What each kind supplies.
  virtual std::optional<Record> read(Id id) const = 0;  // the record to edit, if it is still there
  virtual Record fresh() const = 0;                     // a new record with the filters' values
  virtual void erase(Id id) = 0;                        // deletes it (the session's rules)
  virtual void selecting() {}                           // select() starts
  virtual void saved() {}                               // save() stored the form

  void startLoad();  // a load begins: the revision it reads, the forms' choices
  // The records of this kind the index finds for the text, in id order.
  std::vector<Id> textHits(SearchIndex::Kind kind) const;
  void closeEditor();  // the selected record is gone

  DeskSession& session_;
  std::uint64_t loaded_revision_ = 0;
  int loads_ = 0, sorts_ = 0;
  FieldChoices choices_;
  Id selected_ = 0;
  bool editing_ = false;
  std::string message_;
};

extern template class RecordListModel<PersonForm>;
extern template class RecordListModel<ExhibitorForm>;

}  // namespace moussem::ui
