// The forum's B2B meetings as the store keeps them (migration 0011): sessions, meeting places, who
// takes part on which side, requests, meetings. The scheduler's own view of them is src/b2b's.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codes.hpp"
#include "core/domain.hpp"

namespace moussem {

// One half-day of meetings on a day of the edition, in the venue's local time.
struct B2bSession {
  Id id = 0;
  std::string day;           // YYYY-MM-DD
  std::string starts, ends;  // HH:MM
  int meeting_minutes = 20, changeover_minutes = 5;
  std::string breaks;  // "HH:MM-HH:MM" separated by commas; empty: none
};

enum class B2bPlaceKind { Table, Booth };
// A numbered table of the B2B area (its position in metres on the venue plan) or an exhibitor's booth
// (its position is the booth's).
struct B2bPlace {
  Id id = 0;
  std::string code;
  B2bPlaceKind kind = B2bPlaceKind::Table;
  std::string booth;  // kind Booth: the booth's code
  double x = 0, y = 0;
};

enum class B2bSide { Buyer, Seller };
struct B2bParticipant {
  Id person_id = 0;
  B2bSide side = B2bSide::Buyer;
  int max_meetings = 0;         // 0: as many as the slots allow
  std::vector<Id> unavailable;  // sessions they cannot attend
};

// Priority 3 must, 2 should, 1 could; refused: "no", blocking the pair.
struct B2bRequest {
  Id id = 0;
  Id from_person = 0, to_person = 0;
  int priority = 2;
  bool refused = false;
};

enum class MeetingStatus { Scheduled, Held, NoShow, Cancelled };
struct B2bMeeting {
  Id id = 0;
  Id buyer = 0, seller = 0;
  Id session_id = 0;
  int slot = 0;
  Id place_id = 0;
  MeetingStatus status = MeetingStatus::Scheduled;
  bool frozen = false;
};

// The stable codes of the families above (database, JSON, catalog keys "code.b2b_side.buyer", ...), on
// the mechanism of core/codes.hpp: codeOf(side), parseCode<B2bSide>(text, where). The xxxFromCode names
// give nullopt for an unknown code, and the caller says where it came from.
MOUSSEM_CODE_FAMILY(B2bPlaceKind, "b2b_place", {B2bPlaceKind::Table, "table"}, {B2bPlaceKind::Booth, "booth"});
MOUSSEM_CODE_FAMILY(B2bSide, "b2b_side", {B2bSide::Buyer, "buyer"}, {B2bSide::Seller, "seller"});
MOUSSEM_CODE_FAMILY(MeetingStatus, "meeting_status", {MeetingStatus::Scheduled, "scheduled"},
                    {MeetingStatus::Held, "held"}, {MeetingStatus::NoShow, "no_show"},
                    {MeetingStatus::Cancelled, "cancelled"});
inline std::optional<B2bPlaceKind> placeKindFromCode(std::string_view code) {
  return fromCode<B2bPlaceKind>(code);
}
inline std::optional<B2bSide> sideFromCode(std::string_view code) {
  return fromCode<B2bSide>(code);
}
inline std::optional<MeetingStatus> meetingStatusFromCode(std::string_view code) {
  return fromCode<MeetingStatus>(code);
}
// "must|should|could" or "1".."3" (3 = must); 0 for anything else.
int priorityFromText(std::string_view text);
std::string_view priorityCode(int priority);  // "must", "should", "could"

void to_json(nlohmann::json& j, const B2bSession& s);
void to_json(nlohmann::json& j, const B2bPlace& p);
void to_json(nlohmann::json& j, const B2bParticipant& p);
void to_json(nlohmann::json& j, const B2bRequest& r);
void to_json(nlohmann::json& j, const B2bMeeting& m);

}  // namespace moussem
