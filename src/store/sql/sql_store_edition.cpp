// The edition and its configuration on either database: the edition's record, categories, zones and
// settings, and the overview's counts.
#include "store/sql/sql_store.hpp"

namespace moussem {

std::optional<Edition> SqlStore::edition() {
  auto st = db().query(
      "SELECT id, uid, name_fr, name_ar, name_en, starts_on, ends_on, venue, timezone, logo_path, public_key, is_demo "
      "FROM edition ORDER BY id LIMIT 1");
  if (!st.step()) return std::nullopt;
  Edition e;
  e.id = st.integer(0);
  e.uid = st.text(1);
  e.name_fr = st.text(2);
  e.name_ar = st.text(3);
  e.name_en = st.text(4);
  e.starts_on = st.text(5);
  e.ends_on = st.text(6);
  e.venue = st.text(7);
  e.timezone = st.text(8);
  e.logo_path = st.text(9);
  e.public_key = st.text(10);
  e.is_demo = st.integer(11) != 0;
  return e;
}

void SqlStore::saveEdition(Edition& e) {
  writeOne([&] {
    if (e.id == 0) {
      auto st = db().query(
          "INSERT INTO edition (uid, name_fr, name_ar, name_en, starts_on, ends_on, venue, timezone, logo_path, "
          "public_key, is_demo) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id");
      st.with(e.uid, e.name_fr, e.name_ar, e.name_en, e.starts_on, e.ends_on, e.venue, e.timezone, e.logo_path,
              e.public_key, e.is_demo);
      st.step();
      e.id = st.integer(0);
    } else {
      db().query(
              "UPDATE edition SET uid=$1, name_fr=$2, name_ar=$3, name_en=$4, starts_on=$5, ends_on=$6, venue=$7, "
              "timezone=$8, logo_path=$9, public_key=$10, is_demo=$11 WHERE id=$12")
          .with(e.uid, e.name_fr, e.name_ar, e.name_en, e.starts_on, e.ends_on, e.venue, e.timezone, e.logo_path,
                e.public_key, e.is_demo, e.id)
          .run();
    }
  });
}

std::vector<Category> SqlStore::categories() {
  auto st = db().query("SELECT code, color, label_fr, label_ar, label_en, sort FROM category ORDER BY sort, code");
  std::vector<Category> out;
  while (st.step())
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), static_cast<int>(st.integer(5))});
  return out;
}

void SqlStore::saveCategory(const Category& c) {
  writeOne([&] {
    db().query(
            "INSERT INTO category (code, color, label_fr, label_ar, label_en, sort) VALUES ($1,$2,$3,$4,$5,$6) "
            "ON CONFLICT (code) DO UPDATE SET color=excluded.color, label_fr=excluded.label_fr, "
            "label_ar=excluded.label_ar, label_en=excluded.label_en, sort=excluded.sort")
        .with(c.code, c.color, c.label_fr, c.label_ar, c.label_en, c.sort)
        .run();
  });
}

std::vector<Zone> SqlStore::zones() {
  auto st = db().query("SELECT code, label_fr, label_ar, label_en FROM zone ORDER BY " + writtenOrder());
  std::vector<Zone> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
  return out;
}

void SqlStore::saveZone(const Zone& z) {
  writeOne([&] {
    db().query(
            "INSERT INTO zone (code, label_fr, label_ar, label_en) VALUES ($1,$2,$3,$4) ON CONFLICT (code) "
            "DO UPDATE SET label_fr=excluded.label_fr, label_ar=excluded.label_ar, label_en=excluded.label_en")
        .with(z.code, z.label_fr, z.label_ar, z.label_en)
        .run();
  });
}

std::optional<std::string> SqlStore::setting(const std::string& key) {
  auto st = db().query("SELECT value FROM setting WHERE key = $1");
  st.with(key);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

void SqlStore::setSetting(const std::string& key, const std::string& value) {
  writeOne([&] {
    db().query("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value=excluded.value")
        .with(key, value)
        .run();
  });
}

Overview SqlStore::overview() {
  Overview o;
  o.exhibitors = count("SELECT count(*) FROM exhibitor");
  o.people = count("SELECT count(*) FROM person");
  o.badges = count("SELECT count(*) FROM badge");
  o.booths = count("SELECT count(*) FROM booth");
  o.booths_assigned = count("SELECT count(*) FROM booth WHERE exhibitor_id IS NOT NULL");
  o.halls = count("SELECT count(*) FROM hall");
  o.gate_profiles = count("SELECT count(*) FROM gate_profile");
  o.scans = count("SELECT count(*) FROM scan");
  {
    auto st = db().query(
        "SELECT c.code, (SELECT count(*) FROM person p WHERE p.category = c.code) FROM category c "
        "ORDER BY c.sort, c.code");
    while (st.step()) o.people_by_category.push_back({st.text(0), st.integer(1)});
  }
  auto grouped = [&](const std::string& column, std::vector<CategoryCount>& into) {
    auto st = db().query("SELECT " + column + ", count(*) FROM exhibitor GROUP BY " + column + " ORDER BY 2 DESC, 1");
    while (st.step()) into.push_back({st.text(0), st.integer(1)});
  };
  grouped("region", o.exhibitors_by_region);
  grouped("sector", o.exhibitors_by_sector);
  return o;
}

}  // namespace moussem
