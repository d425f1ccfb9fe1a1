// The B2B schedule through the store, written once for the command line and the screen: the problem
// read from the store (sessions, places, the people of the requests, the requests, the meetings in
// force), the scheduler run on it as a preview that writes nothing, then the preview applied in one
// write (or discarded). Re-scheduling keeps the published (frozen) meetings where they are and moves
// only what it must: the meetings in force are the scheduler's starting point.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "b2b/checker.hpp"
#include "b2b/model.hpp"
#include "b2b/scheduler.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

// The store's programme as the scheduler sees it, with the way back to the store's ids.
struct StoreProblem {
  Problem problem;
  std::vector<Id> personOf;               // participant index -> person id
  std::vector<std::string> nameOf;        // participant index -> the person's name
  std::vector<Id> placeIdOf;              // place index -> b2b_place id
  std::vector<Id> sessionIdOf;            // session index -> b2b_session id
  std::vector<Meeting> previous;          // the meetings in force (frozen ones frozen)
  std::string slotStart(int slot) const;  // "YYYY-MM-DDTHH:MM", local time of the venue
};

// Reads the problem from the store. Places: the tables at their stored position, a booth at the
// CURRENT centre of the booth on the plan (it may have moved since it became a place), its organisation
// the exhibitor holding it now. Participants: everyone named in a request, on their side (sideOf); a
// seller's organisation is their exhibitor (else their organisation's name); availability and maximum
// from their participant row. Requests in id order. The meetings in force: every scheduled meeting,
// and every frozen one that was held (it stays in the store, its place and slot taken; a frozen
// no-show or cancelled meeting stays in the store but frees its place, see b2b/checkin.hpp). A frozen
// meeting whose pair no request grants any more is refused with Error(Invalid) naming both people.
StoreProblem loadProblem(Store& store);

struct PlanOptions {
  std::uint64_t seed = 1;
  std::function<void(double)> progress;  // 0..1, from the calling thread
  std::function<bool()> cancelled;       // true: stop, throw Error(Refused)
};

// A person with granted requests none of which has a session both people attend.
struct Stranded {
  int participant = -1;
};

struct ScheduleOutcome {
  StoreProblem in;
  ScheduleResult result;
  Violations violations;  // the independent checker's recount (total() is hard_violations)
  Score score;
  std::vector<Stranded> stranded;
};

// The preview: the scheduler run on the store's problem, nothing written.
ScheduleOutcome planSchedule(Store& store, const PlanOptions& options = {});

// Writes the preview in one write(): the meetings not published are replaced by the new ones
// (deleteB2bMeetings(keepFrozen) then one insert per meeting not already in the store); freeze: every
// meeting of the schedule is published (frozen). Audited as one row "b2b.schedule" with the meetings it
// created. Meetings neither scheduled nor frozen (held, no-show, cancelled drafts) go with the drafts.
void applySchedule(Store& store, const ScheduleOutcome& outcome, bool freeze);

}  // namespace moussem::b2b
