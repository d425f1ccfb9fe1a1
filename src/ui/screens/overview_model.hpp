// What the overview screen shows, read from the store on open and on refresh, never per frame.
#pragma once
#include <optional>
#include <vector>

#include "store/store.hpp"

namespace moussem::ui {

class OverviewModel {
 public:
  explicit OverviewModel(Store& store) : store_(store) {}

  void refresh();
  bool loaded() const { return loaded_; }
  int refreshCount() const { return refreshes_; }

  const Overview& figures() const { return figures_; }
  const std::optional<Edition>& edition() const { return edition_; }
  const std::vector<Category>& categories() const { return categories_; }
  long long editionDays() const;

 private:
  Store& store_;
  Overview figures_;
  std::optional<Edition> edition_;
  std::vector<Category> categories_;
  bool loaded_ = false;
  int refreshes_ = 0;
};

}  // namespace moussem::ui
