// moussem: the desktop app. Parses flags, opens (or creates the demo) database, then hands over to the
// window loop. Errors before the window opens are printed and exit 1; nothing is half-created.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/frame_bench.hpp"
#include "app/window.hpp"
#include "badge/new_edition.hpp"
#include "booth/demo_venue.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/station.hpp"
#include "core/time_zone.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "ui/shell.hpp"

int main(int argc, char** argv) {
  using namespace moussem;
  const auto started = std::chrono::steady_clock::now();
  app::takeStopSignals();
  app::WindowOptions options;
  std::string db, lang, size;  // lang empty: this station's last choice, else French
  bool demo = false;
  bool benchFrames = false;
  CLI::App cli{"Moussem: registration, badges, booths and gates for fairs and forums", "moussem"};
  cli.add_option("--db", db, "SQLite database file (default: $MOUSSEM_DB or the user data folder)");
  cli.add_flag("--demo", demo, "Open the demo edition (created with demo data on first start)");
  cli.add_option("--lang", lang, "Interface language (default: the one last chosen on this station, else fr)")->check(CLI::IsMember({"fr", "ar", "en"}));
  cli.add_option("--screenshot", options.screenshot, "Render a few frames, write the window to this PNG, exit");
  cli.add_option("--frames", options.frames, "Frames to render before the screenshot")->check(CLI::Range(1, 1000));
  cli.add_option("--size", size, "Window size, WIDTHxHEIGHT");
  cli.add_option("--screen", options.screen, "Screen to open (overview, edition, desk, participants, exhibitors, plan, import, badges, gate, dashboard)");
  cli.add_option("--search", options.search, "Open the desk with this search and its first result");
  cli.add_option("--action", options.actions, "Run this action of the first screen after the first frame (repeatable; e.g. plan.edit_mode)");
  cli.add_option("--user", options.user, "Sign in as this user at start (PIN from $MOUSSEM_PIN)");
  // For scripted tests of the real window (tests/ui): readiness, what was typed, slow frames.
  cli.add_option("--ready-file", options.ready_file, "Write this file once the window is up and idle (scripts)");
  cli.add_option("--state-file", options.state_file, "At exit, write the screen on show and the text of the last edited field to this JSON file (scripts)");
  cli.add_option("--frame-delay-ms", options.frame_delay_ms, "Make every frame last at least this long (tests of slow machines)")->check(CLI::Range(0, 2000));
  cli.add_flag("--bench-frames", benchFrames, "Draw the screens headless on --db and print frame times and memory as JSON (moussem-cli bench ui-frame)");
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
    std::unique_ptr<Store> store;
    if (demo && db.empty()) {
      auto path = paths::demoDatabase();
      if (!std::filesystem::exists(path)) {
        std::cerr << tr("app.creating_demo", {paths::forDisplay(path.string())}) << std::endl;
        std::error_code ec;
        std::filesystem::remove(paths::keyFileFor(path), ec);  // a stray key of a deleted demo
        // Filled as its owner, so the demo data has its row in the audit trail like any other.
        GuardedStore created(createEditionDatabase(path, demoEdition()),
                             Actor{systemUserName().empty() ? "admin" : systemUserName(), Role::Admin, stationName()});
        DemoOptions o;
        booth::fillDemoEdition(created, o);  // on the OLM Souissi example plan
      }
      store = openStore(path.string(), OpenMode::Existing);
    } else {
      store = openStore(db.empty() ? paths::defaultDatabase().string() : db, OpenMode::Existing);
    }
    if (auto edition = store->edition()) tz::setEditionZone(edition->timezone);  // times shown at the venue's clock
    if (lang.empty()) {
      // The language chosen in the menu last time on this station (a desk in Arabic stays in Arabic).
      const auto saved = store->setting(ui::Shell::languageSetting(stationName()));
      const auto known = i18n::languages();
      if (saved && std::find(known.begin(), known.end(), *saved) != known.end()) i18n::setLanguage(*saved);
    }
    if (benchFrames) {
      app::FrameBenchOptions o;
      o.started = started;
      std::cout << app::benchFrames(*store, o).dump() << std::endl;
      return 0;
    }
    return app::runWindow(*store, options);
  } catch (const Error& e) {
    std::cerr << "moussem: " << e.what() << "\n";
    return e.kind() == ErrorKind::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "moussem: " << e.what() << "\n";
    return 1;
  }
}
