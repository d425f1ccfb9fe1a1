// The plan's selection (see plan_selection.hpp).
#include "ui/screens/plan_selection.hpp"

#include <algorithm>
#include <cmath>

namespace moussem::ui {

int PlanSelection::indexOf(const std::string& code) const {
  for (std::size_t i = 0; i < booths_.size(); ++i)
    if (booths_[i].booth.code == code) return static_cast<int>(i);
  return -1;
}

void PlanSelection::sync() {
  flags_.assign(booths_.size(), false);
  std::vector<std::string> kept;
  for (const auto& code : codes_)
    if (const int i = indexOf(code); i >= 0) {
      flags_[i] = true;
      kept.push_back(code);
    }
  codes_ = std::move(kept);
  current_ = currentCode_.empty() ? -1 : indexOf(currentCode_);
  if (!currentCode_.empty() && (current_ < 0 || !flags_[current_])) {  // gone, or no longer selected
    currentCode_ = codes_.empty() ? std::string() : codes_.back();
    current_ = currentCode_.empty() ? -1 : indexOf(currentCode_);
  }
  if (!hall_.empty() && !hall()) hall_.clear();
  if (!feature_.empty() && !feature()) feature_.clear();
}

void PlanSelection::select(int booth) {
  codes_.clear();
  hall_.clear();
  feature_.clear();
  currentCode_.clear();
  if (booth >= 0 && booth < static_cast<int>(booths_.size())) {
    currentCode_ = booths_[booth].booth.code;
    codes_.push_back(currentCode_);
  }
  sync();
}

void PlanSelection::toggle(int booth) {
  if (booth < 0 || booth >= static_cast<int>(booths_.size())) return;
  hall_.clear();
  feature_.clear();
  const std::string& code = booths_[booth].booth.code;
  auto it = std::find(codes_.begin(), codes_.end(), code);
  if (it != codes_.end()) {
    codes_.erase(it);
    if (current_ == booth) currentCode_.clear();
  } else {
    codes_.push_back(code);
    currentCode_ = code;
  }
  sync();
}

void PlanSelection::selectInRect(const booth::Rect& r, bool add) {
  if (!add) codes_.clear();
  hall_.clear();
  feature_.clear();
  const booth::Rect band{std::min(r.x, r.right()), std::min(r.y, r.bottom()), std::abs(r.w), std::abs(r.h)};
  for (const auto& b : booths_) {
    const auto& code = b.booth.code;
    if (booth::overlaps(band, booth::rectOf(b.booth)) &&
        std::find(codes_.begin(), codes_.end(), code) == codes_.end()) {
      codes_.push_back(code);
      currentCode_ = code;
    }
  }
  if (codes_.empty()) currentCode_.clear();
  sync();
}

void PlanSelection::selectAll() {
  codes_.clear();
  hall_.clear();
  feature_.clear();
  for (const auto& b : booths_) codes_.push_back(b.booth.code);
  if (current_ < 0 && !booths_.empty()) currentCode_ = booths_[0].booth.code;
  sync();
}

void PlanSelection::selectCodes(const std::vector<std::string>& codes) {
  codes_ = codes;
  hall_.clear();
  feature_.clear();
  currentCode_ = codes.empty() ? std::string() : codes.back();
  sync();
}

void PlanSelection::selectHall(const std::string& code) {
  select(-1);
  hall_ = code;
  if (!hall()) hall_.clear();
}

void PlanSelection::selectFeature(const std::string& code) {
  select(-1);
  feature_ = code;
  if (!feature()) feature_.clear();
}

const PlanBooth* PlanSelection::currentBooth() const {
  return current_ >= 0 && current_ < static_cast<int>(booths_.size()) ? &booths_[current_] : nullptr;
}

std::vector<int> PlanSelection::booths() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < flags_.size(); ++i)
    if (flags_[i]) out.push_back(static_cast<int>(i));
  return out;
}

const Hall* PlanSelection::hall() const {
  if (hall_.empty()) return nullptr;
  for (const auto& h : halls_)
    if (h.code == hall_) return &h;
  return nullptr;
}

const VenueFeature* PlanSelection::feature() const {
  if (feature_.empty()) return nullptr;
  for (const auto& f : features_)
    if (f.code == feature_) return &f;
  return nullptr;
}

}  // namespace moussem::ui
