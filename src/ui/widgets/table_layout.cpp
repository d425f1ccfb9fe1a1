#include "ui/widgets/table_layout.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "core/station.hpp"
#include "store/store.hpp"

namespace moussem::ui {

std::string TableLayout::serialize() const {
  std::string out;
  for (const ColumnLayout& c : columns) {
    char width[32];
    std::snprintf(width, sizeof width, "%.1f", static_cast<double>(c.width));
    if (!out.empty()) out += ';';
    out += c.key + ":" + width + ":" + (c.visible ? "1" : "0");
  }
  return out;
}

TableLayout TableLayout::parse(std::string_view text) {
  TableLayout layout;
  while (!text.empty()) {
    const std::size_t end = text.find(';');
    const std::string_view entry = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const std::size_t a = entry.find(':'), b = entry.rfind(':');
    if (a == std::string_view::npos || a == b || a == 0) continue;
    ColumnLayout c;
    c.key = std::string(entry.substr(0, a));
    const std::string width(entry.substr(a + 1, b - a - 1));
    char* stop = nullptr;
    const double w = std::strtod(width.c_str(), &stop);
    if (stop == width.c_str() || *stop != '\0' || !std::isfinite(w) || w <= 0 || w > 200) continue;
    const std::string_view shown = entry.substr(b + 1);
    if (shown != "0" && shown != "1") continue;
    c.width = static_cast<float>(w);
    c.visible = shown == "1";
    layout.columns.push_back(std::move(c));
  }
  return layout;
}

const ColumnLayout* TableLayout::find(std::string_view key) const {
  for (const ColumnLayout& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

std::string tableLayoutSetting(const std::string& station, std::string_view table) {
  return "station." + station + ".table." + std::string(table);
}

TableMemory stationTableMemory(Store& store, std::string_view table) {
  TableMemory memory;
  const std::string key = tableLayoutSetting(stationName(), table);
  memory.saved = TableLayout::parse(store.setting(key).value_or(""));
  memory.save = [&store, key](const TableLayout& layout) {
    try {
      store.setSetting(key, layout.serialize());
    } catch (const std::exception&) {  // read-only: the layout holds until the app closes
    }
  };
  return memory;
}

}  // namespace moussem::ui
