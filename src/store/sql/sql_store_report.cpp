// The dashboard and the reports on either database: bulk reads in id order, from an id on. Rows come
// in pages of kPage (keyset on the id), so five million scans never sit in one result; callbacks must
// not use the store (a page's statement is still stepping).
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

namespace {
constexpr int kPage = 50000;
}

void SqlStore::forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) {
  PassageFact f;
  for (Id from = after_scan;;) {
    auto st = db().query(
        "SELECT id, at, coalesce(person_id, 0), zone, CASE WHEN direction = 'in' THEN 1 ELSE 0 END FROM scan "
        "WHERE id > $1 AND verdict = 'accepted' ORDER BY id LIMIT $2");
    st.with(from, kPage);
    int rows = 0;
    while (st.step()) {
      ++rows;
      f.scan = st.integer(0);
      f.at.assign(st.view(1));  // reused strings: no allocation per row over millions of scans
      f.person = st.integer(2);
      f.zone.assign(st.view(3));
      f.in = st.integer(4) != 0;
      fn(f);
    }
    if (rows < kPage) return;
    from = f.scan;
  }
}

void SqlStore::forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) {
  PersonFact f;
  for (Id from = after_person;;) {
    auto st =
        db().query("SELECT id, category, coalesce(exhibitor_id, 0) FROM person WHERE id > $1 ORDER BY id LIMIT $2");
    st.with(from, kPage);
    int rows = 0;
    while (st.step()) {
      ++rows;
      f.id = st.integer(0);
      f.category.assign(st.view(1));
      f.exhibitor = st.integer(2);
      fn(f);
    }
    if (rows < kPage) return;
    from = f.id;
  }
}

void SqlStore::forEachPrint(Id after_event, const std::function<void(Id, Id)>& fn) {
  for (Id from = after_event;;) {
    auto st = db().query(
        "SELECT e.id, b.person_id FROM badge_event e JOIN badge b ON b.id = e.badge_id "
        "WHERE e.id > $1 AND e.action = 'print' ORDER BY e.id LIMIT $2");
    st.with(from, kPage);
    int rows = 0;
    while (st.step()) {
      ++rows;
      from = st.integer(0);
      fn(from, st.integer(1));
    }
    if (rows < kPage) return;
  }
}

std::vector<BoothCount> SqlStore::boothCounts() {
  auto st = db().query("SELECT hall, status, count(*) FROM booth GROUP BY hall, status ORDER BY hall, status");
  std::vector<BoothCount> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.integer(2)});
  return out;
}

void SqlStore::forEachScanLine(const std::function<void(const ScanRecord&, const std::string&)>& fn) {
  ScanRecord r;
  std::string category;
  for (Id from = 0;;) {
    auto st = db().query(
        "SELECT s.id, s.at, s.gate, s.zone, s.direction, s.station, s.operator, s.verdict, s.reason, s.badge_serial, "
        "s.badge_version, coalesce(p.category, ''), s.manual FROM scan s LEFT JOIN person p ON p.id = s.person_id "
        "WHERE s.id > $1 ORDER BY s.id LIMIT $2");
    st.with(from, kPage);
    int rows = 0;
    while (st.step()) {
      ++rows;
      r.id = from = st.integer(0);
      r.at.assign(st.view(1));
      r.gate.assign(st.view(2));
      r.zone.assign(st.view(3));
      r.direction = sql_rows::readCode<Direction>(st.text(4), "scan", "direction", r.id);
      r.station.assign(st.view(5));
      r.operator_name.assign(st.view(6));
      r.verdict = sql_rows::readCode<ScanVerdict>(st.text(7), "scan", "verdict", r.id);
      r.reason = sql_rows::readCode<ScanReason>(st.text(8), "scan", "reason", r.id);
      if (st.isNull(9))
        r.badge_serial.reset();
      else
        r.badge_serial = st.text(9);
      if (st.isNull(10))
        r.badge_version.reset();
      else
        r.badge_version = static_cast<int>(st.integer(10));
      category.assign(st.view(11));
      r.manual = st.integer(12) != 0;
      fn(r, category);
    }
    if (rows < kPage) return;
  }
}

}  // namespace moussem
