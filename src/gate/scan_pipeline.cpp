#include "gate/scan_pipeline.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>

#include "badge/payload.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/signing_key.hpp"

namespace moussem::gate {

namespace {

constexpr std::string_view kSerialAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

std::uint64_t nowNs() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

}  // namespace

// 7 random characters are 35 bits; new ids land at the right edge of the scan table's uid index instead
// of a random leaf: one hot page per commit rather than one more page written per scan.
std::string newScanUid() {
  static constexpr char kAscending[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's base 32
  auto ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  std::string out(16, '0');
  for (int i = 8; i >= 0; --i, ms >>= 5) out[static_cast<std::size_t>(i)] = kAscending[ms & 31];
  std::uint64_t r = randombytes_random() | (std::uint64_t{randombytes_random()} << 32);
  for (std::size_t i = 9; i < 16; ++i, r >>= 5) out[i] = kAscending[r & 31];
  return out;
}

namespace {

std::string digestHex(std::string_view payload) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * sizeof hash, '0');
  for (std::size_t i = 0; i < sizeof hash; ++i) {
    out[2 * i] = kHex[hash[i] >> 4];
    out[2 * i + 1] = kHex[hash[i] & 0xF];
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::uint64_t serialKey(std::string_view serial) {
  if (serial.size() != 8) return 0;
  std::uint64_t key = 1;  // a leading 1 bit: no valid serial packs to 0
  for (char c : serial) {
    auto pos = kSerialAlphabet.find(c);
    if (pos == std::string_view::npos) return 0;
    key = (key << 5) | pos;
  }
  return key;
}

ScanPipeline::ScanPipeline(Store& store, Station who) : store_(store), who_(std::move(who)) {
  if (sodium_init() < 0) throw Error(ErrorKind::Io, "libsodium failed to initialise");
  shared_ = store_.status().shared;
  auto ed = store_.edition();
  if (!ed) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
  edition_ = *ed;
  std::size_t len = 0;
  if (edition_.public_key.empty() ||
      sodium_base642bin(publicKey_.data(), publicKey_.size(), edition_.public_key.data(), edition_.public_key.size(),
                        nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != publicKey_.size())
    throw Error(ErrorKind::Corrupt, tr("gate.error.no_public_key"));
  reload();
  store_.housekeepInBackground();  // a gate commits every scan: keep checkpoints off this thread
}

void ScanPipeline::reload() {
  zones_.clear();
  for (const auto& z : store_.zones()) zones_.push_back(z.code);
  dataVersion_ = store_.dataVersion();
  base_.clear();
  overlay_.clear();
  syncMark_.clear();
  store_.forEachBadgeState("", [this](const BadgeState& b) {
    std::uint64_t key = serialKey(b.serial);
    if (key == 0) return;
    base_.push_back({key, b.person_id, b.version, b.revoked});
    if (b.updated_at > syncMark_) syncMark_ = b.updated_at;
  });
  std::sort(base_.begin(), base_.end(), [](const BadgeEntry& a, const BadgeEntry& b) { return a.key < b.key; });
  loadPresence();
}

void ScanPipeline::loadPresence() {
  presence_.clear();
  inside_.assign(zones_.size(), {});
  for (const auto& p : store_.presences()) {
    int z = zoneIndex(p.zone);
    if (z < 0) continue;
    PresenceEntry e{p.inside, dates::isIsoDate(p.last_day) ? dates::toDayNumber(p.last_day) : -1};
    presence_[presenceKey(p.person_id, z)] = e;
    if (e.inside) ++inside_[static_cast<std::size_t>(z)][e.last_day];
  }
}

void ScanPipeline::syncChanges() {
  dataVersion_ = store_.dataVersion();
  store_.forEachBadgeState(syncMark_.empty() ? std::string("0") : syncMark_, [this](const BadgeState& b) {
    putBadge(b);
    if (b.updated_at > syncMark_) syncMark_ = b.updated_at;
  });
  loadPresence();
}

void ScanPipeline::putBadge(const BadgeState& b) {
  std::uint64_t key = serialKey(b.serial);
  if (key != 0) overlay_[key] = {key, b.person_id, b.version, b.revoked};
}

const ScanPipeline::BadgeEntry* ScanPipeline::findBadge(std::uint64_t key) {
  if (!overlay_.empty())
    if (auto it = overlay_.find(key); it != overlay_.end()) return &it->second;
  auto it =
      std::lower_bound(base_.begin(), base_.end(), key, [](const BadgeEntry& e, std::uint64_t k) { return e.key < k; });
  if (it != base_.end() && it->key == key) return &*it;
  return nullptr;
}

std::string ScanPipeline::revocationReason(const std::string& serial) {
  // The steward reads why (a lost badge, a replaced one...): the reason of the badge's last revoke. Only
  // revoked badges pay for these reads; a failure leaves the verdict as it is, without the reason.
  try {
    if (auto b = store_.badgeBySerial(serial)) {
      const auto events = store_.badgeEvents(b->id);
      for (auto it = events.rbegin(); it != events.rend(); ++it)
        if (it->action == BadgeAction::Revoke) return it->reason;
    }
  } catch (const Error&) {
  }
  return {};
}

int ScanPipeline::zoneIndex(std::string_view zone) const {
  for (std::size_t i = 0; i < zones_.size(); ++i)
    if (zones_[i] == zone) return static_cast<int>(i);
  return -1;
}

long long ScanPipeline::insideNow(std::string_view zone, std::string_view day) const {
  const int z = zoneIndex(zone);
  if (z < 0) return 0;
  const auto& byDay = inside_[static_cast<std::size_t>(z)];
  if (day.empty()) {
    long long all = 0;
    for (const auto& [d, n] : byDay) all += n;
    return all;
  }
  if (!dates::isIsoDate(day)) return 0;
  const auto it = byDay.find(dates::toDayNumber(day));
  return it == byDay.end() ? 0 : it->second;
}

Verdict ScanPipeline::scan(std::string_view payload, const GateProfile& profile, Direction direction, const Moment& at,
                           const std::string& uid) {
  const std::uint64_t start = nowNs();
  if (store_.dataVersion() != dataVersion_) syncChanges();  // another station wrote: follow it

  Verdict v;
  v.gate = profile.name;
  v.zone = profile.zone;
  v.direction = direction;
  v.at = at.iso;
  const int zone = zoneIndex(profile.zone);
  const long long day = dates::isIsoDate(at.day) ? dates::toDayNumber(at.day) : -1;
  auto reject = [&](ScanReason reason, Id person) {
    v.accepted = false;
    v.reason = reason;
    return finish(std::move(v), payload, at, person, zone, false, false, day, start, ReentryPolicy::Always, uid);
  };

  ParsedPayload parsed = verifyPayload(payload, edition_.uid, publicKey_);
  if (parsed.verdict != PayloadVerdict::Ok) return reject(payloadScanReason(parsed.verdict), 0);
  const BadgeClaims& c = parsed.claims;
  v.serial = c.serial;
  v.version = c.version;

  const BadgeEntry* badge = findBadge(serialKey(c.serial));
  if (!badge) {
    // Issued after the index was loaded, by this very connection: look once, then keep it.
    if (auto b = store_.badgeBySerial(c.serial)) {
      putBadge({b->person_id, b->serial, b->version, b->status == BadgeStatus::Revoked, ""});
      badge = findBadge(serialKey(c.serial));
    }
  }
  if (!badge || c.version > badge->version) return reject(ScanReason::UnknownBadge, badge ? badge->person : 0);
  const Id person = badge->person;
  if (c.version < badge->version) return reject(ScanReason::Superseded, person);
  if (badge->revoked) {
    v.revocation_reason = revocationReason(c.serial);
    return reject(ScanReason::Revoked, person);
  }

  const bool entering = direction == Direction::In;
  if (entering) {
    if (zone < 0 || (c.zones && (zone >= 32 || ((*c.zones >> zone) & 1u) == 0)))
      return reject(ScanReason::ZoneDenied, person);
    if (!profile.categories.empty() && !contains(profile.categories, c.category))
      return reject(ScanReason::CategoryDenied, person);
    const long long index = dates::isIsoDate(edition_.starts_on) ? day - dates::toDayNumber(edition_.starts_on) : -1;
    if (day < 0 || at.day < edition_.starts_on || at.day > edition_.ends_on)
      return reject(ScanReason::NotValidToday, person);
    if (c.days && (index < 0 || index >= 32 || ((*c.days >> index) & 1u) == 0))
      return reject(ScanReason::NotValidToday, person);
    if (!profile.days.empty() && !contains(profile.days, at.day)) return reject(ScanReason::NotValidToday, person);
    if (!profile.hours_from.empty()) {
      int from = minuteOfDay(profile.hours_from), to = minuteOfDay(profile.hours_to);
      if (at.minute < from || at.minute >= to) return reject(ScanReason::OutsideHours, person);
    }
    // On a shared server the database has the last word (another gate may have let this person out, or
    // in, an instant ago): recordScan's guard decides. A station of its own decides from memory too.
    auto it = shared_ ? presence_.end() : presence_.find(presenceKey(person, zone));
    if (it != presence_.end()) {
      // Inside, and under a daily reset inside since an entry today: yesterday's missing exit keeps
      // nobody out this morning.
      const bool inside =
          it->second.inside && (profile.presence_reset == PresenceReset::Never || it->second.last_day == day);
      if (profile.reentry == ReentryPolicy::Antipassback && inside) return reject(ScanReason::AlreadyInside, person);
      if (profile.reentry == ReentryPolicy::OncePerDay && it->second.last_day == day)
        return reject(ScanReason::AlreadyUsedToday, person);
    }
  }
  v.accepted = true;
  v.reason = ScanReason::Ok;
  return finish(std::move(v), payload, at, person, zone, zone >= 0, entering, day, start,
                entering ? profile.reentry : ReentryPolicy::Always, uid, profile.presence_reset);
}

Verdict ScanPipeline::admitManually(Id person, const GateProfile& profile, Direction direction, const Moment& at,
                                    const std::string& reason) {
  const std::uint64_t start = nowNs();
  std::string note = reason;
  while (!note.empty() && (note.back() == ' ' || note.back() == '\n')) note.pop_back();
  if (note.empty()) throw Error(ErrorKind::Invalid, tr("gate.error.manual_reason"));
  if (!store_.person(person)) throw Error(ErrorKind::NotFound, tr("badge.error.no_person", {std::to_string(person)}));
  Verdict v;
  v.gate = profile.name;
  v.zone = profile.zone;
  v.direction = direction;
  v.at = at.iso;
  v.accepted = true;
  v.reason = ScanReason::Ok;
  v.manual = true;
  v.note = note;
  if (auto b = store_.badgeOfPerson(person)) {
    v.serial = b->serial;
    v.version = b->version;
  }
  const int zone = zoneIndex(profile.zone);
  const long long day = dates::isIsoDate(at.day) ? dates::toDayNumber(at.day) : -1;
  return finish(std::move(v), "", at, person, zone, zone >= 0, direction == Direction::In, day, start);
}

Verdict ScanPipeline::finish(Verdict v, std::string_view payload, const Moment& at, Id person, int zone,
                             bool changesPresence, bool inside, long long day, std::uint64_t startNs,
                             ReentryPolicy reentry, const std::string& uid, PresenceReset presenceReset) {
  ScanRecord r;
  r.uid = uid.empty() ? newScanUid() : uid;
  r.gate = v.gate;
  r.zone = v.zone;
  r.direction = v.direction;
  r.station = who_.station;
  r.operator_name = who_.operator_name;
  r.at = at.iso;
  r.payload_digest = v.manual ? std::string() : digestHex(payload);
  r.verdict = v.accepted ? ScanVerdict::Accepted : ScanVerdict::Rejected;
  r.reason = v.reason;
  r.badge_serial = v.serial;
  r.badge_version = v.version;
  if (person != 0) r.person_id = person;
  r.manual = v.manual;
  r.note = v.note;

  Presence p;
  PresenceEntry next;
  if (changesPresence) {
    auto it = presence_.find(presenceKey(person, zone));
    PresenceEntry before = it == presence_.end() ? PresenceEntry{} : it->second;
    next.inside = inside;
    next.last_day = inside ? day : before.last_day;
    p.person_id = person;
    p.zone = v.zone;
    p.inside = inside;
    p.last_at = at.iso;
    p.last_day = next.last_day >= 0 ? dates::fromDayNumber(next.last_day) : "";
  }
  // Durable before anyone sees the verdict; the guard may turn an entry down that another gate admitted.
  if (!store_.recordScan(r, changesPresence ? &p : nullptr, reentry, presenceReset) && v.accepted) {
    v.accepted = false;
    v.reason = r.reason;
    next.inside = true;  // the database says so: inside already, or used today already
    next.last_day = day;
  }
  v.scan_id = r.id;

  if (changesPresence) {
    auto& slot = presence_[presenceKey(person, zone)];
    auto& byDay = inside_[static_cast<std::size_t>(zone)];
    if (slot.inside) --byDay[slot.last_day];
    if (next.inside) ++byDay[next.last_day];
    slot = next;
  }
  if (person != 0)
    if (auto who = store_.person(person)) {
      PersonSummary s;
      s.id = who->id;
      s.name = who->first_name.empty() && who->last_name.empty() ? "" : names::latin(*who);
      s.name_ar = who->name_ar;
      s.category = who->category;
      s.organization = who->organization;
      v.person = std::move(s);
    }
  v.latency_us = static_cast<long long>((nowNs() - startNs) / 1000);
  return v;
}

}  // namespace moussem::gate
