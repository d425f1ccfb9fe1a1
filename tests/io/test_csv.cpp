#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "io/csv.hpp"

using namespace moussem;
using csv::CsvError;

TEST_CASE("the separator is detected on the header line: comma, semicolon or tab") {
  CHECK(csv::parse("a,b,c\n1,2,3\n").separator == ',');
  CHECK(csv::parse("a;b;c\n1;2,5;3\n").separator == ';');
  CHECK(csv::parse("a\tb\tc\n1\t2\t3\n").separator == '\t');
  CHECK(csv::parse("\"x;y\",b,c\n1,2,3\n").separator == ',');  // a separator inside quotes does not count
  CHECK(csv::parse("single\nvalue\n").rows.size() == 2);
}

TEST_CASE("a BOM, CRLF, CR and a missing final newline are all read the same") {
  for (const char* text : {"\xEF\xBB\xBFname;city\r\nA;B\r\n", "name;city\nA;B", "name;city\rA;B\r"}) {
    auto t = csv::parse(text);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields == std::vector<std::string>{"name", "city"});
    CHECK(t.rows[1].fields == std::vector<std::string>{"A", "B"});
  }
  CHECK(csv::parse("\xEF\xBB\xBF"
                   "a\n1\n")
            .had_bom);
}

TEST_CASE("quoted fields keep separators, doubled quotes and newlines, and lines are counted") {
  auto t = csv::parse("name,notes,n\r\n\"Atelier \"\"Fès\"\", cuir\",\"line one\r\nline two\",1\r\nnext,,2\r\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].fields[0] == "Atelier \"Fès\", cuir");
  CHECK(t.rows[1].fields[1] == "line one\r\nline two");
  CHECK(t.rows[1].line == 2);
  CHECK(t.rows[2].line == 4);  // the quoted newline moved it down one line
  CHECK(t.rows[2].fields == std::vector<std::string>{"next", "", "2"});
}

TEST_CASE("blank lines are skipped, empty trailing fields are kept") {
  auto t = csv::parse("a;b;c\n\n1;;\n\r\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == std::vector<std::string>{"1", "", ""});
}

TEST_CASE("an empty file, a UTF-16 file and binary garbage are refused") {
  auto kindOf = [](std::string_view text) {
    try {
      csv::parse(text);
    } catch (const CsvError& e) {
      return e.kind();
    }
    FAIL("accepted");
    return CsvError::Kind::Empty;
  };
  CHECK(kindOf("") == CsvError::Kind::Empty);
  CHECK(kindOf("\xEF\xBB\xBF\r\n\n") == CsvError::Kind::Empty);
  CHECK(kindOf(std::string_view("\xFF\xFEn\0a\0", 6)) == CsvError::Kind::Encoding);
  CHECK(kindOf(std::string_view("a,b\n\x01\x02\x00\x7F", 8)) == CsvError::Kind::Binary);
}

TEST_CASE("Latin-1 and Windows-1256 files are refused with the line at fault") {
  try {
    csv::parse("nom;ville\nAhmed;Rabat\nCoop\xE9rative;F\xE8s\n");
    FAIL("accepted");
  } catch (const CsvError& e) {
    CHECK(e.kind() == CsvError::Kind::Encoding);
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()).find("3") != std::string::npos);
  }
  CHECK_THROWS_AS(csv::parse("name\n\xC3\xE4\xE3\xCF\n"), CsvError);  // أحمد in Windows-1256
}

TEST_CASE("an unterminated quote names the line where the field started") {
  try {
    csv::parse("a,b\n1,2\n3,\"open\n4,5\n");
    FAIL("accepted");
  } catch (const CsvError& e) {
    CHECK(e.kind() == CsvError::Kind::UnterminatedQuote);
    CHECK(e.line() == 3);
    CHECK(e.column() == 2);
  }
}

