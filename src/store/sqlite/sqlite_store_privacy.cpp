// SQLite side of the personal-data duties (issue 9, see store.hpp and src/privacy): what the right of
// access reads beyond the existing methods, and the set-based UPDATEs of the anonymisation. The caller
// runs the anonymisation inside one write(); nothing here opens a transaction of its own.
#include <sqlite3.h>

#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::vector<ScanRecord> SqliteStore::scansOfPerson(Id person) {
  auto& st = db_->prepare(std::string(sql_rows::kScanSelect) + "WHERE person_id = ? ORDER BY id");
  st.bind(1, person);
  std::vector<ScanRecord> out;
  while (st.step()) out.push_back(sql_rows::readScan(st));
  st.reset();
  return out;
}

std::vector<Presence> SqliteStore::presencesOfPerson(Id person) {
  auto& st = db_->prepare("SELECT zone, inside, last_at, last_day FROM presence WHERE person_id = ? ORDER BY zone");
  st.bind(1, person);
  std::vector<Presence> out;
  while (st.step()) out.push_back({person, st.text(0), st.integer(1) != 0, st.text(2), st.text(3)});
  st.reset();
  return out;
}

long long SqliteStore::anonymizePeople(const std::string& prefix) {
  long long changed = 0;
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE person SET external_id = '', first_name = '', last_name = ?1 || id, name_ar = '', organization = '', "
        "position = '', email = '', phone = '', consent_at = '', name_key = lower(?1 || id) "
        "WHERE coalesce(external_id, '') <> '' OR first_name <> '' OR last_name <> ?1 || id OR name_ar <> '' "
        "OR organization <> '' OR position <> '' OR email <> '' OR phone <> '' OR consent_at <> '' "
        "OR name_key <> lower(?1 || id)");
    st.bind(1, prefix);
    st.run();
    changed = db_->changes();
  });
  return changed;
}

long long SqliteStore::redactAudit(const std::string& at) {
  long long changed = 0;
  writeOne([&] {
    auto& st = db_->prepare("UPDATE audit SET before = '', after = '', redacted_at = ? "
                            "WHERE before_sha <> '' AND redacted_at = '' AND (before <> '' OR after <> '')");
    st.bind(1, at);
    st.run();
    changed = db_->changes();
  });
  return changed;
}

long long SqliteStore::anonymizeExhibitors(const std::string& artisan_prefix) {
  long long changed = 0;
  writeOne([&] {
    auto& contacts = db_->prepare(
        "UPDATE exhibitor SET external_id = '', contact_name = '', phone = '', email = '' "
        "WHERE coalesce(external_id, '') <> '' OR contact_name <> '' OR phone <> '' OR email <> ''");
    contacts.run();
    changed = db_->changes();
    // An artisan is a natural person: the business name is their name, the registration number theirs.
    auto& artisans = db_->prepare(
        "UPDATE exhibitor SET name_fr = ?1 || id, name_ar = '', registration_no = '' "
        "WHERE kind = 'artisan' AND (name_fr <> ?1 || id OR name_ar <> '' OR registration_no <> '')");
    artisans.bind(1, artisan_prefix);
    artisans.run();
    changed += db_->changes();
  });
  return changed;
}

long long SqliteStore::clearFreeTextNotes() {
  long long changed = 0;
  writeOne([&] {
    for (const char* sql :
         {"UPDATE badge SET status_reason = '' WHERE status_reason <> ''",
          "UPDATE badge_event SET reason = '' WHERE reason <> ''", "UPDATE scan SET note = '' WHERE note <> ''"}) {
      db_->prepare(sql).run();
      changed += db_->changes();
    }
  });
  return changed;
}

std::vector<std::string> SqliteStore::operatorNames() {
  auto& st = db_->prepare(
      "SELECT operator FROM badge_event WHERE operator <> '' UNION SELECT operator FROM scan WHERE operator <> '' "
      "ORDER BY 1");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  st.reset();
  return out;
}

void SqliteStore::renameOperator(const std::string& from, const std::string& to) {
  writeOne([&] {
    for (const char* sql : {"UPDATE badge_event SET operator = ?2 WHERE operator = ?1",
                            "UPDATE scan SET operator = ?2 WHERE operator = ?1"}) {
      auto& st = db_->prepare(sql);
      st.bind(1, from).bind(2, to);
      st.run();
    }
  });
}

void SqliteStore::scrubFreedSpace() {
  // VACUUM rewrites the file without its free pages (where the old values of updated rows may linger);
  // the checkpoint then moves everything into the main file and empties the WAL, old frames included.
  db_->exec("VACUUM");
  db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace moussem
