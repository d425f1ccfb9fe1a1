// The Store interface: everything the rest of Moussem reads from or writes to the database goes
// through it. Backends: sqlite/ (embedded default, one file per station) and postgres/ (many stations
// sharing one server), both over the queries written once in sql/ (SqlStore).
// Every write runs in a transaction: single calls open their own; write() groups many into one.
// The store knows nothing of screens, badges' rendering or the command line.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/b2b_records.hpp"
#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/roles.hpp"
#include "store/audit_chain.hpp"

namespace moussem {

enum class OpenMode {
  Existing,  // the database must exist and be a Moussem database
  Create,    // create a new database; refuse if the file already exists
  // Existing, and a shared server of an older schema is upgraded: the administrator's station, once
  // someone confirmed it after a backup (`moussem-cli db upgrade`, the app's upgrade form).
  Upgrade,
};

// Opening a shared server whose schema is older than this Moussem's in OpenMode::Existing: nothing was
// written. may_upgrade: this login owns the schema (the administrator's station), which upgrades it
// with OpenMode::Upgrade after a confirmation; every other station waits until that is done. A SQLite
// file (one station's own) is upgraded on opening and never throws this.
class UpgradeNeeded : public Error {
 public:
  UpgradeNeeded(const std::string& message, int serverVersion, int latestVersion, bool mayUpgrade)
      : Error(ErrorKind::Refused, message),
        server_version(serverVersion),
        latest(latestVersion),
        may_upgrade(mayUpgrade) {}
  int server_version, latest;
  bool may_upgrade;
};

// Whether the store can be reached right now (the status line shows it). A SQLite file is always
// "connected"; a PostgreSQL server may drop, and the store reconnects by itself on the next call.
struct StoreStatus {
  bool shared = false;  // a server many stations share (PostgreSQL)
  bool connected = true;
  std::string detail;  // the last connection error, in the user's language; empty when connected
  long long reconnects = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  virtual std::string backend() const = 0;   // "sqlite" or "postgresql"
  virtual std::string location() const = 0;  // file path or URL without password
  virtual int schemaVersion() = 0;
  virtual StoreStatus status() { return {}; }
  // Forget the pause after a failed reconnection: the next call tries the server at once.
  virtual void retryNow() {}
  // Bounds every round trip to the server until `until` (nullopt: no bound again): a gate's scan is
  // decided within its budget whatever the network does (gate/gate_station.hpp). A server that has not
  // answered by then costs the connection: status() says disconnected, the call throws, and no
  // reconnection is attempted while a bound is set (that is a background job). No-op for a file.
  virtual void limitRoundTrips(std::optional<std::chrono::steady_clock::time_point> until) { (void)until; }
  // No single round trip longer than `most` (nullopt: no limit): background jobs that must not hang on
  // a frozen network either. Reconnecting stays allowed.
  virtual void limitEachRoundTrip(std::optional<std::chrono::milliseconds> most) { (void)most; }

  // Runs body in one transaction: all of it is written or none of it. Nested calls join the outer one.
  virtual void write(const std::function<void()>& body) = 0;

  // write() for a bulk change (an import, demo data): one transaction that the audit trail records as
  // ONE row, `summary` plus the ids of the records created inside; updates and deletions inside still
  // get a row each with their before and after. Without a signed-in user: write(body).
  virtual void writeBulk(const AuditRow& summary, const std::function<void()>& body) {
    (void)summary;
    write(body);
  }

  // Throws Error(Refused) when the signed-in user may not do this (GuardedStore). A store opened
  // without a user is the owner's own file or server connection: everything is allowed.
  virtual void checkPermission(Permission) {}

