// SQLite: badge batches and the print log.
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::vector<Id> SqliteStore::peopleMatching(const PeopleFilter& f) {
  // One statement for every combination: an empty/zero filter matches everything.
  auto& st = db_->prepare(
      "SELECT p.id FROM person p LEFT JOIN badge b ON b.person_id = p.id "
      "WHERE (?1 = '' OR p.category = ?1) "
      "  AND (?2 = 0 OR p.exhibitor_id = ?2) "
      "  AND (b.id IS NULL OR b.status = 'active') "
      "  AND (?3 = 0 OR b.id IS NULL OR b.printed_count = 0) "  // a reprint resets the count
      "ORDER BY p.id");
  st.bind(1, f.category).bind(2, static_cast<std::int64_t>(f.exhibitor)).bind(3, f.not_printed);
  std::vector<Id> out;
  while (st.step()) out.push_back(st.integer(0));
  st.reset();
  return out;
}

std::vector<PrintRecord> SqliteStore::printLog(Id person, int limit) {
  auto& st = db_->prepare(
      "SELECT b.person_id, b.serial, e.version, e.station, e.operator, e.at "
      "FROM badge_event e JOIN badge b ON b.id = e.badge_id "
      "WHERE e.action = 'print' AND (?1 = 0 OR b.person_id = ?1) "
      "ORDER BY e.id DESC LIMIT ?2");
  st.bind(1, static_cast<std::int64_t>(person)).bind(2, limit);
  std::vector<PrintRecord> out;
  while (st.step()) {
    PrintRecord r;
    r.person_id = st.integer(0);
    r.serial = st.text(1);
    r.version = static_cast<int>(st.integer(2));
    r.station = st.text(3);
    r.operator_name = st.text(4);
    r.at = st.text(5);
    out.push_back(std::move(r));
  }
  st.reset();
  return out;
}

}  // namespace moussem