TEST_CASE("a 10 MB field is refused, not loaded") {
  std::string big = "a,b\n1,\"" + std::string(10 * 1024 * 1024, 'x') + "\"\n";
  try {
    csv::parse(big);
    FAIL("accepted");
  } catch (const CsvError& e) {
    CHECK(e.kind() == CsvError::Kind::FieldTooLong);
    CHECK(e.line() == 2);
    CHECK(e.column() == 2);
  }
  std::string unquoted = "a\n" + std::string(csv::kMaxField + 1, 'y') + "\n";
  CHECK_THROWS_AS(csv::parse(unquoted), CsvError);
}

TEST_CASE("quoting for export round-trips through the reader") {
  const std::vector<std::string> fields{"plain", "with;semicolon", "with \"quotes\"", "two\nlines", " edge ", ""};
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? ";" : "") + csv::quote(fields[i], ';');
  auto t = csv::parse("h1;h2;h3;h4;h5;h6\n" + line + "\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == fields);
}

TEST_CASE("fuzz: random mutations of a valid file never crash the reader") {
  // Deterministic mutation fuzzing (runs under ASan/UBSan in the suite): every outcome is a table or
  // a CsvError, never a crash, a hang or an out-of-bounds read.
  const std::string seed =
      "\xEF\xBB\xBFnom;prénom;\"note\"\r\n\"Benali\";Ahmed;\"a \"\"b\"\"\r\nc\"\r\nأحمد;;x\r\n\"open;1;2\n";
  std::mt19937 rng(12345);
  const char alphabet[] = {'"', ';', ',', '\t', '\r', '\n', 'a', '\0', '\xEF', '\xBB', '\xBF', '\xD8', '\xA3', '\xFF'};
  int tables = 0, errors = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s = seed;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = s.empty() ? 0 : rng() % s.size();
      switch (rng() % 4) {
        case 0:
          if (!s.empty()) s[pos] = alphabet[rng() % sizeof alphabet];
          break;
        case 1:
          s.insert(pos, 1, alphabet[rng() % sizeof alphabet]);
          break;
        case 2:
          if (!s.empty()) s.erase(pos, 1 + rng() % 4);
          break;
        default:
          s = s.substr(0, pos);
          break;
      }
    }
    try {
      auto t = csv::parse(s);
      CHECK_FALSE(t.rows.empty());
      ++tables;
    } catch (const CsvError&) {
      ++errors;
    }
  }
  CHECK(tables > 0);
  CHECK(errors > 0);
}

namespace {
// A model of RFC 4180 to check the reader against: any table of fields (separators, quotes, CR, LF,
// spaces, Arabic, empty) written with a given separator, line end and quoting style.
enum class Quoting { Minimal, All, Random, NonEmpty };

std::string writeModel(const std::vector<std::vector<std::string>>& table, char sep, const char* eol, Quoting q,
                       std::mt19937& rng, bool bom, bool finalEol, int trailingBlankLines) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t r = 0; r < table.size(); ++r) {
    for (std::size_t c = 0; c < table[r].size(); ++c) {
      if (c) out += sep;
      const std::string& f = table[r][c];
      bool quoted = q == Quoting::All || (q == Quoting::NonEmpty && !f.empty()) || (q == Quoting::Random && rng() % 2);
      quoted = quoted || f.find_first_of(std::string("\"\r\n") + sep) != std::string::npos;  // RFC 4180 2.6
      if (!quoted) {
        out += f;
        continue;
      }
      out += '"';
      for (char ch : f) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);  // RFC 4180 2.7
      out += '"';
    }
    if (r + 1 < table.size() || finalEol) out += eol;
  }
  for (int i = 0; i < trailingBlankLines; ++i) out += eol;
  return out;
}
}  // namespace