  // Users who sign in, and the audit trail (issue 9). appendAudit chains the row to the last one
  // (prev_hash, hash: store/audit_chain.hpp) under the write lock, so two stations never fork the chain;
  // it sets the row's id, time, prev_hash and hash.
  virtual std::vector<User> users() = 0;  // by name
  virtual std::optional<User> user(const std::string& name) = 0;
  virtual Id insertUser(User& user) = 0;
  virtual void updateUser(const User& user) = 0;  // by id: role, pin_hash, disabled, failed_attempts, locked_until
  // Sign-in (users::signIn), counted BEFORE the PIN is checked, so that guesses made in parallel never
  // pass the limit: one atomic statement adds an attempt to the account (1 again after a lockout has
  // ended), locks it until attempt.lock_until when the count reaches attempt.max_failures, and marks it
  // with attempt.token. Returns the account after the count, or nothing when no attempt is allowed: an
  // unknown name, a disabled account, or one locked at attempt.now.
  virtual std::optional<User> countSignInAttempt(const std::string& name, const SignInAttempt& attempt) = 0;
  // A right PIN on the attempt marked token: the account's count, and any lockout that attempt set, are
  // cleared. A token of any other attempt changes nothing (no station lifts a lockout it did not cause).
  virtual void clearSignInAttempts(const std::string& name, const std::string& token) = 0;
  // Appends the row and its anchor (the row's id and hash in the insert-only audit_anchor table).
  virtual void appendAudit(AuditRow& row) = 0;
  // The newest rows first, up to limit, that match: every non-empty field of the filter (action and
  // entity match a prefix), id below before_id when it is not 0.
  virtual std::vector<AuditRow> auditRows(const AuditFilter& filter, int limit) = 0;
  virtual std::vector<AuditRow> auditChain() = 0;  // every row in id order, for verification
  // The newest row's id and hash (every role may read them: each append chains to them); id 0 when the
  // trail is empty. And the anchor table, in row id order (store/audit_anchor.hpp).
  virtual AuditHead auditHead() = 0;
  virtual std::vector<AuditHead> auditAnchors() = 0;

  // Throws Error(Refused) naming the database when it cannot be written at all (a read-only file):
  // commands that would write check it before reading any input. write() checks it too.
  virtual void checkWritable() {}

  // Edition and its configuration.
  virtual std::optional<Edition> edition() = 0;
  virtual void saveEdition(Edition& edition) = 0;  // inserts when id == 0
  virtual std::vector<Category> categories() = 0;
  virtual void saveCategory(const Category& category) = 0;  // upsert by code
  virtual std::vector<Zone> zones() = 0;
  virtual void saveZone(const Zone& zone) = 0;  // upsert by code
  virtual std::optional<std::string> setting(const std::string& key) = 0;
  virtual void setSetting(const std::string& key, const std::string& value) = 0;

  // Registrations.
  virtual Id insertExhibitor(Exhibitor& exhibitor) = 0;
  virtual Id insertPerson(Person& person) = 0;
  virtual std::optional<Person> person(Id id) = 0;
  virtual std::optional<Exhibitor> exhibitor(Id id) = 0;
  // Ids of people, in id order; category empty: everyone.
  virtual std::vector<Id> personIds(const std::string& category = "") = 0;
  // Registration desk (sql/sql_store_registry.cpp). Updates go by id and throw NotFound for a record
  // that is gone; deleting an exhibitor unlinks its staff (their person rows stay).
  virtual void updateExhibitor(const Exhibitor& exhibitor) = 0;  // competitors replaced too
  virtual void deleteExhibitor(Id id) = 0;
  virtual void updatePerson(const Person& person) = 0;
  virtual void deletePerson(Id id) = 0;  // and their badge
  // Every record in id order, streamed (a million people never sit in one vector). Exhibitors come
  // with the code and status of their first booth (empty if none), people with their badge serial.
  virtual void forEachExhibitor(
      const std::function<void(const Exhibitor&, const std::string& booth, const std::string& booth_status)>& fn) = 0;
  virtual void forEachPerson(const std::function<void(const Person&, const std::string& badge_serial)>& fn) = 0;
  // The participants table (PeopleQuery): the ids in the table's order, then the rows of the window on
  // show, in the order of the ids given (ids no longer there are left out).
  virtual std::vector<Id> orderedPersonIds(const PeopleQuery& query) = 0;
  virtual std::vector<PersonRow> personRows(const std::vector<Id>& ids) = 0;
  // Lookups for imports and duplicate detection: e-mails are stored lower-case, phones in E.164.
  virtual std::optional<Id> exhibitorByExternalId(const std::string& external_id) = 0;
  virtual std::vector<Id> exhibitorsWithEmail(const std::string& email) = 0;
  virtual std::vector<Id> exhibitorsWithPhone(const std::string& phone) = 0;
  virtual std::vector<Id> exhibitorsNamed(const std::string& name) = 0;  // name_fr or name_ar, exact
  virtual std::optional<Id> personByExternalId(const std::string& external_id) = 0;
  virtual std::vector<Id> peopleWithEmail(const std::string& email) = 0;
  virtual std::vector<Id> peopleWithPhone(const std::string& phone) = 0;

