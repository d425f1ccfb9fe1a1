// How a person's name is written, in one place for the screens, the reports, the badges and the CLI.
//
// The rule (docs/languages.md, "Person names"):
// - latin(): "Nawal Daoudi", given name first: badges, gate verdicts, and sentences in French and English.
// - list():  "DAOUDI Nawal", family name first in capitals, in every language: tables and result lists,
//            sorted and scanned by family name as Moroccan administration lists are; the capitals say
//            which part is the family name to a foreign reader too.
// - sentence(): what a heading or a message calls the person in the current language: the Arabic name
//            in Arabic when the person has one (as written, never reordered), else latin().
// - secondary(): the name in the other script, shown under or beside sentence(); empty if none.
// A person with no Latin name is called by the Arabic name everywhere, and the reverse.
#pragma once
#include <string>
#include <string_view>

#include "core/domain.hpp"

namespace moussem::names {

std::string latin(const Person& p);
std::string list(const Person& p);
std::string sentence(const Person& p);
std::string sentence(const Person& p, std::string_view lang);
std::string secondary(const Person& p);
std::string secondary(const Person& p, std::string_view lang);

// The key a list of people is ordered by (stored with each person, so the database orders a million of
// them from an index): the list name folded as search folds text (accents, case, Arabic variants),
// the Arabic name for a person with no Latin name.
std::string sortKey(const Person& p);

// Latin letters in capitals, accents kept ("el ouazzani" → "EL OUAZZANI", "benaïssa" → "BENAÏSSA",
// "ṭāhir" → "ṬĀHIR"; ICU's one-to-one case mapping);
// other scripts unchanged.
std::string upperLatin(std::string_view text);

}  // namespace moussem::names
