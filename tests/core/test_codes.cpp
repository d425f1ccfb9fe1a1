#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/b2b_records.hpp"
#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "test_support.hpp"

using namespace moussem;
namespace fs = std::filesystem;

TEST_CASE("the code lists of the product contract are complete") {
  CHECK(codes::regions().size() == 12);
  CHECK(codes::sectors().size() == 10);
  CHECK(codes::categories().size() == 11);
  CHECK(codes::contains(codes::kinds(), "cooperative"));
  CHECK_FALSE(codes::contains(codes::kinds(), "Coopérative"));
  CHECK(codes::contains(codeList<ScanReason>(), "already_used_today"));
  CHECK(codes::contains(codeList<ReentryPolicy>(), "once-per-day"));
}

TEST_CASE("every category has a distinct default colour") {
  std::set<std::string_view> colours;
  for (auto c : codes::categories()) {
    auto colour = codes::defaultCategoryColor(c);
    CHECK(colour.size() == 7);
    CHECK(colour[0] == '#');
    colours.insert(colour);
  }
  CHECK(colours.size() == codes::categories().size());
}

namespace {

// Every enum family, in one list: the tests below run over all of them.
template <class... E>
struct Families {
  template <class F>
  static void each(F&& f) {
    (f.template operator()<E>(), ...);
  }
};
using AllFamilies =
    Families<BoothStatus, BoothType, VenueFeatureKind, BadgeStatus, BadgeAction, ScanVerdict, ScanReason, Direction,
             ReentryPolicy, PresenceReset, Role, B2bPlaceKind, B2bSide, MeetingStatus>;

}  // namespace

TEST_CASE("every value of a code family has exactly one code and reads back from it") {
  std::set<std::string_view> families;
  AllFamilies::each([&]<class E>() {
    INFO(familyName<E>());
    CHECK(families.insert(familyName<E>()).second);
    std::set<std::string_view> seen;
    for (E value : allValues<E>()) {
      const std::string_view code = codeOf(value);
      CHECK_FALSE(code.empty());
      CHECK(seen.insert(code).second);  // no two values share a code
      CHECK(fromCode<E>(code) == value);
      CHECK(parseCode<E>(code, "test") == value);
      nlohmann::json j = value;
      CHECK(j == std::string(code));  // JSON: the code, never an integer
      CHECK(j.get<E>() == value);
    }
    CHECK(seen.size() == codeList<E>().size());
    // Codes are exact: no other case, no spaces, no empty code.
    for (std::string_view bad : {"", " ", "bogus"}) CHECK_FALSE(fromCode<E>(bad));
    const std::string upper = [&] {
      std::string s(codeList<E>()[0]);
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return s;
    }();
    CHECK_FALSE(fromCode<E>(upper));
  });
  CHECK(codeOf(BoothStatus::Free) == "free");
  CHECK(codeOf(ReentryPolicy::OncePerDay) == "once-per-day");
  CHECK(codeOf(ScanReason::AlreadyUsedToday) == "already_used_today");
  CHECK(codeOf(B2bSide::Seller) == "seller");
  CHECK(sideFromCode("buyer") == B2bSide::Buyer);  // the B2B names stay as thin wrappers
}

TEST_CASE("an unknown code is refused naming the family, the code, where it came from and the known codes") {
  i18n::setLanguage("en");
  try {
    (void)parseCode<BoothStatus>("reserved", "plan.json line 12");
    FAIL("an unknown code was read");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Invalid);
    const std::string m = e.what();
    CHECK(m.find("booth_status") != std::string::npos);
    CHECK(m.find("reserved") != std::string::npos);
    CHECK(m.find("plan.json line 12") != std::string::npos);
    CHECK(m.find("free, hold, assigned, confirmed, blocked") != std::string::npos);
  }
  CHECK_THROWS_AS(nlohmann::json("sideways").get<Direction>(), Error);
  CHECK_THROWS_AS(nlohmann::json(1).get<Direction>(), nlohmann::json::exception);  // never an integer
  i18n::setLanguage("fr");
}