  // Badges: one current badge per person; every issue, print, reprint and revoke is logged.
  virtual Id insertBadge(Badge& badge) = 0;
  virtual std::optional<Badge> badgeOfPerson(Id person) = 0;
  virtual std::optional<Badge> badgeBySerial(const std::string& serial) = 0;
  virtual void updateBadge(const Badge& badge, const std::string& status_reason) = 0;
  virtual void addBadgeEvent(const BadgeEvent& event) = 0;
  virtual std::vector<BadgeEvent> badgeEvents(Id badge) = 0;
  // Ids of the people a badge batch is for, in id order (see PeopleFilter).
  virtual std::vector<Id> peopleMatching(const PeopleFilter& filter) = 0;
  // The print log, newest first; person 0: every badge.
  virtual std::vector<PrintRecord> printLog(Id person = 0, int limit = 100) = 0;
  // The booth code of an exhibitor (first assigned booth), if any.
  virtual std::optional<std::string> boothOfExhibitor(Id exhibitor) = 0;

  // Venue and booths (sql/sql_store_booths.cpp). Halls, features and booths come ordered by
  // code. A venue is replaced whole: clearVenue() then insertHall/insertVenueFeature/insertBooth inside
  // one write(). updateBooth() writes a booth's geometry, type, power, status, exhibitor and lock by
  // id (NotFound if gone). Booth requests: one optional row per exhibitor, upserted.
  virtual Id insertHall(Hall& hall) = 0;
  virtual Id insertBooth(Booth& booth) = 0;
  virtual Id insertVenueFeature(VenueFeature& feature) = 0;
  virtual std::vector<Hall> halls() = 0;
  virtual std::vector<VenueFeature> venueFeatures() = 0;
  virtual std::vector<Booth> booths() = 0;
  virtual std::optional<Booth> booth(Id id) = 0;
  virtual void updateBooth(const Booth& booth) = 0;
  virtual void deleteBooth(Id id) = 0;
  virtual void clearVenue() = 0;  // every booth, feature and hall
  // The venue editor: a hall or an aisle/entrance rewritten or removed by id (NotFound if gone). A hall
  // is removed only once it holds no booth and no feature.
  virtual void updateHall(const Hall& hall) = 0;
  virtual void deleteHall(Id id) = 0;
  virtual void updateVenueFeature(const VenueFeature& feature) = 0;
  virtual void deleteVenueFeature(Id id) = 0;
  virtual std::vector<BoothRequest> boothRequests() = 0;
  virtual void saveBoothRequest(const BoothRequest& request) = 0;

