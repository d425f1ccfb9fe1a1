// The agenda reader (see agenda.hpp): one read of the store, then plain values.
#include "b2b/agenda.hpp"

#include <algorithm>
#include <set>

#include "b2b/b2b_service.hpp"
#include "b2b/model.hpp"
#include "booth/geometry.hpp"
#include "core/countries.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"

namespace moussem::b2b {

namespace {

bool sessionBefore(const B2bSession& a, const B2bSession& b) {
  return a.day != b.day ? a.day < b.day : a.starts < b.starts;
}

// The slots of each session, by session id: start and end minutes of slot i.
std::map<Id, std::vector<Slot>> slotsOf(const std::vector<B2bSession>& sessions) {
  std::map<Id, std::vector<Slot>> out;
  for (const auto& s : sessions) out[s.id] = sessionSlots({modelSession(s)});
  return out;
}

const Hall* hallAt(const std::vector<Hall>& halls, const std::vector<Booth>& booths, const B2bPlace& place) {
  if (place.kind == B2bPlaceKind::Booth)
    for (const auto& b : booths)
      if (b.code == place.booth)
        for (const auto& h : halls)
          if (h.code == b.hall) return &h;
  for (const auto& h : halls) {
    const bool inside = h.outline.empty()
                            ? place.x >= h.x && place.x <= h.x + h.width && place.y >= h.y && place.y <= h.y + h.height
                            : booth::pointInPolygon(h.outline, {place.x, place.y});
    if (inside) return &h;
  }
  return nullptr;
}

}  // namespace

std::string clockText(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

long long localToUtc(const tz::TimeZone& zone, const std::string& day, int minutes) {
  const long long local = dates::toDayNumber(day) * 86400 + minutes * 60LL;
  // The offset in force at the instant that shows this wall-clock time: found from a first guess with
  // the offset at `local` read as UTC, then checked once against the offset at the answer.
  long long utc = local - zone.offsetAt(local);
  const long long second = local - zone.offsetAt(utc);
  if (second != utc && zone.local(second).hour * 60 + zone.local(second).minute == minutes) utc = second;
  return utc;
}

Programme readProgramme(Store& store, std::optional<Id> person) {
  Programme p;
  if (auto e = store.edition()) p.edition = *e;
  if (person) {
    auto who = store.person(*person);
    if (!who) throw Error(ErrorKind::NotFound, tr("agenda.error.no_person", {std::to_string(*person)}));
    p.people[who->id] = *who;
  }
  p.sessions = store.b2bSessions();
  std::stable_sort(p.sessions.begin(), p.sessions.end(), sessionBefore);
  p.places = store.b2bPlaces();
  p.participants = store.b2bParticipants();
  p.halls = store.halls();
  p.booths = store.booths();
  std::set<Id> wanted;
  for (auto& m : store.b2bMeetings()) {
    if (person && m.buyer != *person && m.seller != *person) continue;
    wanted.insert(m.buyer);
    wanted.insert(m.seller);
    p.meetings.push_back(m);
  }
  if (person) {
    for (Id id : wanted)
      if (!p.people.count(id))
        if (auto x = store.person(id)) p.people[id] = *x;
  } else {
    store.forEachPerson([&](const Person& x, const std::string&) {
      if (wanted.count(x.id)) p.people[x.id] = x;
    });
  }
  std::set<Id> exhibitors;
  for (const auto& [id, x] : p.people)
    if (x.exhibitor_id) exhibitors.insert(*x.exhibitor_id);
  for (Id id : exhibitors)
    if (auto x = store.exhibitor(id)) p.exhibitors[id] = *x;
  return p;
}

namespace {

void organisationOf(const Programme& p, const Person& person, std::string& fr, std::string& ar, std::string& sector) {
  fr = person.organization;
  ar.clear();
  sector.clear();
  if (!person.exhibitor_id) return;
  auto it = p.exhibitors.find(*person.exhibitor_id);
  if (it == p.exhibitors.end()) return;
  if (!it->second.name_fr.empty()) fr = it->second.name_fr;
  ar = it->second.name_ar;
  sector = it->second.sector;
}

}  // namespace

AgendaData agendaOf(const Programme& p, Id personId) {
  auto who = p.people.find(personId);
  if (who == p.people.end()) throw Error(ErrorKind::NotFound, tr("agenda.error.no_person", {std::to_string(personId)}));
  AgendaData a;
  a.edition = p.edition;
  a.person = who->second;
  a.side = sideOf(a.person, p.participants);
  organisationOf(p, a.person, a.organisation, a.organisation_ar, a.sector);

  const tz::TimeZone zone = tz::TimeZone::load(p.edition.timezone.empty() ? "UTC" : p.edition.timezone);
  const auto slots = slotsOf(p.sessions);
  std::map<Id, int> rank;
  for (std::size_t i = 0; i < p.sessions.size(); ++i) rank[p.sessions[i].id] = static_cast<int>(i);
  for (const auto& m : p.meetings) {
    if (m.buyer != personId && m.seller != personId) continue;
    const auto session =
        std::find_if(p.sessions.begin(), p.sessions.end(), [&](const B2bSession& s) { return s.id == m.session_id; });
    const auto ss = slots.find(m.session_id);
    if (session == p.sessions.end() || ss == slots.end() || m.slot < 0 || m.slot >= static_cast<int>(ss->second.size()))
      continue;  // a meeting of a session since removed: nothing to show
    AgendaMeeting am;
    am.id = m.id;
    am.day = session->day;
    am.start = ss->second[static_cast<std::size_t>(m.slot)].start;
    am.end = ss->second[static_cast<std::size_t>(m.slot)].end;
    am.start_utc = localToUtc(zone, am.day, am.start);
    am.end_utc = localToUtc(zone, am.day, am.end);
    const Id partner = m.buyer == personId ? m.seller : m.buyer;
    if (auto it = p.people.find(partner); it != p.people.end()) am.partner = it->second;
    am.partner.id = partner;
    organisationOf(p, am.partner, am.organisation, am.organisation_ar, am.sector);
    for (const auto& pl : p.places)
      if (pl.id == m.place_id) am.place = pl;
    if (const Hall* h = hallAt(p.halls, p.booths, am.place)) {
      am.hall = h->code;
      am.hall_name = h->name.empty() ? h->code : h->name;
      am.hall_name_ar = h->name_ar;
    }
    am.status = m.status;
    am.session_index = rank[m.session_id];
    am.slot = m.slot;
    a.meetings.push_back(std::move(am));
  }
  std::sort(a.meetings.begin(), a.meetings.end(), [](const AgendaMeeting& x, const AgendaMeeting& y) {
    if (x.start_utc != y.start_utc) return x.start_utc < y.start_utc;
    return x.place.code < y.place.code;
  });
  return a;
}

AgendaData agendaOf(Store& store, Id person) {
  return agendaOf(readProgramme(store, person), person);
}

std::vector<Id> peopleWithMeetings(const Programme& p) {
  std::set<Id> ids;
  for (const auto& m : p.meetings) ids.insert(m.buyer), ids.insert(m.seller);
  std::vector<std::pair<std::string, Id>> keyed;
  for (Id id : ids)
    if (auto it = p.people.find(id); it != p.people.end()) keyed.emplace_back(names::sortKey(it->second), id);
  std::sort(keyed.begin(), keyed.end());
  std::vector<Id> out;
  for (const auto& k : keyed) out.push_back(k.second);
  return out;
}

std::vector<TableSheet> tableSheets(const Programme& p) {
  const auto slots = slotsOf(p.sessions);
  std::vector<TableSheet> sheets;
  std::vector<B2bPlace> tables;
  for (const auto& pl : p.places)
    if (pl.kind == B2bPlaceKind::Table) tables.push_back(pl);
  std::sort(tables.begin(), tables.end(), [](const B2bPlace& a, const B2bPlace& b) {
    // T2 before T10: the number part compared as a number when both codes end in digits.
    auto split = [](const std::string& c) {
      std::size_t i = c.size();
      while (i > 0 && c[i - 1] >= '0' && c[i - 1] <= '9') --i;
      return std::make_pair(c.substr(0, i), i < c.size() && c.size() - i < 12 ? std::stoll(c.substr(i)) : -1LL);
    };
    return split(a.code) != split(b.code) ? split(a.code) < split(b.code) : a.code < b.code;
  });
  for (const auto& t : tables) {
    TableSheet sheet;
    sheet.place = t;
    if (const Hall* h = hallAt(p.halls, p.booths, t)) {
      sheet.hall_name = h->name.empty() ? h->code : h->name;
      sheet.hall_name_ar = h->name_ar;
    }
    for (const auto& s : p.sessions) {
      const auto& ss = slots.at(s.id);
      for (const auto& slot : ss) {
        TableSlot row;
        row.day = s.day;
        row.start = slot.start;
        row.end = slot.end;
        for (const auto& m : p.meetings) {
          if (m.place_id != t.id || m.session_id != s.id || m.slot != slot.index) continue;
          // A cancelled meeting gives way to another one in the same slot.
          if (row.buyer && m.status == MeetingStatus::Cancelled) continue;
          if (auto b = p.people.find(m.buyer); b != p.people.end()) row.buyer = b->second;
          if (auto x = p.people.find(m.seller); x != p.people.end()) row.seller = x->second;
          row.status = m.status;
        }
        sheet.slots.push_back(std::move(row));
      }
    }
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

Words wordsIn(const std::string& lang) {
  if (lang != "fr" && lang != "ar" && lang != "en")
    throw Error(ErrorKind::Usage, moussem::tr("agenda.error.language", {lang}));
  Words w;
  w.lang = lang;
  return w;
}

std::string Words::tr(std::string_view key, std::initializer_list<std::string> args) const {
  std::string text = i18n::lookupIn(lang, key);
  if (text.empty()) text = i18n::lookupIn("fr", key);
  if (text.empty()) text = std::string(key);
  return i18n::format(text, args);
}

std::string Words::label(std::string_view family, std::string_view code) const {
  return i18n::label(family, code, lang);
}

std::string Words::country(const std::string& code) const {
  return code.empty() ? std::string() : countries::name(code, lang);
}

std::string Words::edition(const Edition& e) const {
  if (lang == "ar" && !e.name_ar.empty()) return e.name_ar;
  if (lang == "en" && !e.name_en.empty()) return e.name_en;
  return e.name_fr;
}

std::string Words::name(const Person& p) const {
  return names::sentence(p, lang);
}

std::string Words::otherName(const Person& p) const {
  return names::secondary(p, lang);
}

std::string Words::organisation(const std::string& fr, const std::string& ar) const {
  if (lang == "ar" && !ar.empty()) return ar;
  return fr.empty() ? ar : fr;
}

std::string Words::day(const std::string& iso) const {
  return dates::isIsoDate(iso) ? dates::formatLong(iso, lang) : iso;
}

std::string Words::place(const B2bPlace& place) const {
  if (place.code.empty()) return {};
  return tr(place.kind == B2bPlaceKind::Booth ? "agenda.place.booth" : "agenda.place.table", {place.code});
}

std::string Words::hall(const std::string& name, const std::string& name_ar) const {
  return lang == "ar" && !name_ar.empty() ? name_ar : name;
}

}  // namespace moussem::b2b
