// The Store's queries, written once for both databases over sql::Connection ($1 placeholders,
// RETURNING id), with the row readers in sql_rows.hpp. One file per area: sql_store.cpp (transactions),
// sql_store_edition.cpp (the edition and its configuration), sql_store_registry.cpp (exhibitors and
// people), sql_store_badges.cpp, sql_store_gate.cpp, sql_store_booths.cpp, sql_store_users.cpp,
// sql_store_privacy.cpp, sql_store_report.cpp. SqliteStore and PgStore derive from it and keep only
// what truly differs, each difference saying why: opening and migrations, reconnecting, change
// notifications, the scan's write, advisory locks, database roles, and the few SQL fragments below.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace moussem {

class SqlStore : public Store {
 public:
  // The outermost call is a real transaction; nested calls are savepoints (sql::Transaction).
  void write(const std::function<void()>& body) override;

  // The edition, its configuration, the overview (sql_store_edition.cpp).
  std::optional<Edition> edition() override;
  void saveEdition(Edition& edition) override;
  std::vector<Category> categories() override;
  void saveCategory(const Category& category) override;
  std::vector<Zone> zones() override;
  void saveZone(const Zone& zone) override;
  std::optional<std::string> setting(const std::string& key) override;
  void setSetting(const std::string& key, const std::string& value) override;
  Overview overview() override;

