// Demo data generator: fills an empty edition with the 9th National Artisan Week (exhibitors from
// every region and sector with their staff, forum participants of every category, a three-hall venue)
// from the tables of demo_names.cpp. Deterministic: one splitmix64 stream per fill, no clock, no
// locale, no hash-map order. Fast at a million people: tables are prepared once, and one Person is
// reused row after row so that its strings keep their capacity. It writes only through Store.
//
// Registration numbers (none of them real):
//   company      ICE, 15 digits: 9-digit company number, 4-digit establishment (0001), 2-digit key
//                (97 - the first 13 digits mod 97), like the real identifier's layout.
//   cooperative  ODCO-YYYY-RR-NNNNN: year of registration with the ODCO (Office du Développement de la
//                Coopération), region number 01-12 (codes::regions() order), serial unique in the demo.
//   artisan      RNA-NNNNNNNN: the Registre National de l'Artisanat card number.
//   association  ASSO-YYYY-RR-NNNN: year of the receipt of declaration, region number, serial.
#include "store/demo/demo_data.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/demo/demo_names.hpp"

namespace moussem {

namespace {

using namespace demo;

// splitmix64: tiny, fast, and the same on every machine and compiler.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  // Appends n random decimal digits.
  void digits(std::string& out, int n) {
    std::uint64_t r = next();
    for (int i = 0; i < n; ++i) {
      if (i % 18 == 17) r = next();
      out += static_cast<char>('0' + r % 10);
      r /= 10;
    }
  }

 private:
  std::uint64_t state_;
};

// Index drawn in proportion to weights (cumulative sums, ascending).
std::size_t weighted(Random& rnd, const std::vector<int>& cumulative) {
  const int total = cumulative.back();
  const int roll = static_cast<int>(rnd.below(static_cast<std::size_t>(total)));
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), roll) - cumulative.begin());
}

// For e-mail addresses: lower-case ASCII, accents folded, spaces, hyphens and apostrophes dropped.
std::string emailSlug(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 30> kFold{
      {{"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"É", 'e'}, {"à", 'a'}, {"â", 'a'}, {"á", 'a'},
       {"î", 'i'}, {"ï", 'i'}, {"í", 'i'}, {"ı", 'i'}, {"İ", 'i'}, {"ô", 'o'}, {"ö", 'o'}, {"ó", 'o'},
       {"Ö", 'o'}, {"û", 'u'}, {"ü", 'u'}, {"ú", 'u'}, {"Ü", 'u'}, {"ç", 'c'}, {"Ç", 'c'}, {"ñ", 'n'},
       {"ş", 's'}, {"Ş", 's'}, {"ğ", 'g'}, {"ø", 'o'}, {"å", 'a'}, {"ä", 'a'}}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      std::size_t used = 1;
      for (const auto& [from, to] : kFold)
        if (text.substr(i, from.size()) == from) {
          out += to;
          used = from.size();
          break;
        }
      i += used;
      continue;
    }
    ++i;
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
  }
  return out;
}

void appendNumber(std::string& out, long long n, int width = 0) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  (void)ec;
  for (auto len = static_cast<int>(end - buf); len < width; ++len) out += '0';
  out.append(buf, end);
}

std::string padded(long long n, int width) {
  std::string s;
  appendNumber(s, n, width);
  return s;
}

// Random digits after a mobile prefix are not all numbers in use: the first national digits are laid
// over with ones that are in the country's plan (libphonenumber's metadata, checked by test_demo), any
// digits after them making a valid number. Same length and same random draws as before, so the demo
// stays what it was.
void inPlan(std::string& number, std::size_t dialLength, std::string_view country) {
  static constexpr std::pair<std::string_view, std::string_view> kStarts[] = {
      {"US", "6462"}, {"FR", "66"}, {"ES", "6"},    {"TR", "53"}, {"IT", "33"}, {"DE", "151"},
      {"GB", "771"},  {"SN", "77"}, {"CI", "0707"}, {"BE", "47"}, {"NL", "61"}};
  for (auto [code, start] : kStarts)
    if (code == country && number.size() >= dialLength + start.size()) number.replace(dialLength, start.size(), start);
}

void moroccanMobile(Random& rnd, std::string& out) {
  out.assign(rnd.chance(70) ? "+2126" : "+2127");
  rnd.digits(out, 8);
  // 06 61/66 and 07 70/77 are mobile prefixes in use; the next digit picks one.
  const bool even = (out[5] - '0') % 2 == 0;
  out[5] = out[4] == '6' ? (even ? '6' : '1') : (even ? '0' : '7');
}

