// The rows of a registration table held compactly: one byte arena for every text cell and an offset
// per cell, so thousands (or a million) of rows cost a few allocations, not one string per cell.
// Filtering and sorting work on a vector of row numbers (the view); the rows themselves never move.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/phone.hpp"
#include "core/text_fold.hpp"

namespace moussem::ui {

class TextRows {
 public:
  explicit TextRows(std::size_t columns) : columns_(columns) {}
  void clear() {
    blob_.clear();
    offsets_.clear();
  }
  void reserve(std::size_t rows) { offsets_.reserve(rows * columns_ + 1); }
  // Appends one row: exactly columns() cells.
  void add(std::initializer_list<std::string_view> cells) {
    for (std::string_view c : cells) {
      offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
      blob_.append(c);
    }
  }
  std::size_t rows() const { return offsets_.size() / columns_; }
  std::size_t columns() const { return columns_; }
  std::string_view cell(std::size_t row, std::size_t column) const {
    const std::size_t i = row * columns_ + column;
    const std::size_t begin = offsets_[i];
    const std::size_t end = i + 1 < offsets_.size() ? offsets_[i + 1] : blob_.size();
    return std::string_view(blob_).substr(begin, end - begin);
  }

 private:
  std::size_t columns_;
  std::string blob_;
  std::vector<std::uint32_t> offsets_;  // 4 GiB of text at most: far beyond any edition
};

// Sorts a view of row numbers by a key computed once per row (text::sortKey: the interface language's
// collation), ties kept in id order.
template <typename KeyOf>
void sortView(std::vector<std::uint32_t>& view, bool ascending, KeyOf keyOf) {
  std::vector<std::pair<std::string, std::uint32_t>> keyed;
  keyed.reserve(view.size());
  for (std::uint32_t r : view) keyed.emplace_back(keyOf(r), r);
  std::stable_sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
    return ascending ? a.first < b.first : b.first < a.first;
  });
  for (std::size_t i = 0; i < view.size(); ++i) view[i] = keyed[i].second;
}

// Phone cells as people read them (phone::display: national form for the edition's country,
// international otherwise), formatted once per row when first drawn: libphonenumber takes tens of
// microseconds a number, too much for a million rows at load or for every frame.
class PhoneCells {
 public:
  void clear() { shown_.clear(); }
  const std::string& operator()(std::uint32_t row, std::string_view stored) const {
    auto it = shown_.find(row);
    if (it == shown_.end()) it = shown_.emplace(row, phone::display(stored, phone::editionRegion())).first;
    return it->second;
  }

 private:
  mutable std::unordered_map<std::uint32_t, std::string> shown_;
};

// A number as a key that sorts as text in numeric order.
inline std::string numberKey(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%015.3f", v < 0 ? 0.0 : v);
  return buf;
}

}  // namespace moussem::ui
