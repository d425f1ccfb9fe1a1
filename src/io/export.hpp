// Exporting exhibitors and participants: CSV (UTF-8 with BOM, ';' for French Excel or ',' on request)
// or XLSX (io/xlsx_table.hpp: typed cells, frozen header, autofilter), chosen by the file's extension. The columns are
// the import columns, so an export imports back unchanged. Written to a temporary file then renamed.
#pragma once
#include <filesystem>
#include <functional>

#include "io/import.hpp"
#include "store/store.hpp"

namespace moussem::io {

struct ExportOptions {
  char separator = ';';
  std::function<void(double)> progress;
};

// Returns the number of records written. Throws Error(Usage) for an unknown extension, Error(Io).
std::size_t exportFile(Store& store, Entity entity, const std::filesystem::path& file,
                       const ExportOptions& options = {});

// The scan log, one line per scan (accepted or not), streamed from the store: time as the gate logged
// it (the venue's local time), gate, zone, direction, station, operator, verdict, reason, badge serial
// and version, person category, manual. No name, phone or e-mail. CSV, or XLSX in constant memory (a
// new sheet every 1,048,575 scans, Excel's limit). Returns the number of scans written.
std::size_t exportScans(Store& store, const std::filesystem::path& file, const ExportOptions& options = {});
const std::vector<std::string>& scanColumns();

}  // namespace moussem::io
