// Availability at the B2B sessions, imported (see availability.hpp).
#include "b2b/availability.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "b2b/b2b_service.hpp"
#include "b2b/sheet.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "io/csv.hpp"

namespace moussem::b2b {

namespace {

bool allDigits(const std::string& s) {
  return !s.empty() && s.size() < 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The sessions a cell names; empty with `why` set when it names none.
std::vector<Id> sessionsNamed(const std::string& raw, const std::vector<B2bSession>& sessions,
                              const std::optional<Edition>& edition, std::string& why) {
  const std::string text = trimmed(raw);
  const std::string digits = !text.empty() && text[0] == '#' ? text.substr(1) : text;
  std::vector<Id> out;
  if (allDigits(digits)) {
    const Id id = std::stoll(digits);
    for (const auto& s : sessions)
      if (s.id == id) out.push_back(id);
    if (out.empty()) why = tr("b2b.error.no_session", {text});
    return out;
  }
  // A day, then optionally am|pm (matin|après-midi).
  const auto space = text.find_first_of(" \t");
  const std::string dayText = text.substr(0, space);
  const std::string half = space == std::string::npos ? "" : lowered(trimmed(text.substr(space)));
  const auto day = dates::parseDate(dayText);
  if (!day) return why = tr("b2b.error.availability_session", {text}), out;
  int which = 0;  // 0 the whole day, 1 the morning, 2 the afternoon
  if (half == "am" || half == "matin")
    which = 1;
  else if (half == "pm" || half == "après-midi" || half == "apres-midi" || half == "aprem")
    which = 2;
  else if (!half.empty())
    return why = tr("b2b.error.availability_session", {text}), out;
  if (edition && (*day < edition->starts_on || *day > edition->ends_on))
    return why = tr("b2b.error.session_outside", {*day, edition->starts_on, edition->ends_on}), out;
  for (const auto& s : sessions) {
    if (s.day != *day) continue;
    const bool morning = minutesOf(s.starts) < 12 * 60;
    if (which == 0 || (which == 1) == morning) out.push_back(s.id);
  }
  if (out.empty()) why = tr("b2b.error.no_session", {text});
  return out;
}

// yes/no as the organisers write it; nullopt for anything else.
std::optional<bool> yesNo(const std::string& raw) {
  const std::string v = lowered(trimmed(raw));
  if (v == "yes" || v == "y" || v == "oui" || v == "o" || v == "1" || v == "true" || v == "نعم") return true;
  if (v == "no" || v == "n" || v == "non" || v == "0" || v == "false" || v == "لا") return false;
  return std::nullopt;
}

}  // namespace

io::ImportReport importAvailability(Store& store, const std::filesystem::path& file, const io::ImportOptions& options) {
  return importAvailabilityText(store, live_files::readUserFile(file), file.string(), options);
}

io::ImportReport importAvailabilityText(Store& store, std::string_view bytes, const std::string& name,
                                        const io::ImportOptions& options) {
  io::ImportReport report;
  const Sheet sheet = openSheet(bytes, name, report,
                                {{"person", "personne"}, {"session", "séance", "seance"}, {"available", "disponible"}},
                                tr("b2b.error.availability_header"));
  const csv::Table& table = sheet.table;
  const int cp = sheet.columns[0], cs = sheet.columns[1], ca = sheet.columns[2];
  const auto& header = table.rows[0].fields;
  if (cp < 0 || cs < 0 || ca < 0)
    throw Error(ErrorKind::Invalid, tr("b2b.error.file", {name, tr("b2b.error.availability_header")}));
  const std::string colPerson = trimmed(header[cp]), colSession = trimmed(header[cs]),
                    colAvailable = trimmed(header[ca]);

  const PersonFinder people(store);
  const auto sessions = store.b2bSessions();
  const auto edition = store.edition();
  const auto rows = store.b2bParticipants();
  std::map<Id, B2bParticipant> before;
  for (const auto& r : rows) before[r.person_id] = r;
  std::map<Id, B2bParticipant> after;  // the people the file names, as they will be
  std::size_t good = 0;
  for (std::size_t i = 1; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    ++report.rows;
    if (row.bad()) {
      report.errors.push_back({row.line, "", row.problem});
      continue;
    }
    auto field = [&](int c) { return c < static_cast<int>(row.fields.size()) ? row.fields[c] : std::string(); };
    const auto person = people.find(field(cp));
    if (!person) {
      report.errors.push_back({row.line, colPerson, tr("b2b.error.nobody", {field(cp)})});
      continue;
    }
    std::string why;
    const auto named = sessionsNamed(field(cs), sessions, edition, why);
    if (!why.empty()) {
      report.errors.push_back({row.line, colSession, why});
      continue;
    }
    const auto available = yesNo(field(ca));
    if (!available) {
      report.errors.push_back({row.line, colAvailable, tr("b2b.error.availability_value", {field(ca)})});
      continue;
    }
    auto it = after.find(person->id);
    if (it == after.end()) {
      B2bParticipant p;
      if (const auto b = before.find(person->id); b != before.end())
        p = b->second;
      else {
        p.person_id = person->id;
        p.side = sideOf(*person, rows);
      }
      it = after.emplace(person->id, p).first;
    }
    auto& off = it->second.unavailable;
    for (Id s : named) {
      off.erase(std::remove(off.begin(), off.end(), s), off.end());
      if (!*available) off.push_back(s);
    }
    ++good;
    if (options.progress) options.progress(0.5 * static_cast<double>(i) / static_cast<double>(table.rows.size()));
  }
  report.skipped = report.rows - good;
  std::vector<B2bParticipant> changed;
  for (auto& [id, p] : after) {
    std::sort(p.unavailable.begin(), p.unavailable.end());
    const auto b = before.find(id);
    if (b == before.end()) {
      ++report.created;
    } else {
      auto old = b->second.unavailable;
      std::sort(old.begin(), old.end());
      if (old == p.unavailable) {
        ++report.unchanged;
        continue;
      }
      ++report.updated;
    }
    changed.push_back(p);
  }
  if (options.dry_run || (!report.errors.empty() && !options.skip_invalid)) return report;
  store.write([&] {
    for (std::size_t i = 0; i < changed.size(); ++i) {
      if (options.cancelled && options.cancelled()) throw Error(ErrorKind::Refused, tr("io.import.cancelled"));
      store.saveB2bParticipant(changed[i]);
      if (options.progress)
        options.progress(0.5 + 0.5 * static_cast<double>(i + 1) / static_cast<double>(changed.size()));
    }
  });
  report.written = !changed.empty();
  return report;
}

}  // namespace moussem::b2b
