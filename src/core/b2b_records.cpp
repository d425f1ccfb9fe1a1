// Codes and JSON of the B2B records (see b2b_records.hpp).
#include "core/b2b_records.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace moussem {

namespace {

// One table per family: the enum and its stable code.
constexpr std::array<std::pair<B2bPlaceKind, std::string_view>, 2> kPlaceKinds{
    {{B2bPlaceKind::Table, "table"}, {B2bPlaceKind::Booth, "booth"}}};
constexpr std::array<std::pair<B2bSide, std::string_view>, 2> kSides{
    {{B2bSide::Buyer, "buyer"}, {B2bSide::Seller, "seller"}}};
constexpr std::array<std::pair<MeetingStatus, std::string_view>, 4> kStatuses{
    {{MeetingStatus::Scheduled, "scheduled"},
     {MeetingStatus::Held, "held"},
     {MeetingStatus::NoShow, "no_show"},
     {MeetingStatus::Cancelled, "cancelled"}}};

template <typename E, std::size_t N>
std::string_view codeIn(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, code] : table)
    if (e == value) return code;
  return {};
}

template <typename E, std::size_t N>
std::optional<E> parseIn(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
  for (const auto& [e, c] : table)
    if (c == code) return e;
  return std::nullopt;
}

}  // namespace

std::string_view codeOf(B2bPlaceKind kind) {
  return codeIn(kPlaceKinds, kind);
}
std::string_view codeOf(B2bSide side) {
  return codeIn(kSides, side);
}
std::string_view codeOf(MeetingStatus status) {
  return codeIn(kStatuses, status);
}
std::optional<B2bPlaceKind> placeKindFromCode(std::string_view code) {
  return parseIn(kPlaceKinds, code);
}
std::optional<B2bSide> sideFromCode(std::string_view code) {
  return parseIn(kSides, code);
}
std::optional<MeetingStatus> meetingStatusFromCode(std::string_view code) {
  return parseIn(kStatuses, code);
}

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
