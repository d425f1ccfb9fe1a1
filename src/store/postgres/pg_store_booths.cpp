// PostgreSQL side of the venue plan and the booths, as sqlite/sqlite_store_booths.cpp: halls (with
// outline, zone and wanted sectors), aisles and entrances, booths, and the booth requests.
#include <string>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sql/sql_rows.hpp"

namespace moussem {

using sql_rows::joinList;
using sql_rows::outlineText;
using sql_rows::parseOutline;
using sql_rows::splitList;

Id PgStore::insertHall(Hall& h) {
  auto r = q("INSERT INTO hall (code, name, x, y, width, height, name_ar, zone, outline, sectors) "
             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
             pg::Params().add(h.code).add(h.name).add(h.x).add(h.y).add(h.width).add(h.height).add(h.name_ar).add(h.zone)
                 .add(outlineText(h.outline)).add(joinList(h.sectors)));
  h.id = r.integer(0, 0);
  return h.id;
}

Id PgStore::insertBooth(Booth& b) {
  auto r = q("INSERT INTO booth (code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked) "
             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
             pg::Params().add(b.code).add(b.hall).add(b.x).add(b.y).add(b.width).add(b.depth).add(b.type).add(b.power)
                 .add(b.status).add(b.exhibitor_id).add(b.locked));
  b.id = r.integer(0, 0);
  return b.id;
}

Id PgStore::insertVenueFeature(VenueFeature& f) {
  auto r = q("INSERT INTO venue_feature (kind, code, hall, x, y, width, height, label, main, label_ar, label_en) "
             "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
             pg::Params().add(f.kind).add(f.code).add(f.hall).add(f.x).add(f.y).add(f.width).add(f.height).add(f.label)
                 .add(f.main).add(f.label_ar).add(f.label_en));
  f.id = r.integer(0, 0);
  return f.id;
}

std::vector<Hall> PgStore::halls() {
  auto r = q("SELECT id, code, name, x, y, width, height, name_ar, zone, outline, sectors FROM hall ORDER BY code");
  std::vector<Hall> out;
  for (int i = 0; i < r.rows(); ++i) {
    Hall h;
    h.id = r.integer(i, 0);
    h.code = r.text(i, 1);
    h.name = r.text(i, 2);
    h.x = r.real(i, 3);
    h.y = r.real(i, 4);
    h.width = r.real(i, 5);
    h.height = r.real(i, 6);
    h.name_ar = r.text(i, 7);
    h.zone = r.text(i, 8);
    h.outline = parseOutline(r.text(i, 9));
    h.sectors = splitList(r.text(i, 10));
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<VenueFeature> PgStore::venueFeatures() {
  auto r = q("SELECT id, kind, code, hall, x, y, width, height, label, main, label_ar, label_en FROM venue_feature ORDER BY code");
  std::vector<VenueFeature> out;
  for (int i = 0; i < r.rows(); ++i) {
    VenueFeature f;
    f.id = r.integer(i, 0);
    f.kind = r.text(i, 1);
    f.code = r.text(i, 2);
    f.hall = r.text(i, 3);
    f.x = r.real(i, 4);
    f.y = r.real(i, 5);
    f.width = r.real(i, 6);
    f.height = r.real(i, 7);
    f.label = r.text(i, 8);
    f.main = r.integer(i, 9) != 0;
    f.label_ar = r.text(i, 10);
    f.label_en = r.text(i, 11);
    out.push_back(std::move(f));
  }
  return out;
}

namespace {
constexpr const char* kBoothColumns =
    "SELECT id, code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked FROM booth ";

Booth readBooth(const pg::Result& r, int i) {
  Booth b;
  b.id = r.integer(i, 0);
  b.code = r.text(i, 1);
  b.hall = r.text(i, 2);
  b.x = r.real(i, 3);
  b.y = r.real(i, 4);
  b.width = r.real(i, 5);
  b.depth = r.real(i, 6);
  b.type = r.text(i, 7);
  b.power = r.integer(i, 8) != 0;
  b.status = r.text(i, 9);
  if (!r.isNull(i, 10)) b.exhibitor_id = r.integer(i, 10);
  b.locked = r.integer(i, 11) != 0;
  return b;
}
}  // namespace

std::vector<Booth> PgStore::booths() {
  auto r = q(std::string(kBoothColumns) + "ORDER BY code");
  std::vector<Booth> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(readBooth(r, i));
  return out;
}

std::optional<Booth> PgStore::booth(Id id) {
  auto r = q(std::string(kBoothColumns) + "WHERE id = $1", pg::Params().add(id));
  if (r.rows() == 0) return std::nullopt;
  return readBooth(r, 0);
}

void PgStore::updateBooth(const Booth& b) {
  auto r = q("UPDATE booth SET code=$1, hall=$2, x=$3, y=$4, width=$5, depth=$6, type=$7, power=$8, status=$9, "
             "exhibitor_id=$10, locked=$11 WHERE id=$12",
             pg::Params().add(b.code).add(b.hall).add(b.x).add(b.y).add(b.width).add(b.depth).add(b.type).add(b.power)
                 .add(b.status).add(b.exhibitor_id).add(b.locked).add(b.id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {b.code}));
}

void PgStore::deleteBooth(Id id) {
  auto r = q("DELETE FROM booth WHERE id=$1", pg::Params().add(id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("booth.error.not_found", {std::to_string(id)}));
}

void PgStore::updateHall(const Hall& h) {
  auto r = q("UPDATE hall SET code=$1, name=$2, x=$3, y=$4, width=$5, height=$6, name_ar=$7, zone=$8, outline=$9, "
             "sectors=$10 WHERE id=$11",
             pg::Params().add(h.code).add(h.name).add(h.x).add(h.y).add(h.width).add(h.height).add(h.name_ar).add(h.zone)
                 .add(outlineText(h.outline)).add(joinList(h.sectors)).add(h.id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {h.code}));
}

void PgStore::deleteHall(Id id) {
  auto r = q("DELETE FROM hall WHERE id=$1", pg::Params().add(id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
}

void PgStore::updateVenueFeature(const VenueFeature& f) {
  auto r = q("UPDATE venue_feature SET kind=$1, code=$2, hall=$3, x=$4, y=$5, width=$6, height=$7, label=$8, main=$9, "
             "label_ar=$10, label_en=$11 WHERE id=$12",
             pg::Params().add(f.kind).add(f.code).add(f.hall).add(f.x).add(f.y).add(f.width).add(f.height).add(f.label)
                 .add(f.main).add(f.label_ar).add(f.label_en).add(f.id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {f.code}));
}

void PgStore::deleteVenueFeature(Id id) {
  auto r = q("DELETE FROM venue_feature WHERE id=$1", pg::Params().add(id));
  if (r.affected() != 1) throw Error(ErrorKind::NotFound, tr("venue.error.gone", {std::to_string(id)}));
}

void PgStore::clearVenue() {
  write([&] {
    q("DELETE FROM booth");
    q("DELETE FROM venue_feature");
    q("DELETE FROM hall");
  });
}

std::vector<BoothRequest> PgStore::boothRequests() {
  auto r = q("SELECT exhibitor_id, preferred_hall, booth_types, seniority, extra_points FROM booth_request "
             "ORDER BY exhibitor_id");
  std::vector<BoothRequest> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), splitList(r.text(i, 2)), static_cast<int>(r.integer(i, 3)),
                   static_cast<int>(r.integer(i, 4))});
  return out;
}

void PgStore::saveBoothRequest(const BoothRequest& r) {
  q("INSERT INTO booth_request (exhibitor_id, preferred_hall, booth_types, seniority, extra_points) "
    "VALUES ($1,$2,$3,$4,$5) ON CONFLICT (exhibitor_id) DO UPDATE SET preferred_hall=excluded.preferred_hall, "
    "booth_types=excluded.booth_types, seniority=excluded.seniority, extra_points=excluded.extra_points",
    pg::Params().add(r.exhibitor_id).add(r.preferred_hall).add(joinList(r.booth_types)).add(r.seniority).add(r.extra_points));
}

}  // namespace moussem
