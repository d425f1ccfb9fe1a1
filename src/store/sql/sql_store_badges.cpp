// Badges on either database: one badge per person, its events, batches of people to print and the
// print log.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

Id SqlStore::insertBadge(Badge& b) {
  writeOne([&] {
    auto st = db().query(
        "INSERT INTO badge (person_id, serial, version, status, printed_count) VALUES ($1,$2,$3,$4,$5) RETURNING id");
    st.with(b.person_id, b.serial, b.version, b.status, b.printed_count);
    st.step();
    b.id = st.integer(0);
  });
  return b.id;
}

std::optional<Badge> SqlStore::badgeOfPerson(Id person) {
  // Inside a transaction the row is locked until it ends: two desks reprinting the same badge at once
  // take turns, so each reprint reads the version the other wrote and versions never collide.
  auto st = db().query(std::string("SELECT ") + sql_rows::kBadgeColumns + " FROM badge WHERE person_id = $1" +
                       (db().depth() > 0 ? forUpdate() : std::string()));
  st.with(person);
  if (!st.step()) return std::nullopt;
  return sql_rows::readBadge(st.row());
}

std::optional<Badge> SqlStore::badgeBySerial(const std::string& serial) {
  auto st = db().query(std::string("SELECT ") + sql_rows::kBadgeColumns + " FROM badge WHERE serial = $1");
  st.with(serial);
  if (!st.step()) return std::nullopt;
  return sql_rows::readBadge(st.row());
}

void SqlStore::updateBadge(const Badge& b, const std::string& status_reason) {
  writeOne([&] {
    db().query("UPDATE badge SET version = $1, status = $2, status_reason = $3, printed_count = $4, updated_at = " +
               now() + " WHERE id = $5")
        .with(b.version, b.status, status_reason, b.printed_count, b.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("store.error.no_badge", {b.serial}));
  });
}

void SqlStore::addBadgeEvent(const BadgeEvent& e) {
  writeOne([&] {
    db().query(
            "INSERT INTO badge_event (badge_id, version, action, reason, station, operator) "
            "VALUES ($1,$2,$3,$4,$5,$6)")
        .with(e.badge_id, e.version, e.action, e.reason, e.station, e.operator_name)
        .run();
  });
}

std::vector<BadgeEvent> SqlStore::badgeEvents(Id badge) {
  auto st = db().query(
      "SELECT id, badge_id, version, action, reason, station, operator, at FROM badge_event WHERE badge_id = $1 "
      "ORDER BY id");
  st.with(badge);
  std::vector<BadgeEvent> out;
  while (st.step()) {
    const Id id = st.integer(0);
    out.push_back({id, st.integer(1), static_cast<int>(st.integer(2)),
                   sql_rows::readCode<BadgeAction>(st.text(3), "badge_event", "action", id), st.text(4), st.text(5),
                   st.text(6), st.text(7)});
  }
  return out;
}

std::optional<std::string> SqlStore::boothOfExhibitor(Id exhibitor) {
  auto st = db().query("SELECT code FROM booth WHERE exhibitor_id = $1 ORDER BY code LIMIT 1");
  st.with(exhibitor);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

std::vector<Id> SqlStore::peopleMatching(const PeopleFilter& f) {
  // One statement for every combination: an empty/zero filter matches everything.
  return ids(db().query("SELECT p.id FROM person p LEFT JOIN badge b ON b.person_id = p.id "
                        "WHERE ($1 = '' OR p.category = $1) "
                        "  AND ($2 = 0 OR p.exhibitor_id = $2) "
                        "  AND (b.id IS NULL OR b.status = 'active') "
                        "  AND ($3 = 0 OR b.id IS NULL OR b.printed_count = 0) "  // a reprint resets the count
                        "ORDER BY p.id")
                 .with(f.category, static_cast<std::int64_t>(f.exhibitor), f.not_printed));
}

std::vector<PrintRecord> SqlStore::printLog(Id person, int limit) {
  auto st = db().query(
      "SELECT b.person_id, b.serial, e.version, e.station, e.operator, e.at "
      "FROM badge_event e JOIN badge b ON b.id = e.badge_id "
      "WHERE e.action = 'print' AND ($1 = 0 OR b.person_id = $1) "
      "ORDER BY e.id DESC LIMIT $2");
  st.with(static_cast<std::int64_t>(person), limit);
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
  return out;
}

}  // namespace moussem
