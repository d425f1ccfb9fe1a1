// CSV reader and field quoting. A single pass over the bytes; the encoding is checked first so that
// a Windows-1256 or Latin-1 file is refused with the line at fault instead of stored as mojibake.
#include "io/csv.hpp"

#include <algorithm>

#include "core/i18n.hpp"
#include "core/text_fold.hpp"

namespace moussem::csv {

char detectSeparator(std::string_view line) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && c == ',')
      ++comma;
    else if (!quoted && c == ';')
      ++semi;
    else if (!quoted && c == '\t')
      ++tab;
  }
  if (semi >= comma && semi >= tab && semi > 0) return ';';
  if (tab > comma) return '\t';
  return ',';
}

namespace {

// Line and column (1-based, in characters) of a byte offset, for messages.
std::pair<std::size_t, std::size_t> position(std::string_view bytes, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

void checkEncoding(std::string_view bytes) {
  // Find the first line that is not valid UTF-8, or holds a NUL or other binary control byte.
  std::size_t lineStart = 0, line = 1;
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size()) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0C)) {
        auto [l, col] = position(bytes, i);
        throw CsvError(CsvError::Kind::Binary, l, 0, tr("io.csv.binary", {std::to_string(l), std::to_string(col)}));
      }
      if (c != '\n') continue;
    }
    std::string_view text = bytes.substr(lineStart, i - lineStart);
    if (!text::isValidUtf8(text)) {
      // The first byte where a well-formed sequence does not start (linear, even on a huge line).
      std::size_t start = 0;
      while (start < text.size()) {
        const auto b = static_cast<unsigned char>(text[start]);
        const std::size_t len = b < 0x80             ? 1
                                : (b & 0xE0) == 0xC0 ? 2
                                : (b & 0xF0) == 0xE0 ? 3
                                : (b & 0xF8) == 0xF0 ? 4
                                                     : 0;
        if (len == 0 || start + len > text.size() || !text::isValidUtf8(text.substr(start, len))) break;
        start += len;
      }
      const std::size_t col = position(bytes, lineStart + start).second;
      throw CsvError(CsvError::Kind::Encoding, line, 0,
                     tr("io.csv.encoding", {std::to_string(line), std::to_string(col)}));
    }
    lineStart = i + 1;
    ++line;
  }
}

}  // namespace

Table parse(std::string_view bytes) {
  Table table;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    table.had_bom = true;
  }
  bool blank = true;
  for (char c : bytes)
    if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t')) blank = false;
  if (blank) throw CsvError(CsvError::Kind::Empty, 0, 0, tr("io.csv.empty"));
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw CsvError(CsvError::Kind::Encoding, 1, 0, tr("io.csv.utf16"));
  checkEncoding(bytes);

  std::size_t firstEnd = bytes.find_first_of("\r\n");
  table.separator = detectSeparator(bytes.substr(0, firstEnd));
  const char sep = table.separator;

  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  auto tooLong = [&](std::size_t at, std::size_t column) {
    return CsvError(
        CsvError::Kind::FieldTooLong, at, column,
        tr("io.csv.too_long", {std::to_string(at), std::to_string(column), std::to_string(kMaxField / 1024)}));
  };
  while (i < n) {
    Row row;
    row.line = line;
    // The first fault of a record is the one reported; reading goes on to the record's end.
    auto fault = [&](const char* key) {
      if (row.bad()) return;
      row.bad_column = row.fields.size() + 1;
      row.bad_line = line;
      row.problem = tr(key);
    };
    bool rowDone = false;
    while (!rowDone) {
      std::string field;
      if (i < n && bytes[i] == '"') {
        const std::size_t startLine = line;
        ++i;
        for (;;) {
          if (i >= n)
            throw CsvError(
                CsvError::Kind::UnterminatedQuote, startLine, row.fields.size() + 1,
                tr("io.csv.unterminated", {std::to_string(startLine), std::to_string(row.fields.size() + 1)}));
          const char c = bytes[i];
          if (c == '"') {
            if (i + 1 < n && bytes[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          if (c == '\r' && !(i + 1 < n && bytes[i + 1] == '\n')) ++line;
          field += c;
          ++i;
          if (field.size() > kMaxField) throw tooLong(startLine, row.fields.size() + 1);
        }
        // RFC 4180: a closing quote ends the field. `"Coop "Atlas" Azilal"` is a quote that should
        // have been doubled; what follows it is kept only to find the field's end.
        if (i < n && bytes[i] != sep && bytes[i] != '\n' && bytes[i] != '\r') fault("io.csv.after_quote");
      }
      while (i < n && bytes[i] != sep && bytes[i] != '\n' && bytes[i] != '\r') {
        if (bytes[i] == '"') fault("io.csv.bare_quote");  // quotes belong in quoted fields, doubled
        field += bytes[i++];
        if (field.size() > kMaxField) throw tooLong(line, row.fields.size() + 1);
      }
      row.fields.push_back(std::move(field));
      if (i < n && bytes[i] == sep) {
        ++i;
        continue;
      }
      // End of record: CRLF, LF, CR or end of input.
      if (i < n && bytes[i] == '\r') ++i;
      if (i < n && bytes[i] == '\n') ++i;
      ++line;
      rowDone = true;
    }
    // Blank lines, and rows of empty cells (spreadsheets export the blank rows of a range as ";;;").
    if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return f.empty(); }) && !row.bad())
      continue;
    if (table.rows.empty()) {
      if (row.bad())
        throw CsvError(CsvError::Kind::MalformedHeader, row.bad_line, row.bad_column,
                       tr("io.csv.at", {std::to_string(row.bad_line), std::to_string(row.bad_column), row.problem}));
    } else if (!row.bad() && row.fields.size() != table.rows.front().fields.size()) {
      // Every record has the header's fields (RFC 4180 2.4): one too few or too many means a
      // separator was lost or added, and the cells would land in the wrong columns.
      const std::size_t expected = table.rows.front().fields.size(), got = row.fields.size();
      row.bad_column = std::min(expected, got) + 1;
      row.bad_line = row.line;
      row.problem = tr(got < expected ? "io.csv.fewer_fields" : "io.csv.more_fields",
                       {std::to_string(got), std::to_string(expected)});
    }
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) throw CsvError(CsvError::Kind::Empty, 0, 0, tr("io.csv.empty"));
  return table;
}

std::string quote(std::string_view field, char separator, bool force) {
  bool needs = force || field.find(separator) != std::string_view::npos ||
               field.find_first_of("\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace moussem::csv
