#include "core/domain_json.hpp"

namespace moussem {

namespace {
template <class T>
nlohmann::json orNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

void to_json(nlohmann::json& j, const Edition& e) {
  j = {{"id", e.id},
       {"uid", e.uid},
       {"name_fr", e.name_fr},
       {"name_ar", e.name_ar},
       {"name_en", e.name_en},
       {"starts_on", e.starts_on},
       {"ends_on", e.ends_on},
       {"venue", e.venue},
       {"timezone", e.timezone},
       {"logo_path", e.logo_path},
       {"public_key", e.public_key},
       {"is_demo", e.is_demo}};
}

void to_json(nlohmann::json& j, const Zone& z) {
  j = {{"code", z.code}, {"label_fr", z.label_fr}, {"label_ar", z.label_ar}, {"label_en", z.label_en}};
}

void to_json(nlohmann::json& j, const Category& c) {
  j = {{"code", c.code},         {"color", c.color},       {"label_fr", c.label_fr},
       {"label_ar", c.label_ar}, {"label_en", c.label_en}, {"sort", c.sort}};
}

void to_json(nlohmann::json& j, const Exhibitor& x) {
  j = {{"id", x.id},
       {"external_id", x.external_id},
       {"name_fr", x.name_fr},
       {"name_ar", x.name_ar},
       {"kind", x.kind},
       {"sector", x.sector},
       {"region", x.region},
       {"city", x.city},
       {"contact_name", x.contact_name},
       {"phone", x.phone},
       {"email", x.email},
       {"registration_no", x.registration_no},
       {"program", x.program},
       {"booth_area_m2", x.booth_area_m2},
       {"wants_corner", x.wants_corner},
       {"needs_power", x.needs_power},
       {"preferred_zone", x.preferred_zone},
       {"products", x.products},
       {"competitors", x.competitors}};
}

void to_json(nlohmann::json& j, const Person& p) {
  j = {{"id", p.id},
       {"external_id", p.external_id},
       {"first_name", p.first_name},
       {"last_name", p.last_name},
       {"name_ar", p.name_ar},
       {"organization", p.organization},
       {"position", p.position},
       {"category", p.category},
       {"country", p.country},
       {"email", p.email},
       {"phone", p.phone},
       {"days", p.days},
       {"consent", p.consent},
       {"consent_at", p.consent_at},
       {"exhibitor", orNull(p.exhibitor_id)}};
}

void to_json(nlohmann::json& j, const Badge& b) {
  j = {{"id", b.id},           {"person", b.person_id}, {"serial", b.serial},
       {"version", b.version}, {"status", b.status},    {"printed_count", b.printed_count}};
}

void to_json(nlohmann::json& j, const BadgeEvent& e) {
  j = {{"badge", e.badge_id}, {"version", e.version}, {"action", e.action},
       {"reason", e.reason},  {"station", e.station}, {"operator", e.operator_name}};
}

void to_json(nlohmann::json& j, const Point& p) {
  j = nlohmann::json::array({p.x, p.y});
}

void to_json(nlohmann::json& j, const Hall& h) {
  j = {{"id", h.id},
       {"code", h.code},
       {"name", h.name},
       {"name_ar", h.name_ar},
       {"x", h.x},
       {"y", h.y},
       {"width", h.width},
       {"height", h.height},
       {"zone", h.zone},
       {"outline", h.outline},
       {"sectors", h.sectors}};
}

void to_json(nlohmann::json& j, const VenueFeature& f) {
  j = {{"id", f.id},
       {"kind", f.kind},
       {"code", f.code},
       {"hall", f.hall},
       {"x", f.x},
       {"y", f.y},
       {"width", f.width},
       {"height", f.height},
       {"label", f.label},
       {"label_ar", f.label_ar},
       {"label_en", f.label_en},
       {"main", f.main}};
}

void to_json(nlohmann::json& j, const BoothRequest& r) {
  j = {{"exhibitor", r.exhibitor_id},
       {"preferred_hall", r.preferred_hall},
       {"booth_types", r.booth_types},
       {"seniority", r.seniority},
       {"extra_points", r.extra_points}};
}

void to_json(nlohmann::json& j, const Booth& b) {
  j = {{"id", b.id},
       {"code", b.code},
       {"hall", b.hall},
       {"x", b.x},
       {"y", b.y},
       {"width", b.width},
       {"depth", b.depth},
       {"type", b.type},
       {"power", b.power},
       {"status", b.status},
       {"exhibitor", orNull(b.exhibitor_id)},
       {"locked", b.locked}};
}

void to_json(nlohmann::json& j, const GateProfile& g) {
  j = {{"id", g.id},
       {"name", g.name},
       {"zone", g.zone},
       {"direction", g.direction},
       {"categories", g.categories},
       {"days", g.days},
       {"hours_from", g.hours_from},
       {"hours_to", g.hours_to},
       {"reentry", g.reentry},
       {"presence_reset", g.presence_reset}};
}

void to_json(nlohmann::json& j, const User& u) {
  j = {{"id", u.id},
       {"name", u.name},
       {"role", u.role},
       {"disabled", u.disabled},
       {"pin_set", !u.pin_hash.empty()},
       {"failed_attempts", u.failed_attempts},
       {"locked_until", u.locked_until},
       {"created_at", u.created_at}};
}

}  // namespace moussem
