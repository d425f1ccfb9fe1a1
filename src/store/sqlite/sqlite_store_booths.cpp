// SQLite side of the venue plan and the booths: halls (with outline, zone and wanted sectors), aisles
// and entrances, booths, and the per-exhibitor booth requests. Only rows in and out: validation of a
// venue file and the allocation rules live in src/booth.
#include <string>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

namespace {

constexpr const char* kBoothColumns =
    "SELECT id, code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked FROM booth ";

}  // namespace

Id SqliteStore::insertHall(Hall& h) {
  writeOne([&] {
    auto& st = db_->prepare(
        "INSERT INTO hall (code, name, x, y, width, height, name_ar, zone, outline, sectors) "
        "VALUES (?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, h.code).bind(2, h.name).bind(3, h.x).bind(4, h.y).bind(5, h.width).bind(6, h.height)
        .bind(7, h.name_ar).bind(8, h.zone).bind(9, sql_rows::outlineText(h.outline)).bind(10, sql_rows::joinList(h.sectors));
    st.run();
    h.id = db_->lastInsertId();
  });
  return h.id;
}

Id SqliteStore::insertBooth(Booth& b) {
  writeOne([&] {
    auto& st = db_->prepare(
        "INSERT INTO booth (code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, b.code).bind(2, b.hall).bind(3, b.x).bind(4, b.y).bind(5, b.width).bind(6, b.depth).bind(7, b.type)
        .bind(8, b.power).bind(9, b.status).bind(10, b.exhibitor_id).bind(11, b.locked);
    st.run();
    b.id = db_->lastInsertId();
  });
  return b.id;
}

Id SqliteStore::insertVenueFeature(VenueFeature& f) {
  writeOne([&] {
    auto& st = db_->prepare(
        "INSERT INTO venue_feature (kind, code, hall, x, y, width, height, label, main, label_ar, label_en) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, f.kind).bind(2, f.code).bind(3, f.hall).bind(4, f.x).bind(5, f.y).bind(6, f.width).bind(7, f.height)
        .bind(8, f.label).bind(9, f.main).bind(10, f.label_ar).bind(11, f.label_en);
    st.run();
    f.id = db_->lastInsertId();
  });
  return f.id;
}

std::vector<Hall> SqliteStore::halls() {
  auto& st = db_->prepare(
      "SELECT id, code, name, x, y, width, height, name_ar, zone, outline, sectors FROM hall ORDER BY code");
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
    h.outline = sql_rows::parseOutline(st.text(9));
    h.sectors = sql_rows::splitList(st.text(10));
    out.push_back(std::move(h));
  }
  st.reset();
  return out;
}

std::vector<VenueFeature> SqliteStore::venueFeatures() {
  auto& st = db_->prepare(
      "SELECT id, kind, code, hall, x, y, width, height, label, main, label_ar, label_en FROM venue_feature ORDER BY code");
  std::vector<VenueFeature> out;
  while (st.step()) {
    VenueFeature f;
    f.id = st.integer(0);
    f.kind = st.text(1);
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
  st.reset();
  return out;
}

namespace {
Booth readBooth(const sqlite::Statement& st) {
  Booth b;
  b.id = st.integer(0);
  b.code = st.text(1);
  b.hall = st.text(2);
  b.x = st.real(3);
  b.y = st.real(4);
  b.width = st.real(5);
  b.depth = st.real(6);
  b.type = st.text(7);
  b.power = st.integer(8) != 0;
  b.status = st.text(9);
  if (!st.isNull(10)) b.exhibitor_id = st.integer(10);
  b.locked = st.integer(11) != 0;
  return b;
}
}  // namespace

std::vector<Booth> SqliteStore::booths() {
  auto& st = db_->prepare(std::string(kBoothColumns) + "ORDER BY code");
  std::vector<Booth> out;
  while (st.step()) out.push_back(readBooth(st));
  st.reset();
  return out;
}

std::optional<Booth> SqliteStore::booth(Id id) {
  auto& st = db_->prepare(std::string(kBoothColumns) + "WHERE id = ?");
  st.bind(1, id);
  std::optional<Booth> out;
  if (st.step()) out = readBooth(st);
  st.reset();
  return out;
}

void SqliteStore::updateBooth(const Booth& b) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE booth SET code=?, hall=?, x=?, y=?, width=?, depth=?, type=?, power=?, status=?, exhibitor_id=?, "
        "locked=? WHERE id=?");
    st.bind(1, b.code).bind(2, b.hall).bind(3, b.x).bind(4, b.y).bind(5, b.width).bind(6, b.depth).bind(7, b.type)
        .bind(8, b.power).bind(9, b.status).bind(10, b.exhibitor_id).bind(11, b.locked).bind(12, b.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {b.code}));
  });
}

