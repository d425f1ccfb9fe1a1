// LP file reading, the restricted LP, CBC's solution file and the certificate (see lp_model.hpp).
#include "lp_model.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <limits>
#include <ostream>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "booth/lap.hpp"

namespace moussem::lpbound {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Keywords and names like "inf" or "free" are case-insensitive.
std::string lowered(std::string_view s) {
  std::string w(s);
  for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return w;
}

std::string lineMessage(long line, const std::string& what) {
  return "line " + std::to_string(line) + ": " + what;
}

enum class Section { None, Objective, Constraints, Bounds, Binary, General, End };

// Tokens of the LP format; a section keyword counts only at the start of a line.
struct Token {
  enum Kind { Eof, SectionStart, Name, Number, Sign, Op, Colon } kind = Eof;
  std::string_view text;
  double number = 0;
  Section section = Section::None;
  bool maximize = false;
  long line = 1;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  Token next() {
    skipBlank();
    Token t;
    t.line = line_;
    if (pos_ >= s_.size()) return t;
    if (atLineStart_) {
      atLineStart_ = false;
      if (auto k = keyword(t)) return *k;
    }
    const char c = s_[pos_];
    if (c == '+' || c == '-') {
      t.kind = Token::Sign;
      t.text = s_.substr(pos_++, 1);
      return t;
    }
    if (c == ':') {
      t.kind = Token::Colon;
      ++pos_;
      return t;
    }
    if (c == '<' || c == '>' || c == '=') {
      std::size_t n = 1;
      if (pos_ + 1 < s_.size() && (s_[pos_ + 1] == '=' || s_[pos_ + 1] == '<' || s_[pos_ + 1] == '>')) n = 2;
      t.kind = Token::Op;
      t.text = s_.substr(pos_, n);
      pos_ += n;
      if (t.text == "=<") t.text = "<=";
      if (t.text == "=>") t.text = ">=";
      if (t.text == "<") t.text = "<=";
      if (t.text == ">") t.text = ">=";
      if (t.text != "<=" && t.text != ">=" && t.text != "=") throw LpError(line_, "unknown operator");
      return t;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      const char* begin = s_.data() + pos_;
      char* end = nullptr;
      t.number = std::strtod(begin, &end);
      if (end == begin) throw LpError(line_, "malformed number");
      t.kind = Token::Number;
      t.text = s_.substr(pos_, static_cast<std::size_t>(end - begin));
      pos_ += static_cast<std::size_t>(end - begin);
      if (pos_ < s_.size() && nameChar(s_[pos_])) throw LpError(line_, "malformed number");
      return t;
    }
    if (!nameChar(c)) throw LpError(line_, std::string("unexpected character '") + c + "'");
    const std::size_t begin = pos_;
    while (pos_ < s_.size() && nameChar(s_[pos_])) ++pos_;
    t.kind = Token::Name;
    t.text = s_.substr(begin, pos_ - begin);
    if (t.text.size() > 255) throw LpError(line_, "name longer than 255 characters");
    return t;
  }

 private:
  static bool nameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("_.[]()!\"#$%&/,;?@`'{}|~").find(c) != std::string_view::npos;
  }

