// Personal B2B agendas as every output sees them (the PDF, the iCalendar file, the table sheets, the
// desk): one reader of the store that puts together, for a person, their meetings in time order with the
// partner's names, organisation, country and sector, the place and its hall, and the times both on the
// venue's clock and in UTC. Plain values; codes (country, sector, status) stay codes: each output names
// them in its own language. No drawing, no file here.
#pragma once
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/b2b_records.hpp"
#include "core/domain.hpp"
#include "core/time_zone.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

struct AgendaMeeting {
  Id id = 0;
  std::string day;              // YYYY-MM-DD, the venue's calendar
  int start = 0, end = 0;       // minutes since midnight, the venue's clock
  long long start_utc = 0;      // seconds since 1970 UTC (through the edition's time zone)
  long long end_utc = 0;        //
  Person partner;               // the other side of the table
  std::string organisation;     // the partner's: their exhibitor's French name, else their own organisation
  std::string organisation_ar;  // their exhibitor's Arabic name, if any
  std::string sector;           // the partner's exhibitor's sector code; empty if none
  B2bPlace place;               // code, kind, booth code
  std::string hall;             // the hall the place is in (code); empty if none
  std::string hall_name, hall_name_ar;
  MeetingStatus status = MeetingStatus::Scheduled;
  int session_index = 0;  // the session's rank in time order
  int slot = 0;
};

struct AgendaData {
  Edition edition;
  Person person;
  B2bSide side = B2bSide::Buyer;
  std::string organisation, organisation_ar, sector;  // as for a partner
  std::vector<AgendaMeeting> meetings;                // by start, then place code
};

// The B2B programme read once (for one person, or for everyone: batches and table sheets), so that a
// batch of four hundred agendas costs one read of the store, not four hundred.
struct Programme {
  Edition edition;
  std::vector<B2bSession> sessions;  // in time order
  std::vector<B2bPlace> places;
  std::vector<B2bMeeting> meetings;
  std::vector<B2bParticipant> participants;
  std::vector<Hall> halls;
  std::vector<Booth> booths;
  std::map<Id, Person> people;         // the people of the meetings read (and the one asked for)
  std::map<Id, Exhibitor> exhibitors;  // their exhibitors
};

// The programme as `person` needs it (that person and their partners only), or whole (nullopt: every
// person who has a meeting). Throws Error(NotFound) naming the id when the person does not exist.
Programme readProgramme(Store& store, std::optional<Id> person = std::nullopt);

// The agenda of a person: their meetings in time order; none is not an error (the agenda says so).
// Throws Error(NotFound) naming the id when the programme does not hold the person.
AgendaData agendaOf(const Programme& programme, Id person);
AgendaData agendaOf(Store& store, Id person);

// The people who have at least one meeting, in name order (family name first, as lists are sorted).
std::vector<Id> peopleWithMeetings(const Programme& programme);

// A meeting's time as "HH:MM" from minutes since midnight.
std::string clockText(int minutes);

// The venue's wall clock to UTC seconds: `day` at `minutes` past midnight in `zone`. In a clock
// change's gap the offset before it applies; in a repeated hour, the first occurrence.
long long localToUtc(const tz::TimeZone& zone, const std::string& day, int minutes);

// The words of one language for an output (a PDF, a calendar file) whatever the interface speaks: a
// catalog key looked up in `lang`, else in French, else the key itself; codes named in that language.
struct Words {
  std::string lang = "fr";
  std::string tr(std::string_view key, std::initializer_list<std::string> args = {}) const;
  std::string label(std::string_view family, std::string_view code) const;
  std::string country(const std::string& code) const;  // its name in lang; empty code: empty
  bool rightToLeft() const { return lang == "ar"; }
  std::string edition(const Edition& e) const;   // the edition's name in lang, else French
  std::string name(const Person& p) const;       // the name in lang's script (names::sentence)
  std::string otherName(const Person& p) const;  // the name in the other script, empty if none
  std::string organisation(const std::string& fr, const std::string& ar) const;
  std::string day(const std::string& iso) const;   // "mardi 10 février 2026"-like: dates::formatLong
  std::string place(const B2bPlace& place) const;  // "Table T3", "Stand A12"
  std::string hall(const std::string& name, const std::string& name_ar) const;
};
// Throws Error(Usage) naming the code when lang is not fr, ar or en.
Words wordsIn(const std::string& lang);

// One table of the B2B area, slot by slot: who sits there when.
struct TableSlot {
  std::string day;
  int start = 0, end = 0;
  std::optional<Person> buyer, seller;  // nobody: the table is free then
  MeetingStatus status = MeetingStatus::Scheduled;
};
struct TableSheet {
  B2bPlace place;
  std::string hall_name, hall_name_ar;
  std::vector<TableSlot> slots;  // every slot of every session, in time order
};
// Every table of the B2B area (kind table), in code order, each with all slots of all sessions.
std::vector<TableSheet> tableSheets(const Programme& programme);

}  // namespace moussem::b2b
