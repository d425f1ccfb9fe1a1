// The agenda as iCalendar (see agenda_ics.hpp). libical builds the components and writes them (escaping,
// folding, CRLF); every handle is owned by a unique_ptr.
#include "b2b/agenda_ics.hpp"

#include <libical/ical.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace moussem::b2b {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype utcTime(long long seconds) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0, icaltimezone_get_utc_timezone());
}

std::string joinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    if (!l.empty()) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

std::string agendaIcs(const AgendaData& a, const Words& w, long long stampUtc) {
  Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Moussem//B2B agenda//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  const std::string calName = w.tr("agenda.ics.name", {w.name(a.person), w.edition(a.edition)});
  icalproperty* xname = icalproperty_new_x(calName.c_str());
  icalproperty_set_x_name(xname, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), xname);
  const std::string editionUid = a.edition.uid.empty() ? "edition" : a.edition.uid;
  for (const auto& m : a.meetings) {
    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_component(cal.get(), ev);  // owned by the calendar from here
    const std::string uid = "b2b-" + std::to_string(m.id) + "-" + editionUid + "@moussem";
    icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(utcTime(stampUtc)));
    icalcomponent_add_property(ev, icalproperty_new_dtstart(utcTime(m.start_utc)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(utcTime(m.end_utc)));
    const std::string org = w.organisation(m.organisation, m.organisation_ar);
    const std::string partner = w.name(m.partner) + (org.empty() ? "" : " (" + org + ")");
    icalcomponent_add_property(ev, icalproperty_new_summary(w.tr("agenda.ics.summary", {partner}).c_str()));
    const std::string hall = w.hall(m.hall_name, m.hall_name_ar);
    const std::string place = w.place(m.place);
    icalcomponent_add_property(ev, icalproperty_new_location((hall.empty() ? place : place + ", " + hall).c_str()));
    const std::string description = joinLines({
        w.tr("agenda.ics.partner",
             {w.name(m.partner) + (w.otherName(m.partner).empty() ? "" : " — " + w.otherName(m.partner))}),
        org.empty() ? "" : w.tr("agenda.ics.organisation", {org}),
        m.partner.country.empty() ? "" : w.tr("agenda.ics.country", {w.country(m.partner.country)}),
        m.sector.empty() ? "" : w.tr("agenda.ics.sector", {w.label("sector", m.sector)}),
        w.edition(a.edition),
    });
    icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(
        ev,
        icalproperty_new_status(m.status == MeetingStatus::Cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  }
  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) throw Error(ErrorKind::Invalid, icalerror_strerror(icalerrno));
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

void writeAgendaIcs(const AgendaData& a, const Words& w, const std::filesystem::path& out) {
  const long long now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const std::string text = agendaIcs(a, w, now);
  PartialFile file(out, "agenda.error.write");
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(file.fd(), text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      file.fail(std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  file.publish();
}

}  // namespace moussem::b2b
