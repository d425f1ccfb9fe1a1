// The participants table's data, with no ImGui: every person read once into compact rows (again only
// when the registry's revision moves), filters by category, exhibitor, attendance day and a text
// searched in the in-memory index, sorting when asked (the screen asks when ImGui's sort specs are
// dirty), and the edit form of the selected person, creation and deletion.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/desk_session.hpp"
#include "ui/screens/record_forms.hpp"
#include "ui/screens/table_rows.hpp"

namespace moussem::ui {

class ParticipantsModel {
 public:
  enum Column { Name, NameAr, Organization, Category, Country, Email, Phone, Days, Exhibitor, Badge, kColumns };
  static constexpr Id kAnyExhibitor = -1, kNoExhibitor = 0;

  explicit ParticipantsModel(DeskSession& session);
  void poll();  // once per frame: reloads when the data changed
  void load();
  bool loaded() const { return loaded_revision_ != 0; }
  int loads() const { return loads_; }

  // Filters: edit, then filtersChanged().
  std::string category;             // "" any
  Id exhibitor = kAnyExhibitor;      // kAnyExhibitor, kNoExhibitor or an exhibitor id
  std::string day;                  // "" any, else YYYY-MM-DD
  std::string text;                 // searched in the index: names, organisation, e-mail, phone, serial
  void filtersChanged();

  void sortBy(int column, bool ascending);
  int sorts() const { return sorts_; }

  std::size_t total() const { return ids_.size(); }
  std::size_t shown() const { return view_.size(); }
  Id idAt(std::size_t row) const { return ids_[view_[row]]; }
  std::string cell(std::size_t row, int column) const;  // as shown (labels translated)
  const FieldChoices& choices() const { return choices_; }

  // Selection and editing.
  PersonForm form;
  Id selected() const { return selected_; }
  void select(Id id);
  void startNew();
  bool editing() const { return editing_; }
  std::optional<Id> save(bool despite_duplicates = false);
  bool remove(Id id);
  const std::string& message() const { return message_; }

 private:
  void applyFilters();
  void applySort();

  DeskSession& session_;
  std::uint64_t loaded_revision_ = 0;
  int loads_ = 0, sorts_ = 0;
  TextRows text_{kColumns};
  PhoneCells phones_;
  std::vector<Id> ids_;
  std::vector<std::uint8_t> category_;      // index into codes::categories()
  std::vector<Id> exhibitor_;
  std::vector<std::uint64_t> days_;         // bit i: the edition's day i
  std::vector<std::uint32_t> view_;
  int sort_column_ = -1;
  bool sort_ascending_ = true;
  FieldChoices choices_;
  Id selected_ = 0;
  bool editing_ = false;
  std::string message_;
};

}  // namespace moussem::ui