// How participants (people who are not exhibitor staff) split into categories, what share of each
// comes from abroad, which Moroccan organisations they come from and when they come. The forum opens
// the week, so forum categories come on its first two days; press, buyers and staff stay longer.
enum class Attendance { Forum, Opening, Trade, EveryDay };
struct CategoryPlan {
  std::string_view code;
  int per_thousand;                // share of the participants; the shares sum to 1000
  int foreign_percent;             // share from abroad
  std::string_view foreign_kind;   // buyer expert press partner
  std::string_view organisations;  // organisation categories to draw from; a repeated one is drawn more often
  std::string_view positions;      // position category; empty: the positions of the person's organisation
  Attendance attendance;
};
constexpr std::array<CategoryPlan, 10> kPlans{{
    {"forum", 300, 10, "buyer", "forum forum forum partner economic expert", "", Attendance::Forum},
    {"official", 75, 0, "partner", "official", "", Attendance::Forum},
    {"partner", 75, 10, "partner", "partner", "", Attendance::Forum},
    {"economic", 150, 8, "buyer", "economic", "", Attendance::Forum},
    {"expert", 100, 30, "expert", "expert", "", Attendance::Forum},
    {"speaker", 62, 40, "expert", "expert expert economic partner official", "speaker", Attendance::Forum},
    {"press", 75, 10, "press", "press", "", Attendance::Trade},
    {"buyer", 100, 85, "buyer", "buyer", "", Attendance::Trade},
    {"staff", 38, 0, "buyer", "staff", "", Attendance::EveryDay},
    {"vip", 25, 15, "partner", "vip", "", Attendance::Opening},
}};

std::vector<std::string_view> splitWords(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    out.push_back(list.substr(0, space));
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return out;
}

// "de Fès", "d'Azrou", "d'El Jadida".
std::string ofPlace(std::string_view city) {
  const bool vowel = !city.empty() && (std::string_view("AEIOUaeiou").find(city[0]) != std::string_view::npos ||
                                       city.substr(0, 2) == "É" || city.substr(0, 2) == "Â");
  return (vowel ? "d'" : "de ") + std::string(city);
}

// Everything derived from the tables once per fill, so that the per-row work is picks and copies.
struct Prepared {
  struct Org {
    std::string fr, ar;
    std::string_view domain;
  };
  std::vector<std::string> maleSlug, femaleSlug, familySlug;
  std::vector<Org> orgs;                               // regional organisations expanded to one per region
  std::vector<std::vector<std::size_t>> expansions;    // moroccanOrganisations() index → orgs indices
  std::vector<std::vector<const Position*>> orgRoles;  // moroccanOrganisations() index → its positions
  // Per plan: the organisation categories to draw from, each as moroccanOrganisations() indices.
  std::array<std::vector<std::vector<std::size_t>>, kPlans.size()> planOrganisations;
  std::array<std::vector<const Position*>, kPlans.size()> planPositions;  // when the plan names them
  std::vector<const Position*> staffPositions;  // exhibitor staff other than the contact person
  std::array<std::vector<const ForeignPosition*>, 4> foreignPositionPool;  // by kForeignKinds
  std::vector<int> countryWeights;
  std::vector<std::array<std::string, 10>> foreignFirstSlug, foreignLastSlug;
  std::vector<std::vector<std::size_t>> foreignOrgPool;  // [country * 4 + kind]
  std::vector<int> placeWeights;
  std::array<std::vector<int>, 12> regionPlaceWeights;
  std::array<std::vector<std::size_t>, 12> regionPlaces;
  std::array<std::vector<int>, 10> sectorPlaceWeights;
  std::array<std::vector<std::size_t>, 10> sectorPlaces;
  std::vector<std::string> consentDays;  // the 60 days before the edition

  static constexpr std::array<std::string_view, 4> kForeignKinds{"buyer", "expert", "press", "partner"};

