#include <catch2/catch.hpp>
#include <limits>

#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

using namespace moussem;

namespace {
struct LanguageGuard {
  ~LanguageGuard() { i18n::setLanguage("fr"); }
};
}  // namespace

TEST_CASE("French is the default language and every catalog is compiled in") {
  CHECK(i18n::language() == "fr");
  auto langs = i18n::languages();
  CHECK(std::find(langs.begin(), langs.end(), "fr") != langs.end());
  CHECK(std::find(langs.begin(), langs.end(), "ar") != langs.end());
  CHECK(std::find(langs.begin(), langs.end(), "en") != langs.end());
}

TEST_CASE("every catalog has exactly the keys of the French catalog") {
  auto fr = i18n::keys("fr");
  REQUIRE(fr.size() > 50);
  for (const char* lang : {"ar", "en"}) {
    INFO("language " << lang);
    for (const auto& k : fr) {
      INFO("key " << k);
      CHECK(i18n::hasKey(lang, k));
      CHECK_FALSE(i18n::lookupIn(lang, k).empty());
    }
    for (const auto& k : i18n::keys(lang)) {
      INFO("key only in " << lang << ": " << k);
      CHECK(i18n::hasKey("fr", k));
    }
  }
}

TEST_CASE("every stable code has a label in French, Arabic and English") {
  struct Family {
    const char* name;
    std::span<const std::string_view> codes;
  };
  for (auto f :
       {Family{"kind", codes::kinds()}, Family{"sector", codes::sectors()}, Family{"region", codes::regions()},
        Family{"program", codes::programs()}, Family{"category", codes::categories()}, Family{"zone", codes::zones()},
        Family{"booth_type", codeList<BoothType>()}, Family{"booth_status", codeList<BoothStatus>()},
        Family{"reentry", codeList<ReentryPolicy>()}, Family{"presence_reset", codeList<PresenceReset>()}}) {
    for (auto code : f.codes) {
      for (const char* lang : {"fr", "ar", "en"}) {
        INFO(f.name << "." << code << " in " << lang);
        CHECK(i18n::hasKey(lang, "code." + std::string(f.name) + "." + std::string(code)));
      }
    }
  }
}

TEST_CASE("placeholders are positional and may repeat or be reordered") {
  CHECK(i18n::format("{1} puis {0}, encore {1}", {"a", "b"}) == "b puis a, encore b");
  CHECK(i18n::format("sans {9} argument", {"x"}) == "sans {9} argument");
  CHECK(i18n::format("{ not a placeholder }", {"x"}) == "{ not a placeholder }");
}

TEST_CASE("a missing key falls back to French, then to the key itself") {
  LanguageGuard guard;
  i18n::setLanguage("en");
  CHECK(tr("no.such.key") == "no.such.key");
  CHECK(tr("code.sector.carpet") == "Carpets (zerbia)");
  i18n::setLanguage("ar");
  CHECK(tr("code.sector.carpet") == "الزرابي");
  CHECK(i18n::isRightToLeft());
}

TEST_CASE("an unknown language is a usage error") {
  LanguageGuard guard;
  try {
    i18n::setLanguage("de");
    FAIL("accepted an unknown language");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
  }
  CHECK(i18n::language() == "fr");
}

TEST_CASE("plural forms follow each language's rule") {
  LanguageGuard guard;
  CHECK(trn("info.exhibitors", 0) == "0 exposant");  // French: 0 and 1 are singular
  CHECK(trn("info.exhibitors", 1) == "1 exposant");
  CHECK(trn("info.exhibitors", 62) == "62 exposants");
  i18n::setLanguage("en");
  CHECK(trn("info.exhibitors", 1) == "1 exhibitor");
  CHECK(trn("info.exhibitors", 0) == "0 exhibitors");
  i18n::setLanguage("ar");
  CHECK(trn("info.exhibitors", 1) == "عارض واحد");
  CHECK(trn("info.exhibitors", 62).find("62") != std::string::npos);  // falls back to "other"
}

TEST_CASE("counts are grouped by thousands as each language writes them, Western digits") {
  using moussem::i18n::formatCount;
  CHECK(formatCount(0, "fr") == "0");
  CHECK(formatCount(999, "fr") == "999");
  CHECK(formatCount(1000, "fr") == "1\u00A0000");
  CHECK(formatCount(5000000, "fr") == "5\u00A0000\u00A0000");
  CHECK(formatCount(1234567, "en") == "1,234,567");
  CHECK(formatCount(1234567, "ar") == "1,234,567");
  CHECK(formatCount(-12345, "en") == "-12,345");
  CHECK(formatCount(std::numeric_limits<long long>::min(), "en") == "-9,223,372,036,854,775,808");
}
