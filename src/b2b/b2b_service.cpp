// The B2B programme through the store (see b2b_service.hpp).
#include "b2b/b2b_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "b2b/sheet.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "io/csv.hpp"

namespace moussem::b2b {

int minutesOf(const std::string& t) {
  if (t.size() != 5 || t[2] != ':' || !std::isdigit(static_cast<unsigned char>(t[0])) ||
      !std::isdigit(static_cast<unsigned char>(t[1])) || !std::isdigit(static_cast<unsigned char>(t[3])) ||
      !std::isdigit(static_cast<unsigned char>(t[4])))
    return -1;
  const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60 ? h * 60 + m : -1;
}

namespace {

[[noreturn]] void refuse(const std::string& message) {
  throw Error(ErrorKind::Invalid, message);
}

}  // namespace

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string lowered(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Sheet openSheet(std::string_view bytes, const std::string& name, io::ImportReport& report,
                std::initializer_list<std::initializer_list<std::string_view>> wanted,
                const std::string& emptyMessage) {
  report.file = name;
  Sheet sheet;
  try {
    sheet.table = csv::parse(bytes);
  } catch (const csv::CsvError& e) {
    throw Error(ErrorKind::Invalid, tr("b2b.error.file", {name, e.what()}));
  }
  report.separator = sheet.table.separator;
  if (sheet.table.rows.empty()) throw Error(ErrorKind::Invalid, tr("b2b.error.file", {name, emptyMessage}));
  const auto& header = sheet.table.rows[0].fields;
  for (const auto& names : wanted) {
    int found = -1;
    for (int i = 0; i < static_cast<int>(header.size()) && found < 0; ++i)
      if (std::find(names.begin(), names.end(), lowered(trimmed(header[i]))) != names.end()) found = i;
    sheet.columns.push_back(found);
  }
  return sheet;
}

B2bSession addSession(Store& store, B2bSession s) {
  const auto edition = store.edition();
  const auto day = dates::parseDate(s.day);
  if (!day) refuse(tr("b2b.error.session_day", {s.day}));
  s.day = *day;
  if (edition && (s.day < edition->starts_on || s.day > edition->ends_on))
    refuse(tr("b2b.error.session_outside", {s.day, edition->starts_on, edition->ends_on}));
  const int start = minutesOf(s.starts), end = minutesOf(s.ends);
  if (start < 0) refuse(tr("b2b.error.session_time", {s.starts}));
  if (end < 0) refuse(tr("b2b.error.session_time", {s.ends}));
  if (end <= start) refuse(tr("b2b.error.session_order", {s.starts, s.ends}));
  if (s.meeting_minutes < 5 || s.meeting_minutes > 240)
    refuse(tr("b2b.error.meeting_minutes", {std::to_string(s.meeting_minutes)}));
  if (s.changeover_minutes < 0 || s.changeover_minutes > 120)
    refuse(tr("b2b.error.changeover_minutes", {std::to_string(s.changeover_minutes)}));
  if (s.meeting_minutes > end - start) refuse(tr("b2b.error.session_short", {s.starts, s.ends}));
  // Breaks: "HH:MM-HH:MM" separated by commas, inside the session, in order and apart.
  std::vector<std::string> breaks;
  int last = start;
  std::string rest = s.breaks;
  while (!trimmed(rest).empty()) {
    const auto comma = rest.find(',');
    const std::string item = trimmed(rest.substr(0, comma));
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    const auto dash = item.find('-');
    const int a = dash == std::string::npos ? -1 : minutesOf(trimmed(item.substr(0, dash)));
    const int b = dash == std::string::npos ? -1 : minutesOf(trimmed(item.substr(dash + 1)));
    if (a < 0 || b < 0 || b <= a) refuse(tr("b2b.error.break", {item}));
    if (a < last || b > end) refuse(tr("b2b.error.break_outside", {item, s.starts, s.ends}));
    last = b;
    breaks.push_back(trimmed(item.substr(0, dash)) + "-" + trimmed(item.substr(dash + 1)));
  }
  s.breaks.clear();
  for (const auto& b : breaks) s.breaks += (s.breaks.empty() ? "" : ",") + b;
  s.id = 0;
  store.insertB2bSession(s);
  return s;
}

Session modelSession(const B2bSession& s) {
  Session m;
  m.day = s.day;
  m.start = minutesOf(s.starts);
  m.end = minutesOf(s.ends);
  m.meeting_minutes = s.meeting_minutes;
  m.changeover_minutes = s.changeover_minutes;
  std::string rest = s.breaks;  // stored as addSession wrote it: "HH:MM-HH:MM,HH:MM-HH:MM"
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string item = rest.substr(0, comma);
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    const auto dash = item.find('-');
    if (dash == std::string::npos) continue;
    m.breaks.push_back({minutesOf(trimmed(item.substr(0, dash))), minutesOf(trimmed(item.substr(dash + 1)))});
  }
  return m;
}

B2bPlace addTable(Store& store, const std::string& code, double x, double y) {
  const std::string c = trimmed(code);
  if (c.empty()) refuse(tr("b2b.error.place_code"));
  for (const auto& p : store.b2bPlaces())
    if (p.code == c) refuse(tr("b2b.error.place_exists", {c}));
  B2bPlace p;
  p.code = c;
  p.kind = B2bPlaceKind::Table;
  p.x = x, p.y = y;
  store.insertB2bPlace(p);
  return p;
}

B2bPlace addBoothPlace(Store& store, const std::string& boothCode) {
  const std::string c = trimmed(boothCode);
  const auto booths = store.booths();
  const auto it = std::find_if(booths.begin(), booths.end(), [&](const Booth& b) { return b.code == c; });
  if (it == booths.end()) refuse(tr("b2b.error.no_booth", {c}));
  if (!it->exhibitor_id) refuse(tr("b2b.error.booth_free", {c}));
  for (const auto& p : store.b2bPlaces())
    if (p.code == c) refuse(tr("b2b.error.place_exists", {c}));
  B2bPlace p;
  p.code = c;
  p.kind = B2bPlaceKind::Booth;
  p.booth = c;
  p.x = it->x + it->width / 2, p.y = it->y + it->depth / 2;
  store.insertB2bPlace(p);
  return p;
}

PersonFinder::PersonFinder(Store& store) {
  store.forEachPerson([&](const Person& p, const std::string&) { people_.push_back(p); });
}

std::optional<Person> PersonFinder::find(const std::string& raw) const {
  const std::string name = trimmed(raw);
  if (name.empty()) return std::nullopt;
  const std::string digits = name[0] == '#' ? name.substr(1) : name;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      digits.size() < 18) {
    const Id id = std::stoll(digits);
    for (const auto& p : people_)
      if (p.id == id) return p;
  }
  for (const auto& p : people_)
    if (!p.external_id.empty() && p.external_id == name) return p;
  const std::string mail = lowered(name);
  if (mail.find('@') != std::string::npos)
    for (const auto& p : people_)
      if (lowered(p.email) == mail) return p;
  return std::nullopt;
}