  explicit Prepared(const Edition& edition) {
    for (const auto& n : maleGivenNames()) maleSlug.push_back(emailSlug(n.latin));
    for (const auto& n : femaleGivenNames()) femaleSlug.push_back(emailSlug(n.latin));
    for (const auto& n : familyNames()) familySlug.push_back(emailSlug(n.latin));
    auto positionsOf = [](std::string_view category) {
      std::vector<const Position*> out;
      for (const auto& p : positions())
        if (p.category == category) out.push_back(&p);
      if (out.empty()) throw std::logic_error("demo data: no position for " + std::string(category));
      return out;
    };
    for (const auto& o : moroccanOrganisations()) {
      auto& expanded = expansions.emplace_back();
      if (o.regional) {
        for (const auto& r : regionNames()) {
          expanded.push_back(orgs.size());
          orgs.push_back({std::string(o.fr) + std::string(r.fr), std::string(o.ar) + std::string(r.ar), o.domain});
        }
      } else {
        expanded.push_back(orgs.size());
        orgs.push_back({std::string(o.fr), std::string(o.ar), o.domain});
      }
      orgRoles.push_back(positionsOf(o.roles.empty() ? o.category : o.roles));
    }
    for (std::size_t c = 0; c < kPlans.size(); ++c) {
      for (std::string_view category : splitWords(kPlans[c].organisations)) {
        auto& bases = planOrganisations[c].emplace_back();
        for (std::size_t i = 0; i < moroccanOrganisations().size(); ++i)
          if (moroccanOrganisations()[i].category == category) bases.push_back(i);
        if (bases.empty()) throw std::logic_error("demo data: no organisation for " + std::string(category));
      }
      if (!kPlans[c].positions.empty()) planPositions[c] = positionsOf(kPlans[c].positions);
    }
    staffPositions = positionsOf("exhibitor");
    for (std::size_t k = 0; k < kForeignKinds.size(); ++k)
      for (const auto& fp : foreignPositions())
        if (fp.kind == kForeignKinds[k]) foreignPositionPool[k].push_back(&fp);
    int sum = 0;
    for (const auto& c : countries()) {
      countryWeights.push_back(sum += c.weight);
      auto& first = foreignFirstSlug.emplace_back();
      auto& last = foreignLastSlug.emplace_back();
      for (std::size_t i = 0; i < 10; ++i) {
        first[i] = emailSlug(c.first_names[i]);
        last[i] = emailSlug(c.last_names[i]);
      }
      for (auto kind : kForeignKinds) {
        auto& pool = foreignOrgPool.emplace_back();
        for (std::string_view wanted : {kind, std::string_view("buyer")}) {
          for (std::size_t i = 0; i < foreignOrganisations().size(); ++i)
            if (foreignOrganisations()[i].country == c.code && foreignOrganisations()[i].kind == wanted)
              pool.push_back(i);
          if (!pool.empty()) break;
        }
      }
    }
    const auto regions = codes::regions();
    const auto sectors = codes::sectors();
    for (std::size_t i = 0; i < sectors.size(); ++i)
      if (i >= sectorWords().size() || sectorWords()[i].code != sectors[i])
        throw std::logic_error("demo data: sectorWords() out of codes::sectors() order");
    sum = 0;
    for (std::size_t i = 0; i < craftPlaces().size(); ++i) {
      const auto& place = craftPlaces()[i];
      placeWeights.push_back(sum += place.weight);
      const auto r =
          static_cast<std::size_t>(std::find(regions.begin(), regions.end(), place.region) - regions.begin());
      const auto s =
          static_cast<std::size_t>(std::find(sectors.begin(), sectors.end(), place.sector) - sectors.begin());
      regionPlaces.at(r).push_back(i);
      regionPlaceWeights[r].push_back((regionPlaceWeights[r].empty() ? 0 : regionPlaceWeights[r].back()) +
                                      place.weight);
      sectorPlaces.at(s).push_back(i);
      sectorPlaceWeights[s].push_back((sectorPlaceWeights[s].empty() ? 0 : sectorPlaceWeights[s].back()) +
                                      place.weight);
    }
    for (const auto& places : regionPlaces)
      if (places.empty()) throw std::logic_error("demo data: a region without craft places");
    for (const auto& places : sectorPlaces)
      if (places.empty()) throw std::logic_error("demo data: a sector without craft places");
    for (long long d = 60; d >= 1; --d) consentDays.push_back(dates::addDays(edition.starts_on, -d));
  }
};

void consent(Random& rnd, const Prepared& t, Person& p) {
  p.consent = true;
  p.consent_at = t.consentDays[rnd.below(t.consentDays.size())];
  p.consent_at += 'T';
  appendNumber(p.consent_at, 8 + static_cast<long long>(rnd.below(14)), 2);
  p.consent_at += ':';
  appendNumber(p.consent_at, static_cast<long long>(rnd.below(60)), 2);
  p.consent_at += ':';
  appendNumber(p.consent_at, static_cast<long long>(rnd.below(60)), 2);
  p.consent_at += 'Z';
}

void attendance(Random& rnd, Attendance a, const std::vector<std::string>& days, std::vector<std::string>& out) {
  out.clear();
  const std::size_t n = days.size();
  switch (a) {
    case Attendance::EveryDay:
      out.assign(days.begin(), days.end());
      break;
    case Attendance::Opening:  // the opening, and often the closing
      out.push_back(days.front());
      if (n > 1 && rnd.chance(30)) out.push_back(days.back());
      break;
    case Attendance::Forum: {  // the forum's two days, some visit the exhibition later
      out.push_back(days.front());
      if (n > 1 && rnd.chance(70)) out.push_back(days[1]);
      if (n > 2 && rnd.chance(10)) out.push_back(days[2 + rnd.below(n - 2)]);
      break;
    }
    case Attendance::Trade:  // the forum and its B2B meetings, then several exhibition days
      for (std::size_t d = 0; d < n; ++d)
        if (d < 2 || rnd.chance(35)) out.push_back(days[d]);
      break;
  }
}

// The venue: three halls with back-to-back rows of booths, a cross aisle in the middle of each hall
// and 4 m aisles between double rows; booths at the ends of a half row are corners, hall C has two
// islands between its double rows. Coordinates are venue metres; booth codes A-01, B-12...
struct HallPlan {
  std::string_view code, name;
  double x, y;
  int doubleRows, perHalfRow;
  double boothWidth, boothDepth;
  int islands;  // 6 x 6 m, between the first two double rows
};
constexpr std::array<HallPlan, 3> kHalls{{
    {"A", "Hall A — Tapis, textile et bijoux", 0, 0, 2, 6, 3, 3, 0},
    {"B", "Hall B — Poterie, bois, métal et cuir", 51, 0, 2, 6, 3, 4, 0},
    {"C", "Hall C — Terroir et économie sociale", 0, 34, 2, 4, 6, 3, 2},
}};
constexpr double kSideAisle = 3, kEndAisle = 4, kRowAisle = 4, kIsland = 6;

