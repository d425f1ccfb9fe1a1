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
    f.at.assign(st.view(1));  // reused strings: no allocation per row over millions of scans
    f.person = st.integer(2);
    f.zone.assign(st.view(3));
    f.in = st.integer(4) != 0;
    fn(f);
  }
}

void SqliteStore::forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) {
  auto& st = db_->prepare("SELECT id, category, coalesce(exhibitor_id, 0) FROM person WHERE id > ? ORDER BY id");
  ResetOnExit guard{st};
  st.bind(1, after_person);
  PersonFact f;
  while (st.step()) {
    f.id = st.integer(0);
    f.category.assign(st.view(1));
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

void SqliteStore::forEachScanLine(const std::function<void(const ScanRecord&, const std::string&)>& fn) {
  auto& st = db_->prepare(
      "SELECT s.id, s.at, s.gate, s.zone, s.direction, s.station, s.operator, s.verdict, s.reason, s.badge_serial, "
      "s.badge_version, coalesce(p.category, ''), s.manual FROM scan s LEFT JOIN person p ON p.id = s.person_id "
      "ORDER BY s.id");
  ResetOnExit guard{st};
  ScanRecord r;
  std::string category;
  while (st.step()) {
    r.id = st.integer(0);
    r.at.assign(st.view(1));
    r.gate.assign(st.view(2));
    r.zone.assign(st.view(3));
    r.direction.assign(st.view(4));
    r.station.assign(st.view(5));
    r.operator_name.assign(st.view(6));
    r.verdict.assign(st.view(7));
    r.reason.assign(st.view(8));
    if (st.isNull(9)) r.badge_serial.reset();
    else r.badge_serial = st.text(9);
    if (st.isNull(10)) r.badge_version.reset();
    else r.badge_version = static_cast<int>(st.integer(10));
    category.assign(st.view(11));
    r.manual = st.integer(12) != 0;
    fn(r, category);
  }
}

}  // namespace moussem
