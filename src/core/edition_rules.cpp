#include "core/edition_rules.hpp"

#include <algorithm>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "core/time_zone.hpp"

namespace moussem {

namespace {

void normalise(std::string& s) {
  s = text::normalizeForStorage(s);
}

// A date field: ISO or French, stored as ISO.
void checkDate(std::string& value, const char* field, std::vector<FieldError>& errors) {
  normalise(value);
  if (auto iso = dates::parseDate(value))
    value = *iso;
  else
    errors.push_back({field, tr("edition.error.date", {field, value})});
}

bool isCode(const std::string& code) {
  return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool isColour(const std::string& c) {
  return c.size() == 7 && c[0] == '#' &&
         std::all_of(c.begin() + 1, c.end(), [](char h) { return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'); });
}

}  // namespace

std::vector<FieldError> prepareEdition(Edition& e) {
  std::vector<FieldError> errors;
  for (std::string* s : {&e.name_fr, &e.name_ar, &e.name_en, &e.venue, &e.timezone}) normalise(*s);
  if (e.name_fr.empty() && e.name_ar.empty() && e.name_en.empty())
    errors.push_back({"name_fr", tr("edition.error.name")});
  checkDate(e.starts_on, "starts_on", errors);
  checkDate(e.ends_on, "ends_on", errors);
  if (dates::isIsoDate(e.starts_on) && dates::isIsoDate(e.ends_on)) {
    if (e.ends_on < e.starts_on)
      errors.push_back({"ends_on", tr("edition.error.order", {e.starts_on, e.ends_on})});
    else if (dates::daysBetween(e.starts_on, e.ends_on) > 366)
      errors.push_back({"ends_on", tr("edition.error.too_long")});
  }
  if (tz::TimeZone::load(e.timezone).isFallback())  // a name the system's zone files do not hold
    errors.push_back({"timezone", tr("edition.error.timezone", {e.timezone})});
  return errors;
}

std::vector<FieldError> prepareCategory(Category& c) {
  std::vector<FieldError> errors;
  for (std::string* s : {&c.code, &c.label_fr, &c.label_ar, &c.label_en}) normalise(*s);
  std::transform(c.color.begin(), c.color.end(), c.color.begin(),
                 [](char h) { return h >= 'a' && h <= 'f' ? static_cast<char>(h - 'a' + 'A') : h; });
  if (!isCode(c.code)) errors.push_back({"code", tr("edition.error.code", {c.code})});
  if (!isColour(c.color)) errors.push_back({"color", tr("edition.error.colour", {c.color})});
  if (c.label_fr.empty()) errors.push_back({"label_fr", tr("edition.error.label_fr")});
  return errors;
}

std::vector<FieldError> prepareZone(Zone& z) {
  std::vector<FieldError> errors;
  for (std::string* s : {&z.code, &z.label_fr, &z.label_ar, &z.label_en}) normalise(*s);
  if (!isCode(z.code)) errors.push_back({"code", tr("edition.error.code", {z.code})});
  if (z.label_fr.empty()) errors.push_back({"label_fr", tr("edition.error.label_fr")});
  return errors;
}

}  // namespace moussem
