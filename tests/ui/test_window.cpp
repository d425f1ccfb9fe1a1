#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>

#include "store/store.hpp"
#include "test_support.hpp"

using moussem::test::run;
using moussem::test::runCommand;
using moussem::test::TempDir;

namespace {
struct Picture {
  int width = 0, height = 0;
  std::size_t colours = 0;
};

Picture readPng(const std::filesystem::path& png) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  Picture p;
  p.width = cairo_image_surface_get_width(s);
  p.height = cairo_image_surface_get_height(s);
  int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  std::set<std::uint32_t> colours;
  for (int y = 0; y < p.height; y += 2)
    for (int x = 0; x < p.width; x += 2)
      colours.insert(*reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xFFFFFF);
  p.colours = colours.size();
  cairo_surface_destroy(s);
  return p;
}

// Mesa loads its driver with dlopen and unloads it at exit, so the few bytes it keeps
// show up as leaks from an "unknown module" that no suppression can name (and full
// unwinding deadlocks inside the driver's JIT). Leak checking is therefore off for the
// windowed process only; the same UI code runs under full leak checking in the headless
// shell tests.
std::vector<std::string> windowEnv(std::vector<std::string> env = {}) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  env.push_back(std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0");
  return env;
}

moussem::test::RunResult screenshot(const std::string& db, const std::filesystem::path& png,
                                    const std::vector<std::string>& extra = {},
                                    const std::vector<std::string>& env = {}) {
  std::vector<std::string> args{"-a",
                                "-s",
                                "-screen 0 1280x800x24",
                                (moussem::test::binDir() / "moussem").string(),
                                "--db",
                                db,
                                "--size",
                                "1024x640",
                                "--screenshot",
                                png.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return runCommand("xvfb-run", args, windowEnv(env));
}

// The colour of one pixel, 0xRRGGBB.
std::uint32_t pixel(const std::filesystem::path& png, int x, int y) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const std::uint32_t v =
      *reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(s) + x * 4) & 0xFFFFFF;
  cairo_surface_destroy(s);
  return v;
}
}  // namespace

