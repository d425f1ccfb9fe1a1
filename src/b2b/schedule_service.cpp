// The B2B schedule through the store (see schedule_service.hpp).
#include "b2b/schedule_service.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "b2b/b2b_service.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::b2b {

namespace {

std::string personName(const Person& p) {
  std::string n = p.first_name + (p.first_name.empty() || p.last_name.empty() ? "" : " ") + p.last_name;
  return n.empty() ? p.name_ar : n;
}

std::string twoDigits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

}  // namespace

std::string StoreProblem::slotStart(int slot) const {
  const Slot& s = problem.slots[slot];
  return problem.sessions[s.session].day + "T" + twoDigits(s.start / 60) + ":" + twoDigits(s.start % 60);
}

StoreProblem loadProblem(Store& store) {
  StoreProblem out;
  // Sessions, and the way from (session id, slot within it) to the problem's slot.
  std::vector<Session> sessions;
  for (const auto& s : store.b2bSessions()) {
    sessions.push_back(modelSession(s));
    out.sessionIdOf.push_back(s.id);
  }

  // Places: tables where they were put, booths where the booth is now, held by its exhibitor now.
  std::map<std::string, Booth> booths;
  for (const auto& b : store.booths()) booths[b.code] = b;
  std::vector<Place> places;
  for (const auto& p : store.b2bPlaces()) {
    Place place;
    place.code = p.code;
    place.x = p.x, place.y = p.y;
    if (p.kind == B2bPlaceKind::Booth) {
      place.booth = true;
      place.organisation = "booth-without-exhibitor:" + p.booth;  // nobody's organisation
      if (const auto it = booths.find(p.booth); it != booths.end()) {
        place.x = it->second.x + it->second.width / 2;
        place.y = it->second.y + it->second.depth / 2;
        if (it->second.exhibitor_id) place.organisation = "exhibitor:" + std::to_string(*it->second.exhibitor_id);
      }
    }
    places.push_back(place);
    out.placeIdOf.push_back(p.id);
  }

  // Participants: everyone named in a request, in the order they first appear.
  const auto requests = store.b2bRequests();
  std::set<Id> named;
  for (const auto& r : requests) named.insert(r.from_person), named.insert(r.to_person);
  std::map<Id, Person> people;
  store.forEachPerson([&](const Person& p, const std::string&) {
    if (named.count(p.id)) people[p.id] = p;
  });
  std::map<Id, Exhibitor> exhibitors;
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) { exhibitors[x.id] = x; });
  const auto rows = store.b2bParticipants();
  std::map<Id, B2bParticipant> rowOf;
  for (const auto& r : rows) rowOf[r.person_id] = r;

  std::vector<Participant> participants;
  std::map<Id, int> indexOf;
  auto participant = [&](Id id) {
    if (const auto it = indexOf.find(id); it != indexOf.end()) return it->second;
    const auto pit = people.find(id);
    if (pit == people.end()) throw Error(ErrorKind::Invalid, tr("b2b.error.nobody", {"#" + std::to_string(id)}));
    const Person& p = pit->second;
    Participant q;
    q.person = id;
    q.name = personName(p);
    q.side = sideOf(p, rows) == B2bSide::Seller ? Side::Seller : Side::Buyer;
    q.country = p.country;
    if (p.exhibitor_id) {
      if (const auto x = exhibitors.find(*p.exhibitor_id); x != exhibitors.end()) q.sector = x->second.sector;
      q.organisation = "exhibitor:" + std::to_string(*p.exhibitor_id);
    } else {
      q.organisation = "organisation:" + p.organization;
    }
    if (const auto r = rowOf.find(id); r != rowOf.end()) {
      q.max_meetings = r->second.max_meetings;
      const auto& off = r->second.unavailable;
      if (!off.empty()) {
        q.available.assign(out.sessionIdOf.size(), true);
        for (std::size_t s = 0; s < out.sessionIdOf.size(); ++s)
          q.available[s] = std::find(off.begin(), off.end(), out.sessionIdOf[s]) == off.end();
      }
    }
    const int index = static_cast<int>(participants.size());
    participants.push_back(std::move(q));
    out.personOf.push_back(id);
    out.nameOf.push_back(participants.back().name);
    indexOf[id] = index;
    return index;
  };
  std::vector<Request> modelRequests;
  for (const auto& r : requests)  // in id order
    modelRequests.push_back({participant(r.from_person), participant(r.to_person), r.priority, r.refused});

  out.problem = buildProblem(std::move(sessions), std::move(places), std::move(participants), std::move(modelRequests));

  // The meetings in force.
  std::map<std::pair<Id, int>, int> slotOf;
  for (int t = 0; t < out.problem.slotCount(); ++t) {
    const Slot& s = out.problem.slots[t];
    slotOf[{out.sessionIdOf[s.session], s.index}] = t;
  }
  std::map<Id, int> placeOf;
  for (std::size_t g = 0; g < out.placeIdOf.size(); ++g) placeOf[out.placeIdOf[g]] = static_cast<int>(g);
  std::set<std::pair<int, int>> granted;
  for (const auto& pr : out.problem.pairs) granted.insert({pr.buyer, pr.seller});
  for (const auto& m : store.b2bMeetings()) {
    if (m.status != MeetingStatus::Scheduled && !m.frozen) continue;  // replaced by a new schedule
    // A published no-show or cancelled meeting stays on record but frees its place and its people in
    // that slot (migration 12): a replacement may be there.
    if (m.status == MeetingStatus::NoShow || m.status == MeetingStatus::Cancelled) continue;
    const auto b = indexOf.find(m.buyer), s = indexOf.find(m.seller);
    const auto t = slotOf.find({m.session_id, m.slot});
    const auto g = placeOf.find(m.place_id);
    const bool known = b != indexOf.end() && s != indexOf.end() && t != slotOf.end() && g != placeOf.end() &&
                       granted.count({b->second, s->second});
    if (!known) {
      if (!m.frozen) continue;  // a draft meeting of a pair no longer asked: the new schedule drops it
      std::string buyer = "#" + std::to_string(m.buyer), seller = "#" + std::to_string(m.seller);
      store.forEachPerson([&](const Person& p, const std::string&) {
        if (p.id == m.buyer) buyer = personName(p);
        if (p.id == m.seller) seller = personName(p);
      });
      throw Error(ErrorKind::Invalid, tr("b2b.error.frozen_lost", {buyer, seller}));
    }
    out.previous.push_back({b->second, s->second, t->second, g->second, m.frozen});
  }
  return out;
}

