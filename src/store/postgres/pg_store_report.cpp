// PostgreSQL side of the dashboard and the reports, as sqlite/sqlite_store_report.cpp: bulk reads in id
// order, from an id on. Rows come in pages of kPage (keyset on the id), so five million scans never sit
// in one result; callbacks must not use the store.
#include "store/postgres/pg_store.hpp"

namespace moussem {

namespace {
constexpr int kPage = 50000;
}

void PgStore::forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) {
  PassageFact f;
  for (Id from = after_scan;;) {
    auto r = q("SELECT id, at, coalesce(person_id, 0), zone, (direction = 'in')::int FROM scan "
               "WHERE id > $1 AND verdict = 'accepted' ORDER BY id LIMIT $2",
               pg::Params().add(from).add(kPage));
    for (int i = 0; i < r.rows(); ++i) {
      f.scan = r.integer(i, 0);
      f.at = r.text(i, 1);
      f.person = r.integer(i, 2);
      f.zone = r.text(i, 3);
      f.in = r.integer(i, 4) != 0;
      fn(f);
    }
    if (r.rows() < kPage) return;
    from = f.scan;
  }
}

void PgStore::forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) {
  PersonFact f;
  for (Id from = after_person;;) {
    auto r = q("SELECT id, category, coalesce(exhibitor_id, 0) FROM person WHERE id > $1 ORDER BY id LIMIT $2",
               pg::Params().add(from).add(kPage));
    for (int i = 0; i < r.rows(); ++i) {
      f.id = r.integer(i, 0);
      f.category = r.text(i, 1);
      f.exhibitor = r.integer(i, 2);
      fn(f);
    }
    if (r.rows() < kPage) return;
    from = f.id;
  }
}

void PgStore::forEachPrint(Id after_event, const std::function<void(Id, Id)>& fn) {
  for (Id from = after_event;;) {
    auto r = q("SELECT e.id, b.person_id FROM badge_event e JOIN badge b ON b.id = e.badge_id "
               "WHERE e.id > $1 AND e.action = 'print' ORDER BY e.id LIMIT $2",
               pg::Params().add(from).add(kPage));
    for (int i = 0; i < r.rows(); ++i) {
      from = r.integer(i, 0);
      fn(from, r.integer(i, 1));
    }
    if (r.rows() < kPage) return;
  }
}

void PgStore::forEachScanLine(const std::function<void(const ScanRecord&, const std::string&)>& fn) {
  ScanRecord s;
  std::string category;
  for (Id from = 0;;) {
    auto r = q("SELECT s.id, s.at, s.gate, s.zone, s.direction, s.station, s.operator, s.verdict, s.reason, s.badge_serial, "
               "s.badge_version, coalesce(p.category, ''), s.manual FROM scan s LEFT JOIN person p ON p.id = s.person_id "
               "WHERE s.id > $1 ORDER BY s.id LIMIT $2",
               pg::Params().add(from).add(kPage));
    for (int i = 0; i < r.rows(); ++i) {
      s.id = from = r.integer(i, 0);
      s.at = r.text(i, 1);
      s.gate = r.text(i, 2);
      s.zone = r.text(i, 3);
      s.direction = r.text(i, 4);
      s.station = r.text(i, 5);
      s.operator_name = r.text(i, 6);
      s.verdict = r.text(i, 7);
      s.reason = r.text(i, 8);
      if (r.isNull(i, 9)) s.badge_serial.reset();
      else s.badge_serial = r.text(i, 9);
      if (r.isNull(i, 10)) s.badge_version.reset();
      else s.badge_version = static_cast<int>(r.integer(i, 10));
      category = r.text(i, 11);
      s.manual = r.integer(i, 12) != 0;
      fn(s, category);
    }
    if (r.rows() < kPage) return;
  }
}

std::vector<BoothCount> PgStore::boothCounts() {
  auto r = q("SELECT hall, status, count(*) FROM booth GROUP BY hall, status ORDER BY hall, status");
  std::vector<BoothCount> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.integer(i, 2)});
  return out;
}

}  // namespace moussem
