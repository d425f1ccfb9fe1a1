#include "store/sql/sql_rows.hpp"

#include <cstdio>

#include "core/i18n.hpp"

namespace moussem::sql_rows {

std::string_view presenceMode(std::optional<ReentryPolicy> reentry, bool guarded) {
  if (!reentry) return "offline";
  return codeOf(guarded ? *reentry : ReentryPolicy::Always);
}

std::string codeWhere(std::string_view table, std::string_view column, Id row) {
  return tr("store.where.code", {std::string(table), std::string(column), std::to_string(row)});
}

std::string joinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ',';
    out += s;
  }
  return out;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string outlineText(const std::vector<Point>& points) {
  std::string out;
  char buf[64];
  for (const auto& p : points) {
    std::snprintf(buf, sizeof buf, "%s%.17g %.17g", out.empty() ? "" : ";", p.x, p.y);
    out += buf;
  }
  return out;
}

std::vector<Point> parseOutline(const std::string& text) {
  std::vector<Point> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    Point p;
    if (std::sscanf(text.substr(start, end - start).c_str(), "%lf %lf", &p.x, &p.y) == 2) out.push_back(p);
    start = end + 1;
  }
  return out;
}

std::string containsPattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

Person readPerson(const sql::Statement& st) {
  Person p;
  p.id = st.integer(0);
  p.external_id = st.text(1);
  p.first_name = st.text(2);
  p.last_name = st.text(3);
  p.name_ar = st.text(4);
  p.organization = st.text(5);
  p.position = st.text(6);
  p.category = st.text(7);
  p.country = st.text(8);
  p.email = st.text(9);
  p.phone = st.text(10);
  p.days = splitList(st.text(11));
  p.consent = st.integer(12) != 0;
  p.consent_at = st.text(13);
  if (!st.isNull(14)) p.exhibitor_id = st.integer(14);
  return p;
}

Exhibitor readExhibitor(const sql::Statement& st) {
  Exhibitor x;
  x.id = st.integer(0);
  x.external_id = st.text(1);
  x.name_fr = st.text(2);
  x.name_ar = st.text(3);
  x.kind = st.text(4);
  x.sector = st.text(5);
  x.region = st.text(6);
  x.city = st.text(7);
  x.contact_name = st.text(8);
  x.phone = st.text(9);
  x.email = st.text(10);
  x.registration_no = st.text(11);
  x.program = st.text(12);
  x.booth_area_m2 = st.real(13);
  x.wants_corner = st.integer(14) != 0;
  x.needs_power = st.integer(15) != 0;
  x.preferred_zone = st.text(16);
  x.products = st.text(17);
  return x;
}

Badge readBadge(const sql::Statement& st) {
  Badge b;
  b.id = st.integer(0);
  b.person_id = st.integer(1);
  b.serial = st.text(2);
  b.version = static_cast<int>(st.integer(3));
  b.status = readCode<BadgeStatus>(st.text(4), "badge", "status", b.id);
  b.printed_count = static_cast<int>(st.integer(5));
  return b;
}

Booth readBooth(const sql::Statement& st) {
  Booth b;
  b.id = st.integer(0);
  b.code = st.text(1);
  b.hall = st.text(2);
  b.x = st.real(3);
  b.y = st.real(4);
  b.width = st.real(5);
  b.depth = st.real(6);
  b.type = readCode<BoothType>(st.text(7), "booth", "type", b.id);
  b.power = st.integer(8) != 0;
  b.status = readCode<BoothStatus>(st.text(9), "booth", "status", b.id);
  if (!st.isNull(10)) b.exhibitor_id = st.integer(10);
  b.locked = st.integer(11) != 0;
  return b;
}

ScanRecord readScan(const sql::Statement& st) {
  ScanRecord s;
  s.id = st.integer(0);
  s.uid = st.text(1);
  s.gate = st.text(2);
  s.zone = st.text(3);
  s.direction = readCode<Direction>(st.text(4), "scan", "direction", s.id);
  s.station = st.text(5);
  s.operator_name = st.text(6);
  s.at = st.text(7);
  s.payload_digest = st.text(8);
  s.verdict = readCode<ScanVerdict>(st.text(9), "scan", "verdict", s.id);
  s.reason = readCode<ScanReason>(st.text(10), "scan", "reason", s.id);
  if (!st.isNull(11)) s.badge_serial = st.text(11);
  if (!st.isNull(12)) s.badge_version = static_cast<int>(st.integer(12));
  if (!st.isNull(13)) s.person_id = st.integer(13);
  s.manual = st.integer(14) != 0;
  s.note = st.text(15);
  return s;
}

User readUser(const sql::Statement& st) {
  User u;
  u.id = st.integer(0);
  u.name = st.text(1);
  u.role = readCode<Role>(st.text(2), "app_user", "role", u.id);
  u.pin_hash = st.text(3);
  u.disabled = st.integer(4) != 0;
  u.failed_attempts = static_cast<int>(st.integer(5));
  u.locked_until = st.text(6);
  u.created_at = st.text(7);
  return u;
}

AuditRow readAudit(const sql::Statement& st) {
  AuditRow r;
  r.id = st.integer(0);
  r.at = st.text(1);
  r.user_name = st.text(2);
  r.role = st.text(3);
  r.station = st.text(4);
  r.action = st.text(5);
  r.entity = st.text(6);
  r.entity_id = st.text(7);
  r.before = st.text(8);
  r.after = st.text(9);
  r.prev_hash = st.text(10);
  r.hash = st.text(11);
  r.before_sha = st.text(12);
  r.after_sha = st.text(13);
  r.redacted_at = st.text(14);
  return r;
}

}  // namespace moussem::sql_rows
