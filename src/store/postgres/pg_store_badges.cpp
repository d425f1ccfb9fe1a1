// PostgreSQL: badge batches and the print log.
#include "store/postgres/pg_store.hpp"

namespace moussem {

std::vector<Id> PgStore::peopleMatching(const PeopleFilter& f) {
  return ids("SELECT p.id FROM person p LEFT JOIN badge b ON b.person_id = p.id "
             "WHERE ($1 = '' OR p.category = $1) "
             "  AND ($2 = 0 OR p.exhibitor_id = $2) "
             "  AND (b.id IS NULL OR b.status = 'active') "
             "  AND ($3 = 0 OR b.id IS NULL OR b.printed_count = 0) "
             "ORDER BY p.id",
             pg::Params().add(f.category).add(static_cast<std::int64_t>(f.exhibitor)).add(f.not_printed));
}

std::vector<PrintRecord> PgStore::printLog(Id person, int limit) {
  auto r = q("SELECT b.person_id, b.serial, e.version, e.station, e.operator, e.at "
             "FROM badge_event e JOIN badge b ON b.id = e.badge_id "
             "WHERE e.action = 'print' AND ($1 = 0 OR b.person_id = $1) "
             "ORDER BY e.id DESC LIMIT $2",
             pg::Params().add(static_cast<std::int64_t>(person)).add(limit));
  std::vector<PrintRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    PrintRecord rec;
    rec.person_id = r.integer(i, 0);
    rec.serial = r.text(i, 1);
    rec.version = static_cast<int>(r.integer(i, 2));
    rec.station = r.text(i, 3);
    rec.operator_name = r.text(i, 4);
    rec.at = r.text(i, 5);
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace moussem
