// Every human message of moussem-cli follows --lang: a set of commands (successes, refusals, usage
// errors, files written) run in English and in Arabic, and their output holds no catalog key left
// untranslated and no French sentence of the catalogs; the files they write (XLSX headers, the exhibitor
// directory, the PDF report) follow the language too.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/i18n.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::TempDir;
namespace i18n = moussem::i18n;

namespace {

struct Command {
  std::vector<std::string> args;
  bool data = false;  // prints records (names, organisations in French): only keys and catalog text are checked
};

// The longest piece of a catalog text between its placeholders.
std::string longestPiece(const std::string& text) {
  static const std::regex placeholder(R"(\{\d+\})");
  std::string best;
  for (std::sregex_token_iterator it(text.begin(), text.end(), placeholder, -1), end; it != end; ++it)
    if (it->length() > static_cast<long>(best.size())) best = *it;
  return best;
}

// French catalog sentences that no other catalog shares: finding one in English or Arabic output is a leak.
std::vector<std::pair<std::string, std::string>> frenchSentences(const std::string& lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& key : i18n::keys("fr")) {
    const std::string fr = i18n::lookupIn("fr", key);
    if (fr == i18n::lookupIn(lang, key)) continue;
    const std::string piece = longestPiece(fr);
    if (piece.size() < 14 || piece.find(' ') == std::string::npos) continue;  // too short to tell apart
    bool shared = false;
    for (const auto& k : i18n::keys(lang)) shared = shared || i18n::lookupIn(lang, k).find(piece) != std::string::npos;
    if (!shared) out.emplace_back(key, piece);
  }
  return out;
}

bool hasArabicLetter(const std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xD8 || static_cast<unsigned char>(s[i]) == 0xD9) return true;
  return false;
}

// Words that only French text has (checked on outputs that print no records).
const std::regex frenchWords(
    R"((^|[^\w])(le|la|les|des|du|une|est|pour|avec|sans|aucun|aucune|fichier|ligne|introuvable|enregistré)([^\w]|$))",
    std::regex::icase);

}  // namespace

