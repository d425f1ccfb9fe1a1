// Demo data generator. Name tables are real Moroccan (and foreign) names with their usual Arabic
// spelling; cooperatives follow the sector/region ties of the press articles (carpets of Taznakht,
// pottery of Safi, silver of Tiznit, thuya of Essaouira, zellige of Fès...). Nothing here is a real
// person or a real registration number.
#include "store/demo/demo_data.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace {

// splitmix64: small, fast, and the same on every machine.
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
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(N)]; }

 private:
  std::uint64_t state_;
};

struct Bilingual {
  std::string_view latin, arabic;
};

constexpr std::array<Bilingual, 40> kMaleNames{{
    {"Mohamed", "محمد"},     {"Ahmed", "أحمد"},       {"Youssef", "يوسف"},     {"Hassan", "حسن"},
    {"Omar", "عمر"},         {"Abdellah", "عبد الله"}, {"Rachid", "رشيد"},      {"Mustapha", "مصطفى"},
    {"Brahim", "إبراهيم"},   {"Khalid", "خالد"},      {"Said", "سعيد"},        {"Hamid", "حميد"},
    {"Abdelaziz", "عبد العزيز"}, {"Karim", "كريم"},   {"Driss", "إدريس"},      {"Nabil", "نبيل"},
    {"Mehdi", "المهدي"},     {"Hicham", "هشام"},      {"Lahcen", "لحسن"},      {"Mbarek", "امبارك"},
    {"Aziz", "عزيز"},        {"Jamal", "جمال"},       {"Noureddine", "نور الدين"}, {"Younes", "يونس"},
    {"Anas", "أنس"},         {"Othmane", "عثمان"},    {"Ismail", "إسماعيل"},   {"Tarik", "طارق"},
    {"Abderrahim", "عبد الرحيم"}, {"Mouad", "معاذ"},  {"Soufiane", "سفيان"},   {"Ayoub", "أيوب"},
    {"Hamza", "حمزة"},       {"Zakaria", "زكرياء"},   {"Adil", "عادل"},        {"Fouad", "فؤاد"},
    {"Larbi", "العربي"},     {"Taoufik", "توفيق"},    {"Redouane", "رضوان"},   {"Ali", "علي"},
}};

constexpr std::array<Bilingual, 40> kFemaleNames{{
    {"Fatima", "فاطمة"},     {"Khadija", "خديجة"},    {"Aicha", "عائشة"},      {"Meryem", "مريم"},
    {"Naima", "نعيمة"},      {"Zineb", "زينب"},       {"Hafsa", "حفصة"},       {"Salma", "سلمى"},
    {"Latifa", "لطيفة"},     {"Rachida", "رشيدة"},    {"Saida", "سعيدة"},      {"Malika", "مليكة"},
    {"Nadia", "نادية"},      {"Samira", "سميرة"},     {"Hanane", "حنان"},      {"Houda", "هدى"},
    {"Ilham", "إلهام"},      {"Karima", "كريمة"},     {"Loubna", "لبنى"},      {"Siham", "سهام"},
    {"Asmae", "أسماء"},      {"Imane", "إيمان"},      {"Hind", "هند"},         {"Sanae", "سناء"},
    {"Widad", "وداد"},       {"Ghizlane", "غزلان"},   {"Bouchra", "بشرى"},     {"Nezha", "نزهة"},
    {"Itto", "إيطو"},        {"Tlaytmas", "تلايتماس"}, {"Fadma", "فاضمة"},     {"Yamna", "يامنة"},
    {"Hayat", "حياة"},       {"Soukaina", "سكينة"},   {"Kenza", "كنزة"},       {"Nawal", "نوال"},
    {"Amal", "أمل"},         {"Btissam", "ابتسام"},   {"Wafae", "وفاء"},       {"Oumaima", "أميمة"},
}};

