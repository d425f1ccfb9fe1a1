// Text normalisation for storage, search and duplicate detection, and the contact formats the desk
// checks (phone, e-mail, ICE). Pure functions over UTF-8: no locale, no I/O, no allocation beyond
// the result. Search folding is lossy on purpose and is never stored as the value shown to people.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::text {

// True if the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// Storage form of typed or imported text: Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF)
// replaced by their NFKC letters (the Moroccan keyboard types lam-alef as one presentation form),
// zero-width and bidi control characters dropped, spaces collapsed and trimmed. Invalid UTF-8
// sequences become U+FFFD.
std::string normalizeForStorage(std::string_view text);

// Search key: everything normalizeForStorage does, then
//  - Latin: lower case, accents and other marks dropped ("Coopérative" -> "cooperative", "ß" -> "ss");
//  - Arabic: alef with hamza or madda (أ إ آ ٱ) -> ا, ta marbuta ة -> ه, alef maqsura ى -> ي,
//    ؤ -> و, ئ -> ي, Persian kaf/yeh -> Arabic, harakat, Quranic marks and tatweel dropped;
//  - Arabic-Indic and Persian digits -> 0-9;
//  - anything that is not a letter or a digit -> one space; no leading or trailing space.
std::string foldForSearch(std::string_view text);

// Words of a folded text, with letters and digits split apart ("benali123" -> "benali", "123").
std::vector<std::string_view> searchTokens(std::string_view folded);

// Duplicate key of a person's name and organisation: folded words, sorted, so "BENALI Ahmed" and
// "ahmed benali" are the same name. Empty when the name is empty.
std::string nameKey(std::string_view names);

// Phone numbers in E.164 ("+212612345678"). Accepts spaces, dots, dashes, brackets, Arabic-Indic
// digits, "+", "00" and Moroccan national forms (06..., 07..., 05..., 08...; "+212 (0)6..." too).
// Numbers without a country prefix are read as Moroccan. nullopt if it cannot be a phone number.
std::optional<std::string> normalizePhone(std::string_view raw);

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
