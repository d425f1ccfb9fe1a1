// Code lists of PRODUCT.md, in display order.
#include "core/codes.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "core/i18n.hpp"

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

bool contains(std::span<const std::string_view> family, std::string_view code) {
  return std::find(family.begin(), family.end(), code) != family.end();
}

std::string_view defaultCategoryColor(std::string_view category) {
  for (const auto& c : kCategoryColors)
    if (c.code == category) return c.color;
  return "#607D8B";
}

}  // namespace moussem::codes

namespace moussem {

void refuseCode(std::string_view family, std::string_view code, std::string_view where,
                std::span<const std::string_view> known) {
  std::string list;
  for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  throw Error(ErrorKind::Invalid,
              tr("codes.error.unknown", {std::string(family), std::string(code), std::string(where), list}));
}

std::string codeLabel(std::string_view family, std::string_view code) {
  return i18n::label(family, code);
}

}  // namespace moussem