  void skipBlank() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\n') {
        ++line_;
        ++pos_;
        atLineStart_ = true;
      } else if (c == '\\') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }

  // A section keyword: a whole word (or "subject to" / "such that") not followed by ':'.
  std::optional<Token> keyword(Token t) {
    std::size_t end = pos_;
    while (end < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[end])) || s_[end] == '.')) ++end;
    std::string word = lowered(s_.substr(pos_, end - pos_));
    std::size_t after = end;
    if (word == "subject" || word == "such") {
      std::size_t p = end;
      while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
      std::size_t q = p;
      while (q < s_.size() && std::isalpha(static_cast<unsigned char>(s_[q]))) ++q;
      const std::string second = lowered(s_.substr(p, q - p));
      if ((word == "subject" && second == "to") || (word == "such" && second == "that")) {
        word = "st";
        after = q;
      }
    }
    std::size_t p = after;
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
    if (p < s_.size() && s_[p] == ':') return std::nullopt;
    if (after < s_.size() && !std::isspace(static_cast<unsigned char>(s_[after]))) return std::nullopt;
    static const std::pair<const char*, Section> words[] = {{"maximize", Section::Objective},
                                                            {"maximise", Section::Objective},
                                                            {"maximum", Section::Objective},
                                                            {"max", Section::Objective},
                                                            {"minimize", Section::Objective},
                                                            {"minimise", Section::Objective},
                                                            {"minimum", Section::Objective},
                                                            {"min", Section::Objective},
                                                            {"st", Section::Constraints},
                                                            {"s.t.", Section::Constraints},
                                                            {"bounds", Section::Bounds},
                                                            {"bound", Section::Bounds},
                                                            {"binary", Section::Binary},
                                                            {"binaries", Section::Binary},
                                                            {"bin", Section::Binary},
                                                            {"general", Section::General},
                                                            {"generals", Section::General},
                                                            {"gen", Section::General},
                                                            {"end", Section::End}};
    for (const auto& [w, section] : words)
      if (word == w) {
        t.kind = Token::SectionStart;
        t.section = section;
        t.maximize = word.rfind("max", 0) == 0;
        pos_ = after;
        return t;
      }
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  long line_ = 1;
  bool atLineStart_ = true;
};

class Reader {
 public:
  explicit Reader(std::string_view text) : lex_(text) { tok_ = lex_.next(); }

  LpModel read() {
    if (tok_.kind != Token::SectionStart || tok_.section != Section::Objective)
      throw LpError(tok_.line, "expected Maximize at the start");
    if (!tok_.maximize) throw LpError(tok_.line, "only maximisation models are supported");
    m_.maximize = true;
    advance();
    if (tok_.kind == Token::Name && peekColon()) {
      advance();
      advance();
    }
    for (auto [col, coef] : expression()) m_.cost[col] += coef;
    bool ended = false;
    while (!ended) {
      if (tok_.kind == Token::Eof) throw LpError(tok_.line, "the file ends without End (truncated?)");
      if (tok_.kind != Token::SectionStart) throw LpError(tok_.line, "expected a section");
      const Section section = tok_.section;
      const long line = tok_.line;
      advance();
      switch (section) {
        case Section::Constraints:
          while (tok_.kind != Token::SectionStart && tok_.kind != Token::Eof) constraint();
          break;
        case Section::Bounds:
          while (tok_.kind != Token::SectionStart && tok_.kind != Token::Eof) bound();
          break;
        case Section::Binary:
        case Section::General:
          while (tok_.kind == Token::Name) {
            const int col = column(tok_.text);
            if (section == Section::Binary) {
              m_.lower[col] = std::max(m_.lower[col], 0.0);
              m_.upper[col] = std::min(m_.upper[col], 1.0);
            }
            advance();
          }
          if (tok_.kind != Token::SectionStart && tok_.kind != Token::Eof)
            throw LpError(tok_.line, "expected a variable name");
          break;
        case Section::End:
          ended = true;
          break;
        default:
          throw LpError(line, "unexpected section");
      }
    }
    m_.rowStart.push_back(m_.termColumn.size());
    for (std::size_t j = 0; j < m_.columns(); ++j)
      if (m_.lower[j] > m_.upper[j]) throw LpError(0, "variable " + m_.columnNames[j] + " has empty bounds");
    findGroups();
    return std::move(m_);
  }

 private:
  void advance() { tok_ = lex_.next(); }

  // Is the current name a label (followed by ':')? Looks ahead without consuming.
  bool peekColon() {
    Lexer copy = lex_;
    return copy.next().kind == Token::Colon;
  }

  int column(std::string_view name) {
    auto [it, inserted] = index_.try_emplace(std::string(name), static_cast<int>(m_.columnNames.size()));
    if (inserted) {
      m_.columnNames.emplace_back(name);
      m_.cost.push_back(0);
      m_.lower.push_back(0);
      m_.upper.push_back(kInf);
    }
    return it->second;
  }

