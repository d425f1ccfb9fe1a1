// The report's tables as CSV files in one folder (UTF-8 with BOM, ';' for French Excel or ',' on
// request): every file is written beside its final name first and all are renamed once all are
// complete, so a failure leaves the folder as it was. Cells are exported formula-safe.
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/formula_guard.hpp"
#include "core/i18n.hpp"
#include "io/csv.hpp"
#include "report/report.hpp"
#include "report/tables.hpp"

namespace moussem::report {

namespace fs = std::filesystem;

std::vector<fs::path> writeCsvTables(const EventFigures& figures, const fs::path& folderIn, char separator,
                                     const Progress& progress, const std::string& anchor) {
  fs::path folder = folderIn;
  while (folder.filename().empty() && folder.has_parent_path() && folder.parent_path() != folder)
    folder = folder.parent_path();  // "out/" → "out"
  std::error_code ec;
  bool created = false;
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) throw Error(ErrorKind::Usage, tr("report.error.csv_folder", {folder.string()}));
    checkWritable(folder / "summary.csv");
  } else {
    checkWritable(folder);
    if (!fs::create_directory(folder, ec) || ec)
      throw Error(ErrorKind::Io, tr("report.error.write", {folder.string(), ec.message()}));
    created = true;
  }
  const std::vector<Table> tables = reportTables(figures);
  // Each file a PartialFile: a failure removes them all, and none is published before all are written.
  std::vector<std::unique_ptr<PartialFile>> files;
  try {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      files.push_back(std::make_unique<PartialFile>(folder / (table.name + ".csv"), "report.error.write"));
      std::ofstream out(files.back()->handle(), std::ios::binary | std::ios::trunc);
      if (!out) files.back()->fail(std::strerror(errno));
      out << "\xEF\xBB\xBF";
      auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i)
          out << (i ? std::string(1, separator) : "") << csv::quote(neutralizeFormula(cells[i]), separator);
        out << "\r\n";
      };
      line(table.columns);
      for (const auto& row : table.rows) line(row);
      out.close();
      if (!out) files.back()->fail(std::strerror(errno));
      if (progress) progress(0.9 * static_cast<double>(t + 1) / static_cast<double>(tables.size()));
    }
    if (!anchor.empty()) {
      // The audit trail's anchor (store/audit_anchor.hpp), for `audit verify --anchor`.
      files.push_back(std::make_unique<PartialFile>(folder / "audit-anchor.txt", "report.error.write"));
      std::ofstream out(files.back()->handle(), std::ios::binary | std::ios::trunc);
      out << anchor << "\n";
      out.close();
      if (!out) files.back()->fail(std::strerror(errno));
    }
  } catch (...) {
    files.clear();
    if (created) fs::remove(folder, ec);
    throw;
  }
  std::vector<fs::path> written;
  for (auto& f : files) {
    f->publish();
    written.push_back(f->out());
  }
  if (progress) progress(1.0);
  return written;
}

}  // namespace moussem::report

namespace moussem::report {

void checkWritable(const std::filesystem::path& out) {
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) throw Error(ErrorKind::NotFound, tr("io.error.no_folder", {parent.string()}));
  if (::access(parent.c_str(), W_OK) != 0) throw Error(ErrorKind::Io, tr("report.error.unwritable", {parent.string()}));
}

std::string formatOf(const std::filesystem::path& out) {
  const std::string s = out.string();
  std::error_code ec;
  if ((!s.empty() && s.back() == '/') || std::filesystem::is_directory(out, ec)) return "csv";
  std::string ext = out.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".pdf") return "pdf";
  if (ext == ".xlsx") return "xlsx";
  return "";
}

}  // namespace moussem::report
