#include "ui/screens/overview_model.hpp"

#include "core/dates.hpp"

namespace moussem::ui {

void OverviewModel::refresh() {
  figures_ = store_.overview();
  edition_ = store_.edition();
  categories_ = store_.categories();
  loaded_ = true;
  ++refreshes_;
}

long long OverviewModel::editionDays() const {
  if (!edition_) return 0;
  return dates::daysBetween(edition_->starts_on, edition_->ends_on) + 1;
}

}  // namespace moussem::ui
