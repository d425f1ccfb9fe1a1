// Rows to domain types for the PostgreSQL store's files, as sqlite_rows does for SQLite: one column
// list and one reader per type, so a new column is added in one place. Lists are comma-separated text.
#pragma once
#include <vector>

#include "core/domain.hpp"
#include "store/postgres/pg_db.hpp"

namespace moussem::pg_rows {

inline constexpr const char* kPersonColumns =
    "id, external_id, first_name, last_name, name_ar, organization, position, category, country, email, phone, "
    "days, consent, consent_at, exhibitor_id";
inline constexpr int kPersonColumnCount = 15;
Person readPerson(const pg::Result& r, int row);

inline constexpr const char* kExhibitorColumns =
    "id, external_id, name_fr, name_ar, kind, sector, region, city, contact_name, phone, email, registration_no, "
    "program, booth_area_m2, wants_corner, needs_power, preferred_zone, products";
inline constexpr int kExhibitorColumnCount = 18;
Exhibitor readExhibitor(const pg::Result& r, int row);

// A SELECT of `scan` in the order readScans() reads it, ready for a WHERE clause.
inline constexpr const char* kScanSelect =
    "SELECT id, uid, gate, zone, direction, station, operator, at, payload_digest, verdict, reason, badge_serial, "
    "badge_version, person_id, manual, note FROM scan ";
std::vector<ScanRecord> readScans(const pg::Result& r);

}  // namespace moussem::pg_rows
