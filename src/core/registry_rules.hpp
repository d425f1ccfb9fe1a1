// The rules of a registration record, shared by the desk, the table screens and imports: normalise
// what people type (spaces, Unicode NFC, Arabic presentation forms, phone to E.164 by libphonenumber in
// the person's country, e-mail case) and list every
// field that is wrong, with a message in the user's language. No storage here.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"

namespace moussem {

struct FieldError {
  std::string field;    // canonical column name of PRODUCT.md ("email", "phone", ...)
  std::string message;  // translated, names the value at fault
};

// Normalise in place, then check. An empty list means the record may be saved.
std::vector<FieldError> prepareExhibitor(Exhibitor& exhibitor);
std::vector<FieldError> preparePerson(Person& person);

// A code of a family ("kind", "sector", "region", "category", "program", "zone") from its code or its
// French, Arabic or English label, compared without regard to case, accents or punctuation.
std::optional<std::string> codeFromText(std::string_view family, std::span<const std::string_view> codes,
                                        std::string_view text);
// Fields whose text keeps its line breaks (an exhibitor's products); every other field is one line.
bool isMultilineField(std::string_view field);
// yes/no, oui/non, true/false, 1/0, نعم/لا (and y/n, o/n, vrai/faux); nullopt otherwise.
std::optional<bool> parseYesNo(std::string_view text);

}  // namespace moussem