void buildVenue(Store& store, DemoSummary& sum) {
  for (const auto& hp : kHalls) {
    const double half = hp.perHalfRow * hp.boothWidth;
    const double islandBand = hp.islands > 0 ? kIsland + kRowAisle : 0;
    Hall h;
    h.code = hp.code;
    h.name = hp.name;
    h.x = hp.x;
    h.y = hp.y;
    h.width = kSideAisle * 3 + half * 2;
    h.height = kEndAisle * 2 + hp.doubleRows * 2 * hp.boothDepth + (hp.doubleRows - 1) * kRowAisle + islandBand;
    store.insertHall(h);
    ++sum.halls;
    int number = 0;
    auto add = [&](double x, double y, double w, double d, BoothType type, bool power) {
      Booth b;
      b.code = std::string(hp.code) + "-" + padded(++number, 2);
      b.hall = hp.code;
      b.x = hp.x + x;
      b.y = hp.y + y;
      b.width = w;
      b.depth = d;
      b.type = type;
      b.power = power;
      store.insertBooth(b);
      ++sum.booths;
    };
    double y = kEndAisle;
    for (int dr = 0; dr < hp.doubleRows; ++dr) {
      for (int side = 0; side < 2; ++side) {  // two rows back to back
        for (int k = 0; k < hp.perHalfRow * 2; ++k) {
          const int inHalf = k % hp.perHalfRow;
          const double x = kSideAisle + (k >= hp.perHalfRow ? half + kSideAisle : 0) + inHalf * hp.boothWidth;
          const bool corner = inHalf == 0 || inHalf == hp.perHalfRow - 1;
          add(x, y + side * hp.boothDepth, hp.boothWidth, hp.boothDepth, corner ? BoothType::Corner : BoothType::Inline,
              corner || k % 2 == 0);
        }
      }
      y += 2 * hp.boothDepth + kRowAisle;
      if (dr == 0 && hp.islands > 0) {
        for (int i = 0; i < hp.islands; ++i) {
          const double centre = kSideAisle + (i % 2) * (half + kSideAisle) + half / 2;
          add(centre - kIsland / 2, y, kIsland, kIsland, BoothType::Island, true);
        }
        y += islandBand;
      }
    }
  }
}

// The 2-digit number of a region (01-12, codes::regions() order).
std::string regionNumber(std::string_view region) {
  const auto regions = codes::regions();
  return padded(std::find(regions.begin(), regions.end(), region) - regions.begin() + 1, 2);
}

std::string iceNumber(Random& rnd) {
  std::string ice = "00";
  ice += static_cast<char>('1' + rnd.below(9));
  rnd.digits(ice, 6);
  ice += "0001";
  const std::uint64_t first13 = std::stoull(ice);
  appendNumber(ice, static_cast<long long>(97 - first13 % 97), 2);
  return ice;
}

