// Text normalisation for storage, search, duplicate detection and sorting, and the contact formats the
// desk checks (e-mail, ICE; phone numbers are core/phone.hpp). Unicode's rules come from ICU; pure
// functions over UTF-8, no C locale, no I/O. Search folding is lossy on purpose and is never stored as
// the value shown to people.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::text {

// True if the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// Storage form of typed or imported text, one line: Unicode NFC; Arabic presentation forms (U+FB50-
// U+FDFF, U+FE70-U+FEFF) replaced by their NFKC letters (the Moroccan keyboard types lam-alef as one
// presentation form); invisible characters (Unicode's default ignorables: zero-width, bidi controls,
// BOM, soft hyphen) and control characters dropped; white space (line breaks included) collapsed to
// one space and trimmed. Invalid UTF-8 sequences become U+FFFD.
std::string normalizeForStorage(std::string_view text);
// The same for multi-line text (an exhibitor's products): line breaks (CRLF, CR, LF, U+2028) kept as
// LF, each line normalised as above, blank lines at the ends dropped and runs of them made one.
std::string normalizeMultiline(std::string_view text);

// Search key: everything normalizeForStorage does, then
//  - NFKD and full case folding, then marks dropped (accents, dots below, Arabic harakat and hamza
//    above or below): "Ḥassan" → "hassan", "Nguyễn" → "nguyen", precomposed or decomposed alike;
//  - Latin letters that do not decompose by ICU's Latin-ASCII ("ø" → "o", "æ" → "ae", "ł" → "l");
//  - Arabic on top: alef wasla ٱ → ا (أ إ آ are ا once the hamza mark is gone), ta marbuta ة → ه,
//    alef maqsura ى → ي, Persian kaf/yeh → Arabic; modifier letters dropped (tatweel, the ʿ ʾ of
//    transliterations);
//  - every decimal digit (Arabic-Indic, Persian...) → 0-9;
//  - anything that is not a letter or a digit → one space; no leading or trailing space.
std::string foldForSearch(std::string_view text);

// Words of a folded text, with letters and digits split apart ("benali123" -> "benali", "123").
std::vector<std::string_view> searchTokens(std::string_view folded);

// Duplicate key of a person's name and organisation: folded words, sorted, so "BENALI Ahmed" and
// "ahmed benali" are the same name. Empty when the name is empty.
std::string nameKey(std::string_view names);

// A key that sorts text as people of `language` ("fr", "ar", "en") expect: ICU's collator for that
// language (CLDR rules: "Coopérative féminine" before "Coopérative Tiguemi", accents after letters).
// Compare keys as byte strings.
std::string sortKey(std::string_view text, std::string_view language);

// E-mail addresses: trimmed and lower-cased; valid means one "@", a plausible local part and a
// domain of dot-separated labels with a final label of letters.
std::string normalizeEmail(std::string_view raw);
bool isValidEmail(std::string_view email);

// Moroccan ICE (Identifiant Commun de l'Entreprise): exactly 15 digits.
bool isValidIce(std::string_view ice);
// A registration number is an ICE when it is all digits (then it must have 15), or another
// register's number (cooperative ODCO, RNA, association) with letters.
bool isValidRegistrationNo(std::string_view number);

}  // namespace moussem::text