TEST_CASE("the real window opens under Xvfb on demo data and renders a UI, in French and Arabic") {
  TempDir dir;
  auto db = (dir / "demo.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "12", "--participants", "80"}).exit_code == 0);
  for (const char* lang : {"fr", "ar"}) {
    INFO("language " << lang);
    auto png = dir / (std::string("shot-") + lang + ".png");
    auto r = screenshot(db, png, {"--lang", lang});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    Picture p = readPng(png);
    CHECK(p.width == 1024);
    CHECK(p.height == 640);
    CHECK(p.colours > 50);  // text, charts and colours: not a blank or single-colour window
  }
}

TEST_CASE("the app refuses a missing or foreign database with a message, before any window") {
  TempDir dir;
  auto missing = run("moussem", {"--db", (dir / "none.db").string()});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("none.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
  auto junk = dir / "junk.db";
  std::ofstream(junk) << "not a database";
  auto r = run("moussem", {"--db", junk.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Moussem") != std::string::npos);
  CHECK(run("moussem", {"--lang", "xx"}).exit_code == 2);
}

TEST_CASE("the demo flag creates the demo edition on first start in the user data folder") {
  TempDir home;
  auto png = home / "demo.png";
  std::vector<std::string> args{"-a",
                                "-s",
                                "-screen 0 1280x800x24",
                                (moussem::test::binDir() / "moussem").string(),
                                "--demo",
                                "--size",
                                "800x600",
                                "--screenshot",
                                png.string()};
  auto r = runCommand("xvfb-run", args, windowEnv({"XDG_DATA_HOME=" + home.path().string()}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(home / "moussem" / "demo.db"));
  CHECK(std::filesystem::exists(home / "moussem" / "demo.key"));
  auto info = run("moussem-cli", {"--db", (home / "moussem" / "demo.db").string(), "--json", "info"});
  CHECK(info.out.find("\"exhibitors\":62") != std::string::npos);
}

TEST_CASE("the app starts in the language last chosen on this station, unless --lang says otherwise") {
  TempDir dir;
  auto db = (dir / "station.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "4", "--participants", "10"}).exit_code == 0);
  {
    auto store = moussem::openStore(db, moussem::OpenMode::Existing);
    store->setSetting("station.kiosk-7.language", "ar");  // what the menu keeps (ui::Shell::languageSetting)
  }
  // The navigation's dark blue: on the right in Arabic, on the left in French.
  const std::uint32_t navy = 0x1B2A41;
  auto navOnRight = [&](const std::filesystem::path& png) { return pixel(png, 1010, 300) == navy; };
  auto navOnLeft = [&](const std::filesystem::path& png) { return pixel(png, 14, 300) == navy; };
  auto saved = dir / "saved.png";
  auto r = screenshot(db, saved, {}, {"MOUSSEM_STATION=kiosk-7"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(navOnRight(saved));
  CHECK_FALSE(navOnLeft(saved));
  auto forced = dir / "forced.png";
  REQUIRE(screenshot(db, forced, {"--lang", "fr"}, {"MOUSSEM_STATION=kiosk-7"}).exit_code == 0);
  CHECK(navOnLeft(forced));
  auto other = dir / "other.png";  // another station has no saved choice: French
  REQUIRE(screenshot(db, other, {}, {"MOUSSEM_STATION=gate-2"}).exit_code == 0);
  CHECK(navOnLeft(other));
}

TEST_CASE(
    "the tables' filter rows start with New where reading starts: on the left in French, on the right in Arabic") {
  TempDir dir;
  auto db = (dir / "tables.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "12", "--participants", "80"}).exit_code == 0);
  const std::uint32_t navy = 0x1B2A41, button = 0xD9DBE0, field = 0xFFFFFF;
  for (const char* screen : {"participants", "exhibitors"}) {
    for (const char* lang : {"fr", "ar"}) {
      INFO(screen << " in " << lang);
      auto png = dir / (std::string(screen) + "-" + lang + ".png");
      auto r = screenshot(db, png, {"--screen", screen, "--lang", lang});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
      REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
      const int width = cairo_image_surface_get_width(s), stride = cairo_image_surface_get_stride(s);
      const unsigned char* data = cairo_image_surface_get_data(s);
      auto at = [&](int x, int y) {
        return *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xFFFFFF;
      };
      // The navigation's edges, on a line through it; the screen's content is on its other side.
      int navLeft = -1, navRight = -1;
      for (int x = 0; x < width; ++x)
        if (at(x, 300) == navy) {
          if (navLeft < 0) navLeft = x;
          navRight = x;
        }
      REQUIRE(navLeft >= 0);
      const bool rtl = std::string(lang) == "ar";
      CHECK(rtl == (navLeft > width / 2));
      const int start = rtl ? navLeft - 3 : navRight + 3, step = rtl ? -1 : 1;
      // Along each pixel line of the filter row (the first band of lines where the content has anything),
      // from the content's edge on the reading side inwards: the first thing met is the New button's fill,
      // never a filter's white field (nor the count or the search field of a row laid out left to right).
      int buttonLines = 0, fieldLines = 0;
      bool inRow = false;
      for (int y = 28; y < 200; ++y) {
        const std::uint32_t background = at(start, y);
        std::optional<std::uint32_t> first;
        for (int x = start; x > 0 && x < width - 1 && !first; x += step)
          if (at(x, y) != background) first = at(x, y);
        if (!first) {
          if (inRow) break;  // the row's end
          continue;
        }
        inRow = true;
        buttonLines += *first == button ? 1 : 0;
        fieldLines += *first == field ? 1 : 0;  // (rounded corners are shades between: neither)
      }
      cairo_surface_destroy(s);
      CHECK(buttonLines > 10);
      CHECK(fieldLines == 0);
    }
  }
}
