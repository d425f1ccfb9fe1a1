// The B2B meeting scheduling problem as the scheduler, the LP export and the checker all see it:
// sessions (half-days) cut into slots, meeting places (tables of the B2B area, exhibitors' booths) on
// the venue plan, participants (buyers and sellers), requests, and the meetings of a schedule. Plain
// values: the store fills them later; the generator (instances.hpp) fills them for the benchmarks.
// The objective is written out in docs/b2b.md; Lexicographic below gives its weights.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/b2b_records.hpp"
#include "core/domain.hpp"
#include "core/random.hpp"

namespace moussem::b2b {

// The walking rule. Between two consecutive slots of a session a person has the changeover (the
// minutes between the end of one meeting and the start of the next) to walk to the next place; two
// consecutive meetings of one person are allowed only when their places are at most
// kWalkingMetresPerMinute x changeover minutes apart (straight line on the venue plan). 60 m per
// minute is 1 m/s: a visitor's pace through a crowded fair with the detours of its aisles (an
// unhindered walk is about 1.3 m/s). With the default changeover of 5 minutes: 300 m.
constexpr double kWalkingMetresPerMinute = 60.0;

// A session is one half-day of meetings: [start, end) in minutes since midnight, cut into slots of
// meeting_minutes with changeover_minutes between them, skipping the breaks (coffee, a talk).
struct Break {
  int start = 0, end = 0;  // minutes since midnight
};
struct Session {
  std::string day;  // YYYY-MM-DD
  int start = 9 * 60, end = 12 * 60 + 30;
  int meeting_minutes = 20;
  int changeover_minutes = 5;
  std::vector<Break> breaks;
};

struct Slot {
  int session = 0;
  int index = 0;  // within its session, from 0
  int start = 0, end = 0;
};

// The slots of the sessions, session by session in time order.
std::vector<Slot> sessionSlots(const std::vector<Session>& sessions);

// A meeting place: a table of the B2B area (anyone may meet there) or a seller organisation's own
// booth (only that organisation's people meet there; the buyer walks to the stand). One meeting per slot.
struct Place {
  std::string code;          // "T12", or the booth's code
  bool booth = false;        // false: a table of the B2B area
  std::string organisation;  // a booth: the seller organisation that holds it
  double x = 0, y = 0;       // metres on the venue plan
};

enum class Side { Buyer, Seller };

struct Participant {
  Id person = 0;
  std::string name;
  Side side = Side::Buyer;
  std::string organisation;     // a seller's organisation (several people may share one)
  std::string country, sector;  // a buyer's market, a seller's craft (reports, instances)
  std::vector<bool> available;  // per session; empty: every session
  int max_meetings = 0;         // 0: as many as slots allow
  bool availableIn(int session) const {
    return available.empty() || (session < static_cast<int>(available.size()) && available[session]);
  }
};

// A request of `from` to meet `to`, from either side. priority 1 (could), 2 (should) or 3 (must);
// `no`: `from` refuses to meet `to`, which blocks the pair whatever the other side asked.
struct Request {
  int from = -1, to = -1;  // participant indices
  int priority = 2;
  bool no = false;
};

// Weights of the first level of the objective: a request scores its priority's weight, a pair asked
// by both sides scores both requests plus the reciprocal bonus.
constexpr int kPriorityWeight[4] = {0, 1, 2, 4};  // -, could, should, must
constexpr int kReciprocalBonus = 2;
// A request's priority from its text: moussem::priorityFromText (core/b2b_records.hpp).

// A granted pair (at least one request, no "no"): what the scheduler may place once.
struct Pair {
  int buyer = -1, seller = -1;
  int weight = 0;
  bool reciprocal = false;
  int priority = 0;  // the highest of its requests
};

struct Meeting {
  int buyer = -1, seller = -1;  // participant indices
  int slot = -1, place = -1;
  bool frozen = false;  // published: a new schedule keeps it where it is
};

struct Schedule {
  std::vector<Meeting> meetings;
};

// The weights that make one weighted sum lexicographic (docs/b2b.md): objective =
// weight_factor x (sum of pair weights) - gap_factor x (idle gaps) + (participants with requests who
// got a meeting). gap_factor exceeds the most the fair-share term can change, weight_factor exceeds
// the most the two lower terms can change together, so no loss on a level is paid by the levels below.
struct Lexicographic {
  long long weight_factor = 1, gap_factor = 1;
  long long maxGaps = 0, maxFair = 0;
};

struct Problem {
  std::vector<Session> sessions;
  std::vector<Slot> slots;
  std::vector<Place> places;
  std::vector<Participant> people;
  std::vector<Request> requests;
  std::vector<Pair> pairs;                 // granted pairs, in the order of their first request
  std::vector<std::vector<int>> pairsOf;   // participant -> pairs
  std::vector<std::vector<int>> boothsOf;  // participant (seller) -> their organisation's booth places
  std::vector<int> tables;                 // places that are tables
  Lexicographic lex;

  int slotCount() const { return static_cast<int>(slots.size()); }
  // Slots t-1 and t are consecutive (same session, no other slot between): the metres a person may
  // walk between them; -1 when t-1 is not consecutive with t (or t is a session's first slot).
  double reachBefore(int t) const;
  double distance(int a, int b) const;
  bool placeUsable(int pair, int place) const;  // a table, or the seller organisation's booth
};

// Builds the problem: slots, pairs (requests merged, "no" applied), the lexicographic weights. Bad
// input is refused with Error(Invalid) naming the request (row from 1) or the participant: a request
// naming nobody, a person meeting themselves, two buyers or two sellers, a duplicate request, a
// participant's availability naming more sessions than the edition has.
Problem buildProblem(std::vector<Session> sessions, std::vector<Place> places, std::vector<Participant> people,
                     std::vector<Request> requests);

// The lexicographic objective of a schedule's levels.
long long combinedObjective(const Lexicographic& lex, long long weight, long long gaps, long long fair);

}  // namespace moussem::b2b
