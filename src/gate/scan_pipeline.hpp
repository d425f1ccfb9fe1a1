// The entry gate's decision, with no UI: payload → parse → Ed25519 verify with the public key only →
// edition → badge state (unknown, revoked, superseded) → profile rules (zone, category, day, hours) →
// presence and re-entry policy → durable log → verdict with reason and a person summary.
// Badge states and presence live in an in-memory index loaded once and kept current by the scans
// themselves (and by other stations' commits, seen through the store's data version), so a scan costs
// one signature check, a lookup, one transaction (scan row + presence) and one person read by id.
// The same code serves the kiosk screen, `moussem-cli scan` and `bench gate`.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain.hpp"
#include "gate/gate_profiles.hpp"
#include "store/store.hpp"

namespace moussem::gate {

struct PersonSummary {
  Id id = 0;
  std::string name;     // Latin
  std::string name_ar;  // Arabic script, logical order
  std::string category;
  std::string organization;
};

struct Verdict {
  bool accepted = false;
  ScanReason reason = ScanReason::Malformed;
  std::string gate, zone;
  Direction direction = Direction::In;
  std::string at;
  std::optional<std::string> serial;  // set once the signature verified
  std::optional<int> version;
  std::optional<PersonSummary> person;
  long long latency_us = 0;
  bool manual = false;
  std::string note;               // manual admissions: the steward's reason
  std::string revocation_reason;  // a revoked badge: why the desk revoked it (as typed there)
  Id scan_id = 0;                 // the scan's row in the log it was written to
};

struct Station {
  std::string station;
  std::string operator_name;
};

class ScanPipeline {
 public:
  // Loads the edition, its public key and the index. Throws Error if the edition has no public key.
  ScanPipeline(Store& store, Station who);

  void reload();       // the whole index again
  void syncChanges();  // badges changed since the last load or sync, and presence

  // Decides, logs (durably, before returning) and returns the verdict. Never throws for bad payloads;
  // throws Error only if the log cannot be written (then nothing is shown as accepted). uid: the scan's
  // unique id (newScanUid()); empty: a new one. A gate that retries a scan elsewhere (its local copy,
  // when the server did not answer in time) keeps the id, so the scan is never logged twice.
  Verdict scan(std::string_view payload, const GateProfile& profile, Direction direction, const Moment& at,
               const std::string& uid = {});
  // A steward's decision: admits the person whatever the rules say, logged as manual with the reason.
  Verdict admitManually(Id person, const GateProfile& profile, Direction direction, const Moment& at,
                        const std::string& reason);

  // People inside the zone: an accepted entry and no accepted exit since. day (YYYY-MM-DD, the venue's):
  // only those who entered that day (a profile whose presence resets daily: at the venue's midnight
  // everybody is outside again); empty: whatever the day of their entry.
  long long insideNow(std::string_view zone, std::string_view day = {}) const;
  std::size_t badgeCount() const { return base_.size() + overlay_.size(); }
  const Edition& edition() const { return edition_; }
  const Station& station() const { return who_; }
  void setOperator(std::string name) { who_.operator_name = std::move(name); }

 private:
  struct BadgeEntry {
    std::uint64_t key = 0;
    Id person = 0;
    std::int32_t version = 1;
    bool revoked = false;
  };
  struct PresenceEntry {
    bool inside = false;
    long long last_day = -1;  // day number of the last accepted entry
  };

  const BadgeEntry* findBadge(std::uint64_t key);
  std::string revocationReason(const std::string& serial);
  void putBadge(const BadgeState& state);
  int zoneIndex(std::string_view zone) const;
  std::uint64_t presenceKey(Id person, int zone) const {
    return (static_cast<std::uint64_t>(person) << 8) | static_cast<std::uint64_t>(zone & 0xFF);
  }
  Verdict finish(Verdict v, std::string_view payload, const Moment& at, Id person, int zone, bool changesPresence,
                 bool inside, long long day, std::uint64_t startNs, ReentryPolicy reentry = ReentryPolicy::Always,
                 const std::string& uid = {}, PresenceReset presenceReset = PresenceReset::Never);

  Store& store_;
  Station who_;
  Edition edition_;
  std::array<unsigned char, 32> publicKey_{};
  std::vector<std::string> zones_;                         // the edition's zones, stored order (payload zone bits)
  std::vector<BadgeEntry> base_;                           // sorted by key, loaded once
  std::unordered_map<std::uint64_t, BadgeEntry> overlay_;  // issued or changed since the load
  std::unordered_map<std::uint64_t, PresenceEntry> presence_;
  // Per zone index: day number → people inside since an entry that day.
  std::vector<std::unordered_map<long long, long long>> inside_;
  void loadPresence();
  std::string syncMark_;  // newest badge updated_at seen
  long long dataVersion_ = 0;
  bool shared_ = false;  // a server other gates write to: presence rules are decided by the database
};

// A scan's unique id: 9 characters of wall-clock milliseconds then 7 random ones, in an alphabet that
// sorts like the numbers it encodes (unique across stations; the offline queue syncs by it).
std::string newScanUid();

// Packs an 8-character serial of the serial alphabet into 40 bits; 0 if it is not one.
std::uint64_t serialKey(std::string_view serial);

}  // namespace moussem::gate
