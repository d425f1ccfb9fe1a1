// The exhibitors table's data, with no ImGui: every exhibitor read once into compact rows (again only
// when the registry's revision moves), with its first booth and that booth's status; filters by region,
// sector, programme, booth status and a searched text; sorting when asked. The edit form of the selected
// exhibitor (with its staff and competitors), creation and deletion are the shared RecordListModel's;
// here the search for people to add as staff.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/desk_session.hpp"
#include "ui/screens/record_list_model.hpp"
#include "ui/screens/table_rows.hpp"

namespace moussem::ui {

class ExhibitorsModel final : public RecordListModel<ExhibitorForm> {
 public:
  enum Column { NameFr, NameAr, Kind, Sector, Region, City, Program, Phone, Email, Booth, Area, kColumns };
  static constexpr const char* kNoBooth = "none";

  explicit ExhibitorsModel(DeskSession& session);
  void poll() override;
  void load() override;
  bool loaded() const { return loaded_revision_ != 0; }

  // Filters besides the text ("" any): region, sector, program codes; booth_status a booth status code
  // or kNoBooth.
  std::string region, sector, program, booth_status;
  void filtersChanged() override;

  void sortBy(int column, bool ascending) override;

  std::size_t total() const override { return ids_.size(); }
  std::size_t shown() const override { return view_.size(); }
  Id idAt(std::size_t row) const override { return ids_[view_[row]]; }
  std::string cell(std::size_t row, int column) const override;

  // Adding staff: people found by a text in the index (not already this exhibitor's staff).
  void setStaffQuery(const std::string& query);
  const std::string& staffQuery() const { return staff_query_; }
  const std::vector<Person>& staffCandidates() const { return staff_candidates_; }

 private:
  std::optional<Exhibitor> read(Id id) const override;
  Exhibitor fresh() const override;
  void erase(Id id) override;
  void selecting() override;
  void saved() override { form.loadStaff(); }
  void applyFilters();
  void applySort();

  static constexpr std::size_t kStatus = kColumns;  // hidden cell: the booth status code, or kNoBooth
  TextRows text_{kColumns + 1};
  PhoneCells phones_;
  std::vector<Id> ids_;
  std::vector<double> area_;
  std::vector<std::uint32_t> view_;
  int sort_column_ = -1;
  bool sort_ascending_ = true;
  std::string staff_query_;
  std::vector<Person> staff_candidates_;
};

}  // namespace moussem::ui
