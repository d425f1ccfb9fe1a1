// The independent checker of a schedule: every hard rule recounted from the problem's raw values
// (sessions, places, participants, requests), and the objective recomputed from the requests. Written
// apart from the scheduler and sharing none of its tables: the tests and `bench b2b` trust it, not
// the scheduler's own bookkeeping.
#pragma once
#include <string>
#include <vector>

#include "b2b/model.hpp"

namespace moussem::b2b {

struct Violations {
  int malformed = 0;      // a meeting naming no participant, slot or place, or not buyer with seller
  int not_requested = 0;  // no request for the pair, or a "no" blocks it, or the pair twice
  int person_twice = 0;   // a person in two meetings of one slot
  int place_twice = 0;    // a place holding two meetings of one slot
  int unavailable = 0;    // a meeting in a session one of its people is not there
  int over_maximum = 0;   // meetings beyond a person's maximum (counted per extra meeting)
  int wrong_place = 0;    // a booth of another organisation
  int walking = 0;        // consecutive meetings of one person further apart than the walk allows
  int frozen_moved = 0;   // a frozen meeting missing or moved
  int total() const {
    return malformed + not_requested + person_twice + place_twice + unavailable + over_maximum + wrong_place + walking +
           frozen_moved;
  }
};

struct Score {
  long long weight = 0;  // sum of the scheduled pairs' weights
  long long gaps = 0;    // idle periods between meetings within each person's half-day
  long long fair = 0;    // participants with a granted request who got at least one meeting
  long long objective = 0;
  int requested = 0;  // granted pairs
  int scheduled = 0;  // meetings
};

Violations checkSchedule(const Problem& problem, const Schedule& schedule, const std::vector<Meeting>& frozen = {});
Score scoreSchedule(const Problem& problem, const Schedule& schedule);

}  // namespace moussem::b2b
