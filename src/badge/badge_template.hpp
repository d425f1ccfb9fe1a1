// Badge templates are data (assets/templates/<name>.json, compiled in; a file path also works), so an
// organiser can change colours and layout without touching code. Units are millimetres.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace moussem {

struct TemplateBox {
  double x = 0, y = 0, w = 0, h = 0;  // mm, from the badge's top-left corner
};

struct TemplateElement {
  std::string kind;  // text | qr | band | rule | logo
  std::string
      field;  // for text: edition_fr edition_ar name_latin name_ar organization booth days category_fr category_ar
  TemplateBox box;
  std::string font;                // Pango family list and weight, e.g. "DejaVu Sans, Noto Sans Arabic Bold"
  double size = 10, min_size = 6;  // points
  std::string align = "center";    // left | center | right
  std::string color = "#000000";   // #RRGGBB or "band-text" (black or white, whichever reads on the band)
};

struct BadgeTemplate {
  std::string name;
  double page_w = 105, page_h = 148;    // one badge, mm
  double sheet_w = 105, sheet_h = 148;  // the printed page, mm
  std::vector<TemplateBox> slots;       // badge positions on the sheet (w/h unused)
  bool cut_marks = false;
  std::string background = "#FFFFFF";
  std::vector<TemplateElement> elements;
};

std::vector<std::string> templateNames();  // the templates shipped in assets/templates
// A shipped template by name, or a JSON file by path. Throws Error naming the file and field at fault.
BadgeTemplate loadTemplate(std::string_view name_or_path);
BadgeTemplate parseTemplate(std::string_view json, std::string_view source);

}  // namespace moussem
