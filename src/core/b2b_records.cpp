// Codes and JSON of the B2B records (see b2b_records.hpp).
#include "core/b2b_records.hpp"

#include <nlohmann/json.hpp>

namespace moussem {

int priorityFromText(std::string_view text) {
  if (text == "must" || text == "3") return 3;
  if (text == "should" || text == "2") return 2;
  if (text == "could" || text == "1") return 1;
  return 0;
}

std::string_view priorityCode(int priority) {
  return priority >= 3 ? "must" : priority == 2 ? "should" : "could";
}

void to_json(nlohmann::json& j, const B2bSession& s) {
  j = {{"id", s.id},
       {"day", s.day},
       {"starts", s.starts},
       {"ends", s.ends},
       {"meeting_minutes", s.meeting_minutes},
       {"changeover_minutes", s.changeover_minutes},
       {"breaks", s.breaks}};
}

void to_json(nlohmann::json& j, const B2bPlace& p) {
  j = {{"id", p.id}, {"code", p.code}, {"kind", codeOf(p.kind)}, {"booth", p.booth}, {"x", p.x}, {"y", p.y}};
}

void to_json(nlohmann::json& j, const B2bParticipant& p) {
  j = {{"person_id", p.person_id},
       {"side", codeOf(p.side)},
       {"max_meetings", p.max_meetings},
       {"unavailable", p.unavailable}};
}

void to_json(nlohmann::json& j, const B2bRequest& r) {
  j = {{"id", r.id},
       {"from", r.from_person},
       {"to", r.to_person},
       {"priority", priorityCode(r.priority)},
       {"refused", r.refused}};
}

void to_json(nlohmann::json& j, const B2bMeeting& m) {
  j = {{"id", m.id},     {"buyer", m.buyer},       {"seller", m.seller},         {"session_id", m.session_id},
       {"slot", m.slot}, {"place_id", m.place_id}, {"status", codeOf(m.status)}, {"frozen", m.frozen}};
}

}  // namespace moussem