TEST_CASE("property: random tables written with every quoting style, separator and line end read back equal") {
  std::mt19937 rng(20261207);
  const std::vector<std::string> pieces{"a",  "Coop", " ", "\"",      "\"\"", ";", ",",    "\t", "\r\n",
                                        "\n", "\r",   "é", "تعاونية", "x y",  "'", "=1+2", "",   "0612"};
  const char seps[] = {',', ';', '\t'};
  const char* eols[] = {"\r\n", "\n"};
  int checked = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    const std::size_t columns = 2 + rng() % 5, rows = 1 + rng() % 6;
    std::vector<std::vector<std::string>> table;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < columns; ++c)
      header.push_back("col" + std::to_string(c));  // detection reads the header
    table.push_back(header);
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<std::string> row;
      for (std::size_t c = 0; c < columns; ++c) {
        std::string f;
        for (std::size_t k = rng() % 4; k > 0; --k) f += pieces[rng() % pieces.size()];
        row.push_back(f);
      }
      table.push_back(row);
    }
    const char sep = seps[rng() % 3];
    const char* eol = eols[rng() % 2];
    const auto quoting = static_cast<Quoting>(rng() % 4);
    const bool bom = rng() % 2, finalEol = rng() % 2;
    const int blanks = static_cast<int>(rng() % 3);
    const std::string text = writeModel(table, sep, eol, quoting, rng, bom, finalEol || blanks > 0, blanks);
    INFO(text);
    const csv::Table read = csv::parse(text);
    CHECK(read.separator == sep);
    CHECK(read.had_bom == bom);
    // The documented leniency: a row whose cells are all empty is a blank row, skipped.
    std::vector<std::vector<std::string>> expected;
    for (const auto& row : table)
      if (std::any_of(row.begin(), row.end(), [](const std::string& f) { return !f.empty(); })) expected.push_back(row);
    REQUIRE(read.rows.size() == expected.size());
    for (std::size_t r = 0; r < expected.size(); ++r) {
      CHECK_FALSE(read.rows[r].bad());
      CHECK(read.rows[r].fields == expected[r]);
    }
    ++checked;
  }
  CHECK(checked == 3000);
}

namespace {
const csv::Row& onlyRow(const csv::Table& t) {
  REQUIRE(t.rows.size() >= 2);
  return t.rows[1];
}
}  // namespace

TEST_CASE("a stray quote after a closing quote makes a bad row, named by line and column") {
  const auto t = csv::parse("name;city\nAlpha;Rabat\n\"Coop \"Atlas\" Azilal\";Azilal\nOmega;Fès\n");
  REQUIRE(t.rows.size() == 4);
  CHECK_FALSE(t.rows[1].bad());
  CHECK(t.rows[2].bad());
  CHECK(t.rows[2].bad_line == 3);
  CHECK(t.rows[2].bad_column == 1);
  CHECK_FALSE(t.rows[3].bad());  // the rows after it are read as usual
  CHECK(t.rows[3].fields == std::vector<std::string>{"Omega", "Fès"});
  // The same fault in a later column and on a later line of a multi-line record.
  const auto m = csv::parse("a,b\n1,\"x\ny\"z\n");
  CHECK(onlyRow(m).bad_column == 2);
  CHECK(onlyRow(m).bad_line == 3);
}

TEST_CASE("a quote inside an unquoted field makes a bad row") {
  const auto t = csv::parse("name,city\nCoop \"Atlas\",Azilal\n");
  CHECK(onlyRow(t).bad());
  CHECK(onlyRow(t).bad_column == 1);
}

TEST_CASE("a row with more or fewer fields than the header is a bad row, never shifted into place") {
  const auto fewer = csv::parse("a;b;c\n1;2\n");
  CHECK(onlyRow(fewer).bad());
  CHECK(onlyRow(fewer).bad_column == 3);
  CHECK(onlyRow(fewer).problem.find("2") != std::string::npos);
  const auto more = csv::parse("a;b\n1;2;3\n");
  CHECK(onlyRow(more).bad());
  CHECK(onlyRow(more).bad_column == 3);
  // Rows of empty cells (a spreadsheet's blank rows) are blank lines, whatever their count.
  CHECK(csv::parse("a;b;c\n1;2;3\n;;\n;\n").rows.size() == 2);
}

TEST_CASE("a malformed header refuses the whole file") {
  try {
    csv::parse("\"name\"x;city\nA;B\n");
    FAIL("accepted");
  } catch (const CsvError& e) {
    CHECK(e.kind() == CsvError::Kind::MalformedHeader);
    CHECK(e.line() == 1);
    CHECK(e.column() == 1);
  }
}
