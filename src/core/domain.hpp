// The domain of PRODUCT.md as plain C++ values. Codes the program branches on are enums with one table
// of their stable strings, the others are strings (see codes.hpp); labels are translated elsewhere. No
// storage, no UI here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/codes.hpp"

namespace moussem {

using Id = std::int64_t;

struct Edition {
  Id id = 0;
  std::string uid;  // short random code carried by every badge: a badge of another edition is wrong_event
  std::string name_fr, name_ar, name_en;
  std::string starts_on, ends_on;  // YYYY-MM-DD, inclusive
  std::string venue;
  std::string timezone = "Africa/Casablanca";
  std::string logo_path;
  std::string public_key;  // Ed25519 public key, base64; the secret key never enters the database
  bool is_demo = false;
};

struct Zone {
  std::string code;  // exhibition, forum, vip, b2b, ...
  std::string label_fr, label_ar, label_en;
};

struct Category {
  std::string code;   // forum official partner economic expert speaker press buyer staff exhibitor vip
  std::string color;  // #RRGGBB
  std::string label_fr, label_ar, label_en;
  int sort = 0;
};

struct Exhibitor {
  Id id = 0;
  std::string external_id;
  std::string name_fr, name_ar;
  std::string kind;    // cooperative|company|artisan|association
  std::string sector;  // pottery carpet jewelry ...
  std::string region;  // 12 region codes
  std::string city;
  std::string contact_name;
  std::string phone;  // E.164
  std::string email;
  std::string registration_no;   // ICE (15 digits) or cooperative number
  std::string program = "none";  // kenz|excellence|aggregation|none
  double booth_area_m2 = 9.0;
  bool wants_corner = false;
  bool needs_power = false;
  std::string preferred_zone = "exhibition";
  std::string products;
  std::vector<Id> competitors;  // exhibitors to keep apart
};

struct Person {
  Id id = 0;
  std::string external_id;
  std::string first_name, last_name;  // Latin script
  std::string name_ar;                // full name in Arabic script
  std::string organization, position;
  std::string category;        // category code
  std::string country = "MA";  // ISO 3166 alpha-2
  std::string email, phone;
  std::vector<std::string> days;  // YYYY-MM-DD attendance days
  bool consent = false;           // Law 09-08
  std::string consent_at;         // ISO date-time of consent
  std::optional<Id> exhibitor_id;
};

struct Badge {
  Id id = 0;
  Id person_id = 0;
  std::string serial;
  int version = 1;
  BadgeStatus status = BadgeStatus::Active;
  int printed_count = 0;
};

struct BadgeEvent {
  Id id = 0;
  Id badge_id = 0;
  int version = 1;
  BadgeAction action = BadgeAction::Issue;
  std::string reason, station, operator_name;
  std::string at;  // ISO date-time, set by the store
};

// Who a badge batch is for. The filters combine; a revoked badge is never part of a batch.
struct PeopleFilter {
  std::string category;      // empty: every category
  Id exhibitor = 0;          // 0: any; else the staff of this exhibitor
  bool not_printed = false;  // only those whose current badge version was never printed
};

// The participants table, paged from the database (a million people never sit in memory): the filters
// and the order, decided by the database; then the rows of the window on show.
enum class PersonOrder {
  Registration,
  Name,
  NameAr,
  Organization,
  Category,
  Country,
  Email,
  Phone,
  Days,
  Exhibitor,
  Badge
};
struct PeopleQuery {
  std::string category;         // empty: every category
  std::optional<Id> exhibitor;  // nullopt: anyone; 0: nobody's staff; else the staff of this exhibitor
  std::string day;              // empty: any; else YYYY-MM-DD among the person's days
  PersonOrder order = PersonOrder::Registration;
  bool ascending = true;  // empty cells come last either way; ties in id order
  // PersonOrder::Category: the codes in the order their labels sort in the interface language.
  std::vector<std::string> category_order;
  std::size_t limit = 0;  // the first ones only (0: all)
};
struct PersonRow {
  Person person;
  std::string exhibitor;     // the exhibitor's name, empty if none
  std::string badge_serial;  // empty if none
};

// One line of a badge's print log.
struct PrintRecord {
  Id person_id = 0;
  std::string serial;
  int version = 1;
  std::string station, operator_name, at;
};

struct Point {
  double x = 0, y = 0;  // venue metres
};

struct Hall {
  Id id = 0;
  std::string code, name;
  double x = 0, y = 0, width = 0, height = 0;  // metres; the bounding rectangle when there is an outline
  std::string name_ar;
  std::string zone = "exhibition";   // zone code: an exhibitor's preferred zone matches it
  std::vector<Point> outline;        // polygon, venue metres; empty: the rectangle
  std::vector<std::string> sectors;  // sector codes the organiser wants in this hall (soft)
};

// An aisle or an entrance of a hall, as a rectangle in venue metres.
struct VenueFeature {
  Id id = 0;
  VenueFeatureKind kind = VenueFeatureKind::Aisle;
  std::string code, hall;
  double x = 0, y = 0, width = 0, height = 0;
  std::string label;  // French (and the label of any language without its own)
  bool main = false;  // a main aisle (booths on it are worth more)
  // Arabic and English labels; empty: the French one. Last, with initialisers, so that positional
  // initialisations written before them stay whole.
  std::string label_ar = {}, label_en = {};
};

// The parts of an exhibitor's booth request that are not on the exhibitor row (booth_area_m2,
// wants_corner, needs_power and preferred_zone are).
struct BoothRequest {
  Id exhibitor_id = 0;
  std::string preferred_hall;            // hall code, empty: none
  std::vector<std::string> booth_types;  // accepted types, empty: any
  int seniority = 0;                     // editions attended before
  int extra_points = 0;                  // priority points granted by the organiser
};

struct Booth {
  Id id = 0;
  std::string code;
  std::string hall;
  double x = 0, y = 0, width = 3, depth = 3;  // metres
  BoothType type = BoothType::Inline;
  bool power = false;
  BoothStatus status = BoothStatus::Free;
  std::optional<Id> exhibitor_id;
  bool locked = false;
};

struct GateProfile {
  Id id = 0;
  std::string name;
  std::string zone;
  Direction direction = Direction::In;
  std::vector<std::string> categories;  // empty: every category
  std::vector<std::string> days;        // empty: every day of the edition
  std::string hours_from, hours_to;     // HH:MM, empty: all day
  ReentryPolicy reentry = ReentryPolicy::Always;
  PresenceReset presence_reset = PresenceReset::Daily;  // Daily: everybody out at the venue's midnight
};

// What a gate needs to know of a badge, loaded once into its in-memory index.
struct BadgeState {
  Id person_id = 0;
  std::string serial;
  int version = 1;
  bool revoked = false;
  std::string updated_at;  // ISO date-time, set by the store
};

// Whether a person is inside a zone, and the last day they entered it (re-entry policies).
struct Presence {
  Id person_id = 0;
  std::string zone;
  bool inside = false;
  std::string last_at;   // last accepted scan, ISO
  std::string last_day;  // YYYY-MM-DD of the last accepted entry
};

// One line of the scan log: every scan, accepted or not, and manual admissions.
struct ScanRecord {
  Id id = 0;
  std::string uid;  // unique per scan
  std::string gate, zone;
  Direction direction = Direction::In;
  std::string station, operator_name;
  std::string at;  // ISO date-time, local time of the venue
  std::string payload_digest;
  ScanVerdict verdict = ScanVerdict::Rejected;
  ScanReason reason = ScanReason::Malformed;
  std::optional<std::string> badge_serial;
  std::optional<int> badge_version;
  std::optional<Id> person_id;
  bool manual = false;
  std::string note;  // the steward's reason for a manual admission
};

// A person who signs in to Moussem (not a registered person: a member of the organising team).
struct User {
  Id id = 0;
  std::string name;
  Role role = Role::Gate;
  std::string pin_hash;  // Argon2id (crypto_pwhash_str); never the PIN itself
  bool disabled = false;
  int failed_attempts = 0;   // wrong PINs in a row
  std::string locked_until;  // UTC ISO 8601; empty: not locked
  std::string created_at;
};

// One sign-in attempt as the store counts it (Store::countSignInAttempt).
struct SignInAttempt {
  std::string now;         // UTC ISO 8601: a lockout that ends at or before it has ended
  std::string lock_until;  // the end of the lockout this attempt sets if it reaches max_failures
  int max_failures = 5;
  std::string token;  // random: only the right PIN of this attempt may clear the count
};

// What the overview screen and `moussem-cli info` show.
struct CategoryCount {
  std::string code;
  long long count = 0;
};

struct Overview {
  long long exhibitors = 0;
  long long people = 0;
  long long badges = 0;
  long long booths = 0;
  long long booths_assigned = 0;
  long long halls = 0;
  long long gate_profiles = 0;
  long long scans = 0;
  std::vector<CategoryCount> people_by_category;  // every category, in display order
  std::vector<CategoryCount> exhibitors_by_region;
  std::vector<CategoryCount> exhibitors_by_sector;
};

// What the dashboard and the reports count, read in bulk and incrementally (ids only grow).
struct PassageFact {  // one accepted scan, entry or exit
  Id scan = 0;
  std::string at;  // local ISO time as written by the gate: YYYY-MM-DDTHH:MM:SS+hh:mm
  Id person = 0;
  std::string zone;
  bool in = true;
};
struct PersonFact {
  Id id = 0;
  std::string category;
  Id exhibitor = 0;  // 0: none
};
struct BoothCount {
  std::string hall, status;
  long long count = 0;
};

}  // namespace moussem