// The forum's B2B programme (DemoOptions::b2b_buyers): foreign buyers in the proportions of the export
// markets (EVENT.md: USA 44 %, France 14 %, Spain 6 %; the rest shared by Turkey, Europe and West
// Africa), each interested in two crafts drawn by their export weight (pottery 36 %, carpets 20 %),
// asking 5 to 9 exhibitors' contact people to meet, mostly of those crafts; a quarter of the sellers
// ask back, a few refuse, some sellers ask a buyer themselves. Three half-days on the forum's first two
// days, 30 tables in the B2B area east of pavilion D.
void b2bProgramme(Store& store, Random& rnd, const Prepared& t, int buyers, const std::vector<std::string>& days,
                  const std::vector<std::pair<Id, std::string>>& sellers, long long& serial, DemoSummary& sum) {
  struct Market {
    std::string_view country;
    int percent;
  };
  static constexpr std::array<Market, 11> kMarkets{{{"US", 44},
                                                    {"FR", 14},
                                                    {"ES", 6},
                                                    {"TR", 6},
                                                    {"IT", 6},
                                                    {"DE", 6},
                                                    {"GB", 6},
                                                    {"BE", 4},
                                                    {"NL", 4},
                                                    {"SN", 2},
                                                    {"CI", 2}}};
  // Sessions: the first afternoon, the second day's morning and afternoon.
  std::vector<Id> sessions;
  const std::string first = days.front(), second = days.size() > 1 ? days[1] : days.front();
  for (const auto& [day, starts, ends, pause] :
       std::array<std::array<std::string, 4>, 3>{{{first, "14:30", "18:00", "16:00-16:20"},
                                                  {second, "09:30", "12:30", "11:00-11:15"},
                                                  {second, "14:30", "18:00", "16:00-16:20"}}}) {
    B2bSession s;
    s.day = day, s.starts = starts, s.ends = ends, s.breaks = pause;
    store.insertB2bSession(s);
    sessions.push_back(s.id);
    ++sum.b2b_sessions;
  }
  for (int k = 0; k < 30; ++k) {
    B2bPlace table;
    table.code = "T" + padded(k + 1, 2);
    table.kind = B2bPlaceKind::Table;
    table.x = 110 + 5.0 * (k % 6);
    table.y = 48 + 4.5 * (k / 6);
    store.insertB2bPlace(table);
    ++sum.b2b_tables;
  }
  if (sellers.empty()) return;

  // Crafts by export weight (codes::sectors() order: pottery, carpet, then the others).
  std::vector<int> craftWeights;
  int cumulative = 0;
  for (std::size_t i = 0; i < codes::sectors().size(); ++i)
    craftWeights.push_back(cumulative += i == 0 ? 36 : i == 1 ? 20 : 6);
  const auto sectors = codes::sectors();

  Person p;
  std::vector<Id> buyerIds;
  std::set<std::pair<Id, Id>> asked;  // (buyer, seller) pairs with a request either way
  for (int k = 0; k < buyers; ++k) {
    // Stratified over the markets: buyer k's country is the share its position falls in.
    const int at = (k * 100 + 50) / buyers;
    std::size_t m = 0;
    int below = kMarkets[0].percent;
    while (m + 1 < kMarkets.size() && at >= below) below += kMarkets[++m].percent;
    const auto countryList = countries();
    std::size_t ci = 0;
    while (ci + 1 < countryList.size() && countryList[ci].code != kMarkets[m].country) ++ci;
    const Country& country = countryList[ci];
    const std::size_t fi = rnd.below(10), li = rnd.below(10);
    p = Person{};
    p.external_id = "B2B-" + padded(k + 1, 3);
    p.first_name = country.first_names[fi];
    p.last_name = country.last_names[li];
    p.country = country.code;
    p.category = "buyer";
    const auto& pool = t.foreignOrgPool[ci * Prepared::kForeignKinds.size()];
    const ForeignOrganisation& org = foreignOrganisations()[pool[rnd.below(pool.size())]];
    p.organization = org.name;
    const auto& positionPool = t.foreignPositionPool[0];
    const ForeignPosition& fp = *positionPool[rnd.below(positionPool.size())];
    p.position = country.francophone ? fp.fr : fp.en;
    p.email.assign(t.foreignFirstSlug[ci][fi]).append(".").append(t.foreignLastSlug[ci][li]).append(".");
    appendNumber(p.email, ++serial);
    p.email.append("@").append(org.domain);
    p.phone.assign(country.dial).append(country.mobile);
    rnd.digits(p.phone, country.digits - static_cast<int>(country.mobile.size()));
    inPlan(p.phone, country.dial.size(), country.code);
    attendance(rnd, Attendance::Trade, days, p.days);
    consent(rnd, t, p);
    buyerIds.push_back(store.insertPerson(p));
    ++sum.b2b_buyers;
    // Some arrive for the second day only, some cap their meetings.
    B2bParticipant row;
    row.person_id = buyerIds.back();
    row.side = B2bSide::Buyer;
    if (sessions.size() > 1 && rnd.chance(15)) row.unavailable.push_back(sessions.front());
    if (rnd.chance(20)) row.max_meetings = 8;
    if (!row.unavailable.empty() || row.max_meetings > 0) store.saveB2bParticipant(row);

    // Requests: 5 to 9 sellers, seven in ten of the two crafts of interest.
    const std::string_view like1 = sectors[weighted(rnd, craftWeights)], like2 = sectors[weighted(rnd, craftWeights)];
    std::vector<std::size_t> liked;
    for (std::size_t s = 0; s < sellers.size(); ++s)
      if (sellers[s].second == like1 || sellers[s].second == like2) liked.push_back(s);
    const std::size_t wanted = std::min(sellers.size(), 5 + rnd.below(5));
    std::vector<std::size_t> chosen;
    for (int tries = 0; chosen.size() < wanted && tries < 200; ++tries) {
      const std::size_t s =
          !liked.empty() && rnd.chance(70) ? liked[rnd.below(liked.size())] : rnd.below(sellers.size());
      if (std::find(chosen.begin(), chosen.end(), s) == chosen.end()) chosen.push_back(s);
    }
    for (std::size_t n = 0; n < chosen.size(); ++n) {
      B2bRequest r;
      r.from_person = buyerIds.back();
      r.to_person = sellers[chosen[n]].first;
      r.priority = n < 2 ? 3 : rnd.chance(60) ? 2 : 1;
      store.insertB2bRequest(r);
      asked.insert({r.from_person, r.to_person});
      ++sum.b2b_requests;
      // The seller's answer: asked back, now and then refused.
      const auto answer = rnd.below(100);
      if (answer < 25 || answer >= 97) {
        B2bRequest back;
        back.from_person = r.to_person;
        back.to_person = r.from_person;
        back.refused = answer >= 97;
        back.priority = back.refused ? 1 : 2;
        store.insertB2bRequest(back);
        ++sum.b2b_requests;
      }
    }
  }
  // Sellers who ask a buyer of their own accord.
  for (const auto& [seller, sector] : sellers) {
    if (buyerIds.empty() || !rnd.chance(20)) continue;
    const Id buyer = buyerIds[rnd.below(buyerIds.size())];
    if (!asked.insert({buyer, seller}).second) continue;
    B2bRequest r;
    r.from_person = seller;
    r.to_person = buyer;
    r.priority = 2;
    store.insertB2bRequest(r);
    ++sum.b2b_requests;
  }
}

void throwIfCancelled(const DemoOptions& o) {
  if (o.cancelled && o.cancelled()) throw Error(ErrorKind::Refused, tr("demo.cancelled"));
}

}  // namespace

Edition demoEdition() {
  Edition e;
  e.name_fr = "Semaine Nationale de l'Artisanat — 9e édition (démo)";
  e.name_ar = "الأسبوع الوطني للصناعة التقليدية — الدورة التاسعة (تجريبي)";
  e.name_en = "National Artisan Week — 9th edition (demo)";
  e.starts_on = "2026-02-09";
  e.ends_on = "2026-02-15";
  e.venue = "Espace d'exposition OLM Souissi, Rabat";
  e.timezone = "Africa/Casablanca";
  e.is_demo = true;
  return e;
}

