// Meeting check-in at the B2B tables, written once for the command line and the screen: a meeting
// marked held, no-show or cancelled (by its id, or held by scanning both badges at the table), and,
// when one side did not come, the replacement meetings the freed slot allows among the people present
// now. The clock is a parameter (the venue's local time), so that every rule is tested at a fixed time.
// Roles are the store's (GuardedStore): gates and organisers set a status; creating a meeting is an
// organiser's. No drawing, no file here.
#pragma once
#include <string>
#include <vector>

#include "core/b2b_records.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

// A side is absent once the meeting has run this long without them: a no-show can be recorded from
// the start plus this grace, and a badge check-in is accepted from this long before the start.
constexpr int kNoShowGraceMinutes = 5;

// The venue's wall clock: a day and minutes since midnight (gate::Moment's day and minute).
struct VenueTime {
  std::string day;  // YYYY-MM-DD
  int minute = 0;
};

// Sets the status of a meeting (held, no-show, cancelled). Refused, naming why and nothing written:
// an unknown meeting (NotFound); a no-show before the start plus kNoShowGraceMinutes, the time from
// which it may be recorded named (Refused); a no-show or cancelled meeting set back to scheduled or
// held when a replacement took its place (Refused, the place and that meeting named); a role that may
// not check in (the store's refusal).
void checkIn(Store& store, Id meeting, MeetingStatus status, const VenueTime& now);

// A table host scans both badges (their serials, in either order): the scheduled meeting of those two
// people whose slot runs now, or starts within kNoShowGraceMinutes, is marked held and returned (held
// already: returned as it is, nothing written twice).
// Refused with the reason named: an unknown or revoked badge, the same person twice, no meeting of
// the two now (the first person's next meeting named, its time and place, if they have one).
B2bMeeting checkInByBadges(Store& store, const std::string& serialA, const std::string& serialB, const VenueTime& now);

// A meeting that may take the freed slot of a no-show.
struct Replacement {
  Id stays = 0;    // the person of the no-show meeting who came
  Id partner = 0;  // who they could meet instead
  std::string partner_name;
  int priority = 0;  // the pair's highest request: 3 must, 2 should, 1 could
  int weight = 0;    // the pair's weight (docs/b2b.md)
};

// For each person of a no-show meeting present now (zone b2b or forum, inside, today): their granted
// pairs not yet scheduled or held, whose partner is present now, has no scheduled or held meeting in
// that slot, attends that session, and may meet at that place (a table, or the seller's own booth).
// Must before should before could, then by weight, then by name. Refused: a meeting that is not a
// no-show, its slot over, its place taken again in that slot.
std::vector<Replacement> proposeReplacements(Store& store, Id noShowMeeting, const VenueTime& now);

// Writes the replacement with `partner` (one of proposeReplacements' at this moment): a new meeting in
// the same session, slot and place, scheduled (published if the no-show was), in one write, audited by
// the store. Refused, nothing written, when the slot is no longer free or the partner is no longer a
// proposal (gone, busy, or never asked).
B2bMeeting acceptReplacement(Store& store, Id noShowMeeting, Id partner, const VenueTime& now);

}  // namespace moussem::b2b