constexpr std::array<Bilingual, 48> kFamilyNames{{
    {"Alaoui", "العلوي"},    {"Bennani", "بناني"},     {"El Amrani", "العمراني"}, {"Tazi", "التازي"},
    {"Idrissi", "الإدريسي"}, {"Berrada", "برادة"},    {"Benjelloun", "بنجلون"}, {"El Fassi", "الفاسي"},
    {"Chraibi", "الشرايبي"}, {"Ouazzani", "الوزاني"}, {"Lahlou", "لحلو"},       {"Sqalli", "السقلي"},
    {"Benkirane", "بنكيران"}, {"Ait Ouahmane", "آيت واحمان"}, {"Ouhammou", "أوحمو"}, {"Amazigh", "أمازيغ"},
    {"Boutaleb", "بوطالب"},  {"El Mansouri", "المنصوري"}, {"Zerouali", "الزروالي"}, {"Kettani", "الكتاني"},
    {"Naciri", "الناصري"},   {"Belhaj", "بلحاج"},     {"Chaoui", "الشاوي"},     {"Regragui", "الركراكي"},
    {"Soussi", "السوسي"},    {"Rifi", "الريفي"},      {"Doukkali", "الدكالي"},  {"Filali", "الفيلالي"},
    {"Sahraoui", "الصحراوي"}, {"Marrakchi", "المراكشي"}, {"Tadlaoui", "التادلاوي"}, {"Ziani", "الزياني"},
    {"Ait Baha", "آيت باها"}, {"Oubella", "أوبلا"},    {"Bouzid", "بوزيد"},      {"Hajji", "الحاجي"},
    {"El Ouafi", "الوافي"},  {"Lamrani", "اللمراني"}, {"Essaidi", "السعيدي"},   {"Bakkali", "البقالي"},
    {"El Khattabi", "الخطابي"}, {"Ouchen", "أوشن"},   {"Amrani", "عمراني"},     {"Jebli", "الجبلي"},
    {"Berrechid", "برشيد"},  {"Tahiri", "الطاهري"},   {"Kabbaj", "القباج"},     {"Slaoui", "السلاوي"},
}};

struct ForeignName {
  std::string_view first, last, country, organization;
};
constexpr std::array<ForeignName, 24> kForeigners{{
    {"Emily", "Carter", "US", "Hand & Loom Imports"},         {"Michael", "Brooks", "US", "Artisan Route LLC"},
    {"Sarah", "Mitchell", "US", "Maison Atlas Home"},          {"David", "Nguyen", "US", "Crafted Living Co."},
    {"Claire", "Dubois", "FR", "Galeries du Sud"},             {"Julien", "Moreau", "FR", "Comptoir des Artisans"},
    {"Camille", "Lefèvre", "FR", "Atelier Méditerranée"},      {"Antoine", "Girard", "FR", "Maison Kasbah Paris"},
    {"Lucía", "Fernández", "ES", "Artesanía del Estrecho"},    {"Javier", "Moreno", "ES", "Casa Andalusí"},
    {"Elif", "Yılmaz", "TR", "Anadolu El Sanatları"},          {"Mehmet", "Kaya", "TR", "Bosphorus Crafts"},
    {"Giulia", "Romano", "IT", "Mediterranea Design"},         {"Marco", "Bianchi", "IT", "Bottega Artigiana"},
    {"Katrin", "Schneider", "DE", "Handwerk Direkt GmbH"},     {"Lukas", "Becker", "DE", "Orient Wohnen"},
    {"Oliver", "Hughes", "GB", "Souk & Co London"},            {"Charlotte", "Evans", "GB", "The Makers' Guild"},
    {"Aminata", "Diallo", "SN", "Dakar Artisanat Export"},     {"Moussa", "Ndiaye", "SN", "Sahel Créations"},
    {"Awa", "Kouassi", "CI", "Abidjan Design Hub"},            {"Koffi", "Yao", "CI", "Ivoire Artisanat"},
    {"Sophie", "Janssens", "BE", "Brussels Fair Trade"},       {"Pieter", "De Vries", "NL", "Amsterdam Home Goods"},
}};