TEST_CASE("every code of an enum family has a label in French, Arabic and English") {
  AllFamilies::each([&]<class E>() {
    for (std::string_view code : codeList<E>())
      for (const char* lang : {"fr", "ar", "en"}) {
        const std::string key = "code." + std::string(familyName<E>()) + "." + std::string(code);
        INFO(key << " in " << lang);
        CHECK(i18n::hasKey(lang, key));
      }
  });
  i18n::setLanguage("en");
  CHECK(codeLabel(Role::Organizer) == "organiser");
  CHECK(codeLabel(BadgeStatus::Revoked) == "revoked");
  i18n::setLanguage("fr");
}

namespace {

// Comparisons of a string with a code literal ("x == \"free\"", "\"out\" != y") in C++ text, comments
// left out.
std::vector<std::pair<int, std::string>> codeComparisons(const std::string& text, const std::set<std::string>& codes) {
  std::vector<std::pair<int, std::string>> out;
  std::istringstream in(text);
  std::string line;
  auto isComparison = [&](std::size_t at) {
    return at + 1 < line.size() && (line[at] == '=' || line[at] == '!') && line[at + 1] == '=';
  };
  for (int n = 1; std::getline(in, line); ++n) {
    if (const auto comment = line.find("//"); comment != std::string::npos) line.erase(comment);
    // Each string literal of the line, with what stands right before and after it.
    for (std::size_t open = line.find('"'); open != std::string::npos;) {
      std::size_t close = open + 1;
      while (close < line.size() && line[close] != '"') close += line[close] == '\\' ? 2 : 1;
      if (close >= line.size()) break;
      const std::string literal = line.substr(open + 1, close - open - 1);
      std::size_t before = open;
      while (before > 0 && line[before - 1] == ' ') --before;
      std::size_t after = close + 1;
      while (after < line.size() && line[after] == ' ') ++after;
      if (codes.count(literal) && ((before >= 2 && isComparison(before - 2)) || isComparison(after)))
        out.emplace_back(n, literal);
      open = line.find('"', close + 1);
    }
  }
  return out;
}

std::set<std::string> enumCodes() {
  std::set<std::string> all;
  AllFamilies::each([&]<class E>() {
    for (std::string_view code : codeList<E>()) all.emplace(code);
  });
  return all;
}

}  // namespace

TEST_CASE("the scan finds a string compared with a code") {
  const std::set<std::string> codes = enumCodes();
  CHECK(codeComparisons("if (b.status == \"free\") {}", codes).size() == 1);
  CHECK(codeComparisons("bool x = \"out\" != direction;", codes).size() == 1);
  CHECK(codeComparisons("if (name == \"Hall A\") {}", codes).empty());
  CHECK(codeComparisons("// status == \"free\" in a comment", codes).empty());
  CHECK(codeComparisons("b.status = BoothStatus::Free;", codes).empty());
}

TEST_CASE("no string is compared with a code of an enum family outside the code tables") {
  // Strings that happen to spell a code but are none: SQLite's integrity_check answer and a bench
  // scenario's name.
  const std::set<std::pair<std::string, std::string>> notCodes{{"backup.cpp", "ok"}, {"cmd_bench.cpp", "gate"}};
  const std::set<std::string> codes = enumCodes();
  std::size_t files = 0;
  for (const char* root : {"src", "tools/cli"})
    for (const auto& e : fs::recursive_directory_iterator(test::sourceDir() / root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      if (e.path().parent_path().filename() == "core" && e.path().stem() == "codes") continue;
      std::ifstream in(e.path());
      std::stringstream text;
      text << in.rdbuf();
      ++files;
      for (const auto& [line, code] : codeComparisons(text.str(), codes)) {
        if (notCodes.count({e.path().filename().string(), code})) continue;
        INFO(e.path().lexically_relative(test::sourceDir()).string()
             << ":" << line << " compares a string with \"" << code << "\": use the enum");
        CHECK(false);
      }
    }
  CHECK(files > 100);  // the scan found the sources
}