DemoSummary fillDemo(Store& store, const DemoOptions& o) {
  if (o.exhibitors < 0 || o.participants < 0) throw Error(ErrorKind::Usage, tr("demo.error.sizes"));
  throwIfCancelled(o);
  DemoSummary sum;
  long long lastStep = 0;  // progress reported so far, in 200ths
  // One audit row for the whole demo (what it created), not a row per invented person.
  AuditRow summary;
  summary.action = "demo.fill";
  summary.entity = "edition";
  store.writeBulk(summary, [&] {
    const auto edition = store.edition();
    if (!edition) throw Error(ErrorKind::Refused, tr("badge.error.no_edition"));
    const Overview now = store.overview();
    if (now.exhibitors > 0 || now.people > 0) throw Error(ErrorKind::Refused, tr("demo.error.not_empty"));

    const std::vector<std::string> days = dates::range(edition->starts_on, edition->ends_on);
    const Prepared t(*edition);
    Random rnd(o.seed);

    // Progress: one unit per exhibitor, per staff member (about two each) and per participant;
    // reported (and cancellation checked) at most 200 times.
    const long long totalWork = 1 + o.exhibitors * 3LL + o.participants;
    long long done = 0;
    auto advance = [&](long long n) {
      done += n;
      const long long step = std::min(200LL, done * 200 / totalWork);
      if (step == lastStep) return;
      lastStep = step;
      throwIfCancelled(o);
      if (o.progress) o.progress(static_cast<double>(step) / 200.0);
    };

    if (!o.venue) buildVenue(store, sum);
    advance(1);

    // Exhibitors. The first 22 fill shuffled "slots": one per region, then one per sector, so that
    // every region and every sector is present; later ones are drawn in proportion to the places'
    // weights, and every eighth settles beside an earlier one of the same craft: competitors.
    std::vector<int> slots;
    for (int s = 0; s < 22; ++s) slots.push_back(s);
    for (std::size_t i = slots.size() - 1; i > 0; --i) std::swap(slots[i], slots[rnd.below(i + 1)]);
    std::vector<std::size_t> placeOf;
    std::vector<Id> exhibitorIds;
    std::vector<std::vector<Id>> idsAtPlace(craftPlaces().size());
    std::vector<std::pair<Id, std::string>> contacts;  // each exhibitor's contact person and sector (B2B)
    const auto words = cooperativeWords();
    const std::size_t wordStart = rnd.below(words.size());
    long long serial = 0;  // makes every e-mail address unique
    Person p;

    for (int i = 0; i < o.exhibitors; ++i) {
      std::size_t placeIndex;
      std::optional<Id> twinOf;
      if (i < static_cast<int>(slots.size())) {
        const auto s = static_cast<std::size_t>(slots[static_cast<std::size_t>(i)]);
        placeIndex = s < 12 ? t.regionPlaces[s][weighted(rnd, t.regionPlaceWeights[s])]
                            : t.sectorPlaces[s - 12][weighted(rnd, t.sectorPlaceWeights[s - 12])];
      } else if (i % 8 == 5) {
        const std::size_t twin = rnd.below(placeOf.size());
        placeIndex = placeOf[twin];
        twinOf = exhibitorIds[twin];
      } else {
        placeIndex = weighted(rnd, t.placeWeights);
      }
      placeOf.push_back(placeIndex);
      const CraftPlace& place = craftPlaces()[placeIndex];
      const auto sectors = codes::sectors();
      const auto sectorIndex =
          static_cast<std::size_t>(std::find(sectors.begin(), sectors.end(), place.sector) - sectors.begin());
      const SectorWords& sector = sectorWords()[sectorIndex];
      const Bilingual& word = words[(wordStart + static_cast<std::size_t>(i) * 13) % words.size()];

      Exhibitor x;
      x.external_id = "EXP-" + padded(i + 1, 3);
      const auto kindRoll = rnd.below(100);
      if (place.sector == "terroir")  // the social economy's cooperatives; no master artisans of argan oil
        x.kind = kindRoll < 80 ? "cooperative" : kindRoll < 92 ? "company" : "association";
      else
        x.kind = kindRoll < 62 ? "cooperative" : kindRoll < 78 ? "company" : kindRoll < 92 ? "artisan" : "association";
      x.sector = place.sector;
      x.region = place.region;
      x.city = place.city_fr;
      const bool womenCraft =
          x.sector == "carpet" || x.sector == "textile" || x.sector == "terroir" || x.sector == "basketry";
      const bool womens = x.kind == "cooperative" && rnd.chance(womenCraft ? 75 : 30);
      const bool femaleOwner = womens || rnd.chance(35);
      const Bilingual& owner = femaleOwner ? rnd.pick(femaleGivenNames()) : rnd.pick(maleGivenNames());
      const Bilingual& ownerFamily = rnd.pick(familyNames());
      const std::string year = std::to_string(2005 + rnd.below(20));
      std::string domain;
      if (x.kind == "cooperative") {
        x.name_fr = std::string(womens ? "Coopérative féminine " : "Coopérative ") + std::string(word.latin) + " " +
                    std::string(sector.activity_fr);
        x.name_ar =
            "تعاونية " + std::string(word.arabic) + (womens ? " النسوية " : " ") + std::string(sector.activity_ar);
        x.registration_no = "ODCO-" + year + "-" + regionNumber(x.region) + "-" +
                            padded(10000 + i * 37LL + static_cast<long long>(rnd.below(37)), 5);
        domain = "coop-" + emailSlug(word.latin);
      } else if (x.kind == "company") {
        const bool byCity = rnd.chance(50);
        x.name_fr = std::string(sector.trade_fr) + " " + std::string(byCity ? place.city_fr : word.latin) + " SARL";
        x.name_ar =
            "شركة " + std::string(sector.trade_ar) + " " + std::string(byCity ? place.city_ar : word.arabic) + " ش.م.م";
        x.registration_no = iceNumber(rnd);
        domain = emailSlug(sector.trade_fr) + "-" + emailSlug(byCity ? place.city_fr : word.latin);
      } else if (x.kind == "artisan") {
        x.name_fr = std::string(femaleOwner ? "Maître artisane " : "Maître artisan ") + std::string(owner.latin) + " " +
                    std::string(ownerFamily.latin);
        x.name_ar = std::string(femaleOwner ? "المعلمة " : "المعلم ") + std::string(owner.arabic) + " " +
                    std::string(ownerFamily.arabic);
        x.registration_no = "RNA-";
        rnd.digits(x.registration_no, 8);
        domain = "atelier-" + emailSlug(ownerFamily.latin);
      } else {
        x.name_fr = "Association " + std::string(word.latin) + " des artisans " + ofPlace(place.city_fr);
        x.name_ar = "جمعية " + std::string(word.arabic) + " لحرفيي " + std::string(place.city_ar);
        x.registration_no = "ASSO-" + year + "-" + regionNumber(x.region) + "-" + padded(1000 + i, 4);
        domain = "asso-" + emailSlug(word.latin);
      }
      domain += "-" + padded(i + 1, 3) + ".example";
      x.contact_name = std::string(owner.latin) + " " + std::string(ownerFamily.latin);
      moroccanMobile(rnd, x.phone);
      x.email = "contact@" + domain;
      // Kenz serves carpet and pottery units, Excellence exporters, aggregation the cooperatives.
      const bool kenzCraft = x.sector == "carpet" || x.sector == "pottery";
      if (kenzCraft && x.kind != "association" && rnd.chance(65))
        x.program = "kenz";
      else if (x.kind == "company" && rnd.chance(60))
        x.program = "excellence";
      else if (x.kind == "artisan" && rnd.chance(25))
        x.program = "excellence";
      else if ((x.kind == "cooperative" || x.kind == "association") && rnd.chance(45))
        x.program = "aggregation";
      else
        x.program = "none";
      static constexpr std::array<double, 6> kCooperativeAreas{9, 9, 9, 12, 12, 18};
      static constexpr std::array<double, 4> kCompanyAreas{12, 18, 24, 36};
      static constexpr std::array<double, 3> kArtisanAreas{9, 9, 12};
      x.booth_area_m2 = x.kind == "company"   ? kCompanyAreas[rnd.below(kCompanyAreas.size())]
                        : x.kind == "artisan" ? kArtisanAreas[rnd.below(kArtisanAreas.size())]
                                              : kCooperativeAreas[rnd.below(kCooperativeAreas.size())];
      x.wants_corner = rnd.chance(x.kind == "company" ? 45 : 20);
      // Lanterns and jewellery need light, embroidery its sewing machines.
      x.needs_power = rnd.chance(x.sector == "metal" || x.sector == "jewelry" ? 85 : x.sector == "textile" ? 60 : 35);
      x.products = !place.products.empty() && rnd.chance(70) ? std::string(place.products)
                                                             : std::string(sector.products[rnd.below(3)]);
      // Workshops of the same craft in the same town that asked to be kept apart: every twin, and
      // now and then two that happen to share a town.
      auto& neighbours = idsAtPlace[placeIndex];
      if (twinOf)
        x.competitors.push_back(*twinOf);
      else if (!neighbours.empty() && rnd.chance(25))
        x.competitors.push_back(neighbours.front());
      store.insertExhibitor(x);
      neighbours.push_back(x.id);
      exhibitorIds.push_back(x.id);
      ++sum.exhibitors;
      advance(1);

      // Staff with exhibitor badges, there every day; the first is the contact person.
      const Position* contactPosition = nullptr;
      for (const auto& pos : positions())
        if (pos.category.substr(0, 8) == "contact-" && pos.category.substr(8) == x.kind) contactPosition = &pos;
      const int staff = 1 + static_cast<int>(rnd.below(3));
      for (int s = 0; s < staff; ++s) {
        bool female = femaleOwner;
        const Bilingual* given = &owner;
        const Bilingual* family = &ownerFamily;
        const Position* position = nullptr;
        if (s > 0) {
          female = womens || rnd.chance(50);
          given = female ? &rnd.pick(femaleGivenNames()) : &rnd.pick(maleGivenNames());
          family = &rnd.pick(familyNames());
          position = t.staffPositions[rnd.below(t.staffPositions.size())];
        } else {
          position = contactPosition;
        }
        p.external_id = x.external_id + "-S" + std::to_string(s + 1);
        p.first_name = given->latin;
        p.last_name = family->latin;
        p.name_ar.assign(given->arabic).append(" ").append(family->arabic);
        p.organization = x.name_fr;
        p.position = female ? position->fr_f : position->fr_m;
        p.category = "exhibitor";
        p.country = "MA";
        p.email =
            emailSlug(given->latin) + "." + emailSlug(family->latin) + "." + std::to_string(++serial) + "@" + domain;
        moroccanMobile(rnd, p.phone);
        p.days.assign(days.begin(), days.end());
        consent(rnd, t, p);
        p.exhibitor_id = x.id;
        const Id staffId = store.insertPerson(p);
        if (s == 0) contacts.emplace_back(staffId, x.sector);
        ++sum.staff;
      }
      advance(2);
    }

    // Participants, category by category. With at least one per category available, every
    // category gets one first; the rest follows the plan's shares, the remainder goes to the forum.
    std::array<long long, kPlans.size()> counts{};
    long long left = o.participants;
    if (o.participants >= static_cast<long long>(kPlans.size())) {
      counts.fill(1);
      left -= static_cast<long long>(kPlans.size());
    }
    const long long shared = left;
    for (std::size_t c = 0; c < kPlans.size(); ++c) {
      const long long n = shared * kPlans[c].per_thousand / 1000;
      counts[c] += n;
      left -= n;
    }
    counts[0] += left;

    p.exhibitor_id.reset();
    long long number = 0;
    for (std::size_t c = 0; c < kPlans.size(); ++c) {
      const CategoryPlan& plan = kPlans[c];
      p.category = plan.code;
      const auto kindOf = [](std::string_view kind) {
        return static_cast<std::size_t>(
            std::find(Prepared::kForeignKinds.begin(), Prepared::kForeignKinds.end(), kind) -
            Prepared::kForeignKinds.begin());
      };
      const std::size_t kind = kindOf(plan.foreign_kind);

      for (long long k = 0; k < counts[c]; ++k) {
        p.external_id.assign("P-");
        appendNumber(p.external_id, ++number, 6);
        std::string_view domain;
        if (rnd.chance(plan.foreign_percent)) {
          const std::size_t ci = weighted(rnd, t.countryWeights);
          const Country& country = countries()[ci];
          const std::size_t fi = rnd.below(10), li = rnd.below(10);
          p.first_name = country.first_names[fi];
          p.last_name = country.last_names[li];
          p.name_ar.clear();
          p.country = country.code;
          const auto& pool = t.foreignOrgPool[ci * Prepared::kForeignKinds.size() + kind];
          const ForeignOrganisation& org = foreignOrganisations()[pool[rnd.below(pool.size())]];
          p.organization = org.name;
          // The position follows the organisation: a buyer's importer sends buyers even as speakers.
          const auto& positionPool = t.foreignPositionPool[kindOf(org.kind)];
          const ForeignPosition& fp = *positionPool[rnd.below(positionPool.size())];
          p.position = country.francophone ? fp.fr : fp.en;
          p.email.assign(t.foreignFirstSlug[ci][fi]).append(".").append(t.foreignLastSlug[ci][li]).append(".");
          domain = org.domain;
          p.phone.assign(country.dial).append(country.mobile);
          rnd.digits(p.phone, country.digits - static_cast<int>(country.mobile.size()));
          inPlan(p.phone, country.dial.size(), country.code);
        } else {
          const bool female = rnd.chance(45);
          const auto names = female ? femaleGivenNames() : maleGivenNames();
          const std::size_t gi = rnd.below(names.size()), fi = rnd.below(familyNames().size());
          p.first_name = names[gi].latin;
          p.last_name = familyNames()[fi].latin;
          p.name_ar.assign(names[gi].arabic).append(" ").append(familyNames()[fi].arabic);
          p.country = "MA";
          const auto& bases = t.planOrganisations[c][rnd.below(t.planOrganisations[c].size())];
          const std::size_t base = bases[rnd.below(bases.size())];
          const auto& expanded = t.expansions[base];
          const Prepared::Org& org = t.orgs[expanded[rnd.below(expanded.size())]];
          const auto& positionPool = plan.positions.empty() ? t.orgRoles[base] : t.planPositions[c];
          const Position& pos = *positionPool[rnd.below(positionPool.size())];
          // Some write their organisation and position in Arabic, as they would on a form.
          if (rnd.chance(12)) {
            p.organization = org.ar;
            p.position = female ? pos.ar_f : pos.ar_m;
          } else {
            p.organization = org.fr;
            p.position = female ? pos.fr_f : pos.fr_m;
          }
          p.email.assign(female ? t.femaleSlug[gi] : t.maleSlug[gi]).append(".").append(t.familySlug[fi]).append(".");
          domain = org.domain;
          moroccanMobile(rnd, p.phone);
        }
        appendNumber(p.email, ++serial);
        p.email.append("@").append(domain);
        attendance(rnd, plan.attendance, days, p.days);
        consent(rnd, t, p);
        store.insertPerson(p);
        ++sum.participants;
        advance(1);
      }
    }
    if (o.b2b_buyers > 0) b2bProgramme(store, rnd, t, o.b2b_buyers, days, contacts, serial, sum);
    if (o.venue) o.venue(store, sum);
    throwIfCancelled(o);
  });
  if (o.progress && lastStep < 200) o.progress(1.0);
  return sum;
}

}  // namespace moussem
