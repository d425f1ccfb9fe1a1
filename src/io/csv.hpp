// CSV as organisers' spreadsheets write it: ',' ';' or tab (detected on the header line), UTF-8 with
// or without BOM, CRLF, LF or CR, quoted fields with separators, doubled quotes and newlines. Strict
// about what would silently corrupt data (wrong encoding, binary bytes, an unterminated quote, a
// field larger than kMaxField): a CsvError names the line and column. Never reads past the input.
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
};

struct Table {
  char separator = ',';
  bool had_bom = false;
  std::vector<Row> rows;  // the header first; blank lines skipped
};

class CsvError : public std::runtime_error {
 public:
  enum class Kind { Empty, Encoding, Binary, UnterminatedQuote, FieldTooLong };
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