struct City {
  std::string_view region, fr, ar;
};
constexpr std::array<City, 30> kCities{{
    {"tanger-tetouan-al-hoceima", "Tétouan", "تطوان"}, {"tanger-tetouan-al-hoceima", "Chefchaouen", "شفشاون"},
    {"tanger-tetouan-al-hoceima", "Ouezzane", "وزان"},  {"oriental", "Oujda", "وجدة"},
    {"oriental", "Figuig", "فكيك"},                    {"fes-meknes", "Fès", "فاس"},
    {"fes-meknes", "Meknès", "مكناس"},                 {"fes-meknes", "Sefrou", "صفرو"},
    {"rabat-sale-kenitra", "Salé", "سلا"},             {"rabat-sale-kenitra", "Rabat", "الرباط"},
    {"rabat-sale-kenitra", "Khémisset", "الخميسات"},   {"beni-mellal-khenifra", "Khénifra", "خنيفرة"},
    {"beni-mellal-khenifra", "Azilal", "أزيلال"},      {"casablanca-settat", "Casablanca", "الدار البيضاء"},
    {"casablanca-settat", "Azemmour", "أزمور"},        {"marrakech-safi", "Safi", "آسفي"},
    {"marrakech-safi", "Marrakech", "مراكش"},          {"marrakech-safi", "Essaouira", "الصويرة"},
    {"draa-tafilalet", "Taznakht", "تازناخت"},         {"draa-tafilalet", "Ouarzazate", "ورزازات"},
    {"draa-tafilalet", "Errachidia", "الرشيدية"},      {"souss-massa", "Tiznit", "تيزنيت"},
    {"souss-massa", "Taroudant", "تارودانت"},          {"souss-massa", "Agadir", "أكادير"},
    {"guelmim-oued-noun", "Guelmim", "كلميم"},         {"guelmim-oued-noun", "Tan-Tan", "طانطان"},
    {"laayoune-sakia-el-hamra", "Laâyoune", "العيون"}, {"laayoune-sakia-el-hamra", "Smara", "السمارة"},
    {"dakhla-oued-ed-dahab", "Dakhla", "الداخلة"},     {"dakhla-oued-ed-dahab", "Bir Gandouz", "بئر كندوز"},
}};

struct SectorFacts {
  std::string_view code;
  std::string_view of_fr, of_ar;  // "des tapis" / "للزرابي"
  std::array<std::string_view, 3> regions;  // where the craft is strongest
  std::string_view products;
  std::string_view program;
};
constexpr std::array<SectorFacts, 10> kSectors{{
    {"pottery", "de poterie et céramique", "للفخار والخزف", {"marrakech-safi", "fes-meknes", "rabat-sale-kenitra"},
     "Tajines, plats et vases émaillés, céramique de Safi", "kenz"},
    {"carpet", "des tapis", "للزرابي", {"draa-tafilalet", "beni-mellal-khenifra", "marrakech-safi"},
     "Tapis de Taznakht, hanbels, zerbias tissées main", "kenz"},
    {"jewelry", "de bijouterie", "للحلي", {"souss-massa", "guelmim-oued-noun", "fes-meknes"},
     "Bijoux en argent, fibules, colliers amazighs", "excellence"},
    {"textile", "de broderie et couture traditionnelle", "للطرز والخياطة التقليدية",
     {"fes-meknes", "rabat-sale-kenitra", "tanger-tetouan-al-hoceima"}, "Caftans, djellabas, broderie de Rabat et de Fès",
     "aggregation"},
    {"leather", "du cuir", "للجلد", {"fes-meknes", "marrakech-safi", "casablanca-settat"},
     "Babouches, sacs et maroquinerie tannée à Fès", "excellence"},
    {"wood", "du bois", "للخشب", {"marrakech-safi", "fes-meknes", "tanger-tetouan-al-hoceima"},
     "Coffrets en thuya d'Essaouira, marqueterie, mobilier sculpté", "aggregation"},
    {"metal", "de dinanderie", "للنحاس", {"fes-meknes", "marrakech-safi", "oriental"},
     "Lanternes ciselées, plateaux en cuivre, ferronnerie", "none"},
    {"basketry", "de vannerie", "للسلالة والدوم", {"oriental", "tanger-tetouan-al-hoceima", "laayoune-sakia-el-hamra"},
     "Paniers en doum et alfa, chapeaux de paille", "aggregation"},
    {"zellige", "du zellige", "للزليج", {"fes-meknes", "marrakech-safi", "casablanca-settat"},
     "Zellige taillé main, tables en mosaïque, plâtre sculpté", "excellence"},
    {"terroir", "des produits du terroir", "للمنتجات المحلية",
     {"souss-massa", "dakhla-oued-ed-dahab", "guelmim-oued-noun"}, "Huile d'argan, amlou, miel, safran, couscous roulé main",
     "aggregation"},
}};

