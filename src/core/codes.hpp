// Stable codes of PRODUCT.md. Codes are never translated; their labels live in the string catalogs
// under "code.<family>.<code>" (e.g. tr("code.sector.pottery"), codeLabel(BoothStatus::Free)).
//
// Two kinds of families:
// - Codes the program branches on (a booth's status and type, a badge's status, a scan's verdict and
//   reason, a gate's direction and re-entry policy, roles, ...) are enums. Each has ONE table of its
//   string forms (CodeFamily<E> below), used by the store, the JSON and the catalogs: codeOf(e) writes,
//   parseCode<E>(text, where) reads and refuses an unknown code naming the family, the code and where it
//   came from. No code outside these tables compares a string with one of their codes.
// - Codes no code branches on, some of which organisers extend per edition (categories, zones: the
//   edition's own tables; sectors, regions, exhibitor kinds, programs), stay strings validated against
//   the lists below.
#pragma once
#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace moussem {

// One code of an enum family: the value and its stable string form.
template <class E>
struct CodeEntry {
  E value;
  std::string_view code;
};

// Specialised once per enum family: `name` (the family, as in the catalog keys "code.<name>.<code>")
// and `entries` (every value once, in display order).
template <class E>
struct CodeFamily;

template <class E>
concept Coded = requires {
  CodeFamily<E>::name;
  CodeFamily<E>::entries;
};

enum class BoothStatus { Free, Hold, Assigned, Confirmed, Blocked };
enum class BoothType { Inline, Corner, Peninsula, Island };
enum class VenueFeatureKind { Aisle, Entrance };
enum class BadgeStatus { Active, Revoked };
enum class BadgeAction { Issue, Print, Reprint, Revoke };
enum class ScanVerdict { Accepted, Rejected };
enum class ScanReason {
  Ok,
  Malformed,
  Forged,
  WrongEvent,
  UnknownBadge,
  Revoked,
  Superseded,
  NotValidToday,
  OutsideHours,
  ZoneDenied,
  CategoryDenied,
  AlreadyInside,
  AlreadyUsedToday
};
enum class Direction { In, Out };
enum class ReentryPolicy { Always, Antipassback, OncePerDay };
enum class PresenceReset { Daily, Never };  // a gate profile's presence: reset at the venue's midnight, or never
enum class Role { Admin, Organizer, Desk, Gate };

#define MOUSSEM_CODE_FAMILY(E, familyName, ...)              \
  template <>                                                \
  struct CodeFamily<E> {                                     \
    static constexpr std::string_view name = familyName;     \
    static constexpr CodeEntry<E> entries[] = {__VA_ARGS__}; \
  }

MOUSSEM_CODE_FAMILY(BoothStatus, "booth_status", {BoothStatus::Free, "free"}, {BoothStatus::Hold, "hold"},
                    {BoothStatus::Assigned, "assigned"}, {BoothStatus::Confirmed, "confirmed"},
                    {BoothStatus::Blocked, "blocked"});
MOUSSEM_CODE_FAMILY(BoothType, "booth_type", {BoothType::Inline, "inline"}, {BoothType::Corner, "corner"},
                    {BoothType::Peninsula, "peninsula"}, {BoothType::Island, "island"});
MOUSSEM_CODE_FAMILY(VenueFeatureKind, "venue_feature", {VenueFeatureKind::Aisle, "aisle"},
                    {VenueFeatureKind::Entrance, "entrance"});
MOUSSEM_CODE_FAMILY(BadgeStatus, "badge_status", {BadgeStatus::Active, "active"}, {BadgeStatus::Revoked, "revoked"});
MOUSSEM_CODE_FAMILY(BadgeAction, "badge_action", {BadgeAction::Issue, "issue"}, {BadgeAction::Print, "print"},
                    {BadgeAction::Reprint, "reprint"}, {BadgeAction::Revoke, "revoke"});
MOUSSEM_CODE_FAMILY(ScanVerdict, "verdict", {ScanVerdict::Accepted, "accepted"}, {ScanVerdict::Rejected, "rejected"});
MOUSSEM_CODE_FAMILY(ScanReason, "reason", {ScanReason::Ok, "ok"}, {ScanReason::Malformed, "malformed"},
                    {ScanReason::Forged, "forged"}, {ScanReason::WrongEvent, "wrong_event"},
                    {ScanReason::UnknownBadge, "unknown_badge"}, {ScanReason::Revoked, "revoked"},
                    {ScanReason::Superseded, "superseded"}, {ScanReason::NotValidToday, "not_valid_today"},
                    {ScanReason::OutsideHours, "outside_hours"}, {ScanReason::ZoneDenied, "zone_denied"},
                    {ScanReason::CategoryDenied, "category_denied"}, {ScanReason::AlreadyInside, "already_inside"},
                    {ScanReason::AlreadyUsedToday, "already_used_today"});
