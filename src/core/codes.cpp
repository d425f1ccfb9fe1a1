// Code lists of PRODUCT.md, in display order.
#include "core/codes.hpp"

#include <algorithm>
#include <array>

namespace moussem::codes {
namespace {
using namespace std::string_view_literals;
constexpr std::array kKinds{"cooperative"sv, "company"sv, "artisan"sv, "association"sv};
constexpr std::array kSectors{"pottery"sv, "carpet"sv, "jewelry"sv,  "textile"sv, "leather"sv,
                              "wood"sv,    "metal"sv,  "basketry"sv, "zellige"sv, "terroir"sv};
constexpr std::array kRegions{"tanger-tetouan-al-hoceima"sv,
                              "oriental"sv,
                              "fes-meknes"sv,
                              "rabat-sale-kenitra"sv,
                              "beni-mellal-khenifra"sv,
                              "casablanca-settat"sv,
                              "marrakech-safi"sv,
                              "draa-tafilalet"sv,
                              "souss-massa"sv,
                              "guelmim-oued-noun"sv,
                              "laayoune-sakia-el-hamra"sv,
                              "dakhla-oued-ed-dahab"sv};
constexpr std::array kPrograms{"kenz"sv, "excellence"sv, "aggregation"sv, "none"sv};
constexpr std::array kCategories{"forum"sv, "official"sv, "partner"sv, "economic"sv,  "expert"sv, "speaker"sv,
                                 "press"sv, "buyer"sv,    "staff"sv,   "exhibitor"sv, "vip"sv};
constexpr std::array kZones{"exhibition"sv, "forum"sv, "vip"sv, "b2b"sv};
constexpr std::array kBoothTypes{"inline"sv, "corner"sv, "peninsula"sv, "island"sv};
constexpr std::array kBoothStatuses{"free"sv, "hold"sv, "assigned"sv, "confirmed"sv, "blocked"sv};
constexpr std::array kDirections{"in"sv, "out"sv};
constexpr std::array kReentry{"always"sv, "antipassback"sv, "once-per-day"sv};
constexpr std::array kPresenceResets{"daily"sv, "never"sv};
constexpr std::array kRoles{"admin"sv, "organizer"sv, "desk"sv, "gate"sv};
constexpr std::array kReasons{"ok"sv,
                              "malformed"sv,
                              "forged"sv,
                              "wrong_event"sv,
                              "unknown_badge"sv,
                              "revoked"sv,
                              "superseded"sv,
                              "not_valid_today"sv,
                              "outside_hours"sv,
                              "zone_denied"sv,
                              "category_denied"sv,
                              "already_inside"sv,
                              "already_used_today"sv};

struct CategoryColor {
  std::string_view code, color;
};
constexpr std::array kCategoryColors{
    CategoryColor{"forum", "#1F6FB2"},     CategoryColor{"official", "#B22222"}, CategoryColor{"partner", "#6A3D9A"},
    CategoryColor{"economic", "#E07B00"},  CategoryColor{"expert", "#138D75"},   CategoryColor{"speaker", "#C2185B"},
    CategoryColor{"press", "#F2C200"},     CategoryColor{"buyer", "#2E7D32"},    CategoryColor{"staff", "#546E7A"},
    CategoryColor{"exhibitor", "#8D5524"}, CategoryColor{"vip", "#111111"},
};
}  // namespace

std::span<const std::string_view> kinds() {
  return kKinds;
}
std::span<const std::string_view> sectors() {
  return kSectors;
}
std::span<const std::string_view> regions() {
  return kRegions;
}
std::span<const std::string_view> programs() {
  return kPrograms;
}
std::span<const std::string_view> categories() {
  return kCategories;
}
std::span<const std::string_view> zones() {
  return kZones;
}
std::span<const std::string_view> boothTypes() {
  return kBoothTypes;
}
std::span<const std::string_view> boothStatuses() {
  return kBoothStatuses;
}
std::span<const std::string_view> directions() {
  return kDirections;
}
std::span<const std::string_view> reentryPolicies() {
  return kReentry;
}
std::span<const std::string_view> presenceResets() {
  return kPresenceResets;
}
std::span<const std::string_view> roles() {
  return kRoles;
}
std::span<const std::string_view> scanReasons() {
  return kReasons;
}

bool contains(std::span<const std::string_view> family, std::string_view code) {
  return std::find(family.begin(), family.end(), code) != family.end();
}

std::string_view defaultCategoryColor(std::string_view category) {
  for (const auto& c : kCategoryColors)
    if (c.code == category) return c.color;
  return "#607D8B";
}

}  // namespace moussem::codes
