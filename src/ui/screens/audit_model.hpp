// The audit trail for administrators: the newest rows that match a filter, older ones on demand, one
// row's record before and after, and the verification of the whole hash chain. No ImGui here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/store.hpp"

namespace moussem::ui {

class AuditModel {
 public:
  static constexpr int kPage = 200;
  explicit AuditModel(Store& store) : store_(store) {}

  AuditFilter& filter() { return filter_; }
  void refresh();    // the newest kPage rows matching the filter
  void loadOlder();  // kPage more, older than the last shown
  bool mayHaveOlder() const { return older_; }
  bool loaded() const { return loaded_; }
  const std::vector<AuditRow>& rows() const { return rows_; }
  const std::string& error() const { return error_; }

  void select(int index) { selected_ = index; }
  const AuditRow* selected() const;
  // JSON pretty-printed for reading ("" stays "").
  static std::string pretty(const std::string& json);

  void verify();  // walks the whole chain
  struct Check {
    std::size_t rows = 0;
    std::vector<AuditProblem> problems;
  };
  const std::optional<Check>& check() const { return check_; }

 private:
  Store& store_;
  AuditFilter filter_;
  std::vector<AuditRow> rows_;
  std::optional<Check> check_;
  std::string error_;
  int selected_ = -1;
  bool loaded_ = false;
  bool older_ = false;
};

}  // namespace moussem::ui
