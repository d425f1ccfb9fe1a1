// PostgreSQL side of the registration desk: update and delete exhibitors and people, stream every
// record for lists and the search index, and the exact lookups behind imports and duplicate warnings.
#include <unordered_map>

#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "store/people_order.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_rows.hpp"

namespace moussem {

namespace {
// External ids are optional: an empty one is stored as NULL so the unique index ignores it.
std::optional<std::string> externalId(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
constexpr int kPage = 5000;
}  // namespace

void PgStore::updateExhibitor(const Exhibitor& x) {
  write([&] {
    auto r = q("UPDATE exhibitor SET external_id=$1, name_fr=$2, name_ar=$3, kind=$4, sector=$5, region=$6, city=$7, "
               "contact_name=$8, phone=$9, email=$10, registration_no=$11, program=$12, booth_area_m2=$13, "
               "wants_corner=$14, needs_power=$15, preferred_zone=$16, products=$17, updated_at=moussem_now() "
               "WHERE id=$18",
               pg::Params().add(externalId(x.external_id)).add(x.name_fr).add(x.name_ar).add(x.kind).add(x.sector)
                   .add(x.region).add(x.city).add(x.contact_name).add(x.phone).add(x.email).add(x.registration_no)
                   .add(x.program).add(x.booth_area_m2).add(x.wants_corner).add(x.needs_power).add(x.preferred_zone)
                   .add(x.products).add(x.id));
    if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(x.id)}));
    q("DELETE FROM exhibitor_competitor WHERE exhibitor_id = $1", pg::Params().add(x.id));
    for (Id other : x.competitors)
      q("INSERT INTO exhibitor_competitor (exhibitor_id, other_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        pg::Params().add(x.id).add(other));
  });
}

void PgStore::deleteExhibitor(Id id) {
  auto r = q("DELETE FROM exhibitor WHERE id = $1", pg::Params().add(id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(id)}));
}

void PgStore::updatePerson(const Person& p) {
  auto r = q("UPDATE person SET external_id=$1, first_name=$2, last_name=$3, name_ar=$4, organization=$5, position=$6, "
             "category=$7, country=$8, email=$9, phone=$10, days=$11, consent=$12, consent_at=$13, exhibitor_id=$14, "
             "name_key=$15, updated_at=moussem_now() WHERE id=$16",
             pg::Params().add(externalId(p.external_id)).add(p.first_name).add(p.last_name).add(p.name_ar)
                 .add(p.organization).add(p.position).add(p.category).add(p.country).add(p.email).add(p.phone)
                 .add(sqlite_rows::joinList(p.days)).add(p.consent).add(p.consent_at).add(p.exhibitor_id)
                 .add(names::sortKey(p)).add(p.id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(p.id)}));
}

void PgStore::deletePerson(Id id) {
  auto r = q("DELETE FROM person WHERE id = $1", pg::Params().add(id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(id)}));
}

void PgStore::forEachExhibitor(
    const std::function<void(const Exhibitor&, const std::string&, const std::string&)>& fn) {
  // Pages in id order (keyset): fn may call the store between pages and within them.
  Id after = 0;
  for (;;) {
    auto r = q(std::string("SELECT ") + pg_rows::kExhibitorColumns +
                   ", (SELECT b.code FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
                   "(SELECT b.status FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
                   "(SELECT string_agg(other_id::text, ',') FROM exhibitor_competitor c WHERE c.exhibitor_id = e.id) "
                   "FROM exhibitor e WHERE e.id > $1 ORDER BY e.id LIMIT $2",
               pg::Params().add(after).add(kPage));
    constexpr int kBooth = pg_rows::kExhibitorColumnCount;
    for (int i = 0; i < r.rows(); ++i) {
      Exhibitor x = pg_rows::readExhibitor(r, i);
      for (const auto& c : sqlite_rows::splitList(r.text(i, kBooth + 2))) x.competitors.push_back(std::stoll(c));
      fn(x, r.text(i, kBooth), r.text(i, kBooth + 1));
    }
    if (r.rows() < kPage) break;
    after = r.integer(r.rows() - 1, 0);
  }
}

