// The edition's configuration: names in three languages, dates, venue, time zone and the time-zone
// data it is read with (a warning when the data is older than the edition by months), badge code,
// categories with their colours and labels, zones. An organiser or an administrator edits them here
// ("Edit"): every field checked as `init` and `edition set` check it (core/edition_rules), all saved in
// one transaction, each change in the audit trail; the store refuses anyone else (manage_edition).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/registry_rules.hpp"
#include "core/time_zone.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"
#include "ui/widgets/type_ahead.hpp"

namespace moussem::ui {

class EditionModel {
 public:
  explicit EditionModel(Store& store) : store_(store) {}
  void refresh();
  bool loaded() const { return loaded_; }
  const std::optional<Edition>& edition() const { return edition_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<Zone>& zones() const { return zones_; }
  const std::string& location() const { return location_; }
  const tz::DataRelease& timeZoneData() const { return tzdata_; }
  // The data may miss clock changes decided after it and before the edition's last day.
  bool timeZoneDataStale() const { return tzdata_stale_; }

  // Editing. canEdit: the signed-in user holds manage_edition (the store checks it again on save).
  bool canEdit() const { return can_edit_; }
  bool editing() const { return editing_; }
  void startEditing();
  void cancel();
  Edition draft;
  std::vector<Category> draft_categories;
  std::vector<Zone> draft_zones;
  // A new category or zone with this code (checked on save); false if the code is taken.
  bool addCategory(const std::string& code);
  bool addZone(const std::string& code);
  // All or nothing: every field checked first; nothing is written while one is wrong.
  bool save();
  // The message for a field: "name_fr", "starts_on"...; "category.CODE.color", "zone.CODE.code".
  const std::string* error(const std::string& field) const;
  const std::vector<FieldError>& errors() const { return errors_; }
  const std::string& message() const { return message_; }
  bool messageIsError() const { return message_error_; }

 private:
  Store& store_;
  std::optional<Edition> edition_;
  std::vector<Category> categories_;
  std::vector<Zone> zones_;
  std::string location_;
  tz::DataRelease tzdata_;
  bool tzdata_stale_ = false;
  bool loaded_ = false;
  bool can_edit_ = false, editing_ = false;
  std::vector<FieldError> errors_;
  std::string message_;
  bool message_error_ = false;
};

class EditionScreen final : public Screen {
 public:
  explicit EditionScreen(Store& store);
  const char* id() const override { return "edition"; }
  const char* titleKey() const override { return "nav.edition"; }
  void onShow() override {
    if (!model_.loaded()) model_.refresh();
  }
  void refresh() override { model_.refresh(); }
  void draw() override;
  const ActionTable* actions() const override { return &actions_; }
  EditionModel& model() { return model_; }

 private:
  void drawView();
  void drawEditor();

  EditionModel model_;
  ActionTable actions_;
  std::string new_category_, new_zone_;
  TypeAheadState zone_field_;
  std::vector<Choice> zone_choices_;
};

}  // namespace moussem::ui
