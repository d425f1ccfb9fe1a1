// The registration desk on either database: exhibitors and people written, read, updated and deleted,
// every record streamed for lists and the search index, and the exact lookups behind imports and
// duplicate warnings.
#include <unordered_map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "store/people_order.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

using sql_rows::joinList;

namespace {

// External ids are optional: an empty one is stored as NULL so the unique index ignores it.
std::optional<std::string> externalId(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// Records streamed a page at a time in id order (keyset): fn may call the store between rows.
constexpr int kPage = 5000;

}  // namespace

Id SqlStore::insertExhibitor(Exhibitor& x) {
  write([&] {
    auto st = db().query(
        "INSERT INTO exhibitor (external_id, name_fr, name_ar, kind, sector, region, city, contact_name, phone, "
        "email, registration_no, program, booth_area_m2, wants_corner, needs_power, preferred_zone, products) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id");
    st.with(x.external_id, x.name_fr, x.name_ar, x.kind, x.sector, x.region, x.city, x.contact_name, x.phone, x.email,
            x.registration_no, x.program, x.booth_area_m2, x.wants_corner, x.needs_power, x.preferred_zone, x.products);
    st.step();
    x.id = st.integer(0);
    for (Id other : x.competitors)
      if (other != x.id)  // an exhibitor is not its own competitor (the table's CHECK)
        db().query("INSERT INTO exhibitor_competitor (exhibitor_id, other_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .with(x.id, other)
            .run();
  });
  return x.id;
}

Id SqlStore::insertPerson(Person& p) {
  writeOne([&] {
    auto st = db().query(
        "INSERT INTO person (external_id, first_name, last_name, name_ar, organization, position, category, country, "
        "email, phone, days, consent, consent_at, exhibitor_id, name_key) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id");
    st.with(p.external_id, p.first_name, p.last_name, p.name_ar, p.organization, p.position, p.category, p.country,
            p.email, p.phone, joinList(p.days), p.consent, p.consent_at, p.exhibitor_id, names::sortKey(p));
    st.step();
    p.id = st.integer(0);
  });
  return p.id;
}

std::optional<Person> SqlStore::person(Id id) {
  auto st = db().query(std::string("SELECT ") + sql_rows::kPersonColumns + " FROM " + people() + " WHERE id = $1");
  st.with(id);
  if (!st.step()) return std::nullopt;
  return sql_rows::readPerson(st.row());
}

std::optional<Exhibitor> SqlStore::exhibitor(Id id) {
  std::optional<Exhibitor> out;
  {
    auto st = db().query(std::string("SELECT ") + sql_rows::kExhibitorColumns + " FROM exhibitor WHERE id = $1");
    st.with(id);
    if (!st.step()) return std::nullopt;
    out = sql_rows::readExhibitor(st.row());
  }
  out->competitors =
      ids(db().query("SELECT other_id FROM exhibitor_competitor WHERE exhibitor_id = $1 ORDER BY other_id").with(id));
  return out;
}

std::vector<Id> SqlStore::personIds(const std::string& category) {
  return ids(db().query("SELECT id FROM " + people() + " WHERE ($1 = '' OR category = $1) ORDER BY id").with(category));
}

void SqlStore::updateExhibitor(const Exhibitor& x) {
  write([&] {
    db().query(
            "UPDATE exhibitor SET external_id=$1, name_fr=$2, name_ar=$3, kind=$4, sector=$5, region=$6, city=$7, "
            "contact_name=$8, phone=$9, email=$10, registration_no=$11, program=$12, booth_area_m2=$13, "
            "wants_corner=$14, needs_power=$15, preferred_zone=$16, products=$17, updated_at=" +
            now() + " WHERE id=$18")
        .with(externalId(x.external_id), x.name_fr, x.name_ar, x.kind, x.sector, x.region, x.city, x.contact_name,
              x.phone, x.email, x.registration_no, x.program, x.booth_area_m2, x.wants_corner, x.needs_power,
              x.preferred_zone, x.products, x.id)
        .run();
    if (db().changes() != 1)
      throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(x.id)}));
    db().query("DELETE FROM exhibitor_competitor WHERE exhibitor_id = $1").with(x.id).run();
    for (Id other : x.competitors)
      if (other != x.id)  // an exhibitor is not its own competitor (the table's CHECK)
        db().query("INSERT INTO exhibitor_competitor (exhibitor_id, other_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .with(x.id, other)
            .run();
  });
}

void SqlStore::deleteExhibitor(Id id) {
  writeOne([&] {
    // Booths and staff point at the exhibitor with ON DELETE SET NULL; competitors cascade.
    db().query("DELETE FROM exhibitor WHERE id = $1").with(id).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(id)}));
  });
}

void SqlStore::updatePerson(const Person& p) {
  writeOne([&] {
    db().query(
            "UPDATE person SET external_id=$1, first_name=$2, last_name=$3, name_ar=$4, organization=$5, "
            "position=$6, category=$7, country=$8, email=$9, phone=$10, days=$11, consent=$12, consent_at=$13, "
            "exhibitor_id=$14, name_key=$15, updated_at=" +
            now() + " WHERE id=$16")
        .with(externalId(p.external_id), p.first_name, p.last_name, p.name_ar, p.organization, p.position, p.category,
              p.country, p.email, p.phone, joinList(p.days), p.consent, p.consent_at, p.exhibitor_id, names::sortKey(p),
              p.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(p.id)}));
  });
}

void SqlStore::deletePerson(Id id) {
  writeOne([&] {
    db().query("DELETE FROM person WHERE id = $1").with(id).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(id)}));
  });
}

