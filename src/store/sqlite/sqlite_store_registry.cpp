// SQLite side of the registration desk: update and delete exhibitors and people, stream every record
// for lists and the search index, and the exact lookups behind imports and duplicate warnings.
// Prepared statements only; every write in a transaction.
#include <unordered_map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "store/people_order.hpp"
#include "store/sqlite/sqlite_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

namespace {

std::vector<Id> ids(sqlite::Statement& st) {
  std::vector<Id> out;
  while (st.step()) out.push_back(st.integer(0));
  st.reset();
  return out;
}

// Lookups repeat the partial indexes' conditions so SQLite can use them with a bound value.
// External ids are optional: an empty one is stored as NULL so the unique index ignores it.
std::optional<std::string> externalId(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

void SqliteStore::updateExhibitor(const Exhibitor& x) {
  write([&] {
    auto& st = db_->prepare(
        "UPDATE exhibitor SET external_id=?, name_fr=?, name_ar=?, kind=?, sector=?, region=?, city=?, "
        "contact_name=?, phone=?, email=?, registration_no=?, program=?, booth_area_m2=?, wants_corner=?, "
        "needs_power=?, preferred_zone=?, products=?, updated_at=strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id=?");
    st.bind(1, externalId(x.external_id)).bind(2, x.name_fr).bind(3, x.name_ar).bind(4, x.kind).bind(5, x.sector)
        .bind(6, x.region).bind(7, x.city).bind(8, x.contact_name).bind(9, x.phone).bind(10, x.email)
        .bind(11, x.registration_no).bind(12, x.program).bind(13, x.booth_area_m2).bind(14, x.wants_corner)
        .bind(15, x.needs_power).bind(16, x.preferred_zone).bind(17, x.products).bind(18, x.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(x.id)}));
    auto& del = db_->prepare("DELETE FROM exhibitor_competitor WHERE exhibitor_id = ?");
    del.bind(1, x.id);
    del.run();
    for (Id other : x.competitors) {
      auto& c = db_->prepare("INSERT OR IGNORE INTO exhibitor_competitor (exhibitor_id, other_id) VALUES (?, ?)");
      c.bind(1, x.id).bind(2, other);
      c.run();
    }
  });
}

void SqliteStore::deleteExhibitor(Id id) {
  write([&] {
    // Booths and staff point at the exhibitor with ON DELETE SET NULL; competitors cascade.
    auto& st = db_->prepare("DELETE FROM exhibitor WHERE id = ?");
    st.bind(1, id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(id)}));
  });
}

void SqliteStore::updatePerson(const Person& p) {
  write([&] {
    auto& st = db_->prepare(
        "UPDATE person SET external_id=?, first_name=?, last_name=?, name_ar=?, organization=?, position=?, "
        "category=?, country=?, email=?, phone=?, days=?, consent=?, consent_at=?, exhibitor_id=?, name_key=?, "
        "updated_at=strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id=?");
    st.bind(1, externalId(p.external_id)).bind(2, p.first_name).bind(3, p.last_name).bind(4, p.name_ar)
        .bind(5, p.organization).bind(6, p.position).bind(7, p.category).bind(8, p.country).bind(9, p.email)
        .bind(10, p.phone).bind(11, sqlite_rows::joinList(p.days)).bind(12, p.consent).bind(13, p.consent_at)
        .bind(14, p.exhibitor_id).bind(15, names::sortKey(p)).bind(16, p.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(p.id)}));
  });
}

void SqliteStore::deletePerson(Id id) {
  write([&] {
    auto& st = db_->prepare("DELETE FROM person WHERE id = ?");
    st.bind(1, id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(id)}));
  });
}

void SqliteStore::forEachExhibitor(
    const std::function<void(const Exhibitor&, const std::string&, const std::string&)>& fn) {
  // A statement of its own (not the cache): fn may call the store while we iterate.
  sqlite3_stmt* raw = nullptr;
  const std::string sql =
      "SELECT " + std::string(sqlite_rows::kExhibitorColumns) +
      ", (SELECT b.code FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
      "(SELECT b.status FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
      "(SELECT group_concat(other_id) FROM exhibitor_competitor c WHERE c.exhibitor_id = e.id) "
      "FROM exhibitor e ORDER BY e.id";
  int rc = sqlite3_prepare_v2(db_->handle(), sql.c_str(), -1, &raw, nullptr);
  if (rc != SQLITE_OK) db_->fail(rc, "forEachExhibitor");
  sqlite::Statement st(db_->handle(), raw);
  while (st.step()) {
    Exhibitor x = sqlite_rows::readExhibitor(st);
    constexpr int kBooth = sqlite_rows::kExhibitorColumnCount;  // then booth status, then competitors
    for (const auto& c : sqlite_rows::splitList(st.text(kBooth + 2))) x.competitors.push_back(std::stoll(c));
    fn(x, st.text(kBooth), st.text(kBooth + 1));
  }
}

