// The participants table's data, with no ImGui, for a handful of people or a million: the database
// filters (category, exhibitor, attendance day) and orders the ids on a worker (its own connection),
// the in-memory index narrows them by text, and only the rows on show are read, a window at a time
// (ParticipantsModel::cell); nothing is read per frame. Again only when the registry's revision moves
// or a filter or the order changes. The edit form of the selected person, creation and deletion are the
// shared RecordListModel's.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/background_task.hpp"
#include "ui/desk_session.hpp"
#include "ui/screens/record_list_model.hpp"

namespace moussem::ui {

class ParticipantsModel final : public RecordListModel<PersonForm> {
 public:
  enum Column { Name, NameAr, Organization, Category, Country, Email, Phone, Days, Exhibitor, Badge, kColumns };
  static constexpr Id kAnyExhibitor = -1, kNoExhibitor = 0;

  explicit ParticipantsModel(DeskSession& session);
  void poll() override;  // also adopts the worker's rows
  void load() override;  // on a worker
  bool loaded() const { return loaded_revision_ != 0 && !task_.running(); }
  bool loading() const override { return task_.running(); }
  void wait();  // tests and benchmarks: until the worker is done, then adopts its rows

  // Filters besides the text (names, organisation, e-mail, phone, serial).
  std::string category;          // "" any
  Id exhibitor = kAnyExhibitor;  // kAnyExhibitor, kNoExhibitor or an exhibitor id
  std::string day;               // "" any, else YYYY-MM-DD
  void filtersChanged() override;

  void sortBy(int column, bool ascending) override;

  std::size_t total() const override { return total_; }  // people in the edition
  std::size_t shown() const override { return ids_.size(); }
  Id idAt(std::size_t row) const override { return ids_[row]; }
  std::string cell(std::size_t row, int column) const override;
  std::size_t rowsRead() const { return rows_read_; }  // rows read from the store so far (tests, bench)

 private:
  std::optional<Person> read(Id id) const override;
  Person fresh() const override;
  void erase(Id id) override;

  struct Loaded {
    std::vector<Id> ids;
    std::size_t total = 0;
  };
  void query();  // starts the worker on the filters, text and order as they are now
  void finished(const BackgroundTask::Outcome& outcome);

  std::vector<Id> ids_;  // the rows in the table's order
  std::size_t total_ = 0;
  // Rows read: ids_[start ...] (the rows on show and a margin around them).
  struct Window {
    std::size_t start = 0;
    std::vector<PersonRow> rows;
    std::vector<std::optional<std::string>> phones;  // as shown, formatted once drawn
  };
  Window* windowOf(std::size_t index) const;  // the window holding that row, read if need be
  mutable std::array<Window, 2> windows_;
  mutable std::size_t rows_read_ = 0;
  PersonOrder order_ = PersonOrder::Name;  // the table's default sort: read in that order from the start
  bool ascending_ = true;
  bool again_ = false;  // asked while the worker ran: read again when it is back
  std::shared_ptr<Loaded> pending_ = std::make_shared<Loaded>();
  std::shared_ptr<std::unique_ptr<Store>> connection_ = std::make_shared<std::unique_ptr<Store>>();  // the worker's
  BackgroundTask task_;  // last: joined before what it writes to goes
};

}  // namespace moussem::ui
