// Workbooks of tables as organisers compute with them (libxlsxwriter), for every XLSX Moussem writes:
// one table per sheet, its header in bold and frozen, an autofilter over it, columns sized to their
// content, dates and times as date cells with a format, numbers as numbers (never text), and the sheet
// right to left when the workbook is written in Arabic. Cells come in as the text the CSV would hold
// and are typed by their column. The caller writes to a temporary path and renames it.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;

namespace moussem::io::xlsx {

enum class Type {
  Text,
  Number,    // "12.5", "12,5"; not a number: kept as text
  Count,     // whole number shown with thousands grouped ("#,##0")
  Date,      // "YYYY-MM-DD"
  DateTime,  // an ISO 8601 moment, shown at the edition's clock ("yyyy-mm-dd hh:mm:ss")
};

struct Column {
  std::string title;
  Type type = Type::Text;
};

class Workbook;

class Sheet {
 public:
  // One row of cells, in column order; empty cells stay blank.
  void row(const std::vector<std::string>& cells);
  lxw_worksheet* handle() const { return sheet_; }  // for charts
  const std::string& name() const { return name_; }
  std::size_t rows() const { return rows_; }  // data rows written so far

 private:
  friend class Workbook;
  Sheet(Workbook& book, lxw_worksheet* sheet, std::string name, std::vector<Column> columns);
  void finish();
  Workbook& book_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::vector<Column> columns_;
  std::vector<double> widths_;
  std::size_t rows_ = 0;
};

class Workbook {
 public:
  // constant_memory: rows go to disk as they come (millions of scans); column widths are then set from
  // the headers and the types only, as they must be written before the first row.
  Workbook(const std::filesystem::path& file, bool constant_memory = false);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  // A sheet named `name` (cut to Excel's 31 characters) holding one table with these columns.
  Sheet& addSheet(std::string name, std::vector<Column> columns);
  // Finishes every sheet and writes the file; throws Error(Io) naming the file on failure.
  void close();
  lxw_workbook* handle() const { return book_; }

 private:
  friend class Sheet;
  struct Formats;
  lxw_workbook* book_ = nullptr;
  std::filesystem::path file_;
  bool constant_memory_ = false;
  bool rtl_ = false;
  std::unique_ptr<Formats> formats_;
  std::vector<std::unique_ptr<Sheet>> sheets_;
};

}  // namespace moussem::io::xlsx
