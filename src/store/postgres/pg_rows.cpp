#include "store/postgres/pg_rows.hpp"

#include "store/sql/sql_rows.hpp"

namespace moussem::pg_rows {

using sql_rows::splitList;

Person readPerson(const pg::Result& r, int row) {
  Person p;
  p.id = r.integer(row, 0);
  p.external_id = r.text(row, 1);
  p.first_name = r.text(row, 2);
  p.last_name = r.text(row, 3);
  p.name_ar = r.text(row, 4);
  p.organization = r.text(row, 5);
  p.position = r.text(row, 6);
  p.category = r.text(row, 7);
  p.country = r.text(row, 8);
  p.email = r.text(row, 9);
  p.phone = r.text(row, 10);
  p.days = splitList(r.text(row, 11));
  p.consent = r.integer(row, 12) != 0;
  p.consent_at = r.text(row, 13);
  if (!r.isNull(row, 14)) p.exhibitor_id = r.integer(row, 14);
  return p;
}

Exhibitor readExhibitor(const pg::Result& r, int row) {
  Exhibitor x;
  x.id = r.integer(row, 0);
  x.external_id = r.text(row, 1);
  x.name_fr = r.text(row, 2);
  x.name_ar = r.text(row, 3);
  x.kind = r.text(row, 4);
  x.sector = r.text(row, 5);
  x.region = r.text(row, 6);
  x.city = r.text(row, 7);
  x.contact_name = r.text(row, 8);
  x.phone = r.text(row, 9);
  x.email = r.text(row, 10);
  x.registration_no = r.text(row, 11);
  x.program = r.text(row, 12);
  x.booth_area_m2 = r.real(row, 13);
  x.wants_corner = r.integer(row, 14) != 0;
  x.needs_power = r.integer(row, 15) != 0;
  x.preferred_zone = r.text(row, 16);
  x.products = r.text(row, 17);
  return x;
}

std::vector<ScanRecord> readScans(const pg::Result& r) {
  std::vector<ScanRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    ScanRecord s;
    s.id = r.integer(i, 0);
    s.uid = r.text(i, 1);
    s.gate = r.text(i, 2);
    s.zone = r.text(i, 3);
    s.direction = r.text(i, 4);
    s.station = r.text(i, 5);
    s.operator_name = r.text(i, 6);
    s.at = r.text(i, 7);
    s.payload_digest = r.text(i, 8);
    s.verdict = r.text(i, 9);
    s.reason = r.text(i, 10);
    if (!r.isNull(i, 11)) s.badge_serial = r.text(i, 11);
    if (!r.isNull(i, 12)) s.badge_version = static_cast<int>(r.integer(i, 12));
    if (!r.isNull(i, 13)) s.person_id = r.integer(i, 13);
    s.manual = r.integer(i, 14) != 0;
    s.note = r.text(i, 15);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace moussem::pg_rows