B2bSide sideOf(const Person& person, const std::vector<B2bParticipant>& participants) {
  for (const auto& p : participants)
    if (p.person_id == person.id) return p.side;
  return person.exhibitor_id ? B2bSide::Seller : B2bSide::Buyer;
}

namespace {

std::string nameOf(const Person& p) {
  std::string n = trimmed(p.first_name + " " + p.last_name);
  return n.empty() ? p.name_ar : n;
}

// Checks one request against the people and the requests already there (and those of the same file
// before it). Returns the message of the first problem, empty if it may be written.
struct RequestCheck {
  const PersonFinder& people;
  const std::vector<B2bParticipant>& participants;
  std::set<std::pair<Id, Id>> seen;

  std::string check(const std::string& from, const std::string& to, const std::string& priority, B2bRequest& out,
                    std::string& column) {
    const auto a = people.find(from);
    if (!a) return column = "from", tr("b2b.error.nobody", {from});
    const auto b = people.find(to);
    if (!b) return column = "to", tr("b2b.error.nobody", {to});
    if (a->id == b->id) return column = "to", tr("b2b.error.self", {nameOf(*a)});
    const B2bSide sa = sideOf(*a, participants), sb = sideOf(*b, participants);
    if (sa == sb)
      return column = "to",
             tr(sa == B2bSide::Buyer ? "b2b.error.two_buyers" : "b2b.error.two_sellers", {nameOf(*a), nameOf(*b)});
    const std::string p = lowered(trimmed(priority));
    out.refused = p == "no" || p == "non" || p == "0";
    out.priority = out.refused ? 1 : p.empty() ? 2 : priorityFromText(p);
    if (out.priority == 0) return column = "priority", tr("b2b.error.priority", {priority});
    if (!seen.insert({a->id, b->id}).second) return column = "to", tr("b2b.error.duplicate", {nameOf(*a), nameOf(*b)});
    out.from_person = a->id;
    out.to_person = b->id;
    return {};
  }
};

std::set<std::pair<Id, Id>> existingPairs(Store& store) {
  std::set<std::pair<Id, Id>> out;
  for (const auto& r : store.b2bRequests()) out.insert({r.from_person, r.to_person});
  return out;
}

}  // namespace