void SqlStore::forEachExhibitor(
    const std::function<void(const Exhibitor&, const std::string&, const std::string&)>& fn) {
  struct Row {
    Exhibitor x;
    std::string booth, status;
  };
  const std::string sql = std::string("SELECT ") + sql_rows::kExhibitorColumns +
                          ", (SELECT b.code FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
                          "(SELECT b.status FROM booth b WHERE b.exhibitor_id = e.id ORDER BY b.code LIMIT 1), "
                          "(SELECT " +
                          joined("other_id") +
                          " FROM exhibitor_competitor c WHERE c.exhibitor_id = e.id) "
                          "FROM exhibitor e WHERE e.id > $1 ORDER BY e.id LIMIT $2";
  constexpr int kBooth = sql_rows::kExhibitorColumnCount;  // then booth status, then competitors
  Id after = 0;
  for (;;) {
    std::vector<Row> page;
    {
      auto st = db().query(sql);
      st.with(after, kPage);
      while (st.step()) {
        Row row{sql_rows::readExhibitor(st.row()), st.text(kBooth), st.text(kBooth + 1)};
        for (const auto& c : sql_rows::splitList(st.text(kBooth + 2))) row.x.competitors.push_back(std::stoll(c));
        page.push_back(std::move(row));
      }
    }
    for (const auto& row : page) fn(row.x, row.booth, row.status);
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().x.id;
  }
}

void SqlStore::forEachPerson(const std::function<void(const Person&, const std::string&)>& fn) {
  const std::string sql = std::string("SELECT ") + sql_rows::kPersonColumns +
                          ", (SELECT b.serial FROM badge b WHERE b.person_id = p.id) FROM person p WHERE p.id > $1 "
                          "ORDER BY p.id LIMIT $2";
  Id after = 0;
  for (;;) {
    std::vector<std::pair<Person, std::string>> page;
    {
      auto st = db().query(sql);
      st.with(after, kPage);
      while (st.step()) page.emplace_back(sql_rows::readPerson(st.row()), st.text(sql_rows::kPersonColumnCount));
    }
    for (const auto& [p, serial] : page) fn(p, serial);
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().first.id;
  }
}

std::vector<Id> SqlStore::orderedPersonIds(const PeopleQuery& query) {
  const PeopleQuerySql q = orderedPersonIdsSql(query);
  auto st = db().query(q.sql);
  for (std::size_t i = 0; i < q.params.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    if (const auto* text = std::get_if<std::string>(&q.params[i]))
      st.bind(n, *text);
    else
      st.bind(n, std::get<std::int64_t>(q.params[i]));
  }
  return ids(std::move(st));
}

std::vector<PersonRow> SqlStore::personRows(const std::vector<Id>& wanted) {
  auto st = db().query(std::string("SELECT ") + sql_rows::kPersonColumns +
                       ", coalesce((SELECT e.name_fr FROM exhibitor e WHERE e.id = p.exhibitor_id), ''), "
                       "coalesce((SELECT b.serial FROM badge b WHERE b.person_id = p.id), '') FROM person p "
                       "WHERE p.id " +
                       anyId(1));
  st.with(idList(wanted));
  std::unordered_map<Id, PersonRow> found;
  while (st.step()) {
    PersonRow row{sql_rows::readPerson(st.row()), st.text(sql_rows::kPersonColumnCount),
                  st.text(sql_rows::kPersonColumnCount + 1)};
    found.emplace(row.person.id, std::move(row));
  }
  std::vector<PersonRow> out;
  out.reserve(wanted.size());
  for (Id id : wanted)
    if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
  return out;
}

// Lookups repeat the partial indexes' conditions so the database can use them with a bound value.
std::optional<Id> SqlStore::exhibitorByExternalId(const std::string& external_id) {
  if (external_id.empty()) return std::nullopt;
  auto found = ids(
      db().query("SELECT id FROM exhibitor WHERE external_id = $1 AND external_id IS NOT NULL AND external_id <> ''")
          .with(external_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Id> SqlStore::exhibitorsWithEmail(const std::string& email) {
  return ids(db().query("SELECT id FROM exhibitor WHERE email = $1 AND email <> '' ORDER BY id").with(email));
}

std::vector<Id> SqlStore::exhibitorsWithPhone(const std::string& phone) {
  return ids(db().query("SELECT id FROM exhibitor WHERE phone = $1 AND phone <> '' ORDER BY id").with(phone));
}

std::vector<Id> SqlStore::exhibitorsNamed(const std::string& name) {
  // lower() folds ASCII letters only in SQLite, as its NOCASE does; PostgreSQL's folds more.
  return ids(
      db().query("SELECT id FROM exhibitor WHERE $1 <> '' AND (lower(name_fr) = lower($1) OR name_ar = $1) ORDER BY id")
          .with(name));
}

std::optional<Id> SqlStore::personByExternalId(const std::string& external_id) {
  if (external_id.empty()) return std::nullopt;
  auto found =
      ids(db().query("SELECT id FROM person WHERE external_id = $1 AND external_id IS NOT NULL AND external_id <> ''")
              .with(external_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Id> SqlStore::peopleWithEmail(const std::string& email) {
  return ids(db().query("SELECT id FROM person WHERE email = $1 AND email <> '' ORDER BY id").with(email));
}

std::vector<Id> SqlStore::peopleWithPhone(const std::string& phone) {
  return ids(db().query("SELECT id FROM person WHERE phone = $1 AND phone <> '' ORDER BY id").with(phone));
}

}  // namespace moussem