MOUSSEM_CODE_FAMILY(Direction, "direction", {Direction::In, "in"}, {Direction::Out, "out"});
MOUSSEM_CODE_FAMILY(ReentryPolicy, "reentry", {ReentryPolicy::Always, "always"},
                    {ReentryPolicy::Antipassback, "antipassback"}, {ReentryPolicy::OncePerDay, "once-per-day"});
MOUSSEM_CODE_FAMILY(PresenceReset, "presence_reset", {PresenceReset::Daily, "daily"}, {PresenceReset::Never, "never"});
MOUSSEM_CODE_FAMILY(Role, "role", {Role::Admin, "admin"}, {Role::Organizer, "organizer"}, {Role::Desk, "desk"},
                    {Role::Gate, "gate"});

// The stable code of a value ("free" for BoothStatus::Free).
template <Coded E>
constexpr std::string_view codeOf(E value) {
  for (const auto& e : CodeFamily<E>::entries)
    if (e.value == value) return e.code;
  return {};
}

// The value of a code; nullopt for anything else (exact, case-sensitive).
template <Coded E>
constexpr std::optional<E> fromCode(std::string_view code) {
  for (const auto& e : CodeFamily<E>::entries)
    if (e.code == code) return e.value;
  return std::nullopt;
}

template <Coded E>
constexpr std::string_view familyName() {
  return CodeFamily<E>::name;
}

// Every code of a family, in display order (combos, docs, help texts).
template <Coded E>
inline constexpr auto kCodeList = [] {
  std::array<std::string_view, std::size(CodeFamily<E>::entries)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = CodeFamily<E>::entries[i].code;
  return out;
}();
template <Coded E>
constexpr std::span<const std::string_view> codeList() {
  return kCodeList<E>;
}
// Every value of a family, in display order.
template <Coded E>
inline constexpr auto kValueList = [] {
  std::array<E, std::size(CodeFamily<E>::entries)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = CodeFamily<E>::entries[i].value;
  return out;
}();
template <Coded E>
constexpr std::span<const E> allValues() {
  return kValueList<E>;
}

// Throws Error(Invalid): "<where>: unknown <family> code "<code>" (known codes: ...)", in the user's language.
[[noreturn]] void refuseCode(std::string_view family, std::string_view code, std::string_view where,
                             std::span<const std::string_view> known);
// The label of a code in the current language (catalog key "code.<family>.<code>").
std::string codeLabel(std::string_view family, std::string_view code);

// The value of a code read at an edge (a file, a command line, a database row, JSON); an unknown code
// throws Error(Invalid) naming the family, the code and where (e.g. "booth 12, column status").
template <Coded E>
E parseCode(std::string_view code, std::string_view where) {
  if (auto v = fromCode<E>(code)) return *v;
  refuseCode(CodeFamily<E>::name, code, where, codeList<E>());
}

template <Coded E>
std::string codeLabel(E value) {
  return codeLabel(CodeFamily<E>::name, codeOf(value));
}

// JSON: an enum is always its code (JSON_DISABLE_ENUM_SERIALIZATION is set: never an integer); reading
// an unknown code throws.
template <class Json, Coded E>
void to_json(Json& j, E value) {
  j = std::string(codeOf(value));
}
template <class Json, Coded E>
void from_json(const Json& j, E& value) {
  value = parseCode<E>(j.template get<std::string>(), "JSON");
}

}  // namespace moussem

namespace moussem::codes {

std::span<const std::string_view> kinds();       // cooperative company artisan association
std::span<const std::string_view> sectors();     // pottery carpet jewelry ...
std::span<const std::string_view> regions();     // the 12 regions of Morocco
std::span<const std::string_view> programs();    // kenz excellence aggregation none
std::span<const std::string_view> categories();  // forum official partner ... (the defaults of a new edition)
std::span<const std::string_view> zones();       // exhibition forum vip b2b (the defaults of a new edition)

bool contains(std::span<const std::string_view> family, std::string_view code);

// Default colour (#RRGGBB) of a category code; organisers can change it per edition.
std::string_view defaultCategoryColor(std::string_view category);

}  // namespace moussem::codes
