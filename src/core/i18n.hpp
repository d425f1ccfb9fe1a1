// The one place for user-visible strings: tr("dotted.key") looks the key up in the current language's
// catalog (assets/i18n/<lang>.json, compiled in), falls back to French, then to the key itself.
// Placeholders are positional: tr("info.people", {"12"}) replaces {0}. Used by the CLI and the UI alike.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::i18n {

// "fr" (default), "ar" or "en". Throws Error(Usage) for any other code.
void setLanguage(std::string_view lang);
const std::string& language();
bool isRightToLeft();
std::vector<std::string> languages();  // codes of the catalogs compiled in

std::string tr(std::string_view key);
std::string tr(std::string_view key, std::initializer_list<std::string> args);
// Plural form chosen by the language's rule: looks up key + ".one", ".two", ".few", ".many",
// ".zero" or ".other"; {0} is the number.
std::string trn(std::string_view key, long long n);

// Label of a stable code, e.g. label("sector", "pottery"); the code itself if no label exists.
std::string label(std::string_view family, std::string_view code);
std::string label(std::string_view family, std::string_view code, std::string_view lang);

// A count with its thousands grouped as the language writes it, Western digits: "1 234 567" in French
// (no-break spaces, so a figure never splits across lines), "1,234,567" in English and Arabic.
std::string formatCount(long long n);
std::string formatCount(long long n, std::string_view lang);

bool hasKey(std::string_view lang, std::string_view key);
std::vector<std::string> keys(std::string_view lang);
std::string lookupIn(std::string_view lang, std::string_view key);  // empty if absent
std::string format(std::string_view text, std::initializer_list<std::string> args);

}  // namespace moussem::i18n

namespace moussem {
using i18n::tr;
using i18n::trn;
}  // namespace moussem
