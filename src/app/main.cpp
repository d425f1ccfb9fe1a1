// moussem: the desktop app. Parses flags, finds the database (--db, $MOUSSEM_DB, this station's
// enrolment, the data folder), opens it, then hands over to the window loop. A database named on the
// command line that does not open is an error printed before any window (exit 1). A station started
// with no flags shows in its window what it waits for (a server being upgraded or out of reach) or the
// first-run enrolment form: launched from a menu or a kiosk session, nobody reads its stderr.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/frame_bench.hpp"
#include "app/window.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/station.hpp"
#include "core/version.hpp"
#include "store/cache_budget.hpp"
#include "ui/shell.hpp"
#include "ui/startup.hpp"

int main(int argc, char** argv) {
  using namespace moussem;
  const auto started = std::chrono::steady_clock::now();
  // Large buffers (a million people's ids, the search index's arrays as they grow) are mapped on their
  // own and given back to the system when freed. glibc would otherwise raise this threshold after the
  // first such free and serve the next ones from its heaps, which keep freed memory: tens of MB held
  // for nothing on a desk that loaded a million people once.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  // The screens' connections stay open all day, each with a page cache sized for imports: together
  // they keep to this.
  limitDatabaseCaches(std::int64_t{24} << 20);
  app::takeStopSignals();
  app::WindowOptions options;
  std::string db, lang, size;  // lang empty: this station's last choice, else its enrolment's, else French
  bool demo = false;
  bool benchFrames = false;
  CLI::App cli{"Moussem: registration, badges, booths and gates for fairs and forums", "moussem"};
  cli.set_version_flag("--version", "moussem " + std::string(appVersion()), "Print the version and exit");
  cli.footer(
      "With no --db, Moussem opens $MOUSSEM_DB, else the server of this station's enrolment "
      "(moussem-cli station enrol), else ~/.local/share/moussem/moussem.db; with none of them it shows the "
      "first-run form that enrols the station. See moussem-cli(1) and /usr/share/doc/moussem.");
  cli.add_option("--db", db, "SQLite database file or postgresql:// URL (default: see below)");
  cli.add_flag("--demo", demo, "Open the demo edition (created with demo data on first start)");
  cli.add_flag("--kiosk", options.kiosk,
               "Run locked: full screen, no quitting, the screen kept on; an administrator's PIN signs out or closes");
  cli.add_option("--lang", lang, "Interface language (default: the one last chosen on this station, else fr)")
      ->check(CLI::IsMember({"fr", "ar", "en"}));
  cli.add_option("--screenshot", options.screenshot, "Render a few frames, write the window to this PNG, exit");
  cli.add_option("--frames", options.frames, "Frames to render before the screenshot")->check(CLI::Range(1, 1000));
  cli.add_option("--size", size, "Window size, WIDTHxHEIGHT");
  cli.add_option(
      "--screen", options.screen,
      "Screen to open (overview, edition, desk, participants, exhibitors, plan, import, badges, gate, dashboard)");
  cli.add_option("--search", options.search, "Open the desk with this search and its first result");
  cli.add_option("--action", options.actions,
                 "Run this action of the first screen after the first frame (repeatable; e.g. plan.edit_mode)");
  cli.add_option("--user", options.user, "Sign in as this user at start (PIN from $MOUSSEM_PIN)");
  // For scripted tests of the real window (tests/ui): readiness, what was typed, slow frames.
  cli.add_option("--ready-file", options.ready_file, "Write this file once the window is up and idle (scripts)");
  cli.add_option("--state-file", options.state_file,
                 "At exit, write the screen on show and the text of the last edited field to this JSON file (scripts)");
  cli.add_option("--frame-delay-ms", options.frame_delay_ms,
                 "Make every frame last at least this long (tests of slow machines)")
      ->check(CLI::Range(0, 2000));
  cli.add_flag(
      "--bench-frames", benchFrames,
      "Draw the screens headless on --db and print frame times and memory as JSON (moussem-cli bench ui-frame)");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  if (!size.empty()) {
    auto x = size.find('x');
    try {
      options.width = std::stoi(size.substr(0, x));
      options.height = std::stoi(size.substr(x + 1));
    } catch (...) {
      std::cerr << "moussem: --size expects WIDTHxHEIGHT, e.g. 1280x800\n";
      return 2;
    }
  }

  try {
    i18n::setLanguage(lang.empty() ? "fr" : lang);
    const char* env = std::getenv("MOUSSEM_DB");
    const std::string named = !db.empty() ? db : env && *env ? env : "";
    std::unique_ptr<ui::Startup> startup;
    if (demo && named.empty()) {
      if (!std::filesystem::exists(paths::demoDatabase()))
        std::cerr << tr("app.creating_demo", {paths::forDisplay(paths::demoDatabase().string())}) << std::endl;
      startup = std::make_unique<ui::Startup>("");
      if (!startup->openDemo()) throw Error(ErrorKind::Io, startup->message());
    } else if (!named.empty()) {
      try {
        startup = std::make_unique<ui::Startup>(openStore(named, OpenMode::Existing));
      } catch (const UpgradeNeeded&) {
        startup = std::make_unique<ui::Startup>(named);  // the window asks to upgrade, or waits
        startup->attempt();
      }
    } else {
      std::optional<StationConfig> station;
      std::string unreadable;
      try {
        station = enrolledStation();
      } catch (const Error& e) {
        unreadable = e.what();
      }
      if (station) {
        // This station's job: its language, the screen it opens on, its gate profile (GateModel).
        if (lang.empty()) i18n::setLanguage(station->language);
        if (options.home.empty()) options.home = homeScreen(station->role);
        startup = std::make_unique<ui::Startup>(station->server, true);
        startup->attempt();
      } else if (!unreadable.empty()) {
        startup = std::make_unique<ui::Startup>(ui::Startup::enrolFirst(unreadable));
      } else if (std::filesystem::exists(paths::defaultDatabase())) {
        startup = std::make_unique<ui::Startup>(openStore(paths::defaultDatabase().string(), OpenMode::Existing));
      } else {
        startup = std::make_unique<ui::Startup>("");  // first start: the enrolment form
      }
    }
    if (lang.empty() && startup->ready()) {
      // The language chosen in the menu last time on this station (a desk in Arabic stays in Arabic).
      const auto saved = startup->store().setting(ui::Shell::languageSetting(stationName()));
      const auto known = i18n::languages();
      if (saved && std::find(known.begin(), known.end(), *saved) != known.end()) i18n::setLanguage(*saved);
    }
    if (benchFrames) {
      if (!startup->ready()) throw Error(ErrorKind::Io, startup->message());
      app::FrameBenchOptions o;
      o.started = started;
      std::cout << app::benchFrames(startup->store(), o).dump() << std::endl;
      return 0;
    }
    return app::runWindow(*startup, options);
  } catch (const Error& e) {
    std::cerr << "moussem: " << e.what() << "\n";
    return e.kind() == ErrorKind::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "moussem: " << e.what() << "\n";
    return 1;
  }
}
