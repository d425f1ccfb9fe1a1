#include "badge/badge_template.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {
std::span<const EmbeddedFile> embeddedTemplates();

namespace {

[[noreturn]] void bad(std::string_view source, const std::string& field, const std::string& why) {
  throw Error(ErrorKind::Invalid, tr("template.error.field", {std::string(source), field, why}));
}

TemplateBox readBox(const nlohmann::json& j, std::string_view source, const std::string& field, bool sized) {
  if (!j.is_array() || j.size() != (sized ? 4u : 2u)) bad(source, field, sized ? "[x, y, w, h]" : "[x, y]");
  for (const auto& v : j)
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 1000) bad(source, field, "0..1000 mm");
  TemplateBox b{j[0].get<double>(), j[1].get<double>(), sized ? j[2].get<double>() : 0, sized ? j[3].get<double>() : 0};
  return b;
}

bool isColour(const std::string& s) {
  if (s == "band-text") return true;
  if (s.size() != 7 || s[0] != '#') return false;
  return s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
}

}  // namespace

std::vector<std::string> templateNames() {
  std::vector<std::string> out;
  for (const auto& f : embeddedTemplates()) out.emplace_back(f.path.substr(0, f.path.rfind('.')));
  return out;
}

BadgeTemplate parseTemplate(std::string_view text, std::string_view source) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    bad(source, "JSON", e.what());
  }
  if (!j.is_object()) bad(source, "JSON", "object");
  BadgeTemplate t;
  t.name = j.value("name", std::string(source));
  TemplateBox page = readBox(j.value("page_mm", nlohmann::json()), source, "page_mm", false);
  t.page_w = page.x;
  t.page_h = page.y;
  if (t.page_w < 20 || t.page_h < 20) bad(source, "page_mm", ">= 20 mm");
  TemplateBox sheet = j.contains("sheet_mm") ? readBox(j["sheet_mm"], source, "sheet_mm", false) : page;
  t.sheet_w = sheet.x;
  t.sheet_h = sheet.y;
  if (j.contains("slots")) {
    if (!j["slots"].is_array() || j["slots"].empty()) bad(source, "slots", "a list of [x, y]");
    for (std::size_t i = 0; i < j["slots"].size(); ++i) {
      TemplateBox s = readBox(j["slots"][i], source, "slots[" + std::to_string(i) + "]", false);
      if (s.x + t.page_w > t.sheet_w + 0.01 || s.y + t.page_h > t.sheet_h + 0.01)
        bad(source, "slots[" + std::to_string(i) + "]", "inside the sheet");
      t.slots.push_back(s);
    }
  } else {
    t.slots.push_back({});
  }
  t.cut_marks = j.value("cut_marks", false);
  t.background = j.value("background", std::string("#FFFFFF"));
  if (!isColour(t.background) || t.background == "band-text") bad(source, "background", "#RRGGBB");
  static const std::set<std::string> kinds{"text", "qr", "band", "rule", "logo"};
  static const std::set<std::string> fields{"edition_fr",   "edition_ar",  "edition_en", "name_latin", "name_ar",
                                            "organization", "position",    "booth",      "days",       "category_fr",
                                            "category_ar",  "category_en", "serial"};
  if (!j.contains("elements") || !j["elements"].is_array()) bad(source, "elements", "a list");
  int qrCount = 0;
  for (std::size_t i = 0; i < j["elements"].size(); ++i) {
    const auto& e = j["elements"][i];
    const std::string where = "elements[" + std::to_string(i) + "]";
    if (!e.is_object()) bad(source, where, "object");
    TemplateElement el;
    el.kind = e.value("kind", std::string());
    if (!kinds.contains(el.kind)) bad(source, where + ".kind", "text|qr|band|rule|logo");
    el.box = readBox(e.value("box", nlohmann::json()), source, where + ".box", true);
    if (el.box.x + el.box.w > t.page_w + 0.01 || el.box.y + el.box.h > t.page_h + 0.01)
      bad(source, where + ".box", "inside the page");
    el.field = e.value("field", std::string());
    el.font = e.value("font", std::string("DejaVu Sans"));
    el.size = e.value("size", 10.0);
    el.min_size = e.value("min_size", std::min(el.size, 6.0));
    el.align = e.value("align", std::string("center"));
    el.color = e.value("color", std::string("#000000"));
    if (el.kind == "text") {
      if (!fields.contains(el.field)) bad(source, where + ".field", "a known field");
      if (el.size <= 0 || el.size > 200 || el.min_size <= 0 || el.min_size > el.size)
        bad(source, where + ".size", "0 < min_size <= size <= 200");
      if (el.align != "left" && el.align != "center" && el.align != "right")
        bad(source, where + ".align", "left|center|right");
      if (!isColour(el.color)) bad(source, where + ".color", "#RRGGBB or band-text");
    }
    if (el.kind == "qr") ++qrCount;
    t.elements.push_back(std::move(el));
  }
  if (qrCount != 1) bad(source, "elements", "exactly one qr element");
  return t;
}

BadgeTemplate loadTemplate(std::string_view nameOrPath) {
  for (const auto& f : embeddedTemplates())
    if (f.path == std::string(nameOrPath) + ".json") return parseTemplate(f.data, nameOrPath);
  std::filesystem::path p(nameOrPath);
  if (p.extension() == ".json" && std::filesystem::exists(p)) {
    std::ifstream in(p);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    return parseTemplate(text, p.string());
  }
  std::string known;
  for (const auto& n : templateNames()) known += (known.empty() ? "" : ", ") + n;
  throw Error(ErrorKind::NotFound, tr("template.error.unknown", {std::string(nameOrPath), known}));
}

}  // namespace moussem
