#include "store/guarded_store.hpp"

#include "core/domain_json.hpp"
#include "core/error.hpp"

namespace moussem {

namespace {

template <class T>
std::string dump(const std::optional<T>& v) {
  return v ? nlohmann::json(*v).dump() : std::string();
}

template <class T>
std::string dump(const T& v) {
  return nlohmann::json(v).dump();
}

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

GuardedStore::GuardedStore(std::unique_ptr<Store> inner, Actor actor)
    : owned_(std::move(inner)), inner_(owned_.get()), actor_(std::move(actor)) {}

GuardedStore::GuardedStore(Store& inner, Actor actor) : inner_(&inner), actor_(std::move(actor)) {}

namespace {

// "updatePerson" from "void moussem::GuardedStore::updatePerson(const moussem::Person&)".
std::string operationName(const std::source_location& where) {
  std::string_view f = where.function_name();
  const auto paren = f.find('(');
  if (paren != std::string_view::npos) f = f.substr(0, paren);
  const auto colon = f.rfind("::");
  if (colon != std::string_view::npos) f = f.substr(colon + 2);
  return std::string(f);
}

AuditRow refusalRow(Permission p, const std::string& why, const std::string& operation, const std::string& command) {
  AuditRow row;
  row.action = "refused";
  row.entity = "permission";
  row.entity_id = std::string(permissionCode(p));
  nlohmann::json after{{"why", why}};
  if (!operation.empty()) after["operation"] = operation;
  if (!command.empty()) after["command"] = command;
  row.after = after.dump();
  return row;
}

}  // namespace

void recordRefusal(Store& store, const Actor& actor, Permission permission, const std::string& why,
                   const std::string& command) {
  try {
    GuardedStore as(store, actor);
    AuditRow row = refusalRow(permission, why, "", command);
    as.appendAudit(row);
  } catch (...) {
  }
}

void GuardedStore::need(Permission p, std::source_location where) {
  if (allows(actor_.role, p)) return;
  try {
    require(actor_, p);
  } catch (const Error& e) {
    refuse(p, e, where);
    throw;
  }
}

void GuardedStore::needAny(Permission a, Permission b, std::source_location where) {
  if (!allows(actor_.role, a)) need(b, where);
}

void GuardedStore::refuse(Permission p, const Error& refusal, const std::source_location& where) {
  pendingRefusals_.push_back(refusalRow(p, refusal.what(), operationName(where), command_));
  if (depth_ == 0) flushRefusals();
}

void GuardedStore::flushRefusals() {
  if (depth_ > 0) return;
  auto rows = std::move(pendingRefusals_);
  pendingRefusals_.clear();
  for (auto& row : rows) {
    try {
      appendAudit(row);
    } catch (...) {
      // A database that cannot take the row (read-only, unreachable) must not hide the refusal itself.
    }
  }
}

void GuardedStore::write(const std::function<void()>& body) {
  ++depth_;
  try {
    inner_->write(body);
  } catch (...) {
    --depth_;
    flushRefusals();
    throw;
  }
  --depth_;
  flushRefusals();
}

void GuardedStore::audited(const std::string& action, const std::string& entity, const std::string& entity_id,
                           const std::string& before, const std::function<std::string()>& change) {
  inner_->write([&] {
    AuditRow row;
    row.action = action;
    row.entity = entity;
    row.entity_id = entity_id;
    row.before = before;
    row.after = change();
    appendAudit(row);
  });
}

void GuardedStore::created(const std::string& action, const std::string& entity, const std::function<Id()>& insert,
                           const std::function<std::string()>& after) {
  if (bulk_) {  // one row for the whole bulk change, written when it ends
    bulkCreated_[entity].push_back(insert());
    return;
  }
  inner_->write([&] {
    AuditRow row;
    row.action = action;
    row.entity = entity;
    row.entity_id = std::to_string(insert());
    row.after = after();
    appendAudit(row);
  });
}

void GuardedStore::writeBulk(const AuditRow& summary, const std::function<void()>& body) {
  if (bulk_) return body();  // already inside one: it joins
  write([&] {
    bulk_ = true;
    bulkCreated_.clear();
    struct Reset {
      bool& flag;
      ~Reset() { flag = false; }
    } reset{bulk_};
    body();
    bulk_ = false;
    AuditRow row = summary;
    nlohmann::json after = nlohmann::json::parse(summary.after.empty() ? "{}" : summary.after, nullptr, false);
    if (!after.is_object()) after = nlohmann::json::object({{"detail", summary.after}});
    // Ids as ranges: an import of 100,000 new people is a handful of numbers, not a megabyte.
    for (const auto& [entity, ids] : bulkCreated_) {
      nlohmann::json ranges = nlohmann::json::array();
      for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
        ranges.push_back(i == j ? nlohmann::json(ids[i]) : nlohmann::json::array({ids[i], ids[j]}));
        i = j + 1;
      }
      after["created"][entity] = {{"count", ids.size()}, {"ids", ranges}};
    }
    row.after = after.dump();
    appendAudit(row);
  });
  bulkCreated_.clear();
}

Person GuardedStore::visible(Person p) const {
  if (allows(actor_.role, Permission::ReadContacts)) return p;
  p.email.clear();
  p.phone.clear();
  p.external_id.clear();
  p.position.clear();
  p.country.clear();
  p.consent_at.clear();
  return p;
}

Exhibitor GuardedStore::visible(Exhibitor x) const {
  if (allows(actor_.role, Permission::ReadContacts)) return x;
  x.email.clear();
  x.phone.clear();
  x.contact_name.clear();
  x.registration_no.clear();
  x.external_id.clear();
  return x;
}

// Users and the audit trail.

std::vector<User> GuardedStore::users() {
  need(Permission::ManageUsers);
  return inner_->users();
}

std::optional<User> GuardedStore::user(const std::string& name) {
  if (name != actor_.user) need(Permission::ManageUsers);
  return inner_->user(name);
}

Id GuardedStore::insertUser(User& user) {
  need(Permission::ManageUsers);
  return inner_->insertUser(user);  // users:: functions write the audit row (with the hash left out)
}

void GuardedStore::updateUser(const User& user) {
  need(Permission::ManageUsers);
  inner_->updateUser(user);
}

// Part of signing in (users::signIn), which runs before anyone is signed in: no permission of their own.
std::optional<User> GuardedStore::countSignInAttempt(const std::string& name, const SignInAttempt& attempt) {
  return inner_->countSignInAttempt(name, attempt);
}

void GuardedStore::clearSignInAttempts(const std::string& name, const std::string& token) {
  inner_->clearSignInAttempts(name, token);
}

void GuardedStore::appendAudit(AuditRow& row) {
  row.user_name = actor_.user;
  row.role = std::string(codeOf(actor_.role));
  row.station = actor_.station;
  row.at.clear();
  inner_->appendAudit(row);
}

std::vector<AuditRow> GuardedStore::auditRows(const AuditFilter& filter, int limit) {
  need(Permission::ViewAudit);
  return inner_->auditRows(filter, limit);
}

std::vector<AuditRow> GuardedStore::auditChain() {
  need(Permission::ViewAudit);
  return inner_->auditChain();
}

// Every role appends rows, chained to the newest: its id and hash are no secret (reports anchor them).
AuditHead GuardedStore::auditHead() {
  return inner_->auditHead();
}

std::vector<AuditHead> GuardedStore::auditAnchors() {
  need(Permission::ViewAudit);
  return inner_->auditAnchors();
}

// Edition and configuration.

void GuardedStore::saveEdition(Edition& edition) {
  need(Permission::ManageEdition);
  const std::string before = edition.id ? dump(inner_->edition()) : std::string();
  audited(edition.id ? "edition.update" : "edition.create", "edition", "", before, [&] {
    inner_->saveEdition(edition);
    return dump(edition);
  });
}

void GuardedStore::saveCategory(const Category& category) {
  need(Permission::ManageEdition);
  std::string before;
  for (const auto& c : inner_->categories())
    if (c.code == category.code) before = dump(c);
  audited("category.save", "category", category.code, before, [&] {
    inner_->saveCategory(category);
    return dump(category);
  });
}

void GuardedStore::saveZone(const Zone& zone) {
  need(Permission::ManageEdition);
  std::string before;
  for (const auto& z : inner_->zones())
    if (z.code == zone.code) before = dump(z);
  audited("zone.save", "zone", zone.code, before, [&] {
    inner_->saveZone(zone);
    return dump(zone);
  });
}

void GuardedStore::setSetting(const std::string& key, const std::string& value) {
  // A station's own preferences (its printer, its paper) are anyone's at that station; the venue's
  // and the gates' settings follow those permissions; the rest is the edition's.
  if (startsWith(key, "station.")) {
  } else if (startsWith(key, "venue.")) {
    need(Permission::ManageBooths);
  } else if (startsWith(key, "gate.")) {
    need(Permission::ManageGates);
  } else {
    need(Permission::ManageEdition);
  }
  const auto old = inner_->setting(key);
  if (old && *old == value) return;
  audited("setting.set", "setting", key, old ? nlohmann::json(*old).dump() : std::string(), [&] {
    inner_->setSetting(key, value);
    return nlohmann::json(value).dump();
  });
}

// People and exhibitors.

Id GuardedStore::insertExhibitor(Exhibitor& exhibitor) {
  need(Permission::EditPeople);
  created(
      "exhibitor.create", "exhibitor", [&] { return inner_->insertExhibitor(exhibitor); },
      [&] { return dump(exhibitor); });
  return exhibitor.id;
}

Id GuardedStore::insertPerson(Person& person) {
  need(Permission::EditPeople);
  created(
      "person.create", "person", [&] { return inner_->insertPerson(person); }, [&] { return dump(person); });
  return person.id;
}

std::optional<Person> GuardedStore::person(Id id) {
  auto p = inner_->person(id);
  if (p) p = visible(std::move(*p));
  return p;
}

std::optional<Exhibitor> GuardedStore::exhibitor(Id id) {
  auto x = inner_->exhibitor(id);
  if (x) x = visible(std::move(*x));
  return x;
}

void GuardedStore::updateExhibitor(const Exhibitor& exhibitor) {
  need(Permission::EditPeople);
  audited("exhibitor.update", "exhibitor", std::to_string(exhibitor.id), dump(inner_->exhibitor(exhibitor.id)), [&] {
    inner_->updateExhibitor(exhibitor);
    return dump(exhibitor);
  });
}

void GuardedStore::deleteExhibitor(Id id) {
  need(Permission::EditPeople);
  audited("exhibitor.delete", "exhibitor", std::to_string(id), dump(inner_->exhibitor(id)), [&] {
    inner_->deleteExhibitor(id);
    return std::string();
  });
}

void GuardedStore::updatePerson(const Person& person) {
  need(Permission::EditPeople);
  audited("person.update", "person", std::to_string(person.id), dump(inner_->person(person.id)), [&] {
    inner_->updatePerson(person);
    return dump(person);
  });
}

void GuardedStore::deletePerson(Id id) {
  need(Permission::EditPeople);
  audited("person.delete", "person", std::to_string(id), dump(inner_->person(id)), [&] {
    inner_->deletePerson(id);
    return std::string();
  });
}

void GuardedStore::forEachExhibitor(
    const std::function<void(const Exhibitor&, const std::string& booth, const std::string& booth_status)>& fn) {
  if (allows(actor_.role, Permission::ReadContacts)) return inner_->forEachExhibitor(fn);
  inner_->forEachExhibitor(
      [&](const Exhibitor& x, const std::string& booth, const std::string& status) { fn(visible(x), booth, status); });
}

void GuardedStore::forEachPerson(const std::function<void(const Person&, const std::string& badge_serial)>& fn) {
  if (allows(actor_.role, Permission::ReadContacts)) return inner_->forEachPerson(fn);
  inner_->forEachPerson([&](const Person& p, const std::string& serial) { fn(visible(p), serial); });
}

std::vector<Id> GuardedStore::orderedPersonIds(const PeopleQuery& query) {
  // Sorting by a contact would tell what the role may not read.
  if (query.order == PersonOrder::Email || query.order == PersonOrder::Phone) need(Permission::ReadContacts);
  return inner_->orderedPersonIds(query);
}

std::vector<PersonRow> GuardedStore::personRows(const std::vector<Id>& ids) {
  auto rows = inner_->personRows(ids);
  if (!allows(actor_.role, Permission::ReadContacts))
    for (auto& r : rows) r.person = visible(std::move(r.person));
  return rows;
}

std::optional<Id> GuardedStore::exhibitorByExternalId(const std::string& external_id) {
  need(Permission::ReadContacts);
  return inner_->exhibitorByExternalId(external_id);
}

std::vector<Id> GuardedStore::exhibitorsWithEmail(const std::string& email) {
  need(Permission::ReadContacts);
  return inner_->exhibitorsWithEmail(email);
}

std::vector<Id> GuardedStore::exhibitorsWithPhone(const std::string& phone) {
  need(Permission::ReadContacts);
  return inner_->exhibitorsWithPhone(phone);
}

std::optional<Id> GuardedStore::personByExternalId(const std::string& external_id) {
  need(Permission::ReadContacts);
  return inner_->personByExternalId(external_id);
}

std::vector<Id> GuardedStore::peopleWithEmail(const std::string& email) {
  need(Permission::ReadContacts);
  return inner_->peopleWithEmail(email);
}

std::vector<Id> GuardedStore::peopleWithPhone(const std::string& phone) {
  need(Permission::ReadContacts);
  return inner_->peopleWithPhone(phone);
}

// Badges.

Id GuardedStore::insertBadge(Badge& badge) {
  need(Permission::IssueBadges);
  created(
      "badge.create", "badge", [&] { return inner_->insertBadge(badge); }, [&] { return dump(badge); });
  return badge.id;
}

void GuardedStore::updateBadge(const Badge& badge, const std::string& status_reason) {
  need(Permission::IssueBadges);
  audited("badge.update", "badge", std::to_string(badge.id), dump(inner_->badgeBySerial(badge.serial)), [&] {
    inner_->updateBadge(badge, status_reason);
    nlohmann::json after = badge;
    if (!status_reason.empty()) after["reason"] = status_reason;
    return after.dump();
  });
}

void GuardedStore::addBadgeEvent(const BadgeEvent& event) {
  need(Permission::IssueBadges);
  audited("badge." + std::string(codeOf(event.action)), "badge", std::to_string(event.badge_id), "", [&] {
    inner_->addBadgeEvent(event);
    return dump(event);
  });
}

std::vector<Id> GuardedStore::peopleMatching(const PeopleFilter& filter) {
  need(Permission::IssueBadges);
  return inner_->peopleMatching(filter);
}

std::vector<PrintRecord> GuardedStore::printLog(Id person, int limit) {
  needAny(Permission::IssueBadges, Permission::ViewReports);
  return inner_->printLog(person, limit);
}

// Venue and booths.

Id GuardedStore::insertHall(Hall& hall) {
  need(Permission::ManageBooths);
  created(
      "hall.create", "hall", [&] { return inner_->insertHall(hall); }, [&] { return dump(hall); });
  return hall.id;
}

Id GuardedStore::insertBooth(Booth& booth) {
  need(Permission::ManageBooths);
  created(
      "booth.create", "booth", [&] { return inner_->insertBooth(booth); }, [&] { return dump(booth); });
  return booth.id;
}

Id GuardedStore::insertVenueFeature(VenueFeature& feature) {
  need(Permission::ManageBooths);
  created(
      "venue_feature.create", "venue_feature", [&] { return inner_->insertVenueFeature(feature); },
      [&] { return dump(feature); });
  return feature.id;
}

void GuardedStore::updateBooth(const Booth& booth) {
  need(Permission::ManageBooths);
  audited("booth.update", "booth", std::to_string(booth.id), dump(inner_->booth(booth.id)), [&] {
    inner_->updateBooth(booth);
    return dump(booth);
  });
}

void GuardedStore::deleteBooth(Id id) {
  need(Permission::ManageBooths);
  audited("booth.delete", "booth", std::to_string(id), dump(inner_->booth(id)), [&] {
    inner_->deleteBooth(id);
    return std::string();
  });
}

namespace {
template <typename T>
std::optional<T> byId(const std::vector<T>& rows, Id id) {
  for (const auto& r : rows)
    if (r.id == id) return r;
  return std::nullopt;
}
}  // namespace

void GuardedStore::updateHall(const Hall& hall) {
  need(Permission::ManageBooths);
  audited("hall.update", "hall", std::to_string(hall.id), dump(byId(inner_->halls(), hall.id)), [&] {
    inner_->updateHall(hall);
    return dump(hall);
  });
}

void GuardedStore::deleteHall(Id id) {
  need(Permission::ManageBooths);
  audited("hall.delete", "hall", std::to_string(id), dump(byId(inner_->halls(), id)), [&] {
    inner_->deleteHall(id);
    return std::string();
  });
}

void GuardedStore::updateVenueFeature(const VenueFeature& feature) {
  need(Permission::ManageBooths);
  audited("venue_feature.update", "venue_feature", std::to_string(feature.id),
          dump(byId(inner_->venueFeatures(), feature.id)), [&] {
            inner_->updateVenueFeature(feature);
            return dump(feature);
          });
}

void GuardedStore::deleteVenueFeature(Id id) {
  need(Permission::ManageBooths);
  audited("venue_feature.delete", "venue_feature", std::to_string(id), dump(byId(inner_->venueFeatures(), id)), [&] {
    inner_->deleteVenueFeature(id);
    return std::string();
  });
}

void GuardedStore::clearVenue() {
  need(Permission::ManageBooths);
  nlohmann::json before{{"halls", inner_->halls().size()},
                        {"booths", inner_->booths().size()},
                        {"features", inner_->venueFeatures().size()}};
  audited("venue.clear", "venue", "", before.dump(), [&] {
    inner_->clearVenue();
    return std::string();
  });
}

void GuardedStore::saveBoothRequest(const BoothRequest& request) {
  needAny(Permission::EditPeople, Permission::ManageBooths);
  audited("booth_request.save", "exhibitor", std::to_string(request.exhibitor_id), "", [&] {
    inner_->saveBoothRequest(request);
    return dump(request);
  });
}

// The forum's B2B meetings: organisers plan them; desks read them to print agendas; a gate (a table
// host) reads them and records whether a meeting was held.

void GuardedStore::needB2bRead(std::source_location where) {
  if (allows(actor_.role, Permission::IssueBadges) || allows(actor_.role, Permission::Scan)) return;
  need(Permission::ManageB2b, where);
}

Id GuardedStore::insertB2bSession(B2bSession& session) {
  need(Permission::ManageB2b);
  created(
      "b2b_session.create", "b2b_session", [&] { return inner_->insertB2bSession(session); },
      [&] { return dump(session); });
  return session.id;
}

std::vector<B2bSession> GuardedStore::b2bSessions() {
  needB2bRead();
  return inner_->b2bSessions();
}

Id GuardedStore::insertB2bPlace(B2bPlace& place) {
  need(Permission::ManageB2b);
  created(
      "b2b_place.create", "b2b_place", [&] { return inner_->insertB2bPlace(place); }, [&] { return dump(place); });
  return place.id;
}

std::vector<B2bPlace> GuardedStore::b2bPlaces() {
  needB2bRead();
  return inner_->b2bPlaces();
}

void GuardedStore::saveB2bParticipant(const B2bParticipant& participant) {
  need(Permission::ManageB2b);
  audited("b2b_participant.save", "person", std::to_string(participant.person_id), "", [&] {
    inner_->saveB2bParticipant(participant);
    return dump(participant);
  });
}

std::vector<B2bParticipant> GuardedStore::b2bParticipants() {
  needB2bRead();
  return inner_->b2bParticipants();
}

Id GuardedStore::insertB2bRequest(B2bRequest& request) {
  need(Permission::ManageB2b);
  created(
      "b2b_request.create", "b2b_request", [&] { return inner_->insertB2bRequest(request); },
      [&] { return dump(request); });
  return request.id;
}

std::vector<B2bRequest> GuardedStore::b2bRequests() {
  needB2bRead();
  return inner_->b2bRequests();
}

void GuardedStore::deleteB2bMeetings(bool keepFrozen) {
  need(Permission::ManageB2b);
  audited("b2b_meeting.clear", "b2b_meeting", keepFrozen ? "unfrozen" : "all", "", [&] {
    inner_->deleteB2bMeetings(keepFrozen);
    return std::string();
  });
}

Id GuardedStore::insertB2bMeeting(B2bMeeting& meeting) {
  need(Permission::ManageB2b);
  created(
      "b2b_meeting.create", "b2b_meeting", [&] { return inner_->insertB2bMeeting(meeting); },
      [&] { return dump(meeting); });
  return meeting.id;
}

std::vector<B2bMeeting> GuardedStore::b2bMeetings() {
  needB2bRead();
  return inner_->b2bMeetings();
}

void GuardedStore::setB2bMeetingStatus(Id meeting, MeetingStatus status) {
  needAny(Permission::ManageB2b, Permission::Scan);
  audited("b2b_meeting.status", "b2b_meeting", std::to_string(meeting), "", [&] {
    inner_->setB2bMeetingStatus(meeting, status);
    return std::string(codeOf(status));
  });
}

// Gates.

Id GuardedStore::insertGateProfile(GateProfile& profile) {
  need(Permission::ManageGates);
  created(
      "gate_profile.create", "gate_profile", [&] { return inner_->insertGateProfile(profile); },
      [&] { return dump(profile); });
  return profile.id;
}

void GuardedStore::updateGateProfile(const GateProfile& profile) {
  need(Permission::ManageGates);
  std::string before;
  for (const auto& g : inner_->gateProfiles())
    if (g.id == profile.id) before = dump(g);
  audited("gate_profile.update", "gate_profile", std::to_string(profile.id), before, [&] {
    inner_->updateGateProfile(profile);
    return dump(profile);
  });
}

bool GuardedStore::recordScan(ScanRecord& scan, const Presence* presence, std::optional<ReentryPolicy> reentry,
                              PresenceReset presenceReset) {
  // The scan log is its own record of who scanned what (station, operator, time): no audit row.
  need(Permission::Scan);
  return inner_->recordScan(scan, presence, reentry, presenceReset);
}

std::vector<ScanRecord> GuardedStore::recentScans(const std::string& gate, int limit) {
  needAny(Permission::Scan, Permission::ViewReports);
  return inner_->recentScans(gate, limit);
}

std::vector<ScanRecord> GuardedStore::acceptedScansOn(Id person, const std::string& zone, const std::string& day) {
  needAny(Permission::Scan, Permission::ViewReports);
  return inner_->acceptedScansOn(person, zone, day);
}

std::vector<ScanRecord> GuardedStore::scansUpTo(const std::string& gate, const std::string& until, int limit) {
  needAny(Permission::Scan, Permission::ViewReports);
  return inner_->scansUpTo(gate, until, limit);
}

long long GuardedStore::countScans(const std::string& gate, ScanVerdict verdict, const std::string& since,
                                   const std::string& until) {
  needAny(Permission::Scan, Permission::ViewReports);
  return inner_->countScans(gate, verdict, since, until);
}

std::vector<Person> GuardedStore::findPeopleByName(const std::string& text, int limit) {
  auto out = inner_->findPeopleByName(text, limit);
  for (auto& p : out) p = visible(std::move(p));
  return out;
}

// Dashboard and reports.

void GuardedStore::forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) {
  need(Permission::ViewReports);
  inner_->forEachPassage(after_scan, fn);
}

