// The report's tables as CSV files in one folder (UTF-8 with BOM, ';' for French Excel or ',' on
// request): every file is written beside its final name first and all are renamed once all are
// complete, so a failure leaves the folder as it was.
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/csv.hpp"
#include "report/report.hpp"
#include "report/tables.hpp"

namespace moussem::report {

namespace fs = std::filesystem;

std::vector<fs::path> writeCsvTables(const EventFigures& figures, const fs::path& folderIn, char separator,
                                     const Progress& progress) {
  fs::path folder = folderIn;
  while (folder.filename().empty() && folder.has_parent_path() && folder.parent_path() != folder) folder = folder.parent_path();  // "out/" → "out"
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
  std::vector<fs::path> written, partial;
  auto undo = [&] {
    for (const auto& p : partial) fs::remove(p, ec);
    if (created) fs::remove(folder, ec);
  };
  try {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      const fs::path file = folder / (table.name + ".csv");
      partial.push_back(file.string() + ".partial");
      std::ofstream out(partial.back(), std::ios::binary | std::ios::trunc);
      if (!out) throw Error(ErrorKind::Io, tr("report.error.write", {file.string(), std::strerror(errno)}));
      out << "\xEF\xBB\xBF";
      auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? std::string(1, separator) : "") << csv::quote(cells[i], separator);
        out << "\r\n";
      };
      line(table.columns);
      for (const auto& row : table.rows) line(row);
      out.close();
      if (!out) throw Error(ErrorKind::Io, tr("report.error.write", {file.string(), std::strerror(errno)}));
      written.push_back(file);
      if (progress) progress(0.9 * static_cast<double>(t + 1) / static_cast<double>(tables.size()));
    }
  } catch (...) {
    undo();
    throw;
  }
  for (std::size_t i = 0; i < written.size(); ++i) {
    fs::rename(partial[i], written[i], ec);
    if (ec) {
      const std::string why = ec.message();
      undo();
      throw Error(ErrorKind::Io, tr("report.error.write", {written[i].string(), why}));
    }
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
