#include <unicode/uchar.h>

#include <catch2/catch.hpp>

#include "core/text_fold.hpp"

using namespace moussem::text;

TEST_CASE("Latin search folding ignores case and accents") {
  CHECK(foldForSearch("Coopérative") == "cooperative");
  CHECK(foldForSearch("COOPÉRATIVE Tifawine") == "cooperative tifawine");
  CHECK(foldForSearch("Ça, œuvre d'Ærø — Straße") == "ca oeuvre d aero strasse");
  CHECK(foldForSearch("Ñandú Ł ø đ") == "nandu l o d");
  CHECK(foldForSearch("ĸ") == "q");  // ICU's Latin-ASCII: kra was written q
  CHECK(foldForSearch("  a   b\t\n c ") == "a b c");
  // A decomposed accent (e + U+0301) folds like the precomposed one.
  CHECK(foldForSearch("Coope\xCC\x81rative") == "cooperative");
  CHECK(foldForSearch("").empty());
  CHECK(foldForSearch("!!! ---").empty());
}

TEST_CASE("transliterated Arabic names are found without their dots and macrons (Latin Extended Additional)") {
  CHECK(foldForSearch("Ḥassan") == "hassan");
  CHECK(foldForSearch("Ṣaliḥ") == "salih");
  CHECK(foldForSearch("Ṭāhir") == "tahir");
  CHECK(foldForSearch("Nguyễn") == "nguyen");
  CHECK(foldForSearch("ʿAbd al-Ḥamīd Ẓāhir") == "abd al hamid zahir");
  CHECK(foldForSearch("ḌĀWŪD") == "dawud");
}

TEST_CASE("a precomposed and a decomposed spelling fold, store and match as one") {
  const std::string precomposed = "Nguy\u1EC5n", decomposed = "Nguye\u0302\u0303n";
  CHECK(foldForSearch(precomposed) == foldForSearch(decomposed));
  CHECK(normalizeForStorage(decomposed) == precomposed);  // NFC on storage
  CHECK(normalizeForStorage("H\u0323assan") == "\u1E24assan");
  CHECK(nameKey("Ḥassan Ṭāhir") == nameKey("TAHIR hassan"));
}

TEST_CASE("names sort as the interface language's collator orders them, not by bytes") {
  CHECK(sortKey("Coopérative féminine", "fr") < sortKey("Coopérative Tiguemi", "fr"));
  CHECK(sortKey("élan", "fr") < sortKey("Zagora", "fr"));
  CHECK(sortKey("Ḥassan", "en") < sortKey("Idriss", "en"));
  CHECK(sortKey("أحمد", "ar") < sortKey("يوسف", "ar"));
  CHECK(sortKey("abc", "fr") == sortKey("abc", "fr"));
}

TEST_CASE("multi-line text keeps its line breaks, trimmed and in LF") {
  CHECK(normalizeMultiline("Tajines\r\n  plats  en terre\r\n\r\n\r\nlampes\n") == "Tajines\nplats en terre\n\nlampes");
  CHECK(normalizeMultiline("\n\none line  ") == "one line");
  CHECK(normalizeForStorage("two\nlines") == "two lines");
}

TEST_CASE("Arabic search folding: hamza forms of alef are one letter") {
  const std::string plain = foldForSearch("احمد");
  CHECK(foldForSearch("أحمد") == plain);
  CHECK(foldForSearch("إحمد") == plain);
  CHECK(foldForSearch("آحمد") == plain);
  CHECK(foldForSearch("ٱحمد") == plain);
}

TEST_CASE("Arabic search folding: ta marbuta is ha, alef maqsura is ya") {
  CHECK(foldForSearch("تعاونية") == foldForSearch("تعاونيه"));
  CHECK(foldForSearch("مصطفى") == foldForSearch("مصطفي"));
  CHECK(foldForSearch("مسؤول") == foldForSearch("مسوول"));
  CHECK(foldForSearch("هيئة") == foldForSearch("هييه"));
  CHECK(foldForSearch("کتاب") == foldForSearch("كتاب"));  // Persian kaf
}

TEST_CASE("Arabic search folding drops harakat, shadda, sukun and tatweel") {
  CHECK(foldForSearch("مُحَمَّد") == foldForSearch("محمد"));
  CHECK(foldForSearch("مـــحـــمـد") == foldForSearch("محمد"));
  CHECK(foldForSearch("عَبْدُ ٱللَّٰه") == foldForSearch("عبد الله"));
  CHECK(foldForSearch("سلامٌ") == foldForSearch("سلام"));
}

TEST_CASE("Arabic presentation forms are NFKC-normalised") {
  // Lam-alef ligature as typed by the Moroccan keyboard (U+FEFB) is lam + alef.
  CHECK(normalizeForStorage("\xEF\xBB\xBB") == "لا");
  CHECK(foldForSearch("\xEF\xBB\xB7") == foldForSearch("لا"));  // lam-alef with hamza above → لا
  // Isolated/initial/medial/final forms of Presentation Forms-B fold to the letters.
  CHECK(normalizeForStorage("ﻣﺤﻤﺪ") == "محمد");
  CHECK(foldForSearch("ﺃﺣﻤﺪ") == foldForSearch("احمد"));
  // Presentation Forms-A (U+FB50..U+FDFF), e.g. alef wasla isolated U+FB50.
  CHECK(normalizeForStorage("\xEF\xAD\x90") == "ٱ");
  CHECK(foldForSearch("\xEF\xAD\x90") == "ا");
}