void GuardedStore::forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) {
  need(Permission::ViewReports);
  inner_->forEachPersonFact(after_person, fn);
}

void GuardedStore::forEachPrint(Id after_event, const std::function<void(Id event, Id person)>& fn) {
  need(Permission::ViewReports);
  inner_->forEachPrint(after_event, fn);
}

std::vector<BoothCount> GuardedStore::boothCounts() {
  need(Permission::ViewReports);
  return inner_->boothCounts();
}

void GuardedStore::forEachScanLine(const std::function<void(const ScanRecord&, const std::string& category)>& fn) {
  need(Permission::ViewReports);
  inner_->forEachScanLine(fn);
}

// Personal data. The anonymisation's audit rows carry counts only: never the values it removes.

std::vector<ScanRecord> GuardedStore::scansOfPerson(Id person) {
  need(Permission::ExportPersonal);
  return inner_->scansOfPerson(person);
}

std::vector<Presence> GuardedStore::presencesOfPerson(Id person) {
  need(Permission::ExportPersonal);
  return inner_->presencesOfPerson(person);
}

long long GuardedStore::anonymizePeople(const std::string& prefix) {
  need(Permission::Anonymize);
  long long n = 0;
  audited("privacy.anonymize_people", "person", "", "", [&] {
    n = inner_->anonymizePeople(prefix);
    return nlohmann::json{{"rows", n}}.dump();
  });
  return n;
}