void SqliteStore::deleteBooth(Id id) {
  writeOne([&] {
    auto& st = db_->prepare("DELETE FROM booth WHERE id=?");
    st.bind(1, id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {std::to_string(id)}));
  });
}

void SqliteStore::updateHall(const Hall& h) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE hall SET code=?, name=?, x=?, y=?, width=?, height=?, name_ar=?, zone=?, outline=?, sectors=? WHERE id=?");
    st.bind(1, h.code).bind(2, h.name).bind(3, h.x).bind(4, h.y).bind(5, h.width).bind(6, h.height).bind(7, h.name_ar)
        .bind(8, h.zone).bind(9, sql_rows::outlineText(h.outline)).bind(10, sql_rows::joinList(h.sectors)).bind(11, h.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {h.code}));
  });
}

void SqliteStore::deleteHall(Id id) {
  writeOne([&] {
    auto& st = db_->prepare("DELETE FROM hall WHERE id=?");
    st.bind(1, id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
  });
}

void SqliteStore::updateVenueFeature(const VenueFeature& f) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE venue_feature SET kind=?, code=?, hall=?, x=?, y=?, width=?, height=?, label=?, main=?, label_ar=?, "
        "label_en=? WHERE id=?");
    st.bind(1, f.kind).bind(2, f.code).bind(3, f.hall).bind(4, f.x).bind(5, f.y).bind(6, f.width).bind(7, f.height)
        .bind(8, f.label).bind(9, f.main).bind(10, f.label_ar).bind(11, f.label_en).bind(12, f.id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {f.code}));
  });
}

void SqliteStore::deleteVenueFeature(Id id) {
  writeOne([&] {
    auto& st = db_->prepare("DELETE FROM venue_feature WHERE id=?");
    st.bind(1, id);
    st.run();
    if (db_->changes() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
  });
}

void SqliteStore::clearVenue() {
  write([&] {
    db_->prepare("DELETE FROM booth").run();
    db_->prepare("DELETE FROM venue_feature").run();
    db_->prepare("DELETE FROM hall").run();
  });
}

std::vector<BoothRequest> SqliteStore::boothRequests() {
  auto& st = db_->prepare(
      "SELECT exhibitor_id, preferred_hall, booth_types, seniority, extra_points FROM booth_request "
      "ORDER BY exhibitor_id");
  std::vector<BoothRequest> out;
  while (st.step())
    out.push_back({st.integer(0), st.text(1), sql_rows::splitList(st.text(2)), static_cast<int>(st.integer(3)),
                   static_cast<int>(st.integer(4))});
  st.reset();
  return out;
}

void SqliteStore::saveBoothRequest(const BoothRequest& r) {
  writeOne([&] {
    auto& st = db_->prepare(
        "INSERT INTO booth_request (exhibitor_id, preferred_hall, booth_types, seniority, extra_points) "
        "VALUES (?,?,?,?,?) ON CONFLICT(exhibitor_id) DO UPDATE SET preferred_hall=excluded.preferred_hall, "
        "booth_types=excluded.booth_types, seniority=excluded.seniority, extra_points=excluded.extra_points");
    st.bind(1, r.exhibitor_id).bind(2, r.preferred_hall).bind(3, sql_rows::joinList(r.booth_types))
        .bind(4, r.seniority).bind(5, r.extra_points);
    st.run();
  });
}

}  // namespace moussem
