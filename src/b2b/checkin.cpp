// Meeting check-in, no-shows and their replacements (see checkin.hpp).
#include "b2b/checkin.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "b2b/b2b_service.hpp"
#include "b2b/schedule_service.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"

namespace moussem::b2b {

namespace {

std::string clock(int minutes) {
  const auto two = [](int n) {
    return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
  };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

// When a meeting happens on the venue's clock.
struct MeetingTime {
  std::string day;
  int start = 0, end = 0;
};

MeetingTime timeOf(const std::vector<B2bSession>& sessions, const B2bMeeting& m) {
  for (const auto& s : sessions) {
    if (s.id != m.session_id) continue;
    for (const auto& slot : sessionSlots({modelSession(s)}))
      if (slot.index == m.slot) return {s.day, slot.start, slot.end};
  }
  throw Error(ErrorKind::Invalid, tr("checkin.error.no_slot", {std::to_string(m.id)}));
}

// a before b on the venue's clock, (day, minute) compared.
bool before(const std::string& dayA, int minuteA, const std::string& dayB, int minuteB) {
  return dayA != dayB ? dayA < dayB : minuteA < minuteB;
}

B2bMeeting meetingById(Store& store, Id id) {
  for (const auto& m : store.b2bMeetings())
    if (m.id == id) return m;
  throw Error(ErrorKind::NotFound, tr("b2b.error.no_meeting", {std::to_string(id)}));
}

std::string nameOf(Store& store, Id person) {
  const auto p = store.person(person);
  return p ? names::latin(*p) : "#" + std::to_string(person);
}

std::string placeCode(Store& store, Id place) {
  for (const auto& p : store.b2bPlaces())
    if (p.id == place) return p.code;
  return "#" + std::to_string(place);
}

Id personOfBadge(Store& store, const std::string& serial) {
  const auto badge = store.badgeBySerial(serial);
  if (!badge) throw Error(ErrorKind::NotFound, tr("checkin.error.no_badge", {serial}));
  if (badge->status == BadgeStatus::Revoked) throw Error(ErrorKind::Refused, tr("checkin.error.revoked", {serial}));
  return badge->person_id;
}

bool inForce(const B2bMeeting& m) {
  return m.status == MeetingStatus::Scheduled || m.status == MeetingStatus::Held;
}

}  // namespace

void checkIn(Store& store, Id meeting, MeetingStatus status, const VenueTime& now) {
  const B2bMeeting m = meetingById(store, meeting);
  if (status == MeetingStatus::NoShow) {
    const MeetingTime t = timeOf(store.b2bSessions(), m);
    const int from = t.start + kNoShowGraceMinutes;
    if (before(now.day, now.minute, t.day, from))
      throw Error(ErrorKind::Refused,
                  tr("checkin.error.no_show_early", {std::to_string(meeting), t.day, clock(t.start), clock(from)}));
  }
  if (!inForce(m) && (status == MeetingStatus::Scheduled || status == MeetingStatus::Held)) {
    // Back in force: its place may have gone to a replacement meanwhile.
    for (const auto& o : store.b2bMeetings())
      if (o.id != m.id && inForce(o) && o.session_id == m.session_id && o.slot == m.slot && o.place_id == m.place_id)
        throw Error(ErrorKind::Refused, tr("checkin.error.slot_taken",
                                           {placeCode(store, m.place_id), clock(timeOf(store.b2bSessions(), m).start),
                                            std::to_string(o.id)}));
  }
  store.setB2bMeetingStatus(meeting, status);
}

B2bMeeting checkInByBadges(Store& store, const std::string& serialA, const std::string& serialB, const VenueTime& now) {
  const Id a = personOfBadge(store, serialA), b = personOfBadge(store, serialB);
  if (a == b) throw Error(ErrorKind::Invalid, tr("checkin.error.same_person", {nameOf(store, a)}));
  const auto sessions = store.b2bSessions();
  std::optional<B2bMeeting> found;
  std::optional<std::pair<MeetingTime, B2bMeeting>> next;  // a's next scheduled meeting
  for (const auto& m : store.b2bMeetings()) {
    if (!inForce(m) || (m.buyer != a && m.seller != a)) continue;
    const MeetingTime t = timeOf(sessions, m);
    const bool withB = m.buyer == b || m.seller == b;
    const bool running = t.day == now.day && now.minute >= t.start - kNoShowGraceMinutes && now.minute < t.end;
    if (withB && running) {  // held already: scanned twice, the same answer
      found = m;
      break;
    }
    if (m.status == MeetingStatus::Scheduled && !before(t.day, t.start, now.day, now.minute) &&
        (!next || before(t.day, t.start, next->first.day, next->first.start)))
      next = std::make_pair(t, m);
  }
  if (!found) {
    const std::string nameA = nameOf(store, a), nameB = nameOf(store, b), at = now.day + " " + clock(now.minute);
    if (!next) throw Error(ErrorKind::NotFound, tr("checkin.error.no_meeting_now", {nameA, nameB, at}));
    throw Error(ErrorKind::NotFound,
                tr("checkin.error.no_meeting_next", {nameA, nameB, at, next->first.day, clock(next->first.start),
                                                     placeCode(store, next->second.place_id)}));
  }
  if (found->status != MeetingStatus::Held) store.setB2bMeetingStatus(found->id, MeetingStatus::Held);
  found->status = MeetingStatus::Held;
  return *found;
}

std::vector<Replacement> proposeReplacements(Store& store, Id noShowMeeting, const VenueTime& now) {
  const B2bMeeting m = meetingById(store, noShowMeeting);
  if (m.status != MeetingStatus::NoShow)
    throw Error(ErrorKind::Refused,
                tr("checkin.error.not_no_show",
                   {std::to_string(m.id), tr("code.meeting_status." + std::string(codeOf(m.status)))}));
  const MeetingTime t = timeOf(store.b2bSessions(), m);
  if (!before(now.day, now.minute, t.day, t.end))
    throw Error(ErrorKind::Refused,
                tr("checkin.error.slot_over", {std::to_string(m.id), t.day, clock(t.start), clock(t.end)}));

  // Who is busy in that slot, which pairs already have their meeting, whether the place is free again.
  const auto meetings = store.b2bMeetings();
  std::set<Id> busy;
  std::set<std::pair<Id, Id>> met;
  for (const auto& o : meetings) {
    if (!inForce(o)) continue;
    met.insert({o.buyer, o.seller});
    if (o.session_id != m.session_id || o.slot != m.slot) continue;
    busy.insert(o.buyer);
    busy.insert(o.seller);
    if (o.place_id == m.place_id)
      throw Error(ErrorKind::Refused,
                  tr("checkin.error.slot_taken", {placeCode(store, m.place_id), clock(t.start), std::to_string(o.id)}));
  }
  std::set<Id> present;
  for (const auto& p : store.presences())
    if (p.inside && p.last_day == now.day && (p.zone == "b2b" || p.zone == "forum")) present.insert(p.person_id);

  const StoreProblem sp = loadProblem(store);
  const Problem& problem = sp.problem;
  std::map<Id, int> indexOf;
  for (std::size_t i = 0; i < sp.personOf.size(); ++i) indexOf[sp.personOf[i]] = static_cast<int>(i);
  int place = -1, session = -1;
  for (std::size_t g = 0; g < sp.placeIdOf.size(); ++g)
    if (sp.placeIdOf[g] == m.place_id) place = static_cast<int>(g);
  for (std::size_t s = 0; s < sp.sessionIdOf.size(); ++s)
    if (sp.sessionIdOf[s] == m.session_id) session = static_cast<int>(s);
  if (place < 0 || session < 0) return {};

  std::vector<Replacement> out;
  for (const Id stays : {m.buyer, m.seller}) {
    const auto i = indexOf.find(stays);
    if (!present.count(stays) || i == indexOf.end()) continue;
    for (int q : problem.pairsOf[i->second]) {
      const Pair& pair = problem.pairs[q];
      const Id buyer = sp.personOf[pair.buyer], seller = sp.personOf[pair.seller];
      const Id partner = buyer == stays ? seller : buyer;
      const int pi = buyer == stays ? pair.seller : pair.buyer;
      if (partner == m.buyer || partner == m.seller) continue;  // the one who did not come
      if (!present.count(partner) || busy.count(partner) || met.count({buyer, seller})) continue;
      if (!problem.people[pi].availableIn(session) || !problem.placeUsable(q, place)) continue;
      out.push_back({stays, partner, sp.nameOf[pi], pair.priority, pair.weight});
    }
  }
  std::sort(out.begin(), out.end(), [](const Replacement& x, const Replacement& y) {
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.partner_name != y.partner_name) return x.partner_name < y.partner_name;
    return x.partner < y.partner;
  });
  return out;
}

B2bMeeting acceptReplacement(Store& store, Id noShowMeeting, Id partner, const VenueTime& now) {
  B2bMeeting created;
  store.write([&] {
    const auto proposals = proposeReplacements(store, noShowMeeting, now);  // the slot still free, checked here
    const auto r =
        std::find_if(proposals.begin(), proposals.end(), [&](const Replacement& p) { return p.partner == partner; });
    if (r == proposals.end())
      throw Error(ErrorKind::Refused,
                  tr("checkin.error.not_proposed", {nameOf(store, partner), std::to_string(noShowMeeting)}));
    const B2bMeeting m = meetingById(store, noShowMeeting);
    created.buyer = r->stays == m.buyer ? m.buyer : partner;
    created.seller = r->stays == m.seller ? m.seller : partner;
    created.session_id = m.session_id;
    created.slot = m.slot;
    created.place_id = m.place_id;
    created.status = MeetingStatus::Scheduled;
    created.frozen = m.frozen;
    store.insertB2bMeeting(created);
  });
  return created;
}

}  // namespace moussem::b2b
