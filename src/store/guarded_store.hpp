// The store as one signed-in user sees it: every call is checked against the role's permissions
// (core/roles.hpp) before it reaches the database, and every change is written together with its
// audit row (who, role, station, when, what, before and after) in the same transaction. Reads of
// people and exhibitors come back without contact details for roles that may not see them.
// Services, screens and commands are handed this store, never the one behind it, so a refusal holds
// whatever the UI shows or hides.
#pragma once
#include <map>
#include <memory>
#include <source_location>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "core/roles.hpp"
#include "store/store.hpp"

namespace moussem {

class GuardedStore final : public Store {
 public:
  GuardedStore(std::unique_ptr<Store> inner, Actor actor);
  GuardedStore(Store& inner, Actor actor);  // inner outlives this (the app's one connection)
  const Actor& actor() const { return actor_; }
  // What the user asked for, as the command line or the screen names it ("export participants"): the
  // audit row of a refusal says it beside the operation refused.
  void setCommand(std::string command) { command_ = std::move(command); }

  std::string backend() const override { return inner_->backend(); }
  std::string location() const override { return inner_->location(); }
  int schemaVersion() override { return inner_->schemaVersion(); }
  StoreStatus status() override { return inner_->status(); }
  void retryNow() override { inner_->retryNow(); }
  void write(const std::function<void()>& body) override;
  void checkPermission(Permission p) override { need(p); }
  void checkWritable() override { inner_->checkWritable(); }
  void writeBulk(const AuditRow& summary, const std::function<void()>& body) override;

  std::vector<User> users() override;
  std::optional<User> user(const std::string& name) override;
  Id insertUser(User& user) override;
  void updateUser(const User& user) override;
  std::optional<User> countSignInAttempt(const std::string& name, const SignInAttempt& attempt) override;
  void clearSignInAttempts(const std::string& name, const std::string& token) override;
  void appendAudit(AuditRow& row) override;  // stamped with this actor, whatever the row says
  std::vector<AuditRow> auditRows(const AuditFilter& filter, int limit) override;
  std::vector<AuditRow> auditChain() override;
  AuditHead auditHead() override;
  std::vector<AuditHead> auditAnchors() override;

  std::optional<Edition> edition() override { return inner_->edition(); }
  void saveEdition(Edition& edition) override;
  std::vector<Category> categories() override { return inner_->categories(); }
  void saveCategory(const Category& category) override;
  std::vector<Zone> zones() override { return inner_->zones(); }
  void saveZone(const Zone& zone) override;
  std::optional<std::string> setting(const std::string& key) override { return inner_->setting(key); }
  void setSetting(const std::string& key, const std::string& value) override;

  Id insertExhibitor(Exhibitor& exhibitor) override;
  Id insertPerson(Person& person) override;
  std::optional<Person> person(Id id) override;
  std::optional<Exhibitor> exhibitor(Id id) override;
  std::vector<Id> personIds(const std::string& category = "") override { return inner_->personIds(category); }
  void updateExhibitor(const Exhibitor& exhibitor) override;
  void deleteExhibitor(Id id) override;
  void updatePerson(const Person& person) override;
  void deletePerson(Id id) override;
  void forEachExhibitor(const std::function<void(const Exhibitor&, const std::string& booth,
                                                 const std::string& booth_status)>& fn) override;
  void forEachPerson(const std::function<void(const Person&, const std::string& badge_serial)>& fn) override;
  std::vector<Id> orderedPersonIds(const PeopleQuery& query) override;
  std::vector<PersonRow> personRows(const std::vector<Id>& ids) override;
  std::optional<Id> exhibitorByExternalId(const std::string& external_id) override;
  std::vector<Id> exhibitorsWithEmail(const std::string& email) override;
  std::vector<Id> exhibitorsWithPhone(const std::string& phone) override;
  std::vector<Id> exhibitorsNamed(const std::string& name) override { return inner_->exhibitorsNamed(name); }
  std::optional<Id> personByExternalId(const std::string& external_id) override;
  std::vector<Id> peopleWithEmail(const std::string& email) override;
  std::vector<Id> peopleWithPhone(const std::string& phone) override;

  Id insertBadge(Badge& badge) override;
  std::optional<Badge> badgeOfPerson(Id person) override { return inner_->badgeOfPerson(person); }
  std::optional<Badge> badgeBySerial(const std::string& serial) override { return inner_->badgeBySerial(serial); }
  void updateBadge(const Badge& badge, const std::string& status_reason) override;
  void addBadgeEvent(const BadgeEvent& event) override;
  std::vector<BadgeEvent> badgeEvents(Id badge) override { return inner_->badgeEvents(badge); }
  std::vector<Id> peopleMatching(const PeopleFilter& filter) override;
  std::vector<PrintRecord> printLog(Id person = 0, int limit = 100) override;
  std::optional<std::string> boothOfExhibitor(Id exhibitor) override { return inner_->boothOfExhibitor(exhibitor); }

