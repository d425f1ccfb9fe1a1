// The tables behind the demo data (demo_names.cpp): Moroccan names with their Arabic spelling, craft
// places tied to their sectors and regions, organisations, positions, foreign buyers' countries and
// names. Only demo_data.cpp reads them; nothing here is a real person or a real registration.
#pragma once
#include <array>
#include <span>
#include <string_view>

namespace moussem::demo {

struct Bilingual {
  std::string_view latin, arabic;
};

std::span<const Bilingual> maleGivenNames();
std::span<const Bilingual> femaleGivenNames();
std::span<const Bilingual> familyNames();

// The 12 regions, in codes::regions() order, with their French and Arabic names.
struct RegionName {
  std::string_view code, fr, ar;
};
std::span<const RegionName> regionNames();

// Where a craft is practised: exhibitors are drawn from these, so that sectors and regions keep
// their real ties (carpets of Taznakht, pottery of Safi, silver of Tiznit, thuya of Essaouira...).
struct CraftPlace {
  std::string_view sector, region, city_fr, city_ar;
  int weight;                 // how often the place is drawn, relative to the others
  std::string_view products;  // the place's own speciality (FR), empty: the sector's usual products
};
std::span<const CraftPlace> craftPlaces();

struct SectorWords {
  std::string_view code;
  std::string_view activity_fr, activity_ar;  // "de tissage de tapis" / "لنسج الزرابي" (after a cooperative's name)
  std::string_view trade_fr, trade_ar;       // "Tapis" / "زرابي" (in a company's name)
  std::array<std::string_view, 3> products;  // products shown (FR)
};
std::span<const SectorWords> sectorWords();  // in codes::sectors() order

// Words cooperatives and associations are named after (Amazigh and Arabic).
std::span<const Bilingual> cooperativeWords();

// Moroccan organisations. `category` is the participant category they send; a regional
// organisation's name is completed with a region's name ("... de la région Fès-Meknès"); `roles`
// names the positions its people hold (positions() of that category), by default `category`'s.
struct Organisation {
  std::string_view category;
  std::string_view fr, ar;
  std::string_view domain;  // for e-mail addresses (reserved .example domains)
  bool regional = false;
  std::string_view roles = {};
};
std::span<const Organisation> moroccanOrganisations();

// Positions by category (or by an organisation's roles), masculine and feminine, French and Arabic.
struct Position {
  std::string_view category;
  std::string_view fr_m, fr_f, ar_m, ar_f;
};
std::span<const Position> positions();

// Countries of foreign participants: dialling code, national number length and mobile prefix, so
// that phones are valid E.164; the weight follows the export markets (USA, France, Spain, Turkey...).
struct Country {
  std::string_view code;    // ISO 3166 alpha-2
  std::string_view dial;    // "+33"
  std::string_view mobile;  // first digits of a mobile number
  int digits;               // digits after the dialling code, mobile prefix included
  bool francophone;
  int weight;
  std::array<std::string_view, 10> first_names, last_names;
};
std::span<const Country> countries();

struct ForeignOrganisation {
  std::string_view country;
  std::string_view kind;  // buyer expert press partner
  std::string_view name, domain;
};
std::span<const ForeignOrganisation> foreignOrganisations();

// Positions of foreign participants by kind (buyer expert press partner), in English and French.
struct ForeignPosition {
  std::string_view kind, en, fr;
};
std::span<const ForeignPosition> foreignPositions();

}  // namespace moussem::demo
