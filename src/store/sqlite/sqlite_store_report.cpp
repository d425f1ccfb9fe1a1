// SQLite side of the dashboard and the reports: bulk reads in id order, from an id on. Callbacks must
// not use the store (the statement is still stepping).
#include <sqlite3.h>

#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

namespace {
// Resets a cached statement however the loop ends (a callback may throw).
struct ResetOnExit {
  sqlite::Statement& st;
  ~ResetOnExit() { st.reset(); }
};
}  // namespace

void SqliteStore::forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) {
  auto& st = db_->prepare(
      "SELECT id, at, coalesce(person_id, 0), zone, direction = 'in' FROM scan "
      "WHERE id > ? AND verdict = 'accepted' ORDER BY id");
  ResetOnExit guard{st};
  st.bind(1, after_scan);
  PassageFact f;
  while (st.step()) {
    f.scan = st.integer(0);
    f.at = st.text(1);
    f.person = st.integer(2);
    f.zone = st.text(3);
    f.in = st.integer(4) != 0;
    fn(f);
  }
}

void SqliteStore::forEachPersonFact(const std::function<void(const PersonFact&)>& fn) {
  auto& st = db_->prepare("SELECT id, category, coalesce(exhibitor_id, 0) FROM person ORDER BY id");
  ResetOnExit guard{st};
  PersonFact f;
  while (st.step()) {
    f.id = st.integer(0);
    f.category = st.text(1);
    f.exhibitor = st.integer(2);
    fn(f);
  }
}

void SqliteStore::forEachPrint(Id after_event, const std::function<void(Id, Id)>& fn) {
  auto& st = db_->prepare(
      "SELECT e.id, b.person_id FROM badge_event e JOIN badge b ON b.id = e.badge_id "
      "WHERE e.id > ? AND e.action = 'print' ORDER BY e.id");
  ResetOnExit guard{st};
  st.bind(1, after_event);
  while (st.step()) fn(st.integer(0), st.integer(1));
}

std::vector<BoothCount> SqliteStore::boothCounts() {
  auto& st = db_->prepare("SELECT hall, status, count(*) FROM booth GROUP BY hall, status ORDER BY hall, status");
  ResetOnExit guard{st};
  std::vector<BoothCount> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2)});
  return out;
}

}  // namespace moussem