  // Exhibitors and people (sql_store_registry.cpp).
  Id insertExhibitor(Exhibitor& exhibitor) override;
  Id insertPerson(Person& person) override;
  std::optional<Person> person(Id id) override;
  std::optional<Exhibitor> exhibitor(Id id) override;
  std::vector<Id> personIds(const std::string& category) override;
  void updateExhibitor(const Exhibitor& exhibitor) override;
  void deleteExhibitor(Id id) override;
  void updatePerson(const Person& person) override;
  void deletePerson(Id id) override;
  void forEachExhibitor(
      const std::function<void(const Exhibitor&, const std::string&, const std::string&)>& fn) override;
  void forEachPerson(const std::function<void(const Person&, const std::string&)>& fn) override;
  std::vector<Id> orderedPersonIds(const PeopleQuery& query) override;
  std::vector<PersonRow> personRows(const std::vector<Id>& ids) override;
  std::optional<Id> exhibitorByExternalId(const std::string& external_id) override;
  std::vector<Id> exhibitorsWithEmail(const std::string& email) override;
  std::vector<Id> exhibitorsWithPhone(const std::string& phone) override;
  std::vector<Id> exhibitorsNamed(const std::string& name) override;
  std::optional<Id> personByExternalId(const std::string& external_id) override;
  std::vector<Id> peopleWithEmail(const std::string& email) override;
  std::vector<Id> peopleWithPhone(const std::string& phone) override;
  // Badges, their events, batches and the print log (sql_store_badges.cpp).
  Id insertBadge(Badge& badge) override;
  std::optional<Badge> badgeOfPerson(Id person) override;
  std::optional<Badge> badgeBySerial(const std::string& serial) override;
  void updateBadge(const Badge& badge, const std::string& status_reason) override;
  void addBadgeEvent(const BadgeEvent& event) override;
  std::vector<BadgeEvent> badgeEvents(Id badge) override;
  std::vector<Id> peopleMatching(const PeopleFilter& filter) override;
  std::vector<PrintRecord> printLog(Id person, int limit) override;
  std::optional<std::string> boothOfExhibitor(Id exhibitor) override;
  // The gate: profiles, presence, the scan log read back (sql_store_gate.cpp). What a scan writes stays
  // with each backend: PostgreSQL decides it in one statement on the server.
  Id insertGateProfile(GateProfile& profile) override;
  std::vector<GateProfile> gateProfiles() override;
  void updateGateProfile(const GateProfile& profile) override;
  std::vector<Presence> presences() override;
  std::vector<ScanRecord> recentScans(const std::string& gate, int limit) override;
  std::vector<ScanRecord> scansUpTo(const std::string& gate, const std::string& until, int limit) override;
  std::vector<ScanRecord> acceptedScansOn(Id person, const std::string& zone, const std::string& day) override;
  long long countScans(const std::string& gate, ScanVerdict verdict, const std::string& since,
                       const std::string& until) override;
  // The venue plan and the booths (sql_store_booths.cpp).
  Id insertHall(Hall& hall) override;
  Id insertBooth(Booth& booth) override;
  Id insertVenueFeature(VenueFeature& feature) override;
  std::vector<Hall> halls() override;
  std::vector<VenueFeature> venueFeatures() override;
  std::vector<Booth> booths() override;
  std::optional<Booth> booth(Id id) override;
  void updateBooth(const Booth& booth) override;
  void deleteBooth(Id id) override;
  void updateHall(const Hall& hall) override;
  void deleteHall(Id id) override;
  void updateVenueFeature(const VenueFeature& feature) override;
  void deleteVenueFeature(Id id) override;
  void clearVenue() override;
  std::vector<BoothRequest> boothRequests() override;
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
  // Users and the audit trail (sql_store_users.cpp).
  std::vector<User> users() override;
  std::optional<User> user(const std::string& name) override;
  Id insertUser(User& user) override;
  void updateUser(const User& user) override;
  void appendAudit(AuditRow& row) override;
  std::vector<AuditRow> auditRows(const AuditFilter& filter, int limit) override;
  std::vector<AuditRow> auditChain() override;
  AuditHead auditHead() override;
  std::vector<AuditHead> auditAnchors() override;
  // Personal data (issue 9): the right of access and the anonymisation (sql_store_privacy.cpp).
  std::vector<ScanRecord> scansOfPerson(Id person) override;
  std::vector<Presence> presencesOfPerson(Id person) override;
  long long anonymizePeople(const std::string& prefix) override;
  long long anonymizeExhibitors(const std::string& artisan_prefix) override;
  long long redactAudit(const std::string& at) override;
  long long clearFreeTextNotes() override;
  std::vector<std::string> operatorNames() override;
  void renameOperator(const std::string& from, const std::string& to) override;
  // Dashboard and reports (sql_store_report.cpp).
  void forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) override;
  void forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) override;
  void forEachPrint(Id after_event, const std::function<void(Id event, Id person)>& fn) override;
  std::vector<BoothCount> boothCounts() override;
  void forEachScanLine(const std::function<void(const ScanRecord&, const std::string& category)>& fn) override;

 protected:
  virtual sql::Connection& db() = 0;
  // One statement, atomic by itself. SQLite still opens a transaction for it (IMMEDIATE: the write
  // lock and its busy timeout up front, and the read-only file said plainly); PostgreSQL runs it as
  // its own transaction on the server, without two more round trips.
  virtual void writeOne(const std::function<void()>& statement) = 0;
  // Where people are read from: "person", or on PostgreSQL the view "person_display" for a database
  // role that may only see people's display fields (a gate's; see postgres/pg_roles.hpp).
  virtual const std::string& people() = 0;

  // What the two dialects spell differently.
  // The current time as the schema stores it (ISO 8601, UTC, milliseconds). PostgreSQL's is the
  // migrations' moussem_now(); SQLite has no stored functions.
  virtual std::string now() const = 0;
  // A comma-separated list of `column`'s values over a group: group_concat in SQLite 3.40, which has
  // no string_agg yet, string_agg in PostgreSQL, which has no group_concat.
  virtual std::string joined(const std::string& column) const = 0;
  // "is one of the ids in parameter $n", and the ids as that parameter: one statement for any number
  // of ids (SQLite reads a JSON array with json_each, PostgreSQL an array parameter).
  virtual std::string anyId(int param) const = 0;
  virtual std::string idList(const std::vector<Id>& ids) const = 0;
  // Appended to a read inside a transaction that will write what it read: PostgreSQL locks the rows
  // until the transaction ends (other stations wait their turn); SQLite's transaction holds the whole
  // file's write lock already (BEGIN IMMEDIATE) and has no FOR UPDATE.
  virtual std::string forUpdate() const { return {}; }
  // Appended to a text column in ORDER BY for byte order whatever the database's locale: SQLite's
  // default collation (BINARY) is byte order already, PostgreSQL's follows the server's locale.
  virtual std::string inByteOrder() const { return {}; }
  // Taken first in the transaction that appends an audit row, so that writers take turns: SQLite's
  // IMMEDIATE transaction holds the file's write lock already; PostgreSQL takes an advisory lock.
  virtual void lockAuditChain() {}
  // Anchors the row just appended (its id and hash, copied from the row itself, into the insert-only
  // audit_anchor table). PostgreSQL goes through the server's function: stations' logins may not
  // insert anchors themselves (migration 10, docs/roles.md).
  virtual void anchorAuditRow(std::int64_t id);
  // The order zones were written in: SQLite's rowid; PostgreSQL has none, its zone table has an
  // identity column (seq) for it.
  virtual std::string writtenOrder() const = 0;

  std::vector<Id> ids(sql::Query query);  // column 0 of every row
  long long count(const std::string& sql);
};

}  // namespace moussem
