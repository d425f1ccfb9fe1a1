// The theme: every colour of the interface has its name in ui/style, and the screens use the names. The
// sources are read the way a reviewer reads them (comments left out), and any colour written as a value
// (ImVec4/ImColor/IM_COL32 with numbers, three or four numbers given to a name, "#RRGGBB", 0xAARRGGBB) outside
// the style file fails the test with its file and line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/codes.hpp"
#include "test_support.hpp"
#include "ui/style.hpp"

using namespace moussem;
namespace fs = std::filesystem;

namespace {

// The text of a C++ source with its comments blanked (line breaks kept, so lines still count).
std::string withoutComments(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      if (i < s.size()) out += '\n';
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/')) {
        if (s[i] == '\n') out += '\n';
        ++i;
      }
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {  // a literal, copied whole ("//" inside it is no comment)
      out += c;
      for (++i; i < s.size() && s[i] != c; ++i) {
        out += s[i];
        if (s[i] == '\\' && i + 1 < s.size()) out += s[++i];
      }
      if (i < s.size()) out += c;
      continue;
    }
    out += c;
  }
  return out;
}

// The literal colours in one source text: "line: text" for each.
std::vector<std::string> literalColours(const std::string& source) {
  static const std::string num = R"([-+]?(?:\d+\.?\d*|\.\d+)f?)";
  static const std::vector<std::regex> patterns{
      std::regex(R"(\bIM_COL32\s*\()"),
      std::regex(R"(\bImColor\s*(?:\w+\s*)?[({]\s*[-+.\d])"),
      std::regex(R"(\bImVec4\s*(?:\w+\s*)?[({]\s*[-+.\d])"),
      std::regex(R"(\w\s*[({]\s*)" + num + R"(\s*,\s*)" + num + R"(\s*,\s*)" + num + R"(\s*(?:,\s*)" + num +
                 R"(\s*)?[)}])"),
      std::regex(R"re("#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?")re"),
      std::regex(R"(\b0[xX][0-9A-Fa-f]{8}\b)"),
  };
  std::vector<std::string> found;
  std::istringstream in(withoutComments(source));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    for (const auto& p : patterns)
      if (std::regex_search(line, p)) {
        found.push_back(std::to_string(n) + ": " + line);
        break;
      }
  return found;
}

}  // namespace

TEST_CASE("a colour written as a value is found, in every form a screen could write it") {
  for (const char* line : {
           "TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), text);",
           "const ImVec4 red(0.75f, 0.1f, 0.1f, 1);",
           "const ImVec4 grey(0.35f, 0.38f, 0.45f, 1), amber(0.75f, 0.45f, 0.0f, 1);",
           "ImVec4 colour{0.2f, 0.45f, 0.7f, 1.0f};",
           "dl->AddRect(a, b, IM_COL32(20, 90, 220, 255));",
           "ImU32 c = ImColor(255, 0, 0);",
           "band = colourFromHex(\"#8A6D3B\");",
           "constexpr ImU32 kInk = 0xFF342C28;",
           "const ImVec4 accent = rgba(0.1f, 0.5f, 0.2f, 1);",
       }) {
    INFO(line);
    CHECK(literalColours(line).size() == 1);
  }
  // Not colours: sizes, positions, a colour by its name, comments.
  for (const char* line : {
           "ImGui::Dummy(ImVec2(0, 6));",
           "ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);",
           "std::clamp(x, 0.0f, 1.0f);",
           "const float weights[4] = {0, 0.2f, 0.4f, 0.4f};",
           "const ImVec4 bg(kIdle.x + (full.x - kIdle.x) * fade, kIdle.y, kIdle.z, 1);",
           "f(a); // was ImVec4(0.75f, 0.1f, 0.1f, 1)",
           "/* IM_COL32(0, 0, 0, 40) */ g();",
           "const char* url = \"postgresql://h/db\"; h(ImVec2(1, 2));",
       }) {
    INFO(line);
    CHECK(literalColours(line).empty());
  }
}

TEST_CASE("no screen or widget writes a colour of its own: every colour is named in ui/style") {
  const fs::path root = test::sourceDir() / "src" / "ui";
  std::vector<std::string> found;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
    if (e.path().parent_path() == root && e.path().stem() == "style") continue;  // the one place for colours
    ++files;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& hit : literalColours(text.str()))
      found.push_back(fs::relative(e.path(), test::sourceDir()).string() + ":" + hit);
  }
  CHECK(files > 40);  // the sources were there to read
  for (const auto& f : found) UNSCOPED_INFO(f);
  CHECK(found.empty());
}

TEST_CASE("a category shows the colour its edition gives it, else the default colour of its code") {
  Category press;
  press.code = "press";
  press.color = "#00AA00";
  const std::vector<Category> edition{press};
  const ImVec4 c = ui::categoryColour(edition, "press");
  CHECK(c.x == 0.0f);
  CHECK(c.y == Approx(170 / 255.0));
  CHECK(c.z == 0.0f);
  CHECK(c.w == 1.0f);
  CHECK(ui::categoryColour(edition, "press", 0.5f).w == 0.5f);
  // A category the edition does not list (yet): its code's default, the same everywhere it shows.
  const ImVec4 d = ui::categoryColour(edition, "vip"), fromCode = ui::colourFromHex(codes::defaultCategoryColor("vip"));
  CHECK(d.x == fromCode.x);
  CHECK(d.y == fromCode.y);
  CHECK(d.z == fromCode.z);
}

TEST_CASE("a theme colour packs for draw lists as IM_COL32 would, its alpha included") {
  CHECK(ui::rgb(20, 90, 220).packed() == IM_COL32(20, 90, 220, 255));
  CHECK(ui::rgb(250, 250, 252).alpha(170 / 255.0f).packed() == IM_COL32(250, 250, 252, 170));
  CHECK(ui::theme::kPaperShadow.packed() == IM_COL32(0, 0, 0, 40));
  const ImVec4 v = ui::theme::kError;
  CHECK(v.x == 0.75f);
  CHECK(v.w == 1.0f);
}