B2bRequest addRequest(Store& store, const std::string& from, const std::string& to, const std::string& priority) {
  const PersonFinder people(store);
  const auto participants = store.b2bParticipants();
  RequestCheck check{people, participants, existingPairs(store)};
  B2bRequest r;
  std::string column;
  if (const std::string why = check.check(from, to, priority, r, column); !why.empty())
    throw Error(ErrorKind::Invalid, why);
  store.insertB2bRequest(r);
  return r;
}

io::ImportReport importRequests(Store& store, const std::filesystem::path& file, const io::ImportOptions& options) {
  return importRequestsText(store, live_files::readUserFile(file), file.string(), options);
}

io::ImportReport importRequestsText(Store& store, std::string_view bytes, const std::string& name,
                                    const io::ImportOptions& options) {
  io::ImportReport report;
  // Columns by header (from/de, to/à, priority/priorité).
  const Sheet sheet =
      openSheet(bytes, name, report, {{"from", "de"}, {"to", "à", "a"}, {"priority", "priorité", "priorite"}},
                tr("b2b.error.no_header"));
  const csv::Table& table = sheet.table;
  const int cf = sheet.columns[0], ct = sheet.columns[1], cp = sheet.columns[2];
  if (cf < 0 || ct < 0) throw Error(ErrorKind::Invalid, tr("b2b.error.file", {name, tr("b2b.error.columns")}));

  const PersonFinder people(store);
  const auto participants = store.b2bParticipants();
  RequestCheck check{people, participants, existingPairs(store)};
  std::vector<B2bRequest> good;
  for (std::size_t i = 1; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    ++report.rows;
    if (row.bad()) {
      report.errors.push_back({row.line, "", row.problem});
      continue;
    }
    auto field = [&](int c) { return c >= 0 && c < static_cast<int>(row.fields.size()) ? row.fields[c] : ""; };
    B2bRequest r;
    std::string column;
    const std::string why = check.check(field(cf), field(ct), field(cp), r, column);
    if (!why.empty()) {
      report.errors.push_back({row.line, column, why});
      continue;
    }
    good.push_back(r);
    if (options.progress) options.progress(0.5 * static_cast<double>(i) / static_cast<double>(table.rows.size()));
  }
  report.skipped = report.rows - good.size();
  if (options.dry_run || (!report.errors.empty() && !options.skip_invalid)) return report;
  store.write([&] {
    for (std::size_t i = 0; i < good.size(); ++i) {
      if (options.cancelled && options.cancelled()) throw Error(ErrorKind::Refused, tr("io.import.cancelled"));
      store.insertB2bRequest(good[i]);
      if (options.progress) options.progress(0.5 + 0.5 * static_cast<double>(i + 1) / static_cast<double>(good.size()));
    }
  });
  report.created = good.size();
  report.written = !good.empty();
  return report;
}

}  // namespace moussem::b2b
