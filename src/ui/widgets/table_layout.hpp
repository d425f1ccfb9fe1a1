// What a station remembers of a registration table: each column's width and whether it is shown.
// Widths are kept in font-size units, so a layout survives a change of font size or screen. The text
// form is one setting per station and table ("station.NAME.table.participants"), written when the
// operator resizes or hides a column: another station keeps its own. No ImGui here.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::ui {

struct ColumnLayout {
  std::string key;  // the column's stable name (its label key)
  float width = 0;  // in font-size units
  bool visible = true;
};

struct TableLayout {
  std::vector<ColumnLayout> columns;
  // "people.column.name:14.5:1;people.field.email:12:0" (ASCII, stable order).
  std::string serialize() const;
  // Entries that do not parse are skipped: a damaged setting costs its columns, never the table.
  static TableLayout parse(std::string_view text);
  const ColumnLayout* find(std::string_view key) const;
  bool operator==(const TableLayout&) const = default;
};

// The setting that holds a station's layout of a table.
std::string tableLayoutSetting(const std::string& station, std::string_view table);

// The layout a station keeps for a table: applied when the table is first drawn (RecordTable), and
// handed to save() once the operator has resized (mouse released) or hidden a column.
struct TableMemory {
  TableLayout saved;
  std::function<void(const TableLayout&)> save;
  TableLayout current;   // as drawn in the last frame
  bool started = false;  // the table has been drawn once with `saved`
};

}  // namespace moussem::ui

namespace moussem {
class Store;
}

namespace moussem::ui {

// This station's layout of a table, read from the store, saved back to it (a database that cannot be
// written keeps it until the app closes).
TableMemory stationTableMemory(Store& store, std::string_view table);

}  // namespace moussem::ui
