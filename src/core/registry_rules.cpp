// Record rules: see the header. Messages come from the catalogs (registry.error.*).
#include "core/registry_rules.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/phone.hpp"
#include "core/text_fold.hpp"

namespace moussem {

namespace {

void clean(std::string& s) {
  s = text::normalizeForStorage(s);
}

void checkPhone(std::string& phone, std::string_view region, std::vector<FieldError>& errors) {
  clean(phone);
  if (phone.empty()) return;
  const phone::Parsed parsed = phone::parse(phone, region);
  if (parsed.number)
    phone = parsed.number->stored;
  else
    errors.push_back({"phone", tr("registry.error.phone", {phone, parsed.reason})});
}

void checkEmail(std::string& email, std::vector<FieldError>& errors) {
  email = text::normalizeEmail(email);
  if (!email.empty() && !text::isValidEmail(email)) errors.push_back({"email", tr("registry.error.email", {email})});
}

void checkCode(std::string_view family, std::span<const std::string_view> codes, std::string& value,
               std::vector<FieldError>& errors, bool required = true) {
  clean(value);
  if (value.empty() && !required) return;
  if (auto code = codeFromText(family, codes, value)) {
    value = *code;
    return;
  }
  errors.push_back({std::string(family == "program" ? "program" : family),
                    value.empty() ? tr("registry.error.required", {std::string(family)})
                                  : tr("registry.error.code", {value, std::string(family)})});
}

}  // namespace

std::optional<std::string> codeFromText(std::string_view family, std::span<const std::string_view> codes,
                                        std::string_view value) {
  const std::string wanted = text::foldForSearch(value);
  if (wanted.empty()) return std::nullopt;
  // Folded code and labels of a family, built once: imports ask this for every row.
  static std::mutex mutex;
  static std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(family);
  if (it == cache.end()) {
    std::unordered_map<std::string, std::string> names;
    for (std::string_view code : codes) {
      names.emplace(text::foldForSearch(code), std::string(code));
      for (const char* lang : {"fr", "ar", "en"}) {
        // The whole label, or its head before a comma ("Poterie" for "Poterie, céramique et pierre").
        const std::string label = i18n::label(family, code, lang);
        names.emplace(text::foldForSearch(label), std::string(code));
        const std::size_t comma = label.find_first_of(",(");
        if (comma != std::string::npos) names.emplace(text::foldForSearch(label.substr(0, comma)), std::string(code));
      }
    }
    it = cache.emplace(std::string(family), std::move(names)).first;
  }
  auto found = it->second.find(wanted);
  if (found == it->second.end()) return std::nullopt;
  return found->second;
}

bool isMultilineField(std::string_view field) {
  return field == "products";
}

std::optional<bool> parseYesNo(std::string_view value) {
  const std::string v = text::foldForSearch(value);
  for (const char* yes : {"yes", "y", "oui", "o", "true", "vrai", "1", "نعم", "x"})
    if (v == text::foldForSearch(yes)) return true;
  for (const char* no : {"no", "n", "non", "false", "faux", "0", "لا", ""})
    if (v == text::foldForSearch(no)) return false;
  return std::nullopt;
}

std::vector<FieldError> prepareExhibitor(Exhibitor& x) {
  std::vector<FieldError> errors;
  for (std::string* s : {&x.external_id, &x.name_fr, &x.name_ar, &x.city, &x.contact_name, &x.registration_no})
    clean(*s);
  x.products = text::normalizeMultiline(x.products);
  if (x.name_fr.empty()) errors.push_back({"name_fr", tr("registry.error.required", {"name_fr"})});
  checkCode("kind", codes::kinds(), x.kind, errors);
  checkCode("sector", codes::sectors(), x.sector, errors);
  checkCode("region", codes::regions(), x.region, errors);
  if (x.program.empty()) x.program = "none";
  checkCode("program", codes::programs(), x.program, errors);
  if (x.preferred_zone.empty()) x.preferred_zone = "exhibition";
  checkCode("zone", codes::zones(), x.preferred_zone, errors);
  checkPhone(x.phone, phone::editionRegion(), errors);  // an exhibitor is of the edition's country
  checkEmail(x.email, errors);
  if (!text::isValidRegistrationNo(x.registration_no))
    errors.push_back({"registration_no", tr("registry.error.ice", {x.registration_no})});
  if (!(x.booth_area_m2 >= 0 && x.booth_area_m2 <= 10000))
    errors.push_back({"booth_area_m2", tr("registry.error.area", {std::to_string(x.booth_area_m2)})});
  return errors;
}

std::vector<FieldError> preparePerson(Person& p) {
  std::vector<FieldError> errors;
  for (std::string* s : {&p.external_id, &p.first_name, &p.last_name, &p.name_ar, &p.organization, &p.position,
                         &p.country, &p.consent_at})
    clean(*s);
  if (p.first_name.empty() && p.last_name.empty() && p.name_ar.empty())
    errors.push_back({"last_name", tr("registry.error.name")});
  checkCode("category", codes::categories(), p.category, errors);
  std::transform(p.country.begin(), p.country.end(), p.country.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  if (p.country.empty()) p.country = phone::editionRegion();
  const bool countryOk = p.country.size() == 2 &&
                         std::all_of(p.country.begin(), p.country.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!countryOk) errors.push_back({"country", tr("registry.error.country", {p.country})});
  checkEmail(p.email, errors);
  // A number without a country code is read in the person's country (a French buyer's 06... is French).
  checkPhone(p.phone, countryOk ? p.country : phone::editionRegion(), errors);
  for (std::string& d : p.days) {
    clean(d);
    if (auto iso = dates::parseDate(d))
      d = *iso;
    else
      errors.push_back({"days", tr("registry.error.date", {d})});
  }
  std::sort(p.days.begin(), p.days.end());
  p.days.erase(std::unique(p.days.begin(), p.days.end()), p.days.end());
  return errors;
}

}  // namespace moussem
