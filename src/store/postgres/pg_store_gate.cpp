// PostgreSQL side of the entry gate (the rest is in sql/sql_store_gate.cpp): the badge states a gate
// indexes in memory, the scan log's writes, the name search and the change counter. A scan is ONE statement (presence
// upsert and scan insert in one data-modifying CTE), so a gate pays one round trip per scan. Re-entry rules are
// enforced by the database itself: the presence upsert only changes a row whose state still allows the entry, and
// PostgreSQL serialises concurrent upserts of the same (person, zone), so when many gates scan the
// same badge at the same instant exactly one is accepted.
#include <ctime>

#include "core/i18n.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

namespace {

// Commits do not land in updated_at order (a transaction stamps its rows before it commits), so a
// gate asks again for a short window before its mark; reading a badge twice is harmless.
std::string withMargin(const std::string& mark) {
  std::tm tm{};
  if (mark.size() < 19 || !strptime(mark.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return mark;
  std::time_t t = timegm(&tm) - 30;
  std::tm back{};
  gmtime_r(&t, &back);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &back);
  return std::string(buf) + ".000Z";
}

}  // namespace

void PgStore::forEachBadgeState(const std::string& changed_since, const std::function<void(const BadgeState&)>& fn) {
  // Pages in id order (keyset): a million badges never sit in one result, and fn may use the store.
  const std::string since = changed_since.empty() ? std::string() : withMargin(changed_since);
  Id after = 0;
  BadgeState b;
  for (;;) {
    auto r =
        q("SELECT id, person_id, serial, version, status, updated_at FROM badge "
          "WHERE id > $1 AND ($2 = '' OR updated_at >= $2) ORDER BY id LIMIT 20000",
          pg::Params().add(after).add(since));
    for (int i = 0; i < r.rows(); ++i) {
      b.person_id = r.integer(i, 1);
      b.serial = r.text(i, 2);
      b.version = static_cast<int>(r.integer(i, 3));
      b.revoked =
          sql_rows::readCode<BadgeStatus>(r.text(i, 4), "badge", "status", r.integer(i, 0)) == BadgeStatus::Revoked;
      b.updated_at = r.text(i, 5);
      fn(b);
    }
    if (r.rows() < 20000) break;
    after = r.integer(r.rows() - 1, 0);
  }
}

bool PgStore::recordScan(ScanRecord& s, const Presence* presence, std::optional<ReentryPolicy> reentry,
                         PresenceReset presenceReset) {
  const bool guarded = presence && presence->inside && s.verdict == ScanVerdict::Accepted &&
                       (reentry == ReentryPolicy::Antipassback || reentry == ReentryPolicy::OncePerDay);
  const std::string_view mode = !presence ? "none" : sql_rows::presenceMode(reentry, guarded);
  const ScanReason refusal =
      reentry == ReentryPolicy::Antipassback ? ScanReason::AlreadyInside : ScanReason::AlreadyUsedToday;
  pg::Params p;
  p.add(s.uid)
      .add(s.gate)
      .add(s.zone)
      .add(s.direction)
      .add(s.station)
      .add(s.operator_name)
      .add(s.at)
      .add(s.payload_digest)
      .add(s.verdict)
      .add(s.reason)
      .add(s.badge_serial)
      .add(s.badge_version)
      .add(s.person_id)
      .add(s.manual)
      .add(s.note);  // $1..$15: the scan
  if (presence)      // $16..$20: the presence
    p.add(presence->person_id).add(presence->zone).add(presence->inside).add(presence->last_at).add(presence->last_day);
  else
    p.addNull().addNull().addNull().addNull().addNull();
  p.add(mode).add(guarded).add(refusal).add(presenceReset);  // $21..$24
  auto r =
      q("WITH p AS ("
        " INSERT INTO presence (person_id, zone, inside, last_at, last_day)"
        " SELECT $16::bigint, $17::text, $18::integer, $19::text, $20::text"
        " WHERE $21::text <> 'none' AND NOT EXISTS (SELECT 1 FROM scan WHERE uid = $1::text)"
        " ON CONFLICT (person_id, zone) DO UPDATE SET inside = EXCLUDED.inside, last_at = EXCLUDED.last_at,"
        "  last_day = EXCLUDED.last_day"
        " WHERE $21::text = 'always' OR ($21::text = 'antipassback' AND (presence.inside = 0 OR ($24::text = 'daily' "
        "AND presence.last_day <> EXCLUDED.last_day)))"
        "  OR ($21::text = 'once-per-day' AND presence.last_day <> EXCLUDED.last_day)"
        "  OR ($21::text = 'offline' AND presence.last_at <= EXCLUDED.last_at)"
        " RETURNING 1)"
        " INSERT INTO scan (uid, gate, zone, direction, station, operator, at, payload_digest, verdict, reason,"
        "  badge_serial, badge_version, person_id, manual, note)"
        " SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,"
        "  CASE WHEN $22::boolean AND NOT EXISTS (SELECT 1 FROM p) THEN 'rejected' ELSE $9::text END,"
        "  CASE WHEN $22::boolean AND NOT EXISTS (SELECT 1 FROM p) THEN $23::text ELSE $10::text END,"
        "  $11::text, $12::integer, $13::bigint, $14::integer, $15::text"
        " ON CONFLICT (uid) DO NOTHING RETURNING id, verdict, reason",
        p);
  if (r.rows() == 0)  // replayed (an offline queue pushed twice): what was logged stands
    r = q("SELECT id, verdict, reason FROM scan WHERE uid = $1", pg::Params().add(s.uid));
  if (r.rows() == 0) throw Error(ErrorKind::Io, "scan " + s.uid + " was not logged");
  s.id = r.integer(0, 0);
  s.verdict = sql_rows::readCode<ScanVerdict>(r.text(0, 1), "scan", "verdict", s.id);
  s.reason = sql_rows::readCode<ScanReason>(r.text(0, 2), "scan", "reason", s.id);
  return !guarded || s.verdict == ScanVerdict::Accepted;
}

std::vector<Person> PgStore::findPeopleByName(const std::string& text, int limit) {
  std::vector<Person> out;
  if (text.empty() || limit <= 0) return out;
  // ILIKE: case folded beyond ASCII, where SQLite's LIKE folds ASCII letters only.
  auto st =
      db().query(std::string("SELECT ") + sql_rows::kPersonColumns + " FROM " + people() +
                 " WHERE (first_name || ' ' || last_name) ILIKE $1 ESCAPE '\\' "
                 "OR (last_name || ' ' || first_name) ILIKE $1 ESCAPE '\\' OR name_ar ILIKE $1 ESCAPE '\\' "
                 "OR organization ILIKE $1 ESCAPE '\\' ORDER BY last_name COLLATE \"C\", first_name COLLATE \"C\", "
                 "id LIMIT $2");
  st.with(sql_rows::containsPattern(text), limit);
  while (st.step()) out.push_back(sql_rows::readPerson(st.row()));
  return out;
}

long long PgStore::dataVersion() {
  // Notifications (LISTEN moussem_badges) are read from the socket without a round trip.
  if (conn_->ok()) notifications_ += conn_->takeNotifications();
  return notifications_ + connections_;
}

std::string PgStore::serverTime() {
  auto r = q("SELECT moussem_now()");
  return r.rows() ? r.text(0, 0) : std::string();
}

}  // namespace moussem
