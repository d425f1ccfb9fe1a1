// PostgreSQL side of the personal-data duties (issue 9), as sqlite/sqlite_store_privacy.cpp: the right of
// access's extra reads and the set-based UPDATEs of the anonymisation, meant to run inside the
// caller's write() (a statement that fails rolls the whole anonymisation back).
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_store.hpp"

namespace moussem {

std::vector<ScanRecord> PgStore::scansOfPerson(Id person) {
  return pg_rows::readScans(
      q(std::string(pg_rows::kScanSelect) + "WHERE person_id = $1 ORDER BY id", pg::Params().add(person)));
}

std::vector<Presence> PgStore::presencesOfPerson(Id person) {
  auto r = q("SELECT zone, inside, last_at, last_day FROM presence WHERE person_id = $1 ORDER BY zone COLLATE \"C\"",
             pg::Params().add(person));
  std::vector<Presence> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({person, r.text(i, 0), r.integer(i, 1) != 0, r.text(i, 2), r.text(i, 3)});
  return out;
}

long long PgStore::anonymizePeople(const std::string& prefix) {
  auto r =
      q("UPDATE person SET external_id = NULL, first_name = '', last_name = $1::text || id::text, name_ar = '', "
        "organization = '', position = '', email = '', phone = '', consent_at = '', name_key = lower($1::text || id::text) "
        "WHERE coalesce(external_id, '') <> '' OR first_name <> '' OR last_name <> $1::text || id::text "
        "OR name_ar <> '' OR organization <> '' OR position <> '' OR email <> '' OR phone <> '' OR consent_at <> '' "
        "OR name_key <> lower($1::text || id::text)",
        pg::Params().add(prefix));
  return r.affected();
}

long long PgStore::redactAudit(const std::string& at) {
  return q("UPDATE audit SET before = '', after = '', redacted_at = $1 "
           "WHERE before_sha <> '' AND redacted_at = '' AND (before <> '' OR after <> '')",
           pg::Params().add(at))
      .affected();
}

long long PgStore::anonymizeExhibitors(const std::string& artisan_prefix) {
  long long changed = 0;
  write([&] {
    changed = q("UPDATE exhibitor SET external_id = NULL, contact_name = '', phone = '', email = '' "
                "WHERE coalesce(external_id, '') <> '' OR contact_name <> '' OR phone <> '' OR email <> ''")
                  .affected();
    // An artisan is a natural person: the business name is their name, the registration number theirs.
    changed +=
        q("UPDATE exhibitor SET name_fr = $1::text || id::text, name_ar = '', registration_no = '' "
          "WHERE kind = 'artisan' AND (name_fr <> $1::text || id::text OR name_ar <> '' OR registration_no <> '')",
          pg::Params().add(artisan_prefix))
            .affected();
  });
  return changed;
}

long long PgStore::clearFreeTextNotes() {
  long long changed = 0;
  write([&] {
    for (const char* sql :
         {"UPDATE badge SET status_reason = '' WHERE status_reason <> ''",
          "UPDATE badge_event SET reason = '' WHERE reason <> ''", "UPDATE scan SET note = '' WHERE note <> ''"})
      changed += q(sql).affected();
  });
  return changed;
}

std::vector<std::string> PgStore::operatorNames() {
  auto r =
      q("SELECT name FROM (SELECT operator AS name FROM badge_event WHERE operator <> '' UNION "
        "SELECT operator FROM scan WHERE operator <> '') names ORDER BY name COLLATE \"C\"");
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
  return out;
}

void PgStore::renameOperator(const std::string& from, const std::string& to) {
  write([&] {
    for (const char* sql : {"UPDATE badge_event SET operator = $2 WHERE operator = $1",
                            "UPDATE scan SET operator = $2 WHERE operator = $1"})
      q(sql, pg::Params().add(from).add(to));
  });
}

void PgStore::scrubFreedSpace() {
  // Old row versions stay in the tables' files until vacuumed; VACUUM FULL rewrites each table without them.
  // (The server's WAL and its backups are the administrator's: see docs/personal-data.md.)
  // Other stations still connected hold locks: wait a little, then give up (the caller warns).
  x("SET lock_timeout = '10s'");
  try {
    x("VACUUM FULL person, exhibitor, badge, badge_event, scan");
  } catch (...) {
    x("RESET lock_timeout");
    throw;
  }
  x("RESET lock_timeout");
}

}  // namespace moussem