constexpr std::array<Bilingual, 24> kCooperativeWords{{
    {"Tifawin", "تيفاوين"},   {"Al Amal", "الأمل"},     {"Nour", "النور"},        {"Al Baraka", "البركة"},
    {"Tiwizi", "تويزي"},      {"Tamaynut", "تامينوت"},  {"Argana", "أركانة"},     {"Al Khir", "الخير"},
    {"Ennahda", "النهضة"},    {"Tanmia", "التنمية"},    {"Al Wafae", "الوفاء"},   {"Tissir", "تيسير"},
    {"Assafa", "الصفاء"},     {"Tafouyt", "تافويت"},    {"Ajdir", "أجدير"},       {"Al Mostakbal", "المستقبل"},
    {"Tiguemi", "تيكمي"},     {"Al Ikhlas", "الإخلاص"}, {"Aït Bouguemez", "آيت بوكماز"}, {"Yasmine", "الياسمين"},
    {"Al Fath", "الفتح"},     {"Izourane", "إزوران"},   {"Warda", "الوردة"},      {"Annajah", "النجاح"},
}};

struct Organisation {
  std::string_view fr, category;
};
constexpr std::array<Organisation, 20> kMoroccanOrganisations{{
    {"Secrétariat d'État chargé de l'Artisanat et de l'Économie Sociale et Solidaire", "official"},
    {"Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire", "official"},
    {"Wilaya de la région Rabat-Salé-Kénitra", "official"},
    {"Maison de l'Artisan", "partner"},
    {"Chambre d'Artisanat de la région Fès-Meknès", "partner"},
    {"Chambre d'Artisanat de la région Souss-Massa", "partner"},
    {"Office du Développement de la Coopération (ODCO)", "partner"},
    {"Tamwilcom", "partner"},
    {"Smart Export Insurance", "partner"},
    {"Bank of Africa", "economic"},
    {"Crédit Agricole du Maroc", "economic"},
    {"Fédération des Industries de l'Artisanat", "economic"},
    {"Morocco Handmade", "economic"},
    {"Université Mohammed V de Rabat", "expert"},
    {"Institut Spécialisé des Arts Traditionnels", "expert"},
    {"MAP — Agence Maghreb Arabe Presse", "press"},
    {"Le Matin", "press"},
    {"Hespress", "press"},
    {"SNRT", "press"},
    {"L'Économiste", "press"},
}};

constexpr std::array<std::string_view, 12> kPositions{{
    "Directeur régional", "Directrice de la coopération", "Chargé de mission", "Cheffe de projet",
    "Président", "Présidente de coopérative", "Responsable export", "Consultante", "Journaliste",
    "Acheteur", "Chargée de communication", "Conseiller"}};

struct CategoryShare {
  std::string_view code;
  int per_thousand;  // of the participants who are not exhibitor staff
};
// Sums to 1000: a forum audience of about 400 has roughly these groups.
constexpr std::array<CategoryShare, 10> kShares{{
    {"forum", 300}, {"official", 75}, {"partner", 75}, {"economic", 150}, {"expert", 100},
    {"speaker", 62}, {"press", 75}, {"buyer", 100}, {"staff", 38}, {"vip", 25}}};

std::string asciiFold(std::string_view text) {
  // For e-mail addresses: lower case, accents dropped, spaces and apostrophes removed.
  static const std::array<std::pair<std::string_view, char>, 22> kFold{{
      {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"à", 'a'}, {"â", 'a'}, {"î", 'i'}, {"ï", 'i'},
      {"ô", 'o'}, {"ö", 'o'}, {"û", 'u'}, {"ü", 'u'}, {"ç", 'c'}, {"ı", 'i'}, {"ñ", 'n'}, {"É", 'e'},
      {"í", 'i'}, {"á", 'a'}, {"ó", 'o'}, {"ú", 'u'}, {"ş", 's'}, {"ğ", 'g'}}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFold)
      if (text.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    if (folded) continue;
    char c = text[i++];
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    else if (c == '-') out += '-';
  }
  return out;
}

std::string moroccanMobile(Random& rnd) {
  std::string s = rnd.chance(70) ? "+2126" : "+2127";
  for (int i = 0; i < 8; ++i) s += static_cast<char>('0' + rnd.below(10));
  return s;
}