void SqliteStore::forEachPerson(const std::function<void(const Person&, const std::string&)>& fn) {
  sqlite3_stmt* raw = nullptr;
  const std::string sql =
      "SELECT " + std::string(sqlite_rows::kPersonColumns) +
      ", (SELECT b.serial FROM badge b WHERE b.person_id = p.id) FROM person p ORDER BY p.id";
  int rc = sqlite3_prepare_v2(db_->handle(), sql.c_str(), -1, &raw, nullptr);
  if (rc != SQLITE_OK) db_->fail(rc, "forEachPerson");
  sqlite::Statement st(db_->handle(), raw);
  while (st.step()) {
    Person p = sqlite_rows::readPerson(st);
    fn(p, st.text(sqlite_rows::kPersonColumnCount));
  }
}

std::vector<Id> SqliteStore::orderedPersonIds(const PeopleQuery& query) {
  const PeopleQuerySql q = orderedPersonIdsSql(query);
  auto& st = db_->prepare(q.sql);
  for (std::size_t i = 0; i < q.params.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    if (const auto* text = std::get_if<std::string>(&q.params[i])) st.bind(n, *text);
    else st.bind(n, std::get<std::int64_t>(q.params[i]));
  }
  return ids(st);
}

std::vector<PersonRow> SqliteStore::personRows(const std::vector<Id>& wanted) {
  // One statement for any number of ids: they travel as one JSON array, read by json_each.
  std::string list = "[";
  for (Id id : wanted) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  list += "]";
  auto& st = db_->prepare(std::string("SELECT ") + sqlite_rows::kPersonColumns +
                          ", coalesce((SELECT e.name_fr FROM exhibitor e WHERE e.id = p.exhibitor_id), ''), "
                          "coalesce((SELECT b.serial FROM badge b WHERE b.person_id = p.id), '') FROM person p "
                          "WHERE p.id IN (SELECT value FROM json_each(?1))");
  st.bind(1, list);
  std::unordered_map<Id, PersonRow> found;
  while (st.step()) {
    PersonRow row{sqlite_rows::readPerson(st), st.text(sqlite_rows::kPersonColumnCount),
                  st.text(sqlite_rows::kPersonColumnCount + 1)};
    found.emplace(row.person.id, std::move(row));
  }
  st.reset();
  std::vector<PersonRow> out;
  out.reserve(wanted.size());
  for (Id id : wanted)
    if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
  return out;
}

std::optional<Id> SqliteStore::exhibitorByExternalId(const std::string& external_id) {
  auto& st = db_->prepare("SELECT id FROM exhibitor WHERE external_id = ?1 AND external_id IS NOT NULL AND external_id <> ''");
  st.bind(1, external_id);
  std::optional<Id> out;
  if (!external_id.empty() && st.step()) out = st.integer(0);
  st.reset();
  return out;
}

std::vector<Id> SqliteStore::exhibitorsWithEmail(const std::string& email) {
  auto& st = db_->prepare("SELECT id FROM exhibitor WHERE email = ? AND email <> '' ORDER BY id");
  st.bind(1, email);
  return ids(st);
}

std::vector<Id> SqliteStore::exhibitorsWithPhone(const std::string& phone) {
  auto& st = db_->prepare("SELECT id FROM exhibitor WHERE phone = ? AND phone <> '' ORDER BY id");
  st.bind(1, phone);
  return ids(st);
}

std::vector<Id> SqliteStore::exhibitorsNamed(const std::string& name) {
  auto& st = db_->prepare(
      "SELECT id FROM exhibitor WHERE ?1 <> '' AND (name_fr = ?1 COLLATE NOCASE OR name_ar = ?1) ORDER BY id");
  st.bind(1, name);
  return ids(st);
}

std::optional<Id> SqliteStore::personByExternalId(const std::string& external_id) {
  auto& st = db_->prepare("SELECT id FROM person WHERE external_id = ?1 AND external_id IS NOT NULL AND external_id <> ''");
  st.bind(1, external_id);
  std::optional<Id> out;
  if (!external_id.empty() && st.step()) out = st.integer(0);
  st.reset();
  return out;
}

std::vector<Id> SqliteStore::peopleWithEmail(const std::string& email) {
  auto& st = db_->prepare("SELECT id FROM person WHERE email = ? AND email <> '' ORDER BY id");
  st.bind(1, email);
  return ids(st);
}

std::vector<Id> SqliteStore::peopleWithPhone(const std::string& phone) {
  auto& st = db_->prepare("SELECT id FROM person WHERE phone = ? AND phone <> '' ORDER BY id");
  st.bind(1, phone);
  return ids(st);
}

}  // namespace moussem
