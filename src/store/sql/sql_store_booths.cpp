// The venue plan and the booths on either database: halls (with outline, zone and wanted sectors),
// aisles and entrances, booths, and the per-exhibitor booth requests. Only rows in and out: validation
// of a venue file and the allocation rules live in src/booth.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

using sql_rows::joinList;
using sql_rows::outlineText;
using sql_rows::parseOutline;
using sql_rows::splitList;

namespace {
Id returnedId(sql::Query st) {
  st.step();
  return st.integer(0);
}
}  // namespace

Id SqlStore::insertHall(Hall& h) {
  writeOne([&] {
    h.id = returnedId(db().query("INSERT INTO hall (code, name, x, y, width, height, name_ar, zone, outline, sectors) "
                                 "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id")
                          .with(h.code, h.name, h.x, h.y, h.width, h.height, h.name_ar, h.zone, outlineText(h.outline),
                                joinList(h.sectors)));
  });
  return h.id;
}

Id SqlStore::insertBooth(Booth& b) {
  writeOne([&] {
    b.id = returnedId(
        db().query("INSERT INTO booth (code, hall, x, y, width, depth, type, power, status, exhibitor_id, "
                   "locked) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id")
            .with(b.code, b.hall, b.x, b.y, b.width, b.depth, b.type, b.power, b.status, b.exhibitor_id, b.locked));
  });
  return b.id;
}

Id SqlStore::insertVenueFeature(VenueFeature& f) {
  writeOne([&] {
    f.id = returnedId(
        db().query("INSERT INTO venue_feature (kind, code, hall, x, y, width, height, label, main, "
                   "label_ar, label_en) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id")
            .with(f.kind, f.code, f.hall, f.x, f.y, f.width, f.height, f.label, f.main, f.label_ar, f.label_en));
  });
  return f.id;
}

std::vector<Hall> SqlStore::halls() {
  auto st =
      db().query("SELECT id, code, name, x, y, width, height, name_ar, zone, outline, sectors FROM hall ORDER BY code");
  std::vector<Hall> out;
  while (st.step()) {
    Hall h;
    h.id = st.integer(0);
    h.code = st.text(1);
    h.name = st.text(2);
    h.x = st.real(3);
    h.y = st.real(4);
    h.width = st.real(5);
    h.height = st.real(6);
    h.name_ar = st.text(7);
    h.zone = st.text(8);
    h.outline = parseOutline(st.text(9));
    h.sectors = splitList(st.text(10));
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<VenueFeature> SqlStore::venueFeatures() {
  auto st = db().query(
      "SELECT id, kind, code, hall, x, y, width, height, label, main, label_ar, label_en FROM venue_feature ORDER BY "
      "code");
  std::vector<VenueFeature> out;
  while (st.step()) {
    VenueFeature f;
    f.id = st.integer(0);
    f.kind = sql_rows::readCode<VenueFeatureKind>(st.text(1), "venue_feature", "kind", f.id);
    f.code = st.text(2);
    f.hall = st.text(3);
    f.x = st.real(4);
    f.y = st.real(5);
    f.width = st.real(6);
    f.height = st.real(7);
    f.label = st.text(8);
    f.main = st.integer(9) != 0;
    f.label_ar = st.text(10);
    f.label_en = st.text(11);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Booth> SqlStore::booths() {
  auto st = db().query(std::string(sql_rows::kBoothSelect) + "ORDER BY code");
  std::vector<Booth> out;
  while (st.step()) out.push_back(sql_rows::readBooth(st.row()));
  return out;
}

std::optional<Booth> SqlStore::booth(Id id) {
  auto st = db().query(std::string(sql_rows::kBoothSelect) + "WHERE id = $1");
  st.with(id);
  if (!st.step()) return std::nullopt;
  return sql_rows::readBooth(st.row());
}

void SqlStore::updateBooth(const Booth& b) {
  writeOne([&] {
    db().query(
            "UPDATE booth SET code=$1, hall=$2, x=$3, y=$4, width=$5, depth=$6, type=$7, power=$8, status=$9, "
            "exhibitor_id=$10, locked=$11 WHERE id=$12")
        .with(b.code, b.hall, b.x, b.y, b.width, b.depth, b.type, b.power, b.status, b.exhibitor_id, b.locked, b.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {b.code}));
  });
}

void SqlStore::deleteBooth(Id id) {
  writeOne([&] {
    db().query("DELETE FROM booth WHERE id=$1").with(id).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {std::to_string(id)}));
  });
}

void SqlStore::updateHall(const Hall& h) {
  writeOne([&] {
    db().query(
            "UPDATE hall SET code=$1, name=$2, x=$3, y=$4, width=$5, height=$6, name_ar=$7, zone=$8, outline=$9, "
            "sectors=$10 WHERE id=$11")
        .with(h.code, h.name, h.x, h.y, h.width, h.height, h.name_ar, h.zone, outlineText(h.outline),
              joinList(h.sectors), h.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {h.code}));
  });
}

void SqlStore::deleteHall(Id id) {
  writeOne([&] {
    db().query("DELETE FROM hall WHERE id=$1").with(id).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
  });
}

void SqlStore::updateVenueFeature(const VenueFeature& f) {
  writeOne([&] {
    db().query(
            "UPDATE venue_feature SET kind=$1, code=$2, hall=$3, x=$4, y=$5, width=$6, height=$7, label=$8, "
            "main=$9, label_ar=$10, label_en=$11 WHERE id=$12")
        .with(f.kind, f.code, f.hall, f.x, f.y, f.width, f.height, f.label, f.main, f.label_ar, f.label_en, f.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {f.code}));
  });
}

void SqlStore::deleteVenueFeature(Id id) {
  writeOne([&] {
    db().query("DELETE FROM venue_feature WHERE id=$1").with(id).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
  });
}

void SqlStore::clearVenue() {
  write([&] {
    db().query("DELETE FROM booth").run();
    db().query("DELETE FROM venue_feature").run();
    db().query("DELETE FROM hall").run();
  });
}

std::vector<BoothRequest> SqlStore::boothRequests() {
  auto st = db().query(
      "SELECT exhibitor_id, preferred_hall, booth_types, seniority, extra_points FROM booth_request "
      "ORDER BY exhibitor_id");
  std::vector<BoothRequest> out;
  while (st.step())
    out.push_back({st.integer(0), st.text(1), splitList(st.text(2)), static_cast<int>(st.integer(3)),
                   static_cast<int>(st.integer(4))});
  return out;
}

void SqlStore::saveBoothRequest(const BoothRequest& r) {
  writeOne([&] {
    db().query(
            "INSERT INTO booth_request (exhibitor_id, preferred_hall, booth_types, seniority, extra_points) "
            "VALUES ($1,$2,$3,$4,$5) ON CONFLICT (exhibitor_id) DO UPDATE SET preferred_hall=excluded.preferred_hall, "
            "booth_types=excluded.booth_types, seniority=excluded.seniority, extra_points=excluded.extra_points")
        .with(r.exhibitor_id, r.preferred_hall, joinList(r.booth_types), r.seniority, r.extra_points)
        .run();
  });
}

}  // namespace moussem