  // [sign] [number] name, repeated; stops at an operator, a section or the end.
  std::vector<std::pair<int, double>> expression() {
    std::vector<std::pair<int, double>> terms;
    while (tok_.kind == Token::Sign || tok_.kind == Token::Number || tok_.kind == Token::Name) {
      if (tok_.kind == Token::Name && peekColon()) break;  // the next row's label
      double sign = 1;
      while (tok_.kind == Token::Sign) {
        if (tok_.text == "-") sign = -sign;
        advance();
      }
      double coef = 1;
      long line = tok_.line;
      if (tok_.kind == Token::Number) {
        coef = tok_.number;
        line = tok_.line;
        advance();
      }
      if (tok_.kind != Token::Name) throw LpError(line, "expected a variable name");
      terms.emplace_back(column(tok_.text), sign * coef);
      advance();
    }
    return terms;
  }

  double signedNumber(bool allowInfinity) {
    double sign = 1;
    while (tok_.kind == Token::Sign) {
      if (tok_.text == "-") sign = -sign;
      advance();
    }
    if (tok_.kind == Token::Number) {
      const double v = tok_.number;
      advance();
      return sign * v;
    }
    if (allowInfinity && tok_.kind == Token::Name && isInfinity(tok_.text)) {
      advance();
      return sign * kInf;
    }
    throw LpError(tok_.line, "expected a number");
  }

  static bool isInfinity(std::string_view s) {
    const std::string w = lowered(s);
    return w == "inf" || w == "infinity";
  }

  void constraint() {
    const long line = tok_.line;
    std::string name;
    if (tok_.kind == Token::Name && peekColon()) {
      name = std::string(tok_.text);
      advance();
      advance();
    } else {
      name = "R" + std::to_string(m_.rows() + 1);
    }
    auto terms = expression();
    if (terms.empty()) throw LpError(line, "row " + name + " has no variable");
    if (tok_.kind != Token::Op) throw LpError(tok_.line, "row " + name + ": expected <=, >= or =");
    const char sense = tok_.text == "<=" ? 'L' : tok_.text == ">=" ? 'G' : 'E';
    advance();
    const double rhs = signedNumber(false);
    std::sort(terms.begin(), terms.end());
    m_.rowNames.push_back(std::move(name));
    m_.sense.push_back(sense);
    m_.rhs.push_back(rhs);
    m_.rowStart.push_back(m_.termColumn.size());
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i > 0 && terms[i].first == terms[i - 1].first) {
        m_.termCoefficient.back() += terms[i].second;
        continue;
      }
      m_.termColumn.push_back(terms[i].first);
      m_.termCoefficient.push_back(terms[i].second);
    }
  }

  void bound() {
    const long line = tok_.line;
    if (tok_.kind == Token::Name && !isInfinity(tok_.text)) {
      const int col = column(tok_.text);
      advance();
      if (tok_.kind == Token::Name && lowered(tok_.text) == "free") {
        m_.lower[col] = -kInf;
        m_.upper[col] = kInf;
        advance();
        return;
      }
      if (tok_.kind != Token::Op) throw LpError(line, "expected <=, >=, = or free after a variable in Bounds");
      const std::string op(tok_.text);
      advance();
      const double v = signedNumber(true);
      if (op == "<=")
        m_.upper[col] = v;
      else if (op == ">=")
        m_.lower[col] = v;
      else
        m_.lower[col] = m_.upper[col] = v;
      return;
    }
    const double first = signedNumber(true);
    if (tok_.kind != Token::Op) throw LpError(line, "expected an operator in Bounds");
    const std::string op1(tok_.text);
    advance();
    if (tok_.kind != Token::Name) throw LpError(line, "expected a variable in Bounds");
    const int col = column(tok_.text);
    advance();
    auto apply = [&](const std::string& op, double v, bool numberOnLeft) {
      if (op == "=")
        m_.lower[col] = m_.upper[col] = v;
      else if ((op == "<=") == numberOnLeft)
        m_.lower[col] = v;
      else
        m_.upper[col] = v;
    };
    apply(op1, first, true);
    if (tok_.kind == Token::Op) {
      const std::string op2(tok_.text);
      advance();
      apply(op2, signedNumber(true), false);
    }
  }

  // The groups: disjoint rows  sum x <= 1  (coefficients 1, columns with lower bound 0), first come
  // first kept; then the second family, the same among the other rows.
  void findGroups() {
    packingRows({}, m_.groupRows, m_.groupOf);
    std::vector<char> isGroupRow(m_.rows(), 0);
    for (int r : m_.groupRows) isGroupRow[r] = 1;
    packingRows(isGroupRow, m_.familyRows, m_.familyOf);
  }

  void packingRows(const std::vector<char>& skip, std::vector<int>& rows, std::vector<int>& of) {
    of.assign(m_.columns(), -1);
    for (std::size_t r = 0; r < m_.rows(); ++r) {
      if ((!skip.empty() && skip[r]) || m_.sense[r] != 'L' || m_.rhs[r] != 1.0) continue;
      bool ok = true;
      for (std::size_t t = m_.rowStart[r]; t < m_.rowStart[r + 1] && ok; ++t) {
        const int j = m_.termColumn[t];
        ok = m_.termCoefficient[t] == 1.0 && m_.lower[j] == 0.0 && of[j] < 0;
      }
      if (!ok) continue;
      const int k = static_cast<int>(rows.size());
      rows.push_back(static_cast<int>(r));
      for (std::size_t t = m_.rowStart[r]; t < m_.rowStart[r + 1]; ++t) of[m_.termColumn[t]] = k;
    }
  }

  Lexer lex_;
  Token tok_;
  LpModel m_;
  std::unordered_map<std::string, int> index_;
};

