// The PDFs people search and copy from (a person's right-of-access export, the exhibitor directory,
// the organisers' report, the venue plan) give back the stored names when poppler's pdftotext extracts
// them: Arabic names whole, without spaces inside words, the lam-alef ligature in its logical order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "test_support.hpp"

using namespace moussem::test;
using nlohmann::json;

namespace {
// Extracted text as a reader copies it: bidi embedding marks dropped, every run of white space one space.
std::string extracted(const std::string& pdf) {
  auto r = runCommand("pdftotext", {pdf, "-"});
  REQUIRE(r.exit_code == 0);
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < r.out.size(); ++i) {
    const auto c = static_cast<unsigned char>(r.out[i]);
    // U+200E, U+200F and U+202A–U+202E (E2 80 8E/8F, E2 80 AA–AE).
    if (c == 0xE2 && i + 2 < r.out.size() && static_cast<unsigned char>(r.out[i + 1]) == 0x80) {
      const auto d = static_cast<unsigned char>(r.out[i + 2]);
      if (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE)) {
        i += 2;
        continue;
      }
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return " " + out + " ";
}

struct Matches {
  int names = 0, found = 0;
  std::vector<std::string> missing;
  void check(const std::string& text, const std::string& name) {
    if (name.empty()) return;
    ++names;
    if (text.find(name) != std::string::npos)
      ++found;
    else if (missing.size() < 10)
      missing.push_back(name);
  }
  double ratio() const { return names ? static_cast<double>(found) / names : 0; }
};

struct Demo {
  TempDir dir;
  std::string db = (dir / "demo.db").string();
  json exhibitors, people;
  Demo() {
    REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "62", "--participants", "60"}).exit_code == 0);
    REQUIRE(run("moussem-cli", {"--db", db, "allocate"}).exit_code == 0);
    exhibitors = json::parse(run("moussem-cli", {"--db", db, "--json", "list", "exhibitors", "--limit", "1000"}).out);
    people = json::parse(run("moussem-cli", {"--db", db, "--json", "list", "participants", "--limit", "1000"}).out);
    REQUIRE(exhibitors.size() == 62);
  }
  std::string pdf(const std::string& name, std::vector<std::string> args) {
    const std::string out = (dir / name).string();
    args.insert(args.begin(), {"--db", db});
    args.insert(args.end(), {"--out", out});
    auto r = run("moussem-cli", args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return out;
  }
};
}  // namespace

TEST_CASE("right-of-access PDFs: pdftotext gives back every stored name exactly, Arabic included") {
  Demo d;
  Matches arabic, latin;
  for (int id = 1; id <= 40; ++id) {
    const json& p = d.people[id - 1];
    const std::string text =
        extracted(d.pdf("person" + std::to_string(id) + ".pdf", {"export-person", p["id"].dump()}));
    arabic.check(text, p["name_ar"]);
    latin.check(text, p["first_name"]);
    latin.check(text, p["last_name"]);
  }
  INFO("missing: " << json(arabic.missing).dump());
  CHECK(arabic.names >= 30);
  CHECK(arabic.ratio() >= 0.99);
  CHECK(latin.ratio() >= 0.99);
}

// poppler's pdftotext orders a right-to-left run by itself on a page it reads as left to right, and
// ends the run at '.' or '-' (its "number" characters): "شركة نحاس البركة ش.م.م" comes out as
// "م.م. شركة…" from a French page whatever the PDF holds, and whole from an Arabic one. Such names
// are counted apart on French pages, and must be whole on Arabic ones.
bool hasLatinPunctuation(const std::string& s) {
  return s.find_first_of(".-") != std::string::npos;
}

TEST_CASE("the exhibitor directory and the plan index give back the exhibitors' names exactly") {
  Demo d;
  const std::tuple<const char*, bool, std::vector<std::string>> documents[] = {
      {"directory.pdf", false, {"booth", "directory"}},
      {"directory-ar.pdf", true, {"--lang", "ar", "booth", "directory"}},
      {"plan.pdf", false, {"venue", "plan"}},
      {"plan-ar.pdf", true, {"--lang", "ar", "venue", "plan"}},
  };
  for (const auto& [name, arabicPage, args] : documents) {
    const std::string text = extracted(d.pdf(name, args));
    Matches arabic, punctuated, french;
    for (const auto& x : d.exhibitors) {
      const std::string ar = x["name_ar"];
      (!arabicPage && hasLatinPunctuation(ar) ? punctuated : arabic).check(text, ar);
      french.check(text, x["name_fr"]);
    }
    INFO(name << " missing: " << json(arabic.missing).dump() << json(french.missing).dump()
              << "; with . or - on a French page: " << punctuated.found << "/" << punctuated.names);
    CHECK(arabic.names >= 50);
    CHECK(arabic.ratio() >= 0.99);
    CHECK(french.ratio() >= 0.99);
  }
}

TEST_CASE("the report gives back the edition's names and the Arabic labels of its tables exactly") {
  Demo d;
  for (const char* lang : {"fr", "ar"}) {
    const std::string text = extracted(d.pdf(std::string("report-") + lang + ".pdf", {"--lang", lang, "report"}));
    Matches labels;
    for (const char* family : {"region", "sector"}) {
      const auto& codes = std::string(family) == "region" ? moussem::codes::regions() : moussem::codes::sectors();
      for (std::string_view code : codes) labels.check(text, moussem::i18n::label(family, code, "ar"));
    }
    // The cover's names, whole (smaller rather than cut). The demo's Arabic name ends in "(تجريبي)":
    // pdftotext moves brackets in right-to-left text by its own rules, so the part before them is checked.
    labels.check(text, "Semaine Nationale de l'Artisanat — 9e édition (démo)");
    if (std::string(lang) == "ar") labels.check(text, "الأسبوع الوطني للصناعة التقليدية — الدورة التاسعة");
    INFO(lang << " missing: " << json(labels.missing).dump());
    CHECK(labels.names == (std::string(lang) == "ar" ? 24 : 23));
    CHECK(labels.ratio() >= 0.99);
  }
}

TEST_CASE("the lam-alef ligature comes out of a PDF in its logical order") {
  Demo d;
  // An exhibitor whose Arabic name has lam-alef (الاتحاد, لا): the directory holds it.
  REQUIRE(run("moussem-cli", {"--db", d.db, "--json", "list", "exhibitors"}).exit_code == 0);
  const std::string text = extracted(d.pdf("directory.pdf", {"booth", "directory"}));
  int withLamAlef = 0;
  for (const auto& x : d.exhibitors) {
    const std::string ar = x["name_ar"];
    if (ar.find("لا") == std::string::npos) continue;
    ++withLamAlef;
    INFO(ar);
    CHECK(text.find(ar) != std::string::npos);
  }
  CHECK(withLamAlef > 0);
  CHECK(text.find("االت") == std::string::npos);  // the swapped form of الات
}
