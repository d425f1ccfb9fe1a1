// The catalogs and the code agree: every key the code looks up exists, and every key of the catalogs
// is used by some code (a literal key, a dynamic prefix such as "badge.progress." + stage, or the plural
// forms of a trn() key). Reads the sources the way a reviewer would: string literals outside comments.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/i18n.hpp"
#include "test_support.hpp"

using namespace moussem;
namespace fs = std::filesystem;

namespace {

struct Literal {
  std::string text;
  std::string callee;  // the identifier right before "(" that opens the call, if the literal starts it
  std::string where;
};

// String literals of one C++ file, with the function they are the first argument of.
void scanFile(const fs::path& file, std::vector<Literal>& out) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  int line = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n') ++line;
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      ++line;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/')) line += s[i++] == '\n';
      ++i;
      continue;
    }
    if (c == '\'') {  // a character literal ('"' must not open a string)
      ++i;
      while (i < s.size() && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
      continue;
    }
    if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"') {  // raw strings: skipped whole
      const std::size_t open = s.find('(', i);
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = s.find(close, open);
      for (std::size_t k = i; k < end && k < s.size(); ++k) line += s[k] == '\n';
      i = end == std::string::npos ? s.size() : end + close.size() - 1;
      continue;
    }
    if (c != '"') continue;
    std::string text;
    std::size_t j = i + 1;
    for (; j < s.size() && s[j] != '"'; ++j) {
      if (s[j] == '\\' && j + 1 < s.size()) {
        text += s[j + 1];
        ++j;
      } else {
        text += s[j];
      }
    }
    // The callee: skip spaces and one "(" backwards, then read an identifier.
    std::size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\n')) --k;
    std::string callee;
    if (k > 0 && s[k - 1] == '(') {
      std::size_t e = k - 1, b = e;
      while (b > 0 && (std::isalnum(static_cast<unsigned char>(s[b - 1])) || s[b - 1] == '_')) --b;
      callee = s.substr(b, e - b);
    }
    out.push_back({text, callee, file.filename().string() + ":" + std::to_string(line)});
    i = j;
  }
}

std::vector<Literal> sourceLiterals() {
  std::vector<Literal> all;
  for (const char* root : {"src", "tools/cli"})
    for (const auto& e : fs::recursive_directory_iterator(test::sourceDir() / root))
      if (e.is_regular_file() && (e.path().extension() == ".cpp" || e.path().extension() == ".hpp"))
        scanFile(e.path(), all);
  return all;
}

bool isKeyLike(const std::string& s) {
  if (s.size() < 3 || s.find('.') == std::string::npos || s.front() == '.') return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' ||
          c == '.' || c == '-'))
      return false;
  return true;
}

}  // namespace

TEST_CASE("every key the code looks up is in the catalogs, and every catalog key is used by the code") {
  const std::vector<std::string> keys = i18n::keys("fr");
  const std::set<std::string> catalog(keys.begin(), keys.end());
  const std::vector<Literal> literals = sourceLiterals();
  REQUIRE(literals.size() > 1000);  // the scan found the sources

  std::set<std::string> exact, prefixes, plurals;
  for (const Literal& l : literals) {
    if (!isKeyLike(l.text) && !(l.text.size() > 1 && l.text.back() == '.' && isKeyLike(l.text + "x"))) continue;
    const bool lookup = l.callee == "tr" || l.callee == "L" || l.callee == "trn";
    if (l.text.back() == '.') {
      prefixes.insert(l.text);
      continue;
    }
    exact.insert(l.text);
    if (l.callee == "trn") plurals.insert(l.text);
    if (lookup) {
      INFO(l.where << ": " << l.callee << "(\"" << l.text << "\")");
      if (l.callee == "trn")
        CHECK(catalog.count(l.text + ".other") == 1);
      else
        CHECK(catalog.count(l.text) == 1);
    }
  }
  for (const std::string& key : catalog) {
    bool used = exact.count(key) > 0;
    for (const std::string& p : prefixes) used = used || key.rfind(p, 0) == 0;
    const auto dot = key.rfind('.');
    if (dot != std::string::npos) used = used || plurals.count(key.substr(0, dot)) > 0;
    INFO("catalog key no code uses: " << key);
    CHECK(used);
  }
}