std::string number(double v) {
  if (v == kInf) return "inf";
  if (v == -kInf) return "-inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

LpError::LpError(long line, const std::string& what) : std::runtime_error(lineMessage(line, what)), line_(line) {}

LpModel readLp(std::istream& in) {
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Reader(text).read();
}

namespace {

// The multipliers' part of a Lagrangian: y.b over the rows not kept (multipliers of the wrong sign taken
// as zero), and the reduced costs c - A^T y over those rows.
double multiplied(const LpModel& m, const std::vector<double>& rowDual, const std::vector<int>& keptRows,
                  std::vector<double>& rc) {
  rc = m.cost;
  std::vector<char> kept(m.rows(), 0);
  for (int r : keptRows) kept[r] = 1;
  double value = 0;
  for (std::size_t r = 0; r < m.rows(); ++r) {
    if (kept[r] || r >= rowDual.size()) continue;
    double y = rowDual[r];
    if (m.sense[r] == 'L') y = std::max(y, 0.0);
    if (m.sense[r] == 'G') y = std::min(y, 0.0);
    if (y == 0 || !std::isfinite(y)) continue;
    value += y * m.rhs[r];
    for (std::size_t t = m.rowStart[r]; t < m.rowStart[r + 1]; ++t) rc[m.termColumn[t]] -= m.termCoefficient[t] * y;
  }
  return value;
}

// The best of a column on its own within its bounds.
double alone(const LpModel& m, std::size_t j, double rc) {
  if (rc > 0) return m.upper[j] == kInf ? kInf : rc * m.upper[j];
  if (rc < 0) return m.lower[j] == -kInf ? kInf : rc * m.lower[j];
  return 0;
}

}  // namespace

double lagrangianBound(const LpModel& m, const std::vector<double>& rowDual, std::vector<double>* reducedCosts) {
  std::vector<double> rc;
  double value = multiplied(m, rowDual, m.groupRows, rc);
  // Each group: the best x with sum <= 1 and 0 <= x_j <= min(upper_j, 1): the largest reduced costs first.
  std::vector<std::vector<std::pair<double, double>>> positive(m.groupRows.size());
  for (std::size_t j = 0; j < m.columns(); ++j) {
    const int g = m.groupOf[j];
    if (g >= 0) {
      if (rc[j] > 0 && m.upper[j] > 0) positive[g].emplace_back(rc[j], std::min(m.upper[j], 1.0));
      continue;
    }
    value += alone(m, j, rc[j]);
  }
  for (auto& p : positive) {
    std::sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    double room = 1;
    for (const auto& [gain, cap] : p) {
      const double take = std::min(room, cap);
      value += gain * take;
      room -= take;
      if (room <= 0) break;
    }
  }
  if (reducedCosts) *reducedCosts = std::move(rc);
  return value;
}

double matchingBound(const LpModel& m, const std::vector<double>& rowDual) {
  std::vector<int> keptRows(m.groupRows);
  keptRows.insert(keptRows.end(), m.familyRows.begin(), m.familyRows.end());
  std::vector<double> rc;
  double value = multiplied(m, rowDual, keptRows, rc);
  // Matching sides: the groups, then one row of its own per family column outside them; the family
  // rows, then one column of its own per group column outside them.
  const int groups = static_cast<int>(m.groupRows.size()), families = static_cast<int>(m.familyRows.size());
  int rows = groups, cols = families;
  double largest = 0;
  struct Edge {
    int row, col;
    double weight;
  };
  std::vector<Edge> edges;
  for (std::size_t j = 0; j < m.columns(); ++j) {
    const int g = m.groupOf[j], f = m.familyOf[j];
    if (g < 0 && f < 0) {
      value += alone(m, j, rc[j]);
      continue;
    }
    if (m.upper[j] < 1) return lagrangianBound(m, rowDual);
    if (rc[j] <= 0) continue;
    edges.push_back({g >= 0 ? g : rows++, f >= 0 ? f : cols++, rc[j]});
    largest = std::max(largest, rc[j]);
  }
  if (!std::isfinite(value)) return value;
  // Integer weights rounded up (the matching's value can only grow: still a bound), at most 10^9.
  const double scale = largest > 0 ? std::min(1e6, 1e9 / largest) : 1.0;
  std::vector<std::vector<booth::Arc>> arcs(static_cast<std::size_t>(rows));
  for (const auto& e : edges) arcs[e.row].push_back({e.col, -static_cast<std::int32_t>(std::ceil(e.weight * scale))});
  const auto match = booth::solveSparseAssignment(rows, cols, arcs);
  double matched = 0;
  for (int r = 0; r < rows; ++r) {
    if (match[r] < 0) continue;
    for (const auto& a : arcs[r])
      if (a.col == match[r]) {
        matched -= a.cost;
        break;
      }
  }
  return value + matched / scale;
}

std::vector<int> writeRestrictedLp(const LpModel& m, const std::vector<char>& active, std::ostream& out) {
  std::vector<int> written;
  std::vector<char> used(m.columns(), 0);
  std::ostringstream rows;
  for (std::size_t r = 0; r < m.rows(); ++r) {
    double most = 0, least = 0;
    int terms = 0;
    for (std::size_t t = m.rowStart[r]; t < m.rowStart[r + 1]; ++t) {
      const int j = m.termColumn[t];
      if (!active[j]) continue;
      ++terms;
      const double a = m.termCoefficient[t];
      most += a > 0 ? a * m.upper[j] : a * m.lower[j];
      least += a > 0 ? a * m.lower[j] : a * m.upper[j];
    }
    if (terms == 0) continue;
    if (m.sense[r] == 'L' && most <= m.rhs[r]) continue;  // never binds
    if (m.sense[r] == 'G' && least >= m.rhs[r]) continue;
    written.push_back(static_cast<int>(r));
    rows << ' ' << m.rowNames[r] << ':';
    int n = 0;
    for (std::size_t t = m.rowStart[r]; t < m.rowStart[r + 1]; ++t) {
      const int j = m.termColumn[t];
      if (!active[j]) continue;
      used[j] = 1;
      const double a = m.termCoefficient[t];
      rows << (a < 0 ? " - " : " + ") << number(std::abs(a)) << ' ' << m.columnNames[j];
      if (++n % 8 == 0) rows << "\n ";
    }
    rows << (m.sense[r] == 'L' ? " <= " : m.sense[r] == 'G' ? " >= " : " = ") << number(m.rhs[r]) << '\n';
  }
  out << "\\ Restricted LP relaxation: " << written.size() << " rows\nMaximize\n obj:";
  int n = 0;
  for (std::size_t j = 0; j < m.columns(); ++j) {
    if (!active[j] || m.cost[j] == 0) continue;
    used[j] = 1;
    out << (m.cost[j] < 0 ? " - " : " + ") << number(std::abs(m.cost[j])) << ' ' << m.columnNames[j];
    if (++n % 8 == 0) out << "\n ";
  }
  if (n == 0) {
    for (std::size_t j = 0; j < m.columns() && n == 0; ++j)
      if (used[j]) {
        out << " 0 " << m.columnNames[j];
        n = 1;
      }
  }
  out << "\nSubject To\n" << rows.str() << "Bounds\n";
  for (std::size_t j = 0; j < m.columns(); ++j) {
    if (!used[j]) continue;
    if (m.lower[j] == -kInf && m.upper[j] == kInf)
      out << ' ' << m.columnNames[j] << " free\n";
    else if (m.lower[j] != 0 || m.upper[j] != kInf)
      out << ' ' << number(m.lower[j]) << " <= " << m.columnNames[j] << " <= " << number(m.upper[j]) << '\n';
  }
  out << "End\n";
  return written;
}

RestrictedSolution readCbcSolution(std::istream& in, std::size_t rows) {
  RestrictedSolution s;
  std::string line;
  if (!std::getline(in, line)) throw LpError(1, "empty solution file");
  s.optimal = line.rfind("Optimal", 0) == 0;
  if (const auto at = line.find("objective value"); at != std::string::npos) {
    const std::string rest = line.substr(at + 15);
    char* end = nullptr;
    const double v = std::strtod(rest.c_str(), &end);
    if (end != rest.c_str()) s.objective = v;
  }
  s.rowDual.assign(rows, 0.0);
  for (std::size_t i = 0; i < rows; ++i) {
    if (!std::getline(in, line)) throw LpError(static_cast<long>(i + 2), "the solution stops before its rows end");
    std::istringstream fields(line);
    std::string first, name;
    fields >> first;
    if (first == "**") fields >> first;
    double activity = 0, dual = 0;
    if (!(fields >> name >> activity >> dual) || first != std::to_string(i))
      throw LpError(static_cast<long>(i + 2), "malformed row line in the solution");
    s.rowDual[i] = dual;
  }
  return s;
}

ColumnGenerationResult columnGeneration(const LpModel& m, const ColumnGenerationOptions& o,
                                        const std::string& workDirectory, const RestrictedSolver& solve,
                                        const std::function<void(const Round&)>& progress) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<int>> members(m.groupRows.size());
  for (std::size_t j = 0; j < m.columns(); ++j)
    if (m.groupOf[j] >= 0) members[m.groupOf[j]].push_back(static_cast<int>(j));
  // The first round: every column outside the groups, and the best few by objective coefficient of
  // each group and of each row of a second disjoint family of set-packing rows across them (one booth,
  // its best exhibitors), so that the restricted LP can already fill every booth.
  std::vector<char> active(m.columns(), 0);
  for (std::size_t j = 0; j < m.columns(); ++j) active[j] = m.groupOf[j] < 0;
  std::vector<int> packing(m.groupRows);
  packing.insert(packing.end(), m.familyRows.begin(), m.familyRows.end());
  for (int r : packing) {
    std::vector<int> cols(m.termColumn.begin() + static_cast<long>(m.rowStart[r]),
                          m.termColumn.begin() + static_cast<long>(m.rowStart[r + 1]));
    const std::size_t take = std::min(cols.size(), static_cast<std::size_t>(std::max(o.startColumns, 0)));
    std::partial_sort(cols.begin(), cols.begin() + static_cast<long>(take), cols.end(),
                      [&](int a, int b) { return m.cost[a] > m.cost[b] || (m.cost[a] == m.cost[b] && a < b); });
    for (std::size_t i = 0; i < take; ++i) active[cols[i]] = 1;
  }
  if (!o.startWith.empty()) {
    std::unordered_map<std::string_view, int> index;
    for (std::size_t j = 0; j < m.columns(); ++j) index.emplace(m.columnNames[j], static_cast<int>(j));
    for (const auto& name : o.startWith)
      if (auto it = index.find(name); it != index.end()) active[it->second] = 1;
  }
  // And a greedy matching over both families, best coefficient first: every group gets a column of its
  // own when there is one, so the first restricted LP places nearly everyone instead of sharing out the
  // few columns everyone ranks first.
  {
    std::vector<int> order;
    for (std::size_t j = 0; j < m.columns(); ++j)
      if (m.groupOf[j] >= 0) order.push_back(static_cast<int>(j));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return m.cost[a] > m.cost[b]; });
    std::vector<char> groupUsed(m.groupRows.size(), 0), familyUsed(m.familyRows.size(), 0);
    for (int j : order) {
      if (m.cost[j] <= 0) break;
      const int g = m.groupOf[j], f = m.familyOf[j];
      if (groupUsed[g] || (f >= 0 && familyUsed[f])) continue;
      groupUsed[g] = 1;
      if (f >= 0) familyUsed[f] = 1;
      active[j] = 1;
    }
  }
  ColumnGenerationResult result;
  std::vector<double> dual(m.rows()), rc;
  for (int round = 1; round <= o.maxRounds; ++round) {
    Round info;
    info.round = round;
    const std::string path = (std::filesystem::path(workDirectory) / "restricted.lp").string();
    std::vector<int> written;
    {
      std::ofstream f(path);
      written = writeRestrictedLp(m, active, f);
      f.flush();
      if (!f) throw std::runtime_error("cannot write " + path);
    }
    info.writtenRows = written.size();
    info.activeColumns = static_cast<std::size_t>(std::count(active.begin(), active.end(), 1));
    const auto t0 = std::chrono::steady_clock::now();
    RestrictedSolution s;
    try {
      s = solve(path, written.size());
    } catch (const std::exception& e) {
      std::filesystem::remove(path);
      result.stopped = e.what();
      break;
    }
    info.solverSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::filesystem::remove(path);
    info.restricted = s.objective;
    std::fill(dual.begin(), dual.end(), 0.0);
    for (std::size_t i = 0; i < written.size() && i < s.rowDual.size(); ++i) dual[written[i]] = s.rowDual[i];
    const double bound = std::min(lagrangianBound(m, dual, &rc), matchingBound(m, dual));
    if (std::isfinite(bound)) {
      info.bound = bound;
      if (!result.bound || bound < *result.bound) result.bound = bound;
    }
    if (s.optimal) result.restricted = s.objective;
    // Pricing: per group, the inactive columns whose reduced cost beats the group row's dual.
    for (std::size_t g = 0; g < members.size(); ++g) {
      const double yg = std::max(dual[m.groupRows[g]], 0.0);
      std::vector<std::pair<double, int>> candidates;
      for (int j : members[g])
        if (!active[j] && rc[j] - yg > o.tolerance * (1 + std::abs(m.cost[j]))) candidates.emplace_back(rc[j], j);
      const std::size_t take = std::min(candidates.size(), static_cast<std::size_t>(o.addColumns));
      std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(take), candidates.end(),
                        [](const auto& a, const auto& b) {
                          return a.first > b.first || (a.first == b.first && a.second < b.second);
                        });
      for (std::size_t i = 0; i < take; ++i) active[candidates[i].second] = 1;
      info.added += take;
    }
    result.rounds.push_back(info);
    if (progress) progress(info);
    const bool close =
        s.optimal && s.objective && result.bound && *result.bound - *s.objective <= o.gap * std::abs(*result.bound);
    if (s.optimal && (info.added == 0 || close)) {
      result.converged = true;
      break;
    }
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >= o.seconds) break;
  }
  return result;
}

RestrictedSolution solveWithCbc(const std::string& path, std::size_t rows, double seconds) {
  const std::string solution = path + ".sol", log = path + ".log", basis = path + ".bas";
  std::filesystem::remove(solution);
  // Warm start from the last round's basis: its columns and rows are all still there, the new columns
  // start at zero and the new rows with their slack basic, so the basis stays primal feasible.
  const bool warm = std::filesystem::exists(basis);
  const std::string command =
      "timeout " + std::to_string(static_cast<long>(std::ceil(seconds))) + " cbc '" + path + "' " +
      (warm ? "-presolve off -basisI '" + basis + "' -primalSimplex" : std::string("-dualSimplex")) + " -basisO '" +
      basis + "' -printingOptions all -solu '" + solution + "' > '" + log + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(solution);
  if (!in) {
    std::ifstream logIn(log);
    std::string text((std::istreambuf_iterator<char>(logIn)), std::istreambuf_iterator<char>());
    throw std::runtime_error("cbc gave no solution (status " + std::to_string(status) + "): " + text.substr(0, 2000));
  }
  RestrictedSolution s = readCbcSolution(in, rows);
  std::filesystem::remove(solution);
  std::filesystem::remove(log);
  return s;
}

}  // namespace moussem::lpbound