TEST_CASE("every human message of moussem-cli follows --lang en and --lang ar: no key, no French") {
  TempDir dir;
  const std::string db = (dir / "langs.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "6", "--participants", "12"}).exit_code == 0);
  {
    std::ofstream bad(dir / "bad.csv");
    bad << "first_name,last_name,category,email\nNawal,Daoudi,nonsense,not-an-email\n,,forum,\n";
  }
  const std::string out = dir.path().string();
  const std::vector<Command> commands{
      {{"info"}},
      {{"gate", "list"}},
      {{"audit", "verify"}},
      {{"user", "list"}},
      {{"venue", "show"}, true},  // the venue's and halls' names are the organiser's (French), Arabic ones in Arabic
      {{"list", "participants", "--limit", "3"}, true},
      {{"list", "exhibitors", "--limit", "3"}, true},
      {{"show", "participant", "1"}, true},
      {{"export", "participants", out + "/p.csv"}},
      {{"export", "participants", out + "/p.docx"}},
      {{"export", "scans", out + "/missing/s.csv"}},
      {{"import", "participants", out + "/bad.csv"}},
      {{"import", "participants", out + "/nowhere.csv"}},
      {{"badge", "payload", "--person", "999999"}},
      {{"badge", "revoke", "--person", "1"}},
      {{"report", "--out", out + "/r.pdf"}},
      {{"report", "--out", out + "/r.xlsx"}},
      {{"booth", "directory", "--out", out + "/d.xlsx"}},
      {{"booth", "assign", "NOPE", "NOPE"}},
      {{"frobnicate"}},
      {{"info", "--no-such-option"}},
  };
  for (const std::string lang : {"en", "ar"}) {
    const auto french = frenchSentences(lang);
    REQUIRE(french.size() > 100);
    for (const auto& c : commands) {
      std::vector<std::string> args{"--db", db, "--lang", lang};
      args.insert(args.end(), c.args.begin(), c.args.end());
      const auto r = run("moussem-cli", args);
      const std::string text = r.out + r.err;
      std::string shown;
      for (const auto& a : c.args) shown += a + " ";
      INFO("--lang " << lang << " " << shown << "\n" << text);
      CHECK_FALSE(text.empty());
      // No catalog key printed as text (a missing translation shows its key).
      static const std::regex dotted(R"((^|[\s:'"(])([a-z_]+(\.[a-z0-9_]+)+)(?=[\s:'")]|$))");
      for (std::sregex_iterator it(text.begin(), text.end(), dotted), end; it != end; ++it)
        CHECK_FALSE(i18n::hasKey("fr", (*it)[2].str()));
      if (!c.data) {  // records hold the organisers' French names and addresses: only messages are checked
        for (const auto& [key, piece] : french) {
          INFO("French text of " << key << ": " << piece);
          CHECK(text.find(piece) == std::string::npos);
        }
        CHECK_FALSE(std::regex_search(text, frenchWords));
      }
      if (lang == "ar" && !c.data) CHECK(hasArabicLetter(text));
    }
  }
}

TEST_CASE("XLSX headers and the exhibitor directory follow --lang, the PDF report puts English beside the Arabic") {
  TempDir dir;
  const std::string db = (dir / "langs.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "6", "--participants", "12"}).exit_code == 0);
  REQUIRE(run("moussem-cli", {"--db", db, "allocate"}).exit_code == 0);
  for (auto [lang, sheet, column] : {std::tuple{"en", "Summary", "Figure"}, std::tuple{"ar", "ملخص", "المؤشر"},
                                     std::tuple{"fr", "Résumé", "Indicateur"}}) {
    INFO(lang);
    const auto book = dir / (std::string("r-") + lang + ".xlsx");
    REQUIRE(run("moussem-cli", {"--db", db, "--lang", lang, "report", "--out", book.string()}).exit_code == 0);
    auto names = moussem::test::runCommand("unzip", {"-p", book.string(), "xl/workbook.xml"});
    CHECK(names.out.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
    auto strings = moussem::test::runCommand("unzip", {"-p", book.string(), "xl/sharedStrings.xml"});
    CHECK(strings.out.find(column) != std::string::npos);

    const auto directory = dir / (std::string("d-") + lang + ".pdf");
    REQUIRE(
        run("moussem-cli", {"--db", db, "--lang", lang, "booth", "directory", "--out", directory.string()}).exit_code ==
        0);
    auto text = moussem::test::runCommand("pdftotext", {"-layout", directory.string(), "-"});
    // pdftotext spaces Arabic letters apart: in Arabic, Arabic text and no French title.
    if (std::string(lang) == "ar")
      CHECK(hasArabicLetter(text.out));
    else
      CHECK(text.out.find(i18n::lookupIn(lang, "plan.export.directory")) != std::string::npos);
    if (std::string(lang) != "fr")
      CHECK(text.out.find(i18n::lookupIn("fr", "plan.export.directory")) == std::string::npos);
  }
  const auto pdf = dir / "r-en.pdf";
  REQUIRE(run("moussem-cli", {"--db", db, "--lang", "en", "report", "--out", pdf.string()}).exit_code == 0);
  auto text = moussem::test::runCommand("pdftotext", {"-layout", pdf.string(), "-"});
  CHECK(text.out.find(i18n::lookupIn("en", "report.page.figures")) != std::string::npos);
  CHECK(text.out.find(i18n::lookupIn("ar", "report.page.figures")) != std::string::npos);
  CHECK(text.out.find(i18n::lookupIn("fr", "report.page.figures")) == std::string::npos);
}

TEST_CASE("--help describes the commands and options in the language of --lang, French by default") {
  auto ar = run("moussem-cli", {"--lang", "ar", "--help"});
  CHECK(ar.exit_code == 0);
  CHECK(hasArabicLetter(ar.out));
  for (const char* key :
       {"cli.help.global.json", "cli.help.global.lang", "cli.help.user.about", "cli.help.info.about"}) {
    INFO(key);
    CHECK(ar.out.find(i18n::lookupIn("ar", key)) != std::string::npos);
    CHECK(ar.out.find(i18n::lookupIn("en", key)) == std::string::npos);
    CHECK(ar.out.find(i18n::lookupIn("fr", key)) == std::string::npos);
  }

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--lang", "fr", "user", "--help"}, std::vector<std::string>{"user", "--help"}}) {
    auto fr = run("moussem-cli", args);
    CHECK(fr.exit_code == 0);
    for (const char* key :
         {"cli.help.user.list.about", "cli.help.user.disable.about", "cli.help.user.set-role.about"}) {
      INFO(key);
      CHECK(fr.out.find(i18n::lookupIn("fr", key)) != std::string::npos);
      CHECK(fr.out.find(i18n::lookupIn("en", key)) == std::string::npos);
    }
  }

  auto en = run("moussem-cli", {"--lang", "en", "user", "add", "--help"});
  CHECK(en.exit_code == 0);
  CHECK(en.out.find(i18n::lookupIn("en", "cli.help.user.pin-stdin")) != std::string::npos);
  CHECK(en.out.find(i18n::lookupIn("fr", "cli.help.user.pin-stdin")) == std::string::npos);
}
