// Rows to domain types for both databases (the shared store, sql_store*.cpp, and what is left in the
// backends): one column list and one reader per type, so a new column is added in one place. Lists
// (days, category codes) are stored as comma-separated text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "store/audit_chain.hpp"
#include "store/sql/connection.hpp"

namespace moussem::sql_rows {

std::string joinList(const std::vector<std::string>& items);
std::vector<std::string> splitList(const std::string& text);
// A code column of a row read back from the database. A code this Moussem does not know (written by a
// newer one, or by hand) is refused naming the table, the column, the row and the value, never read as
// some default.
std::string codeWhere(std::string_view table, std::string_view column, Id row);
template <Coded E>
E readCode(const std::string& text, std::string_view table, std::string_view column, Id row) {
  if (auto v = fromCode<E>(text)) return *v;
  refuseCode(familyName<E>(), text, codeWhere(table, column, row), codeList<E>());
}

// The presence rule recordScan's SQL applies (both backends): the re-entry policy when it guards an
// accepted entry, "offline" for a scan decided earlier by a gate without the server (reentry nullopt),
// else "always".
std::string_view presenceMode(std::optional<ReentryPolicy> reentry, bool guarded);

// A hall outline as "x y;x y;..." with enough digits to round-trip (both backends store it so).
std::string outlineText(const std::vector<Point>& points);
std::vector<Point> parseOutline(const std::string& text);
// A LIKE pattern (ESCAPE '\') matching text literally anywhere: both backends' name searches.
std::string containsPattern(const std::string& text);

// Columns of `person` in the order readPerson() reads them, from column 0.
inline constexpr const char* kPersonColumns =
    "id, external_id, first_name, last_name, name_ar, organization, position, category, country, email, phone, "
    "days, consent, consent_at, exhibitor_id";
inline constexpr int kPersonColumnCount = 15;
Person readPerson(const sql::Statement& st);

// Columns of `exhibitor` in the order readExhibitor() reads them (competitors are not among them).
inline constexpr const char* kExhibitorColumns =
    "id, external_id, name_fr, name_ar, kind, sector, region, city, contact_name, phone, email, registration_no, "
    "program, booth_area_m2, wants_corner, needs_power, preferred_zone, products";
inline constexpr int kExhibitorColumnCount = 18;
Exhibitor readExhibitor(const sql::Statement& st);

inline constexpr const char* kBadgeColumns = "id, person_id, serial, version, status, printed_count";
Badge readBadge(const sql::Statement& st);

// A SELECT of `booth` in the order readBooth() reads it, ready for a WHERE or ORDER BY clause.
inline constexpr const char* kBoothSelect =
    "SELECT id, code, hall, x, y, width, depth, type, power, status, exhibitor_id, locked FROM booth ";
Booth readBooth(const sql::Statement& st);

// A SELECT of `scan` in the order readScan() reads it, ready for a WHERE clause.
inline constexpr const char* kScanSelect =
    "SELECT id, uid, gate, zone, direction, station, operator, at, payload_digest, verdict, reason, badge_serial, "
    "badge_version, person_id, manual, note FROM scan ";
ScanRecord readScan(const sql::Statement& st);

// A SELECT of `app_user` in the order readUser() reads it, ready for a WHERE or ORDER BY clause.
inline constexpr const char* kUserSelect =
    "SELECT id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at FROM app_user ";
User readUser(const sql::Statement& st);

// A SELECT of `audit` in the order readAudit() reads it (the store and `audit verify`'s read-only file).
inline constexpr const char* kAuditSelect =
    "SELECT id, at, user_name, role, station, action, entity, entity_id, before, after, prev_hash, hash, before_sha, "
    "after_sha, redacted_at FROM audit ";
AuditRow readAudit(const sql::Statement& st);

}  // namespace moussem::sql_rows