long long GuardedStore::anonymizeExhibitors(const std::string& artisan_prefix) {
  need(Permission::Anonymize);
  long long n = 0;
  audited("privacy.anonymize_exhibitors", "exhibitor", "", "", [&] {
    n = inner_->anonymizeExhibitors(artisan_prefix);
    return nlohmann::json{{"rows", n}}.dump();
  });
  return n;
}

long long GuardedStore::redactAudit(const std::string& at) {
  need(Permission::Anonymize);
  long long n = 0;
  audited("privacy.redact_audit", "audit", "", "", [&] {
    n = inner_->redactAudit(at);
    return nlohmann::json{{"rows", n}}.dump();
  });
  return n;
}

long long GuardedStore::clearFreeTextNotes() {
  need(Permission::Anonymize);
  long long n = 0;
  audited("privacy.clear_notes", "note", "", "", [&] {
    n = inner_->clearFreeTextNotes();
    return nlohmann::json{{"rows", n}}.dump();
  });
  return n;
}

std::vector<std::string> GuardedStore::operatorNames() {
  need(Permission::Anonymize);
  return inner_->operatorNames();
}

void GuardedStore::renameOperator(const std::string& from, const std::string& to) {
  need(Permission::Anonymize);
  audited("privacy.rename_operator", "operator", to, "", [&] {
    inner_->renameOperator(from, to);
    return std::string();
  });
}

void GuardedStore::scrubFreedSpace() {
  need(Permission::Anonymize);
  inner_->scrubFreedSpace();
}

}  // namespace moussem