void PgStore::forEachPerson(const std::function<void(const Person&, const std::string&)>& fn) {
  Id after = 0;
  for (;;) {
    auto r = q(std::string("SELECT ") + pg_rows::kPersonColumns +
                   ", (SELECT b.serial FROM badge b WHERE b.person_id = p.id) FROM person p WHERE p.id > $1 "
                   "ORDER BY p.id LIMIT $2",
               pg::Params().add(after).add(kPage));
    for (int i = 0; i < r.rows(); ++i) fn(pg_rows::readPerson(r, i), r.text(i, pg_rows::kPersonColumnCount));
    if (r.rows() < kPage) break;
    after = r.integer(r.rows() - 1, 0);
  }
}

std::vector<Id> PgStore::orderedPersonIds(const PeopleQuery& query) {
  const PeopleQuerySql sql = orderedPersonIdsSql(query);
  pg::Params params;
  for (const auto& v : sql.params) {
    if (const auto* text = std::get_if<std::string>(&v)) params.add(*text);
    else params.add(std::get<std::int64_t>(v));
  }
  return ids(sql.sql, params);
}

std::vector<PersonRow> PgStore::personRows(const std::vector<Id>& wanted) {
  // One statement for any number of ids: they travel as one array parameter.
  std::string list = "{";
  for (Id id : wanted) list += (list.size() > 1 ? "," : "") + std::to_string(id);
  list += "}";
  auto r = q(std::string("SELECT ") + pg_rows::kPersonColumns +
                 ", coalesce((SELECT e.name_fr FROM exhibitor e WHERE e.id = p.exhibitor_id), ''), "
                 "coalesce((SELECT b.serial FROM badge b WHERE b.person_id = p.id), '') FROM person p "
                 "WHERE p.id = ANY($1::bigint[])",
             pg::Params().add(list));
  std::unordered_map<Id, PersonRow> found;
  for (int i = 0; i < r.rows(); ++i) {
    PersonRow row{pg_rows::readPerson(r, i), r.text(i, pg_rows::kPersonColumnCount),
                  r.text(i, pg_rows::kPersonColumnCount + 1)};
    found.emplace(row.person.id, std::move(row));
  }
  std::vector<PersonRow> out;
  out.reserve(wanted.size());
  for (Id id : wanted)
    if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
  return out;
}

std::optional<Id> PgStore::exhibitorByExternalId(const std::string& external_id) {
  if (external_id.empty()) return std::nullopt;
  auto r = ids("SELECT id FROM exhibitor WHERE external_id = $1 AND external_id IS NOT NULL AND external_id <> ''",
               pg::Params().add(external_id));
  if (r.empty()) return std::nullopt;
  return r.front();
}

std::vector<Id> PgStore::exhibitorsWithEmail(const std::string& email) {
  return ids("SELECT id FROM exhibitor WHERE email = $1 AND email <> '' ORDER BY id", pg::Params().add(email));
}

std::vector<Id> PgStore::exhibitorsWithPhone(const std::string& phone) {
  return ids("SELECT id FROM exhibitor WHERE phone = $1 AND phone <> '' ORDER BY id", pg::Params().add(phone));
}

std::vector<Id> PgStore::exhibitorsNamed(const std::string& name) {
  // SQLite's NOCASE folds ASCII letters only; lower() on both sides is the nearest match here.
  return ids("SELECT id FROM exhibitor WHERE $1 <> '' AND (lower(name_fr) = lower($1) OR name_ar = $1) ORDER BY id",
             pg::Params().add(name));
}

std::optional<Id> PgStore::personByExternalId(const std::string& external_id) {
  if (external_id.empty()) return std::nullopt;
  auto r = ids("SELECT id FROM person WHERE external_id = $1 AND external_id IS NOT NULL AND external_id <> ''",
               pg::Params().add(external_id));
  if (r.empty()) return std::nullopt;
  return r.front();
}

std::vector<Id> PgStore::peopleWithEmail(const std::string& email) {
  return ids("SELECT id FROM person WHERE email = $1 AND email <> '' ORDER BY id", pg::Params().add(email));
}

std::vector<Id> PgStore::peopleWithPhone(const std::string& phone) {
  return ids("SELECT id FROM person WHERE phone = $1 AND phone <> '' ORDER BY id", pg::Params().add(phone));
}

}  // namespace moussem
