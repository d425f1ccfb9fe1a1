// Phone numbers: see the header. libphonenumber decides what a number is; this file only chooses the
// default region, keeps the stored form canonical and words the reasons for people.
#include "core/phone.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <mutex>
#include <unordered_map>

#include "core/i18n.hpp"
#include "core/time_zone.hpp"

namespace moussem::phone {

namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil& util() {
  return *PhoneNumberUtil::GetInstance();
}

std::string countryLabel(int code, const std::string& region) {
  return "+" + std::to_string(code) + (region.empty() || region == "ZZ" ? "" : " (" + region + ")");
}

// The French and Arabic words for an extension ("poste 12", "تحويلة 12") as "ext", the word
// libphonenumber reads (with "x", "#", "ext.", "extension"...).
std::string withExtensionWords(std::string_view raw) {
  std::string s(raw);
  for (std::string_view word : {"poste", "Poste", "POSTE", "تحويلة"}) {
    const std::size_t at = s.find(word);
    if (at != std::string::npos) {
      s.replace(at, word.size(), " ext ");
      break;
    }
  }
  return s;
}

}  // namespace

std::string regionCode(std::string_view country) {
  std::string code(country);
  for (char& c : code)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return code.size() == 2 && util().GetCountryCodeForRegion(code) != 0 ? code : std::string();
}

namespace {

Parsed parseUncached(std::string_view raw, const std::string& region) {
  Parsed out;
  PhoneNumber n;
  const auto error = util().Parse(withExtensionWords(raw), region, &n);
  auto refuse = [&](const char* key) {
    out.reason = tr(key, {countryLabel(static_cast<int>(n.country_code()), [&] {
                      std::string r;
                      if (n.has_country_code()) util().GetRegionCodeForCountryCode(n.country_code(), &r);
                      return r;
                    }())});
    return out;
  };
  switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return refuse("phone.reason.country_code");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return refuse("phone.reason.too_short");
    case PhoneNumberUtil::TOO_LONG_NSN:
      return refuse("phone.reason.too_long");
    default:
      return refuse("phone.reason.not_a_number");
  }
  switch (util().IsPossibleNumberWithReason(n)) {
    case PhoneNumberUtil::IS_POSSIBLE:
      break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return refuse("phone.reason.country_code");
    case PhoneNumberUtil::TOO_SHORT:
      return refuse("phone.reason.too_short");
    case PhoneNumberUtil::TOO_LONG:
      return refuse("phone.reason.too_long");
    default:
      return refuse("phone.reason.length");  // a local-only number or a length no plan has
  }
  // IsValidNumber is GetRegionCodeForNumber then IsValidNumberForRegion: the region is wanted anyway,
  // and finding it is most of the work (each region's patterns tried in turn).
  Number number;
  util().GetRegionCodeForNumber(n, &number.region);
  if (!util().IsValidNumberForRegion(n, number.region)) return refuse("phone.reason.not_valid");
  util().Format(n, PhoneNumberUtil::E164, &number.e164);
  number.extension = n.extension();
  number.stored = number.e164 + (number.extension.empty() ? "" : ";ext=" + number.extension);
  out.number = std::move(number);
  return out;
}

}  // namespace

Parsed parse(std::string_view raw, std::string_view default_region) {
  std::string region = regionCode(default_region);
  if (region.empty()) region = editionRegion();
  // libphonenumber takes some 40 µs a number (ICU regular expressions): a re-import, or the same
  // switchboard written on many rows, asks again for what it already knows. Bounded; messages depend
  // on the language, so it is part of the key.
  static std::mutex mutex;
  static std::unordered_map<std::string, Parsed> cache;
  std::string key = i18n::language() + '\n' + region + '\n';
  key.append(raw);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  Parsed out = parseUncached(raw, region);
  std::lock_guard lock(mutex);
  if (cache.size() >= 200000) cache.clear();
  cache.emplace(std::move(key), out);
  return out;
}

std::string_view e164Of(std::string_view stored) {
  return stored.substr(0, stored.find(';'));
}

std::string display(std::string_view stored, std::string_view viewer_region) {
  if (stored.empty()) return {};
  // The desk describes its results on every key typed, the tables their rows as they scroll: the same
  // numbers again and again, each a parse and a format by regular expressions (tens of microseconds).
  // What was shown is remembered, per thread, for the last few thousand numbers.
  thread_local std::unordered_map<std::string, std::string> shownBefore;
  std::string key(viewer_region);
  key += '|';
  key += stored;
  if (auto it = shownBefore.find(key); it != shownBefore.end()) return it->second;
  PhoneNumber n;
  std::string shown(stored);
  if (util().Parse(std::string(stored), "ZZ", &n) == PhoneNumberUtil::NO_PARSING_ERROR) {
    std::string region;
    util().GetRegionCodeForNumber(n, &region);
    const bool national = !viewer_region.empty() && region == regionCode(viewer_region);
    util().Format(n, national ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &shown);
  }
  if (shownBefore.size() >= 4096) shownBefore.clear();
  shownBefore.emplace(std::move(key), shown);
  return shown;
}

std::string editionRegion() {
  const std::string zone = tz::editionZone()->name();
  char region[8] = {};
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getRegion(icu::UnicodeString::fromUTF8(zone), region, sizeof region, status);
  const std::string code = U_SUCCESS(status) ? regionCode(region) : std::string();
  return code.empty() ? "MA" : code;
}

}  // namespace moussem::phone