  Id insertHall(Hall& hall) override;
  Id insertBooth(Booth& booth) override;
  Id insertVenueFeature(VenueFeature& feature) override;
  std::vector<Hall> halls() override { return inner_->halls(); }
  std::vector<VenueFeature> venueFeatures() override { return inner_->venueFeatures(); }
  std::vector<Booth> booths() override { return inner_->booths(); }
  std::optional<Booth> booth(Id id) override { return inner_->booth(id); }
  void updateBooth(const Booth& booth) override;
  void deleteBooth(Id id) override;
  void updateHall(const Hall& hall) override;
  void deleteHall(Id id) override;
  void updateVenueFeature(const VenueFeature& feature) override;
  void deleteVenueFeature(Id id) override;
  void clearVenue() override;
  std::vector<BoothRequest> boothRequests() override { return inner_->boothRequests(); }
  void saveBoothRequest(const BoothRequest& request) override;

  Id insertB2bSession(B2bSession& session) override;
  std::vector<B2bSession> b2bSessions() override;
  Id insertB2bPlace(B2bPlace& place) override;
  std::vector<B2bPlace> b2bPlaces() override;
  void saveB2bParticipant(const B2bParticipant& participant) override;
  std::vector<B2bParticipant> b2bParticipants() override;
  Id insertB2bRequest(B2bRequest& request) override;
  std::vector<B2bRequest> b2bRequests() override;
  void deleteB2bMeetings(bool keepFrozen) override;
  Id insertB2bMeeting(B2bMeeting& meeting) override;
  std::vector<B2bMeeting> b2bMeetings() override;
  void setB2bMeetingStatus(Id meeting, MeetingStatus status) override;

  Id insertGateProfile(GateProfile& profile) override;
  std::vector<GateProfile> gateProfiles() override { return inner_->gateProfiles(); }
  void updateGateProfile(const GateProfile& profile) override;
  void forEachBadgeState(const std::string& changed_since, const std::function<void(const BadgeState&)>& fn) override {
    inner_->forEachBadgeState(changed_since, fn);
  }
  std::vector<Presence> presences() override { return inner_->presences(); }
  bool recordScan(ScanRecord& scan, const Presence* presence,
                  std::optional<ReentryPolicy> reentry = ReentryPolicy::Always,
                  PresenceReset presenceReset = PresenceReset::Never) override;
  std::vector<ScanRecord> recentScans(const std::string& gate, int limit) override;
  std::vector<ScanRecord> scansUpTo(const std::string& gate, const std::string& until, int limit) override;
  std::vector<ScanRecord> acceptedScansOn(Id person, const std::string& zone, const std::string& day) override;
  long long countScans(const std::string& gate, ScanVerdict verdict, const std::string& since,
                       const std::string& until) override;
  std::vector<Person> findPeopleByName(const std::string& text, int limit) override;
  long long dataVersion() override { return inner_->dataVersion(); }
  void housekeepInBackground() override { inner_->housekeepInBackground(); }
  std::string serverTime() override { return inner_->serverTime(); }

  Overview overview() override { return inner_->overview(); }
  void forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) override;
  void forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) override;
  void forEachPrint(Id after_event, const std::function<void(Id event, Id person)>& fn) override;
  std::vector<BoothCount> boothCounts() override;
  void forEachScanLine(const std::function<void(const ScanRecord&, const std::string& category)>& fn) override;

  std::vector<ScanRecord> scansOfPerson(Id person) override;
  std::vector<Presence> presencesOfPerson(Id person) override;
  long long anonymizePeople(const std::string& prefix) override;
  long long anonymizeExhibitors(const std::string& artisan_prefix) override;
  long long redactAudit(const std::string& at) override;
  long long clearFreeTextNotes() override;
  std::vector<std::string> operatorNames() override;
  void renameOperator(const std::string& from, const std::string& to) override;
  void scrubFreedSpace() override;

 private:
  // Every refusal is written in the audit trail (who, what, why): at once, or, inside a transaction
  // that the refusal will roll back, as soon as that transaction has ended.
  void need(Permission p, std::source_location where = std::source_location::current());
  void needAny(Permission a, Permission b, std::source_location where = std::source_location::current());
  // The B2B programme: read by organisers, desks (agendas) and gates (check-in).
  void needB2bRead(std::source_location where = std::source_location::current());
  void refuse(Permission p, const Error& refusal, const std::source_location& where);
  void flushRefusals();
  // Runs the change and writes its audit row in one transaction.
  void audited(const std::string& action, const std::string& entity, const std::string& entity_id,
               const std::string& before, const std::function<std::string()>& change);
  // A creation: insert returns the new row's id; after its JSON (not made inside a bulk change).
  void created(const std::string& action, const std::string& entity, const std::function<Id()>& insert,
               const std::function<std::string()>& after);
  Person visible(Person p) const;
  Exhibitor visible(Exhibitor x) const;

  std::unique_ptr<Store> owned_;
  Store* inner_;
  Actor actor_;
  std::string command_;
  int depth_ = 0;                                       // nesting of write() and writeBulk() through this store
  std::vector<AuditRow> pendingRefusals_;               // refused inside a transaction: written once it has ended
  bool bulk_ = false;                                   // inside writeBulk: creations are collected
  std::map<std::string, std::vector<Id>> bulkCreated_;  // entity -> ids created, in order
};

// The audit row of a refusal made outside any store (a command that checks a permission before it
// opens one: backup, restore, audit verify...): written to store as actor, best effort (a refusal is
// never hidden behind a failure to record it).
void recordRefusal(Store& store, const Actor& actor, Permission permission, const std::string& why,
                   const std::string& command);

}  // namespace moussem
