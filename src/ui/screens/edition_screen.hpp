// The edition's configuration at a glance: names in three languages, dates, venue, time zone and the
// time-zone data it is read with (a warning when the data is older than the edition by months), badge
// code, categories with their colours and labels, zones. Read-only here; editing comes with the admin work.
#pragma once
#include <optional>
#include <vector>

#include "core/time_zone.hpp"
#include "store/store.hpp"
#include "ui/screen.hpp"

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

 private:
  Store& store_;
  std::optional<Edition> edition_;
  std::vector<Category> categories_;
  std::vector<Zone> zones_;
  std::string location_;
  tz::DataRelease tzdata_;
  bool tzdata_stale_ = false;
  bool loaded_ = false;
};

class EditionScreen final : public Screen {
 public:
  explicit EditionScreen(Store& store) : model_(store) {}
  const char* id() const override { return "edition"; }
  const char* titleKey() const override { return "nav.edition"; }
  void onShow() override {
    if (!model_.loaded()) model_.refresh();
  }
  void refresh() override { model_.refresh(); }
  void draw() override;

 private:
  EditionModel model_;
};

}  // namespace moussem::ui