TEST_CASE("storage normalisation keeps letters, collapses spaces and drops invisible characters") {
  CHECK(normalizeForStorage("  Coopérative\u00A0 Tifawine  ") == "Coopérative Tifawine");
  CHECK(normalizeForStorage("أحمد\u200F \u200Eبن علي") == "أحمد بن علي");
  CHECK(normalizeForStorage("\xEF\xBB\xBFName") == "Name");  // a BOM inside a field
  CHECK(normalizeForStorage("a\x01"
                            "b") == "ab");
  // Invalid UTF-8 becomes U+FFFD rather than passing through.
  CHECK(normalizeForStorage("a\xFF"
                            "b") ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("UTF-8 validation rejects Latin-1 and Windows-1256 bytes, overlongs and surrogates") {
  CHECK(isValidUtf8("Coopérative أحمد"));
  CHECK(isValidUtf8("\xEF\xBF\xBD"));
  CHECK_FALSE(isValidUtf8("Coop\xE9rative"));    // Latin-1 é
  CHECK_FALSE(isValidUtf8("\xC3\xE4\xE3\xCF"));  // أحمد in Windows-1256
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(isValidUtf8("abc\xE2\x82"));       // truncated
}

TEST_CASE("Arabic-Indic digits search as Western digits") {
  CHECK(foldForSearch("٠٦١٢") == "0612");
  CHECK(foldForSearch("۰۶") == "06");
}

TEST_CASE("search tokens split words and letter/digit runs") {
  const std::string f = foldForSearch("ahmed.benali.123@coop-argane.ma");
  auto t = searchTokens(f);
  REQUIRE(t.size() == 6);
  CHECK(t[0] == "ahmed");
  CHECK(t[2] == "123");
  CHECK(t[5] == "ma");
  const std::string arabic = foldForSearch("تعاونية 2020");
  auto a = searchTokens(arabic);
  REQUIRE(a.size() == 2);
  CHECK(a[1] == "2020");
}

TEST_CASE("the name key ignores word order, case and accents") {
  CHECK(nameKey("BENALI Ahmed") == nameKey("ahmed benali"));
  CHECK(nameKey("Hélène  Dupré") == nameKey("dupre helene"));
  CHECK(nameKey("أحمد بنعلي") == nameKey("بنعلي احمد"));
  CHECK(nameKey("") == "");
  CHECK(nameKey("Ahmed Benali") != nameKey("Ahmed Bennani"));
}

TEST_CASE("e-mail addresses are lower-cased and checked") {
  CHECK(normalizeEmail("  Ahmed.Benali@Coop-Argane.MA ") == "ahmed.benali@coop-argane.ma");
  for (const char* ok : {"a@b.ma", "ahmed.benali+desk@coop-argane.ma", "x_y-z@sub.domain.org", "o'neil@x.ie"})
    CHECK(isValidEmail(ok));
  for (const char* bad : {"", "a", "a@", "@b.ma", "a@b", "a@@b.ma", "a b@c.ma", "a@b..ma", ".a@b.ma", "a.@b.ma",
                          "a@-b.ma", "a@b.m", "a@b.123", "a@b,ma", "a@b.ma "})
    CHECK_FALSE(isValidEmail(bad));
}

TEST_CASE("an ICE has exactly 15 digits, other registers keep their own formats") {
  CHECK(isValidIce("001234567000089"));
  CHECK_FALSE(isValidIce("00123456700008"));
  CHECK_FALSE(isValidIce("0012345670000890"));
  CHECK_FALSE(isValidIce("00123456700008A"));
  CHECK(isValidRegistrationNo("001 234 567 000 089"));
  CHECK(isValidRegistrationNo("ODCO-2019-04-1234"));
  CHECK(isValidRegistrationNo("RNA-12345678"));
  CHECK(isValidRegistrationNo(""));
  CHECK_FALSE(isValidRegistrationNo("12345"));
}

TEST_CASE("stored text: every ASCII character follows Unicode's whitespace and control rules, as ICU says") {
  // The ASCII fast path of the storage form must agree with the Unicode properties it stands for.
  for (char32_t cp = 0; cp < 0x80; ++cp) {
    const std::string in = std::string("a") + static_cast<char>(cp) + "b";
    const auto c = static_cast<UChar32>(cp);
    std::string expected;
    if (u_isUWhiteSpace(c))
      expected = "a b";
    else if (u_charType(c) == U_CONTROL_CHAR)
      expected = "ab";
    else
      expected = in;
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(normalizeForStorage(in) == expected);
    CHECK(normalizeForStorage(in + "é") == expected + "é");  // the same characters beside a non-ASCII one
  }
  // Decomposed letters are composed (NFC) whatever else the line holds.
  CHECK(normalizeForStorage("Hele\xCC\x80ne  Dupre\xCC\x81") == "Helène Dupré");
}
