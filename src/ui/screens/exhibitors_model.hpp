// The exhibitors table's data, with no ImGui: every exhibitor read once into compact rows (again only
// when the registry's revision moves), with its first booth and that booth's status; filters by region,
// sector, programme, booth status and a searched text; sorting when asked; the edit form of the
// selected exhibitor with its staff and competitors, creation and deletion.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/desk_session.hpp"
#include "ui/screens/record_forms.hpp"
#include "ui/screens/table_rows.hpp"

namespace moussem::ui {

class ExhibitorsModel {
 public:
  enum Column { NameFr, NameAr, Kind, Sector, Region, City, Program, Phone, Email, Booth, Area, kColumns };
  static constexpr const char* kNoBooth = "none";

  explicit ExhibitorsModel(DeskSession& session);
  void poll();
  void load();
  bool loaded() const { return loaded_revision_ != 0; }
  int loads() const { return loads_; }

  // Filters ("" any): region, sector, program codes; booth_status a booth status code or kNoBooth.
  std::string region, sector, program, booth_status, text;
  void filtersChanged();

  void sortBy(int column, bool ascending);
  int sorts() const { return sorts_; }

  std::size_t total() const { return ids_.size(); }
  std::size_t shown() const { return view_.size(); }
  Id idAt(std::size_t row) const { return ids_[view_[row]]; }
  std::string cell(std::size_t row, int column) const;
  const FieldChoices& choices() const { return choices_; }

  ExhibitorForm form;
  Id selected() const { return selected_; }
  void select(Id id);
  void startNew();
  bool editing() const { return editing_; }
  std::optional<Id> save(bool despite_duplicates = false);
  bool remove(Id id);
  const std::string& message() const { return message_; }

  // Adding staff: people found by a text in the index (not already this exhibitor's staff).
  void setStaffQuery(const std::string& query);
  const std::string& staffQuery() const { return staff_query_; }
  const std::vector<Person>& staffCandidates() const { return staff_candidates_; }

 private:
  void applyFilters();
  void applySort();

  DeskSession& session_;
  std::uint64_t loaded_revision_ = 0;
  int loads_ = 0, sorts_ = 0;
  static constexpr std::size_t kStatus = kColumns;  // hidden cell: the booth status code, or kNoBooth
  TextRows text_{kColumns + 1};
  PhoneCells phones_;
  std::vector<Id> ids_;
  std::vector<double> area_;
  std::vector<std::uint32_t> view_;
  int sort_column_ = -1;
  bool sort_ascending_ = true;
  FieldChoices choices_;
  Id selected_ = 0;
  bool editing_ = false;
  std::string message_;
  std::string staff_query_;
  std::vector<Person> staff_candidates_;
};

}  // namespace moussem::ui