std::string digits(Random& rnd, int n) {
  std::string s;
  s += static_cast<char>('1' + rnd.below(9));
  for (int i = 1; i < n; ++i) s += static_cast<char>('0' + rnd.below(10));
  return s;
}

const City& cityIn(Random& rnd, std::string_view region) {
  std::array<const City*, 4> found{};
  std::size_t n = 0;
  for (const auto& c : kCities)
    if (c.region == region && n < found.size()) found[n++] = &c;
  return *found[rnd.below(n)];
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
  auto edition = store.edition();
  if (!edition) throw Error(ErrorKind::Refused, tr("badge.error.no_edition"));
  Overview now = store.overview();
  if (now.exhibitors > 0 || now.people > 0) throw Error(ErrorKind::Refused, tr("demo.error.not_empty"));
  if (o.exhibitors < 0 || o.participants < 0) throw Error(ErrorKind::Usage, tr("demo.error.sizes"));

  const std::vector<std::string> days = dates::range(edition->starts_on, edition->ends_on);
  Random rnd(o.seed);
  DemoSummary sum;
  const long long totalWork = o.exhibitors * 3LL + o.participants + 1;
  long long done = 0;
  int lastReported = -1;
  auto advance = [&](long long n) {
    done += n;
    int step = static_cast<int>(done * 200 / totalWork);
    if (step != lastReported) {
      lastReported = step;
      throwIfCancelled(o);
      if (o.progress) o.progress(std::min(1.0, static_cast<double>(done) / static_cast<double>(totalWork)));
    }
  };
  long long emailSerial = 0;
  auto emailFor = [&](std::string_view first, std::string_view last, std::string_view domain) {
    return asciiFold(first) + "." + asciiFold(last) + "." + std::to_string(++emailSerial) + "@" + std::string(domain);
  };
  auto personName = [&](Person& p) {
    const auto& given = rnd.chance(55) ? rnd.pick(kFemaleNames) : rnd.pick(kMaleNames);
    const auto& family = rnd.pick(kFamilyNames);
    p.first_name = given.latin;
    p.last_name = family.latin;
    p.name_ar = std::string(given.arabic) + " " + std::string(family.arabic);
  };
  auto consent = [&](Person& p) {
    p.consent = true;
    p.consent_at = dates::addDays(edition->starts_on, -static_cast<long long>(3 + rnd.below(40))) + "T10:" +
                   std::to_string(10 + rnd.below(50)) + ":00Z";
  };

  store.write([&] {
    // The venue: three halls of booths in rows with aisles, plus growth room.
    struct HallPlan {
      std::string_view code, name;
      double x, y, w, h;
      int rows, perRow;
    };
    constexpr std::array<HallPlan, 3> kHalls{{{"A", "Hall A — Tapis et textile", 0, 0, 60, 44, 4, 12},
                                              {"B", "Hall B — Poterie, bois et métal", 66, 0, 50, 44, 4, 10},
                                              {"C", "Hall C — Terroir et économie sociale", 0, 50, 70, 36, 3, 14}}};
    for (const auto& hp : kHalls) {
      Hall h{0, std::string(hp.code), std::string(hp.name), hp.x, hp.y, hp.w, hp.h};
      store.insertHall(h);
      ++sum.halls;
      for (int r = 0; r < hp.rows; ++r)
        for (int k = 0; k < hp.perRow; ++k) {
          Booth b;
          int n = r * hp.perRow + k + 1;
          b.code = std::string(hp.code) + "-" + (n < 10 ? "0" : "") + std::to_string(n);
          b.hall = std::string(hp.code);
          b.width = 3;
          b.depth = 3;
          b.x = hp.x + 3 + k * 3.0 + (k >= hp.perRow / 2 ? 3.0 : 0.0);  // a cross aisle in the middle
          b.y = hp.y + 4 + r * 9.0 + (r % 2) * 3.0;                       // back-to-back rows, 3 m aisles
          bool rowEnd = k == 0 || k == hp.perRow - 1 || k == hp.perRow / 2 - 1 || k == hp.perRow / 2;
          b.type = rowEnd ? "corner" : "inline";
          b.power = k % 2 == 0 || rowEnd;
          store.insertBooth(b);
          ++sum.booths;
        }
    }

    // Exhibitors: the first twelve cover every region, the next ten every sector.
    std::vector<std::pair<Id, std::string>> exhibitorsByCity;  // for competitor pairs
    for (int i = 0; i < o.exhibitors; ++i) {
      const SectorFacts* sector = nullptr;
      std::string region;
      if (i < 12) {
        region = std::string(codes::regions()[static_cast<std::size_t>(i)]);
        // A craft of that region if one is known, else any.
        std::vector<const SectorFacts*> local;
        for (const auto& s : kSectors)
          for (auto r : s.regions)
            if (r == region) local.push_back(&s);
        sector = local.empty() ? &kSectors[rnd.below(kSectors.size())] : local[rnd.below(local.size())];
      } else {
        sector = i < 22 ? &kSectors[static_cast<std::size_t>(i - 12)] : &kSectors[rnd.below(kSectors.size())];
        region = std::string(sector->regions[rnd.below(3)]);
      }
      const City& city = cityIn(rnd, region);
      Exhibitor x;
      x.external_id = "EXP-" + std::string(i + 1 < 10 ? "00" : i + 1 < 100 ? "0" : "") + std::to_string(i + 1);
      int kindRoll = static_cast<int>(rnd.below(100));
      x.kind = kindRoll < 62 ? "cooperative" : kindRoll < 80 ? "company" : kindRoll < 93 ? "artisan" : "association";
      x.sector = std::string(sector->code);
      x.region = region;
      x.city = std::string(city.fr);
      const auto& word = kCooperativeWords[(static_cast<std::size_t>(i) * 7 + rnd.below(5)) % kCooperativeWords.size()];
      const auto& owner = rnd.chance(60) ? rnd.pick(kFemaleNames) : rnd.pick(kMaleNames);
      const auto& ownerFamily = rnd.pick(kFamilyNames);
      if (x.kind == "cooperative") {
        bool women = rnd.chance(55);
        x.name_fr = std::string(women ? "Coopérative féminine " : "Coopérative ") + std::string(word.latin) + " " +
                    std::string(sector->of_fr) + " — " + std::string(city.fr);
        x.name_ar = "تعاونية " + std::string(word.arabic) + (women ? " النسوية " : " ") + std::string(sector->of_ar) +
                    " — " + std::string(city.ar);
        x.registration_no = "COOP-" + std::to_string(2008 + rnd.below(17)) + "-" + digits(rnd, 5);
      } else if (x.kind == "company") {
        x.name_fr = "Atelier " + std::string(word.latin) + " SARL";
        x.name_ar = "مقاولة " + std::string(word.arabic) + " ش.م.م";
        x.registration_no = "00" + digits(rnd, 13);  // ICE: 15 digits
      } else if (x.kind == "artisan") {
        x.name_fr = "Maître artisan " + std::string(owner.latin) + " " + std::string(ownerFamily.latin);
        x.name_ar = "المعلم " + std::string(owner.arabic) + " " + std::string(ownerFamily.arabic);
        x.registration_no = "ART-" + digits(rnd, 6);
      } else {
        x.name_fr = "Association " + std::string(word.latin) + " pour l'artisanat — " + std::string(city.fr);
        x.name_ar = "جمعية " + std::string(word.arabic) + " للصناعة التقليدية — " + std::string(city.ar);
        x.registration_no = "ASS-" + digits(rnd, 6);
      }
      x.contact_name = std::string(owner.latin) + " " + std::string(ownerFamily.latin);
      x.phone = moroccanMobile(rnd);
      x.email = "contact." + asciiFold(word.latin) + "." + std::to_string(i + 1) + "@artisanat-demo.ma";
      x.program = sector->program == "kenz" || rnd.chance(40) ? std::string(sector->program)
                                                                 : std::string(rnd.pick(std::array<std::string_view, 4>{
                                                                       "kenz", "excellence", "aggregation", "none"}));
      x.booth_area_m2 = rnd.pick(std::array<double, 6>{9, 9, 12, 18, 24, 36});
      x.wants_corner = rnd.chance(30);
      x.needs_power = rnd.chance(55);
      x.products = std::string(sector->products);
      // Two workshops of the same craft in the same city are competitors to keep apart.
      for (const auto& [otherId, key] : exhibitorsByCity)
        if (key == x.sector + "|" + x.city && x.competitors.size() < 2) x.competitors.push_back(otherId);
      store.insertExhibitor(x);
      exhibitorsByCity.emplace_back(x.id, x.sector + "|" + x.city);
      ++sum.exhibitors;
      advance(1);

      // Staff with exhibitor badges, present every day.
      int staff = 1 + static_cast<int>(rnd.below(3));
      for (int s = 0; s < staff; ++s) {
        Person p;
        if (s == 0) {
          p.first_name = owner.latin;
          p.last_name = ownerFamily.latin;
          p.name_ar = std::string(owner.arabic) + " " + std::string(ownerFamily.arabic);
          p.position = x.kind == "cooperative" ? "Présidente de coopérative" : "Gérant";
        } else {
          personName(p);
          p.position = "Artisan";
        }
        p.external_id = x.external_id + "-S" + std::to_string(s + 1);
        p.organization = x.name_fr;
        p.category = "exhibitor";
        p.email = emailFor(p.first_name, p.last_name, "artisanat-demo.ma");
        p.phone = moroccanMobile(rnd);
        p.days = days;
        p.exhibitor_id = x.id;
        consent(p);
        store.insertPerson(p);
        ++sum.staff;
      }
      advance(2);
    }

    // Participants, category by category in the forum's proportions.
    long long assigned = 0;
    for (std::size_t c = 0; c < kShares.size(); ++c) {
      long long n = c + 1 == kShares.size() ? o.participants - assigned : o.participants * kShares[c].per_thousand / 1000;
      assigned += n;
      const std::string category(kShares[c].code);
      for (long long k = 0; k < n; ++k) {
        Person p;
        bool foreign = (category == "buyer" && rnd.chance(80)) || (category == "expert" && rnd.chance(30)) ||
                       (category == "press" && rnd.chance(15)) || (category == "speaker" && rnd.chance(35));
        if (foreign) {
          const auto& f = rnd.pick(kForeigners);
          p.first_name = f.first;
          p.last_name = f.last;
          p.country = std::string(f.country);
          p.organization = f.organization;
          p.phone = "+" + std::string(f.country == "US" ? "1" : f.country == "FR" ? "33" : f.country == "ES" ? "34"
                                                         : f.country == "TR" ? "90" : f.country == "IT" ? "39"
                                                         : f.country == "DE" ? "49" : f.country == "GB" ? "44"
                                                         : f.country == "SN" ? "221" : f.country == "CI" ? "225"
                                                         : f.country == "BE" ? "32" : "31") +
                    digits(rnd, 9);
          p.email = emailFor(p.first_name, p.last_name, "buyers-demo.example");
        } else {
          personName(p);
          std::vector<const Organisation*> fitting;
          for (const auto& org : kMoroccanOrganisations)
            if (org.category == category) fitting.push_back(&org);
          p.organization = fitting.empty() ? std::string(kMoroccanOrganisations[rnd.below(kMoroccanOrganisations.size())].fr)
                                           : std::string(fitting[rnd.below(fitting.size())]->fr);
          if (category == "staff") p.organization = "Comité d'organisation";
          p.phone = moroccanMobile(rnd);
          p.email = emailFor(p.first_name, p.last_name, "forum-demo.ma");
        }
        p.external_id = "P-" + std::to_string(sum.participants + 1);
        p.category = category;
        p.position = std::string(category == "press" ? "Journaliste" : category == "buyer" ? "Acheteur"
                                                                   : rnd.pick(kPositions));
        // The forum opens the week: forum people come the first two days; staff, press and buyers more.
        if (category == "staff") p.days = days;
        else if (category == "press" || category == "buyer") {
          for (std::size_t d = 0; d < days.size(); ++d)
            if (d < 2 || rnd.chance(40)) p.days.push_back(days[d]);
        } else {
          p.days.push_back(days.front());
          if (days.size() > 1 && rnd.chance(70)) p.days.push_back(days[1]);
        }
        consent(p);
        store.insertPerson(p);
        ++sum.participants;
        advance(1);
      }
    }
    throwIfCancelled(o);
  });
  if (o.progress) o.progress(1.0);
  return sum;
}

}  // namespace moussem
