// CSV as organisers' spreadsheets write it (RFC 4180, docs/import-format.md): ',' ';' or tab (detected
// on the header line), UTF-8 with or without BOM, CRLF, LF or CR, quoted fields with separators,
// doubled quotes and line breaks (kept as written). Strict about what would silently change data:
// - the whole file is refused (CsvError, line and column) for a wrong encoding, binary bytes, a quote
//   never closed, a field larger than kMaxField, or a malformed header;
// - a malformed record (a quote inside an unquoted field, text after a closing quote, more or fewer
//   fields than the header) is a bad row: Row::problem says what and bad_column where, and the other
//   rows are still read. Never reads past the input.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace moussem::csv {

constexpr std::size_t kMaxField = 64 * 1024;

struct Row {
  std::size_t line = 0;  // physical line where the record starts (1-based)
  std::vector<std::string> fields;
  // Set on a malformed record: the reason (translated) and the 1-based field number at fault, which
  // may be one past the header's last column (a field too many). Its fields are not to be used.
  std::string problem;
  std::size_t bad_column = 0;
  std::size_t bad_line = 0;  // the physical line of the fault (a quoted field may span lines)
  bool bad() const { return !problem.empty(); }
};

struct Table {
  char separator = ',';
  bool had_bom = false;
  std::vector<Row> rows;  // the header first; blank lines and rows of empty fields skipped
};

class CsvError : public std::runtime_error {
 public:
  enum class Kind { Empty, Encoding, Binary, UnterminatedQuote, FieldTooLong, MalformedHeader };
  CsvError(Kind kind, std::size_t line, std::size_t column, const std::string& what)
      : std::runtime_error(what), kind_(kind), line_(line), column_(column) {}
  Kind kind() const { return kind_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }  // 1-based field number, 0 if not known

 private:
  Kind kind_;
  std::size_t line_, column_;
};

// Parses a whole file's bytes. Messages are in the user's language (io.csv.*).
Table parse(std::string_view bytes);
char detectSeparator(std::string_view firstLine);

// One field written for CSV: quoted when it holds the separator, a quote, a line break or edge spaces.
std::string quote(std::string_view field, char separator, bool force = false);

}  // namespace moussem::csv
