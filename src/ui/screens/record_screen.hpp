// One table-and-editor screen for every kind of record (participants, exhibitors): the filter row in
// reading order ("New", the kind's filters, the search, the count; from the right edge in Arabic), the
// table drawn with a clipper (thousands of rows, nothing queried per frame; the station's column layout
// kept), the selected record edited beside it with inline validation and the duplicate warning, save,
// close, and deleting after a question. Ctrl+N creates, Ctrl+S saves, Ctrl+F goes to the search. Each
// kind supplies its model (a RecordListModel), its columns, filters, fields and a few words.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ui/screen.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/record_table.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

// What tells the kinds' screens apart, besides what they draw.
struct RecordScreenKind {
  const char* id;             // "participants": the screen, its actions, its table and its layout setting
  const char* title_key;      // its name in the navigation
  SearchIndex::Kind records;  // what the duplicate warning offers to open here
  float filter_width;         // a filter's width, in font sizes
  float search_share;         // the search field's width, in filter widths
  float editor_width;         // the editor pane's least width, in font sizes
  float editor_share;         // the editor pane's width, as a share of the screen's
};

template <typename Model>
class RecordScreen : public Screen {
 public:
  const char* id() const override { return kind_.id; }
  const char* titleKey() const override { return kind_.title_key; }
  void onShow() override { model_.poll(); }
  void refresh() override { model_.load(); }
  const ActionTable* actions() const override { return &actions_; }
  void draw() override;
  Model& model() { return model_; }
  bool confirmingDelete() const { return confirm_delete_ != 0; }
  const TableReport& tableReport() const { return report_; }  // tests: cut cells, tooltip

 protected:
  RecordScreen(std::shared_ptr<DeskSession> session, const RecordScreenKind& kind);

  // What each kind supplies.
  virtual std::vector<TableColumn> columns() const = 0;  // asked again when the language changes
  // Its filters, between "New" and the search (`width`: a filter's); set `changed` when one changed.
  // Their widths in whole pixels (std::floor), as ImGui sizes a field: the next one starts right after.
  virtual void filters(std::vector<LineItem>& items, float width, bool& changed) = 0;
  virtual bool fields() = 0;  // the editor's fields and what goes with them; true: Enter pressed (save)
  virtual std::string editorTitle() const = 0;
  virtual std::string deleteQuestion() const = 0;

  std::shared_ptr<DeskSession> session_;
  Model model_;
  FieldsState fields_;

 private:
  void drawFilters();
  void drawEditor();

  RecordScreenKind kind_;
  ActionTable actions_;
  bool focus_filter_ = false;
  Id confirm_delete_ = 0;
  bool open_confirm_ = false;
  TableMemory memory_;
  TableReport report_;
  std::vector<TableColumn> columns_;
  std::string columns_language_;
  bool layout_loaded_ = false;
};

// A filter combo over a code family: "any" first (then an extra choice, such as "no booth", if given),
// then every code with its label. True when the value changed.
bool CodeFilter(const char* id, const char* anyKey, std::string_view family, std::span<const std::string_view> codes,
                std::string& value, float width, const char* extraCode = nullptr, const char* extraKey = nullptr);

}  // namespace moussem::ui
