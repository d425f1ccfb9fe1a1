// A personal agenda as an iCalendar file (RFC 5545) written with libical: one VEVENT per meeting, its
// times in UTC (computed through the edition's time zone, core/time_zone: right in Casablanca across
// Ramadan and the 2026 change), its UID stable across exports (meeting id and edition uid) so that a
// calendar updates the event instead of adding a second one, and the text in the agenda's language.
#pragma once
#include <filesystem>
#include <string>

#include "b2b/agenda.hpp"

namespace moussem::b2b {

// The calendar as text (CRLF lines, folded at 75 octets). stampUtc: DTSTAMP, seconds since 1970 UTC.
std::string agendaIcs(const AgendaData& agenda, const Words& words, long long stampUtc);
// Written whole or not at all (core/atomic_file); Error(Io) naming the file when it cannot be.
void writeAgendaIcs(const AgendaData& agenda, const Words& words, const std::filesystem::path& out);

}  // namespace moussem::b2b