ScheduleOutcome planSchedule(Store& store, const PlanOptions& options) {
  ScheduleOutcome o;
  o.in = loadProblem(store);
  SchedulerOptions so;
  so.seed = options.seed;
  so.progress = options.progress;
  so.cancelled = options.cancelled;
  const Problem& p = o.in.problem;
  o.result = schedule(p, o.in.previous, so);
  std::vector<Meeting> frozen;
  for (const auto& m : o.in.previous)
    if (m.frozen) frozen.push_back(m);
  o.violations = checkSchedule(p, o.result.schedule, frozen);
  o.score = scoreSchedule(p, o.result.schedule);
  // People with requests granted but no session in common with anyone they asked for.
  for (int i = 0; i < static_cast<int>(p.people.size()); ++i) {
    if (p.pairsOf[i].empty()) continue;
    bool common = false;
    for (int q : p.pairsOf[i]) {
      const Participant& b = p.people[p.pairs[q].buyer];
      const Participant& s = p.people[p.pairs[q].seller];
      for (int se = 0; se < static_cast<int>(p.sessions.size()) && !common; ++se)
        common = b.availableIn(se) && s.availableIn(se) && !sessionSlots({p.sessions[se]}).empty();
      if (common) break;
    }
    if (!common) o.stranded.push_back({i});
  }
  return o;
}

void applySchedule(Store& store, const ScheduleOutcome& outcome, bool freeze) {
  const StoreProblem& in = outcome.in;
  AuditRow summary;
  summary.action = "b2b.schedule";
  summary.entity = "b2b_meeting";
  summary.entity_id = freeze ? "published" : "draft";
  summary.after = nlohmann::json{
      {"meetings", outcome.result.schedule.meetings.size()},
      {"objective", outcome.score.objective},
      {"frozen",
       freeze}}.dump();
  store.writeBulk(summary, [&] {
    store.deleteB2bMeetings(true);
    for (const auto& m : outcome.result.schedule.meetings) {
      if (m.frozen) continue;  // published: still in the store where it was
      const Slot& s = in.problem.slots[m.slot];
      B2bMeeting row;
      row.buyer = in.personOf[m.buyer];
      row.seller = in.personOf[m.seller];
      row.session_id = in.sessionIdOf[s.session];
      row.slot = s.index;
      row.place_id = in.placeIdOf[m.place];
      row.status = MeetingStatus::Scheduled;
      row.frozen = freeze;
      store.insertB2bMeeting(row);
    }
  });
}

}  // namespace moussem::b2b
