// The personal-data duties (issue 9, see store.hpp and src/privacy) on either database: what the right
// of access reads beyond the other methods, and the set-based UPDATEs of the anonymisation, meant to
// run inside the caller's write() (a statement that fails rolls the whole anonymisation back).
// Scrubbing the freed space is each database's own (VACUUM).
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

std::vector<ScanRecord> SqlStore::scansOfPerson(Id person) {
  auto st = db().query(std::string(sql_rows::kScanSelect) + "WHERE person_id = $1 ORDER BY id");
  st.with(person);
  std::vector<ScanRecord> out;
  while (st.step()) out.push_back(sql_rows::readScan(st.row()));
  return out;
}

std::vector<Presence> SqlStore::presencesOfPerson(Id person) {
  auto st = db().query("SELECT zone, inside, last_at, last_day FROM presence WHERE person_id = $1 ORDER BY zone" +
                       inByteOrder());
  st.with(person);
  std::vector<Presence> out;
  while (st.step()) out.push_back({person, st.text(0), st.integer(1) != 0, st.text(2), st.text(3)});
  return out;
}

long long SqlStore::anonymizePeople(const std::string& prefix) {
  // The external id becomes NULL, as an empty one always is (the unique index ignores it).
  long long changed = 0;
  writeOne([&] {
    db().query(
            "UPDATE person SET external_id = NULL, first_name = '', last_name = CAST($1 AS TEXT) || CAST(id AS TEXT), "
            "name_ar = '', organization = '', position = '', email = '', phone = '', consent_at = '', "
            "name_key = lower(CAST($1 AS TEXT) || CAST(id AS TEXT)) "
            "WHERE coalesce(external_id, '') <> '' OR first_name <> '' "
            "OR last_name <> CAST($1 AS TEXT) || CAST(id AS TEXT) OR name_ar <> '' OR organization <> '' "
            "OR position <> '' OR email <> '' OR phone <> '' OR consent_at <> '' "
            "OR name_key <> lower(CAST($1 AS TEXT) || CAST(id AS TEXT))")
        .with(prefix)
        .run();
    changed = db().changes();
  });
  return changed;
}

long long SqlStore::redactAudit(const std::string& at) {
  long long changed = 0;
  writeOne([&] {
    db().query(
            "UPDATE audit SET before = '', after = '', redacted_at = $1 "
            "WHERE before_sha <> '' AND redacted_at = '' AND (before <> '' OR after <> '')")
        .with(at)
        .run();
    changed = db().changes();
  });
  return changed;
}

long long SqlStore::anonymizeExhibitors(const std::string& artisan_prefix) {
  long long changed = 0;
  write([&] {
    db().query(
            "UPDATE exhibitor SET external_id = NULL, contact_name = '', phone = '', email = '' "
            "WHERE coalesce(external_id, '') <> '' OR contact_name <> '' OR phone <> '' OR email <> ''")
        .run();
    changed = db().changes();
    // An artisan is a natural person: the business name is their name, the registration number theirs.
    db().query(
            "UPDATE exhibitor SET name_fr = CAST($1 AS TEXT) || CAST(id AS TEXT), name_ar = '', "
            "registration_no = '' WHERE kind = 'artisan' AND (name_fr <> CAST($1 AS TEXT) || CAST(id AS TEXT) "
            "OR name_ar <> '' OR registration_no <> '')")
        .with(artisan_prefix)
        .run();
    changed += db().changes();
  });
  return changed;
}

long long SqlStore::clearFreeTextNotes() {
  long long changed = 0;
  write([&] {
    for (const char* sql :
         {"UPDATE badge SET status_reason = '' WHERE status_reason <> ''",
          "UPDATE badge_event SET reason = '' WHERE reason <> ''", "UPDATE scan SET note = '' WHERE note <> ''"}) {
      db().query(sql).run();
      changed += db().changes();
    }
  });
  return changed;
}

std::vector<std::string> SqlStore::operatorNames() {
  auto st = db().query(
      "SELECT name FROM (SELECT operator AS name FROM badge_event WHERE operator <> '' UNION "
      "SELECT operator FROM scan WHERE operator <> '') names ORDER BY name" +
      inByteOrder());
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

void SqlStore::renameOperator(const std::string& from, const std::string& to) {
  write([&] {
    for (const char* sql : {"UPDATE badge_event SET operator = $2 WHERE operator = $1",
                            "UPDATE scan SET operator = $2 WHERE operator = $1"})
      db().query(sql).with(from, to).run();
  });
}

}  // namespace moussem
