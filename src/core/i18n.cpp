// String catalogs: parsed once from the embedded JSON files, then read-only.
#include "core/i18n.hpp"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "core/error.hpp"

namespace moussem {
std::span<const EmbeddedFile> embeddedCatalogs();
}

namespace moussem::i18n {
namespace {

using Catalog = std::map<std::string, std::string, std::less<>>;

struct Catalogs {
  std::map<std::string, Catalog, std::less<>> byLang;
};

const Catalogs& catalogs() {
  static const Catalogs all = [] {
    Catalogs c;
    for (const auto& file : embeddedCatalogs()) {
      std::string lang(file.path.substr(0, file.path.find('.')));
      auto json = nlohmann::json::parse(file.data);
      Catalog cat;
      for (auto& [k, v] : json.items())
        if (v.is_string()) cat.emplace(k, v.get<std::string>());
      c.byLang.emplace(lang, std::move(cat));
    }
    return c;
  }();
  return all;
}

std::string& currentLanguage() {
  static std::string lang = "fr";
  return lang;
}

const std::string* find(std::string_view lang, std::string_view key) {
  const auto& all = catalogs().byLang;
  auto c = all.find(lang);
  if (c == all.end()) return nullptr;
  auto it = c->second.find(key);
  return it == c->second.end() ? nullptr : &it->second;
}

std::string_view pluralForm(std::string_view lang, long long n) {
  if (lang == "ar") {
    long long m = n % 100;
    if (n == 0) return "zero";
    if (n == 1) return "one";
    if (n == 2) return "two";
    if (m >= 3 && m <= 10) return "few";
    if (m >= 11 && m <= 99) return "many";
    return "other";
  }
  if (lang == "fr") return (n == 0 || n == 1) ? "one" : "other";
  return n == 1 ? "one" : "other";
}

}  // namespace

void setLanguage(std::string_view lang) {
  if (!catalogs().byLang.contains(lang))
    throw Error(ErrorKind::Usage, "unknown language '" + std::string(lang) + "' (fr, ar, en)");
  currentLanguage() = std::string(lang);
}

const std::string& language() {
  return currentLanguage();
}
bool isRightToLeft() {
  return currentLanguage() == "ar";
}

std::vector<std::string> languages() {
  std::vector<std::string> out;
  for (const auto& [lang, cat] : catalogs().byLang) out.push_back(lang);
  return out;
}

std::string format(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() + 1) {
      std::size_t close = text.find('}', i);
      if (close != std::string_view::npos && close > i + 1 && close - i <= 3) {
        bool digits = true;
        std::size_t index = 0;
        for (std::size_t j = i + 1; j < close; ++j) {
          if (text[j] < '0' || text[j] > '9')
            digits = false;
          else
            index = index * 10 + static_cast<std::size_t>(text[j] - '0');
        }
        if (digits && index < args.size()) {
          out += *(args.begin() + index);
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::string lookupIn(std::string_view lang, std::string_view key) {
  const std::string* s = find(lang, key);
  return s ? *s : std::string();
}

std::string tr(std::string_view key) {
  if (const std::string* s = find(currentLanguage(), key)) return *s;
  if (const std::string* s = find("fr", key)) return *s;
  return std::string(key);
}

std::string tr(std::string_view key, std::initializer_list<std::string> args) {
  return format(tr(key), args);
}

std::string trn(std::string_view key, long long n) {
  std::string base(key);
  for (std::string_view lang : {std::string_view(currentLanguage()), std::string_view("fr")}) {
    for (std::string_view form : {pluralForm(lang, n), std::string_view("other")}) {
      if (const std::string* s = find(lang, base + "." + std::string(form))) return format(*s, {std::to_string(n)});
    }
  }
  return base;
}

std::string label(std::string_view family, std::string_view code, std::string_view lang) {
  std::string key = "code." + std::string(family) + "." + std::string(code);
  if (const std::string* s = find(lang, key)) return *s;
  if (const std::string* s = find("fr", key)) return *s;
  return std::string(code);
}

std::string label(std::string_view family, std::string_view code) {
  return label(family, code, currentLanguage());
}

bool hasKey(std::string_view lang, std::string_view key) {
  return find(lang, key) != nullptr;
}

std::vector<std::string> keys(std::string_view lang) {
  std::vector<std::string> out;
  const auto& all = catalogs().byLang;
  auto c = all.find(lang);
  if (c != all.end())
    for (const auto& [k, v] : c->second) out.push_back(k);
  return out;
}

std::string formatCount(long long n, std::string_view lang) {
  const std::string sep = lang == "fr" ? "\xC2\xA0" : ",";  // U+00A0 no-break space
  const bool negative = n < 0;
  std::string digits = std::to_string(negative ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
  std::string out;
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) out += sep + digits.substr(i, 3);
  return negative ? "-" + out : out;
}

std::string formatCount(long long n) {
  return formatCount(n, language());
}

}  // namespace moussem::i18n
