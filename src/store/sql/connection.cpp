#include "store/sql/connection.hpp"

namespace moussem::sql {

Transaction::Transaction(Connection& c) : c_(c) {
  if (c_.depth_ == 0) {
    c_.begin();
  } else {
    savepoint_ = "sp" + std::to_string(c_.depth_);
    c_.exec("SAVEPOINT " + savepoint_);
  }
  ++c_.depth_;
}

Transaction::~Transaction() {
  if (!open_) return;
  --c_.depth_;
  try {
    if (savepoint_.empty()) {
      c_.exec("ROLLBACK");
    } else {
      c_.exec("ROLLBACK TO SAVEPOINT " + savepoint_);
      c_.exec("RELEASE SAVEPOINT " + savepoint_);
    }
  } catch (...) {
  }
}

void Transaction::commit() {
  open_ = false;
  --c_.depth_;
  if (!savepoint_.empty()) {
    c_.exec("RELEASE SAVEPOINT " + savepoint_);
    return;
  }
  try {
    c_.exec("COMMIT");
  } catch (...) {
    if (c_.usable()) {
      try {
        c_.exec("ROLLBACK");
      } catch (...) {
      }
    }
    throw;
  }
}

}  // namespace moussem::sql
