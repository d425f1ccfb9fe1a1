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
  CHECK(csv::parse("\xEF\xBB\xBF" "a\n1\n").had_bom);
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
        case 0: if (!s.empty()) s[pos] = alphabet[rng() % sizeof alphabet]; break;
        case 1: s.insert(pos, 1, alphabet[rng() % sizeof alphabet]); break;
        case 2: if (!s.empty()) s.erase(pos, 1 + rng() % 4); break;
        default: s = s.substr(0, pos); break;
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
