#include "ui/screens/audit_model.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace moussem::ui {

void AuditModel::refresh() {
  error_.clear();
  selected_ = -1;
  try {
    AuditFilter f = filter_;
    f.before_id = 0;
    rows_ = store_.auditRows(f, kPage);
    older_ = static_cast<int>(rows_.size()) == kPage;
  } catch (const Error& e) {
    rows_.clear();
    older_ = false;
    error_ = e.what();
  }
  loaded_ = true;
}

void AuditModel::loadOlder() {
  if (rows_.empty()) return refresh();
  error_.clear();
  try {
    AuditFilter f = filter_;
    f.before_id = rows_.back().id;
    auto more = store_.auditRows(f, kPage);
    older_ = static_cast<int>(more.size()) == kPage;
    rows_.insert(rows_.end(), more.begin(), more.end());
  } catch (const Error& e) {
    error_ = e.what();
  }
}

const AuditRow* AuditModel::selected() const {
  if (selected_ < 0 || selected_ >= static_cast<int>(rows_.size())) return nullptr;
  return &rows_[static_cast<std::size_t>(selected_)];
}

std::string AuditModel::pretty(const std::string& json) {
  if (json.empty()) return {};
  auto j = nlohmann::json::parse(json, nullptr, false);
  return j.is_discarded() ? json : j.dump(2);
}

void AuditModel::verify() {
  error_.clear();
  try {
    Check c;
    const auto chain = store_.auditChain();
    c.rows = chain.size();
    c.problems = verifyAuditChain(chain);
    check_ = std::move(c);
  } catch (const Error& e) {
    error_ = e.what();
  }
}

}  // namespace moussem::ui
