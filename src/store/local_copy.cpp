#include "store/local_copy.hpp"

#include <algorithm>
#include <chrono>

#include "store/transfer.hpp"

namespace moussem {

namespace {
struct Part {
  const char* table;
  std::vector<std::string> key;
  std::vector<std::string> only;  // empty: every column both sides have
};
}  // namespace

RefreshSummary refreshLocalCopy(Store& server, Store& local) {
  const auto start = std::chrono::steady_clock::now();
  static const std::vector<Part> parts = {
      {"edition", {"id"}, {}},
      {"category", {"code"}, {}},
      {"zone", {"code"}, {"code", "label_fr", "label_ar", "label_en"}},
      {"gate_profile", {"id"}, {}},
      {"person",
       {"id"},
       {"id", "first_name", "last_name", "name_ar", "organization", "position", "category", "country", "days"}},
      {"badge", {"id"}, {}},
      {"presence", {"person_id", "zone"}, {}},
  };
  auto in = tableAccess(server);
  auto out = tableAccess(local);
  RefreshSummary summary;
  SnapshotScope snapshot(*in);
  local.write([&] {
    for (const auto& part : parts) {
      std::vector<std::string> cols;
      const auto theirs = out->columns(part.table);
      for (const auto& c : in->columns(part.table)) {
        if (std::find(theirs.begin(), theirs.end(), c) == theirs.end()) continue;
        if (!part.only.empty() && std::find(part.only.begin(), part.only.end(), c) == part.only.end()) continue;
        cols.push_back(c);
      }
      in->forEachRow(part.table, cols, [&](const TableAccess::Row& row) {
        out->upsertRow(part.table, cols, row, part.key);
        ++summary.rows;
      });
    }
  });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace moussem
