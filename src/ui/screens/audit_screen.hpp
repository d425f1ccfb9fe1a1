// Audit screen (administrators): filter the trail by user, action and record, read a change's before
// and after, and verify the hash chain. Data work in AuditModel.
#pragma once
#include <string>

#include "ui/screen.hpp"
#include "ui/screens/audit_model.hpp"

namespace moussem::ui {

class AuditScreen final : public Screen {
 public:
  explicit AuditScreen(Store& store) : model_(store) {}
  const char* id() const override { return "audit"; }
  const char* titleKey() const override { return "nav.audit"; }
  void onShow() override {
    if (!model_.loaded()) model_.refresh();
  }
  void refresh() override { model_.refresh(); }
  void draw() override;
  AuditModel& model() { return model_; }

 private:
  AuditModel model_;
  std::string user_, action_, record_;
};

}  // namespace moussem::ui
