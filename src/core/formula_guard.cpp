#include "core/formula_guard.hpp"

namespace moussem {

namespace {

// An optional sign, digits, and at most one decimal point or comma between digits.
bool plainNumber(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if ((s[i] == '.' || s[i] == ',') && digits && !point && i + 1 < s.size()) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string neutralizeFormula(std::string_view cell) {
  if (cell.empty()) return {};
  const char c = cell.front();
  const bool risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  if (!risky || plainNumber(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

}  // namespace moussem