  // The forum's B2B meetings (sql/sql_store_b2b.cpp): sessions by day then start, places by code,
  // participants by person, requests and meetings by id. A participant is upserted by person. A
  // schedule is written as deleteB2bMeetings() then insertB2bMeeting() inside one write(); a table
  // host's check-in sets a meeting's status (NotFound if gone).
  virtual Id insertB2bSession(B2bSession& session) = 0;
  virtual std::vector<B2bSession> b2bSessions() = 0;
  virtual Id insertB2bPlace(B2bPlace& place) = 0;
  virtual std::vector<B2bPlace> b2bPlaces() = 0;
  virtual void saveB2bParticipant(const B2bParticipant& participant) = 0;
  virtual std::vector<B2bParticipant> b2bParticipants() = 0;
  virtual Id insertB2bRequest(B2bRequest& request) = 0;
  virtual std::vector<B2bRequest> b2bRequests() = 0;
  virtual void deleteB2bMeetings(bool keepFrozen) = 0;
  virtual Id insertB2bMeeting(B2bMeeting& meeting) = 0;
  virtual std::vector<B2bMeeting> b2bMeetings() = 0;
  virtual void setB2bMeetingStatus(Id meeting, MeetingStatus status) = 0;

  // Gates.
  virtual Id insertGateProfile(GateProfile& profile) = 0;
  virtual std::vector<GateProfile> gateProfiles() = 0;             // by name
  virtual void updateGateProfile(const GateProfile& profile) = 0;  // by id
  // Badge states for a gate's in-memory index; changed_since non-empty: only those updated at or after it.
  virtual void forEachBadgeState(const std::string& changed_since,
                                 const std::function<void(const BadgeState&)>& fn) = 0;
  virtual std::vector<Presence> presences() = 0;
  // Appends the scan and, when given, sets the person's presence in the zone: one transaction.
  // reentry Antipassback or OncePerDay on an accepted entry guards the presence in the database
  // itself (another gate may have admitted the same badge an instant before): if the rule no longer
  // holds there, the scan is logged as rejected (already_inside / already_used_today), scan.verdict
  // and scan.reason say so, and recordScan returns false. A scan whose uid is already logged (an
  // offline queue pushed twice) changes nothing and returns the logged verdict. reentry nullopt: a
  // scan decided earlier by a gate that had lost the server: logged as it was decided, and the presence
  // set only if nothing newer is known for that person and zone. presenceReset Daily (the gate
  // profile's): under antipassback a person counts as inside only after an entry the same day
  // (presence.last_day); Never: until an exit, whatever the day.
  virtual bool recordScan(ScanRecord& scan, const Presence* presence,
                          std::optional<ReentryPolicy> reentry = ReentryPolicy::Always,
                          PresenceReset presenceReset = PresenceReset::Never) = 0;
  virtual std::vector<ScanRecord> recentScans(const std::string& gate, int limit) = 0;  // newest first
  // The gate screen's last scans: those logged at or before `until` (the venue's local time, compared on
  // its first 19 characters, YYYY-MM-DDTHH:MM:SS), latest first by time, then by id; gate empty: all.
  virtual std::vector<ScanRecord> scansUpTo(const std::string& gate, const std::string& until, int limit) = 0;
  // Accepted scans of a person in a zone on a day (YYYY-MM-DD prefix of `at`), in time order: offline
  // conflict checks when a gate pushes the scans it decided alone.
  virtual std::vector<ScanRecord> acceptedScansOn(Id person, const std::string& zone, const std::string& day) = 0;
  // Scans of a gate with this verdict at or after since (ISO text) and, when until is not empty, at or
  // before it (compared like scansUpTo); gate empty: every gate.
  virtual long long countScans(const std::string& gate, ScanVerdict verdict, const std::string& since,
                               const std::string& until) = 0;
  // People whose Latin or Arabic name contains text (manual admission at a gate).
  virtual std::vector<Person> findPeopleByName(const std::string& text, int limit) = 0;
  // Changes when another connection or process commits to the database (PostgreSQL: when another
  // station changes a badge, or after a reconnect).
  virtual long long dataVersion() = 0;
  // For a station that commits a steady stream of small transactions (a gate): housekeeping that would
  // stall one of them (SQLite's WAL checkpoint and its fsync) moves to a background thread. No-op where
  // there is none.
  virtual void housekeepInBackground() {}
  // The database server's clock, ISO-8601 UTC (gates warn when theirs is off); empty for a local file.
  virtual std::string serverTime() { return {}; }

