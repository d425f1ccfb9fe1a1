// CSV import of exhibitors and participants. One transaction for the whole file: a bad row rolls
// everything back unless skip_invalid, and a dry run always rolls back after checking every row.
#include "io/import.hpp"

#include <atomic>
#include <charconv>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "core/phone.hpp"
#include "core/text_fold.hpp"
#include "io/csv.hpp"

namespace moussem::io {

namespace fs = std::filesystem;

namespace {

struct Rollback {};

// Header key: folded, with spaces, punctuation and underscores gone ("Nom (FR)" -> "nomfr").
std::string headerKey(std::string_view header) {
  std::string folded = text::foldForSearch(header);
  std::string key;
  for (char c : folded)
    if (c != ' ') key += c;
  return key;
}

using Synonyms = std::vector<std::pair<std::string, std::vector<std::string>>>;

const Synonyms& synonyms(Entity entity) {
  static const Synonyms exhibitors{
      {"external_id", {"id", "identifiant", "idexterne", "identifiantexterne", "reference", "ref", "code"}},
      {"name_fr", {"nom", "nomfr", "nomfrancais", "raisonsociale", "denomination", "exposant", "nomexposant"}},
      {"name_ar", {"nomar", "nomarabe", "nomenarabe", "الاسم", "الاسمبالعربيه"}},
      {"kind", {"type", "forme", "formejuridique", "nature", "statut"}},
      {"sector", {"secteur", "filiere", "metier"}},
      {"region", {"region", "الجهه"}},
      {"city", {"ville", "localite", "commune", "المدينه"}},
      {"contact_name", {"contact", "nomcontact", "nomducontact", "responsable", "interlocuteur"}},
      {"phone", {"telephone", "tel", "gsm", "mobile", "portable", "numerodetelephone", "الهاتف"}},
      {"email", {"mail", "courriel", "adressemail", "adresseemail", "emailcontact", "البريدالالكتروني"}},
      {"registration_no",
       {"ice", "immatriculation", "numeroimmatriculation", "numerodimmatriculation", "rc", "registre", "nregistre",
        "nice", "numeroice"}},
      {"program", {"programme"}},
      {"booth_area_m2", {"surface", "surfacestand", "surfacem", "surfacem2", "superficie", "surfacedustand", "m2"}},
      {"wants_corner", {"angle", "standdangle", "coin", "standencoin"}},
      {"needs_power", {"electricite", "courant", "besoinelectricite", "prise", "alimentationelectrique"}},
      {"products", {"produits", "produitsexposes", "المنتجات"}},
  };
  static const Synonyms participants{
      {"external_id", {"id", "identifiant", "idexterne", "identifiantexterne", "reference", "ref", "code"}},
      {"first_name", {"prenom", "prenoms", "firstname", "الاسمالشخصي"}},
      {"last_name", {"nom", "nomdefamille", "lastname", "surname", "الاسمالعايلي"}},
      {"name_ar", {"nomar", "nomarabe", "nomenarabe", "nomcompletarabe", "nomcompletenarabe", "الاسمالكامل"}},
      {"organization",
       {"organisation", "organisme", "societe", "entreprise", "structure", "institution", "etablissement", "المءسسه"}},
      {"position", {"fonction", "poste", "titre", "qualite", "الصفه"}},
      {"category", {"categorie", "typedebadge", "badge", "الفيه"}},
      {"country", {"pays", "nationalite", "البلد"}},
      {"email", {"mail", "courriel", "adressemail", "adresseemail", "البريدالالكتروني"}},
      {"phone", {"telephone", "tel", "gsm", "mobile", "portable", "الهاتف"}},
      {"days", {"jours", "joursdepresence", "presence", "dates", "jour"}},
      {"exhibitor", {"exposant", "cooperative", "exposantrattache"}},
      {"consent", {"consentement", "accord", "loi0908"}},
      {"consent_at", {"dateconsentement", "dateduconsentement", "consentementle"}},
  };
  return entity == Entity::Exhibitors ? exhibitors : participants;
}

struct Columns {
  std::map<std::string, std::size_t> index;  // canonical -> position in the row
  std::vector<std::string> headers;          // as written
  bool has(const std::string& c) const { return index.count(c) > 0; }
};

std::string cell(const csv::Row& row, const Columns& cols, const std::string& name) {
  auto it = cols.index.find(name);
  if (it == cols.index.end() || it->second >= row.fields.size()) return {};
  // Multi-line text keeps the line breaks of a quoted cell; every other value is one line.
  return isMultilineField(name) ? text::normalizeMultiline(row.fields[it->second])
                                : text::normalizeForStorage(row.fields[it->second]);
}

std::optional<double> parseNumber(std::string s) {
  for (char& c : s)
    if (c == ',') c = '.';
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string> splitValues(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',' || c == ';' || c == '|') {
      if (!text::normalizeForStorage(cur).empty()) out.push_back(text::normalizeForStorage(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!text::normalizeForStorage(cur).empty()) out.push_back(text::normalizeForStorage(cur));
  return out;
}

bool same(const Exhibitor& a, const Exhibitor& b) {
  return a.external_id == b.external_id && a.name_fr == b.name_fr && a.name_ar == b.name_ar && a.kind == b.kind &&
         a.sector == b.sector && a.region == b.region && a.city == b.city && a.contact_name == b.contact_name &&
         a.phone == b.phone && a.email == b.email && a.registration_no == b.registration_no && a.program == b.program &&
         a.booth_area_m2 == b.booth_area_m2 && a.wants_corner == b.wants_corner && a.needs_power == b.needs_power &&
         a.preferred_zone == b.preferred_zone && a.products == b.products;
}

bool same(const Person& a, const Person& b) {
  return a.external_id == b.external_id && a.first_name == b.first_name && a.last_name == b.last_name &&
         a.name_ar == b.name_ar && a.organization == b.organization && a.position == b.position &&
         a.category == b.category && a.country == b.country && a.email == b.email && a.phone == b.phone &&
         a.days == b.days && a.consent == b.consent && a.consent_at == b.consent_at && a.exhibitor_id == b.exhibitor_id;
}

class Importer {
 public:
  Importer(Registry& registry, Entity entity, const ImportOptions& options, ImportReport& report)
      : registry_(registry), store_(registry.store()), entity_(entity), options_(options), report_(report) {
    if (auto ed = store_.edition()) {
      first_day_ = ed->starts_on;
      last_day_ = ed->ends_on;
    }
  }

  void run(const csv::Table& table, const std::string& name) {
    mapHeader(table.rows.front(), name);
    PhoneWarmer warmer(*this, table);
    const std::size_t total = table.rows.size() - 1;
    // One audit row for the import (the file, and the ids it created); a changed record gets its own.
    AuditRow summary;
    summary.action = entity_ == Entity::Exhibitors ? "import.exhibitors" : "import.participants";
    summary.entity = "file";
    summary.entity_id = fs::path(name).filename().string();
    summary.after = nlohmann::json{{"rows", total}}.dump();
    try {
      store_.writeBulk(summary, [&] {
        for (std::size_t r = 1; r < table.rows.size(); ++r) {
          if (options_.cancelled && options_.cancelled()) throw Error(ErrorKind::Refused, tr("io.import.cancelled"));
          const csv::Row& row = table.rows[r];
          warmer.reached(r);
          ++report_.rows;
          errors_.clear();
          if (row.bad()) {
            // A malformed record (quote, field count): its cells cannot be trusted to be in place.
            const std::string column = row.bad_column <= cols_.headers.size()
                                           ? cols_.headers[row.bad_column - 1]
                                           : tr("io.import.field_number", {std::to_string(row.bad_column)});
            errors_.push_back({row.bad_line, column, row.problem});
          } else
            try {
              // A row writes one statement (an exhibitor's insert opens its own savepoint): a failure
              // leaves nothing of the row behind without a savepoint per row, which would cost a third.
              entity_ == Entity::Exhibitors ? exhibitorRow(row) : participantRow(row);
            } catch (const Error& e) {
              if (e.kind() == ErrorKind::Io) throw;  // the database failed, not the row: stop, say it once
              errors_.push_back({row.line, "", e.what()});
            }
          if (!errors_.empty()) {
            ++report_.skipped;
            report_.errors.insert(report_.errors.end(), errors_.begin(), errors_.end());
            rollbackRow();
          } else {
            commitRow();
          }
          if (options_.progress && r % 1000 == 0)
            options_.progress(static_cast<double>(r) / static_cast<double>(total));
        }
        if (options_.dry_run || (!options_.skip_invalid && !report_.errors.empty())) throw Rollback{};
      });
      report_.written = report_.created + report_.updated > 0;
      // The search index follows only what was committed.
      if (registry_.indexLoaded()) {
        for (const auto& x : savedExhibitors_) Registry::indexExhibitor(registry_.index(), x);
        for (const auto& p : savedPeople_) {
          auto badge = store_.badgeOfPerson(p.id);
          Registry::indexPerson(registry_.index(), p, badge);
        }
      }
    } catch (const Rollback&) {
      report_.written = false;
    }
    if (options_.progress) options_.progress(1.0);
  }

 private:
  void mapHeader(const csv::Row& header, const std::string& name) {
    cols_.headers = header.fields;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      auto c = canonicalColumn(entity_, header.fields[i]);
      if (!c) {
        if (!text::normalizeForStorage(header.fields[i]).empty()) report_.ignored_columns.push_back(header.fields[i]);
        continue;
      }
      if (cols_.has(*c))
        throw Error(ErrorKind::Invalid,
                    tr("io.import.duplicate_column", {name, header.fields[i], std::to_string(i + 1)}));
      cols_.index[*c] = i;
    }
    std::vector<std::string> required;
    if (entity_ == Entity::Exhibitors)
      required = {"name_fr", "kind", "sector", "region"};
    else
      required = {"category"};
    for (const auto& r : required)
      if (!cols_.has(r)) throw Error(ErrorKind::Invalid, tr("io.import.missing_column", {name, r}));
    if (entity_ == Entity::Participants && !cols_.has("first_name") && !cols_.has("last_name") && !cols_.has("name_ar"))
      throw Error(ErrorKind::Invalid, tr("io.import.missing_column", {name, "last_name / name_ar"}));
  }

  // libphonenumber takes some 40 µs a number: a large file's numbers are read first on every core,
  // so that the rows (one transaction, in file order) find them in phone::parse's cache.
  // libphonenumber takes some 20 microseconds a number, about what this thread spends on the rest of a
  // row: the other cores parse the file's numbers into phone::parse's cache just ahead of the row this
  // thread is importing. A warmer that falls behind jumps ahead of it; a number it has not reached
  // yet is parsed here (and then found in the cache by nobody else).
  class PhoneWarmer {
   public:
    PhoneWarmer(const Importer& importer, const csv::Table& table) {
      const auto phoneColumn = importer.cols_.index.find("phone");
      const auto countryColumn = importer.cols_.index.find("country");
      const std::size_t threads = std::min<std::size_t>(8, std::thread::hardware_concurrency()) - 1;
      if (phoneColumn == importer.cols_.index.end() || table.rows.size() < 2000 || threads < 1) return;
      const std::size_t phone = phoneColumn->second;
      const std::optional<std::size_t> country =
          importer.entity_ == Entity::Participants && countryColumn != importer.cols_.index.end()
              ? std::optional<std::size_t>(countryColumn->second)
              : std::nullopt;
      auto work = [this, &table, phone, country] {
        for (std::size_t r = next_++; r < table.rows.size(); r = next_++) {
          const std::size_t importing = reached_;
          if (importing == kDone) return;
          if (r <= importing) {  // already imported: go on from just after the row being imported
            std::size_t at = r + 1;
            while (at <= importing && !next_.compare_exchange_weak(at, importing + 1)) {
            }
            continue;
          }
          const csv::Row& row = table.rows[r];
          if (row.bad() || phone >= row.fields.size()) continue;
          const std::string raw = text::normalizeForStorage(row.fields[phone]);
          const bool hasCountry = country && *country < row.fields.size();
          if (!raw.empty()) phone::parse(raw, hasCountry ? text::normalizeForStorage(row.fields[*country]) : "");
        }
      };
      for (std::size_t t = 0; t < threads; ++t) pool_.emplace_back(work);
    }
    ~PhoneWarmer() {
      reached_ = kDone;
      for (auto& t : pool_) t.join();
    }
    PhoneWarmer(const PhoneWarmer&) = delete;
    PhoneWarmer& operator=(const PhoneWarmer&) = delete;
    void reached(std::size_t row) { reached_ = row; }  // the row this thread imports now

   private:
    static constexpr std::size_t kDone = std::numeric_limits<std::size_t>::max();
    std::atomic<std::size_t> next_{1}, reached_{0};
    std::vector<std::thread> pool_;
  };

  std::string header(const std::string& canonical) const {
    auto it = cols_.index.find(canonical);
    return it == cols_.index.end() ? canonical : cols_.headers[it->second];
  }

  void fieldErrors(std::size_t line, const std::vector<FieldError>& errors) {
    for (const auto& e : errors) errors_.push_back({line, header(e.field), e.message});
  }

  void exhibitorRow(const csv::Row& row) {
    auto get = [&](const char* c) { return cell(row, cols_, c); };
    const std::string ext = get("external_id"), email = text::normalizeEmail(get("email"));
    std::optional<Id> match = store_.exhibitorByExternalId(ext);
    if (!match && ext.empty() && !email.empty()) {
      auto byEmail = store_.exhibitorsWithEmail(email);
      if (byEmail.size() == 1) match = byEmail.front();
    }
    if (!match && ext.empty() && email.empty()) {
      // No key at all: an exhibitor's name is what staff rows link by, so it identifies it too.
      auto named = store_.exhibitorsNamed(get("name_fr"));
      if (named.size() == 1) match = named.front();
    }
    Exhibitor x;
    if (match) x = *store_.exhibitor(*match);
    const Exhibitor before = x;
    auto set = [&](const char* c, std::string& field) {
      if (cols_.has(c)) field = get(c);
    };
    set("external_id", x.external_id);
    set("name_fr", x.name_fr);
    set("name_ar", x.name_ar);
    set("kind", x.kind);
    set("sector", x.sector);
    set("region", x.region);
    set("city", x.city);
    set("contact_name", x.contact_name);
    set("phone", x.phone);
    set("email", x.email);
    set("registration_no", x.registration_no);
    set("program", x.program);
    set("products", x.products);
    if (cols_.has("booth_area_m2") && !get("booth_area_m2").empty()) {
      if (auto v = parseNumber(get("booth_area_m2")))
        x.booth_area_m2 = *v;
      else
        errors_.push_back({row.line, header("booth_area_m2"), tr("io.import.number", {get("booth_area_m2")})});
    }
    for (auto [c, flag] : {std::pair{"wants_corner", &x.wants_corner}, std::pair{"needs_power", &x.needs_power}}) {
      if (!cols_.has(c)) continue;
      if (auto v = parseYesNo(get(c)))
        *flag = *v;
      else
        errors_.push_back({row.line, header(c), tr("io.import.yes_no", {get(c)})});
    }
    fieldErrors(row.line, prepareExhibitor(x));
    if (!errors_.empty()) return;
    if (match && same(x, before)) {
      pending_ = Pending::Unchanged;
      return;
    }
    if (match)
      store_.updateExhibitor(x);
    else
      store_.insertExhibitor(x);
    pending_ = match ? Pending::Updated : Pending::Created;
    pendingExhibitor_ = std::move(x);
  }

  void participantRow(const csv::Row& row) {
    auto get = [&](const char* c) { return cell(row, cols_, c); };
    const std::string ext = get("external_id"), email = text::normalizeEmail(get("email"));
    std::optional<Id> match = store_.personByExternalId(ext);
    if (!match && ext.empty() && !email.empty()) {
      auto byEmail = store_.peopleWithEmail(email);
      if (byEmail.size() == 1) match = byEmail.front();
    }
    if (!match && ext.empty() && email.empty() && !get("phone").empty()) {
      // No external_id and no e-mail: the same mobile number is the same person.
      if (auto phone = phone::parse(get("phone"), get("country")).number) {
        auto byPhone = store_.peopleWithPhone(phone->stored);
        if (byPhone.size() == 1) match = byPhone.front();
      }
    }
    if (!match && ext.empty() && email.empty() && get("phone").empty()) {
      // Nothing else to go by: the same names and organisation are the same person, as the desk's
      // duplicate rule says (an exported list imported back changes nothing).
      Person probe;
      probe.first_name = get("first_name");
      probe.last_name = get("last_name");
      probe.name_ar = get("name_ar");
      probe.organization = get("organization");
      std::vector<Id> named;
      for (const auto& d : registry_.duplicatesOf(probe))
        if (d.reason == "name") named.push_back(d.id);
      if (named.size() == 1) match = named.front();
    }
    Person p;
    if (match) p = *store_.person(*match);
    const Person before = p;
    auto set = [&](const char* c, std::string& field) {
      if (cols_.has(c)) field = get(c);
    };
    set("external_id", p.external_id);
    set("first_name", p.first_name);
    set("last_name", p.last_name);
    set("name_ar", p.name_ar);
    set("organization", p.organization);
    set("position", p.position);
    set("category", p.category);
    set("country", p.country);
    set("email", p.email);
    set("phone", p.phone);
    set("consent_at", p.consent_at);
    if (cols_.has("days")) p.days = splitValues(get("days"));
    if (cols_.has("consent")) {
      if (auto v = parseYesNo(get("consent")))
        p.consent = *v;
      else
        errors_.push_back({row.line, header("consent"), tr("io.import.yes_no", {get("consent")})});
    }
    if (cols_.has("consent_at") && !p.consent_at.empty()) {
      if (auto d = dates::parseDate(p.consent_at))
        p.consent_at = *d;
      else if (p.consent_at.size() < 10 || !dates::isIsoDate(p.consent_at.substr(0, 10)))
        errors_.push_back({row.line, header("consent_at"), tr("registry.error.date", {p.consent_at})});
    }
    if (cols_.has("exhibitor")) {
      const std::string who = get("exhibitor");
      p.exhibitor_id.reset();
      if (!who.empty()) {
        if (auto id = store_.exhibitorByExternalId(who)) {
          p.exhibitor_id = *id;
        } else {
          auto named = store_.exhibitorsNamed(who);
          if (named.size() == 1)
            p.exhibitor_id = named.front();
          else
            errors_.push_back(
                {row.line, header("exhibitor"),
                 tr(named.empty() ? "io.import.unknown_exhibitor" : "io.import.ambiguous_exhibitor", {who})});
        }
      }
    }
    fieldErrors(row.line, preparePerson(p));
    // A day the edition does not have is a typo (or another year): flagged on its row, like any field.
    if (dates::isIsoDate(first_day_) && dates::isIsoDate(last_day_))
      for (const std::string& d : p.days)
        if (dates::isIsoDate(d) && (d < first_day_ || d > last_day_))
          errors_.push_back({row.line, header("days"), tr("io.import.day_outside", {d, first_day_, last_day_})});
    if (!errors_.empty()) return;
    if (match && same(p, before)) {
      pending_ = Pending::Unchanged;
      return;
    }
    if (match)
      store_.updatePerson(p);
    else
      store_.insertPerson(p);
    pending_ = match ? Pending::Updated : Pending::Created;
    pendingPerson_ = std::move(p);
  }

  void commitRow() {
    switch (pending_) {
      case Pending::Created:
        ++report_.created;
        break;
      case Pending::Updated:
        ++report_.updated;
        break;
      case Pending::Unchanged:
        ++report_.unchanged;
        break;
      case Pending::None:
        break;
    }
    // Kept for the search index only when there is one to follow (the desk's; not the CLI's).
    if ((pending_ == Pending::Created || pending_ == Pending::Updated) && registry_.indexLoaded()) {
      if (entity_ == Entity::Exhibitors)
        savedExhibitors_.push_back(std::move(pendingExhibitor_));
      else
        savedPeople_.push_back(std::move(pendingPerson_));
    }
    pending_ = Pending::None;
  }
  void rollbackRow() { pending_ = Pending::None; }

  enum class Pending { None, Created, Updated, Unchanged };
  Registry& registry_;
  Store& store_;
  Entity entity_;
  const ImportOptions& options_;
  ImportReport& report_;
  Columns cols_;
  std::vector<RowError> errors_;
  Pending pending_ = Pending::None;
  std::string first_day_, last_day_;  // the edition's days, for the attendance days of each row
  Exhibitor pendingExhibitor_;
  Person pendingPerson_;
  std::vector<Exhibitor> savedExhibitors_;
  std::vector<Person> savedPeople_;
};

}  // namespace

const std::vector<std::string>& columns(Entity entity) {
  static const std::vector<std::string> exhibitors{
      "external_id",   "name_fr",      "name_ar",     "kind",    "sector",          "region",
      "city",          "contact_name", "phone",       "email",   "registration_no", "program",
      "booth_area_m2", "wants_corner", "needs_power", "products"};
  static const std::vector<std::string> participants{
      "external_id", "first_name", "last_name", "name_ar", "organization", "position", "category",
      "country",     "email",      "phone",     "days",    "exhibitor",    "consent",  "consent_at"};
  return entity == Entity::Exhibitors ? exhibitors : participants;
}

std::optional<std::string> canonicalColumn(Entity entity, std::string_view header) {
  const std::string key = headerKey(header);
  if (key.empty()) return std::nullopt;
  for (const auto& c : columns(entity))
    if (headerKey(c) == key) return c;
  for (const auto& [canonical, names] : synonyms(entity))
    for (const auto& n : names)
      if (headerKey(n) == key) return canonical;
  return std::nullopt;
}

ImportReport importText(Registry& registry, Entity entity, std::string_view bytes, const std::string& name,
                        const ImportOptions& options) {
  registry.store().checkWritable();  // a read-only database: one clear refusal, before any row is read
  ImportReport report;
  report.file = name;
  csv::Table table;
  try {
    table = csv::parse(bytes);
  } catch (const csv::CsvError& e) {
    throw Error(ErrorKind::Invalid, name + (e.line() ? ":" + std::to_string(e.line()) : "") + ": " + e.what());
  }
  report.separator = table.separator;
  Importer(registry, entity, options, report).run(table, name);
  return report;
}

ImportReport importFile(Registry& registry, Entity entity, const fs::path& file, const ImportOptions& options) {
  return importText(registry, entity, live_files::readUserFile(file), file.string(), options);
}

}  // namespace moussem::io
