// Phone numbers through libphonenumber (Debian's libphonenumber-dev: Google's parser and numbering-plan
// metadata for every country). A number is read with a default region (the person's country, else the
// edition's, see editionRegion()), checked against that country's numbering plan, stored in E.164 with
// its extension if any ("+212522123456;ext=12", RFC 3966's form), and shown in the national form to
// people of the number's own country and in the international form to everyone else.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace moussem::phone {

struct Number {
  std::string stored;     // "+33612345678" or "+212522123456;ext=12": what the database keeps
  std::string e164;       // "+212522123456": the number without its extension
  std::string extension;  // "12", or empty
  std::string region;     // ISO 3166 alpha-2 of the number ("MA", "FR"; "001" for non-geographic)
};

struct Parsed {
  std::optional<Number> number;
  std::string reason;  // when refused: why, in the user's language ("too short for +33 (FR)")
};

// Reads a number as people write it: spaces, dots, dashes, brackets, "(0)" after the country code,
// "00" or "+" prefixes, national forms of default_region, Arabic-Indic digits, "ext 12" / "poste 12" /
// "x12", "tel:" URIs. Refused with the reason when it is not a number in use in its country's plan.
Parsed parse(std::string_view raw, std::string_view default_region);

// The stored form's parts, without parsing (for indexes and lookups).
std::string_view e164Of(std::string_view stored);

// A stored number for people: national form when the number belongs to viewer_region ("0612-345678"),
// international otherwise ("+33 6 12 34 56 78"), the extension after it. Unparsable text is returned
// as it is.
std::string display(std::string_view stored, std::string_view viewer_region);

// The country of the current edition, from its time zone (Africa/Casablanca → "MA"; ICU's zone
// data), "MA" when it has none: the default region of numbers written without a country code.
std::string editionRegion();
// An ISO 3166 alpha-2 code libphonenumber knows ("FR", "ma" → "MA"); empty if it is not one.
std::string regionCode(std::string_view country);

}  // namespace moussem::phone