  // Figures for the overview screen and `info`.
  virtual Overview overview() = 0;

  // Dashboard and reports (sql/sql_store_report.cpp): bulk reads in id order, from an id on, so a live
  // dashboard reads only what is new.
  virtual void forEachPassage(Id after_scan, const std::function<void(const PassageFact&)>& fn) = 0;
  // People with an id above after_person (0: everyone), in id order.
  virtual void forEachPersonFact(Id after_person, const std::function<void(const PersonFact&)>& fn) = 0;
  // Badge prints (first prints and reprints) after an event id: (event id, person).
  virtual void forEachPrint(Id after_event, const std::function<void(Id event, Id person)>& fn) = 0;
  virtual std::vector<BoothCount> boothCounts() = 0;  // booths per hall and status
  // Every scan (accepted or not) in id order with the category of its person ("" when none), for
  // `export scans`: streamed, never held in memory. No personal data is read.
  virtual void forEachScanLine(const std::function<void(const ScanRecord&, const std::string& category)>& fn) = 0;

  // Personal data (issue 9): the right of access and the anonymisation after the event (src/privacy;
  // sql/sql_store_privacy.cpp).
  // Every scan of a person (accepted or not, manual admissions too) and their presence per zone, in order.
  virtual std::vector<ScanRecord> scansOfPerson(Id person) = 0;
  virtual std::vector<Presence> presencesOfPerson(Id person) = 0;
  // Set-based anonymisation, meant to run inside one write(). Each replaces personal fields by tokens
  // made of prefix + the row id (people's last name; artisans' names: an artisan is a natural person)
  // and empties the others (see docs/personal-data.md for the list); categories, links, regions,
  // sectors, days and codes stay. Rows already anonymised are left alone: returns the rows changed.
  virtual long long anonymizePeople(const std::string& prefix) = 0;
  virtual long long anonymizeExhibitors(const std::string& artisan_prefix) = 0;
  // The audit trail's before and after values (version 2 rows: their digests stay in the chain) are
  // emptied and the rows stamped with at; rows changed. Version 1 rows (written before schema 6) keep
  // theirs: their hash covers the values.
  virtual long long redactAudit(const std::string& at) = 0;
  // Free-text reasons and notes (badge status and events, manual admissions): emptied; rows changed.
  virtual long long clearFreeTextNotes() = 0;
  // The distinct non-empty operator names of badge events and scans, sorted; renameOperator() replaces
  // one name by another in both.
  virtual std::vector<std::string> operatorNames() = 0;
  virtual void renameOperator(const std::string& from, const std::string& to) = 0;
  // After an anonymisation has committed, outside any transaction: leaves no copy of the replaced values
  // in the database's free space (SQLite: VACUUM and a truncating WAL checkpoint; PostgreSQL: VACUUM FULL
  // of the tables changed). Throws Error when the database is busy; what was committed stays committed.
  virtual void scrubFreedSpace() = 0;
};

// Opens the database named by url: a SQLite file path, or postgresql://user[:password]@host[:port]/db
// (the database must exist; OpenMode::Create fills an empty one). Applies pending migrations (on a
// server: only in OpenMode::Upgrade or Create, else UpgradeNeeded); refuses a newer schema (naming the
// Moussem to install when the database knows it) or a file or database that is not a Moussem database
// with Error.
std::unique_ptr<Store> openStore(const std::string& url, OpenMode mode = OpenMode::Existing);

}  // namespace moussem
