// The forum's B2B meetings on either database: sessions, places, participants, requests and the
// meetings of a schedule. Only rows in and out: the rules (who may meet whom, the schedule) live in
// src/b2b.
#include <charconv>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

using sql_rows::joinList;
using sql_rows::readCode;
using sql_rows::splitList;

namespace {

Id returnedId(sql::Query st) {
  st.step();
  return st.integer(0);
}

std::string joinIds(const std::vector<Id>& ids) {
  std::vector<std::string> items;
  for (Id id : ids) items.push_back(std::to_string(id));
  return joinList(items);
}

std::vector<Id> parseIds(const std::string& text) {
  std::vector<Id> out;
  for (const auto& item : splitList(text)) {
    Id id = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), id);
    if (ec != std::errc() || end != item.data() + item.size())
      throw Error(ErrorKind::Invalid, tr("store.error.bad_ids", {"b2b_participant.unavailable", text}));
    out.push_back(id);
  }
  return out;
}

}  // namespace

Id SqlStore::insertB2bSession(B2bSession& s) {
  writeOne([&] {
    s.id = returnedId(db().query("INSERT INTO b2b_session (day, starts, ends, meeting_minutes, changeover_minutes, "
                                 "breaks) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id")
                          .with(s.day, s.starts, s.ends, s.meeting_minutes, s.changeover_minutes, s.breaks));
  });
  return s.id;
}

std::vector<B2bSession> SqlStore::b2bSessions() {
  auto st = db().query(
      "SELECT id, day, starts, ends, meeting_minutes, changeover_minutes, breaks FROM b2b_session ORDER BY day, "
      "starts, id");
  std::vector<B2bSession> out;
  while (st.step()) {
    B2bSession s;
    s.id = st.integer(0);
    s.day = st.text(1);
    s.starts = st.text(2);
    s.ends = st.text(3);
    s.meeting_minutes = static_cast<int>(st.integer(4));
    s.changeover_minutes = static_cast<int>(st.integer(5));
    s.breaks = st.text(6);
    out.push_back(std::move(s));
  }
  return out;
}

Id SqlStore::insertB2bPlace(B2bPlace& p) {
  writeOne([&] {
    p.id = returnedId(db().query("INSERT INTO b2b_place (code, kind, booth, x, y) VALUES ($1,$2,$3,$4,$5) RETURNING id")
                          .with(p.code, codeOf(p.kind), p.booth, p.x, p.y));
  });
  return p.id;
}

std::vector<B2bPlace> SqlStore::b2bPlaces() {
  auto st = db().query("SELECT id, code, kind, booth, x, y FROM b2b_place ORDER BY code");
  std::vector<B2bPlace> out;
  while (st.step()) {
    B2bPlace p;
    p.id = st.integer(0);
    p.code = st.text(1);
    p.kind = readCode<B2bPlaceKind>(st.text(2), "b2b_place", "kind", p.id);
    p.booth = st.text(3);
    p.x = st.real(4);
    p.y = st.real(5);
    out.push_back(std::move(p));
  }
  return out;
}

void SqlStore::saveB2bParticipant(const B2bParticipant& p) {
  writeOne([&] {
    db().query(
            "INSERT INTO b2b_participant (person_id, side, max_meetings, unavailable) VALUES ($1,$2,$3,$4) "
            "ON CONFLICT (person_id) DO UPDATE SET side=excluded.side, max_meetings=excluded.max_meetings, "
            "unavailable=excluded.unavailable")
        .with(p.person_id, codeOf(p.side), p.max_meetings, joinIds(p.unavailable))
        .run();
  });
}

std::vector<B2bParticipant> SqlStore::b2bParticipants() {
  auto st = db().query("SELECT person_id, side, max_meetings, unavailable FROM b2b_participant ORDER BY person_id");
  std::vector<B2bParticipant> out;
  while (st.step()) {
    B2bParticipant p;
    p.person_id = st.integer(0);
    p.side = readCode<B2bSide>(st.text(1), "b2b_participant", "side", p.person_id);
    p.max_meetings = static_cast<int>(st.integer(2));
    p.unavailable = parseIds(st.text(3));
    out.push_back(std::move(p));
  }
  return out;
}

Id SqlStore::insertB2bRequest(B2bRequest& r) {
  writeOne([&] {
    r.id = returnedId(db().query("INSERT INTO b2b_request (from_person, to_person, priority, refused) VALUES "
                                 "($1,$2,$3,$4) RETURNING id")
                          .with(r.from_person, r.to_person, r.priority, r.refused));
  });
  return r.id;
}

std::vector<B2bRequest> SqlStore::b2bRequests() {
  auto st = db().query("SELECT id, from_person, to_person, priority, refused FROM b2b_request ORDER BY id");
  std::vector<B2bRequest> out;
  while (st.step()) {
    B2bRequest r;
    r.id = st.integer(0);
    r.from_person = st.integer(1);
    r.to_person = st.integer(2);
    r.priority = static_cast<int>(st.integer(3));
    r.refused = st.integer(4) != 0;
    out.push_back(r);
  }
  return out;
}

void SqlStore::deleteB2bMeetings(bool keepFrozen) {
  writeOne([&] {
    if (keepFrozen)
      db().query("DELETE FROM b2b_meeting WHERE frozen = 0").run();
    else
      db().query("DELETE FROM b2b_meeting").run();
  });
}

Id SqlStore::insertB2bMeeting(B2bMeeting& m) {
  writeOne([&] {
    m.id = returnedId(db().query("INSERT INTO b2b_meeting (buyer, seller, session_id, slot, place_id, status, frozen) "
                                 "VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id")
                          .with(m.buyer, m.seller, m.session_id, m.slot, m.place_id, codeOf(m.status), m.frozen));
  });
  return m.id;
}

std::vector<B2bMeeting> SqlStore::b2bMeetings() {
  auto st =
      db().query("SELECT id, buyer, seller, session_id, slot, place_id, status, frozen FROM b2b_meeting ORDER BY id");
  std::vector<B2bMeeting> out;
  while (st.step()) {
    B2bMeeting m;
    m.id = st.integer(0);
    m.buyer = st.integer(1);
    m.seller = st.integer(2);
    m.session_id = st.integer(3);
    m.slot = static_cast<int>(st.integer(4));
    m.place_id = st.integer(5);
    m.status = readCode<MeetingStatus>(st.text(6), "b2b_meeting", "status", m.id);
    m.frozen = st.integer(7) != 0;
    out.push_back(m);
  }
  return out;
}

void SqlStore::setB2bMeetingStatus(Id meeting, MeetingStatus status) {
  writeOne([&] {
    db().query("UPDATE b2b_meeting SET status=$1 WHERE id=$2").with(codeOf(status), meeting).run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("b2b.error.no_meeting", {std::to_string(meeting)}));
  });
}

}  // namespace moussem
