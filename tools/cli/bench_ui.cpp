// `bench ui-frame` (PRODUCT.md, Performance): the app's screens drawn headless on a 1,000,000-person,
// 2,500-exhibitor edition. The frames are drawn by the app itself (`moussem --bench-frames`, the
// program beside this one: the command line links no UI); this side builds and caches the edition,
// measures its own floor — the memory of a process holding the same store and the desk's search index,
// with no UI — and prints the app's figures with it, in one JSON object.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "badge/new_edition.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "io/registry.hpp"
#include "store/demo/demo_data.hpp"

extern char** environ;

namespace moussem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path cacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "moussem" / "bench";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "moussem" / "bench";
  return fs::temp_directory_path() / "moussem-bench-cache";
}

double residentMb() {
  double rss = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    long kb = 0;
    while (std::fgets(line, sizeof line, f))
      if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) rss = static_cast<double>(kb) / 1024;
    std::fclose(f);
  }
  return rss;
}

// Runs the program with these arguments and returns what it printed (its standard output).
std::string runAndRead(const fs::path& program, const std::vector<std::string>& args, int& status) {
  int out[2];
  if (::pipe(out) != 0) throw Error(ErrorKind::Io, "pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> all{program.string()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  std::string text;
  if (rc == 0) {
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
    ::waitpid(pid, &status, 0);
  } else {
    status = -1;
  }
  ::close(out[0]);
  return text;
}

}  // namespace

nlohmann::json benchUiFrame(long long n, const Context& ctx) {
  const fs::path app = fs::read_symlink("/proc/self/exe").parent_path() / "moussem";
  if (!fs::exists(app)) throw Error(ErrorKind::NotFound, tr("bench.ui_frame.no_app", {app.filename().string()}));
  const int exhibitors = n >= 100000 ? 2500 : 62;
  const fs::path db = cacheDir() / ("ui-frame-" + std::to_string(n) + "-" + std::to_string(exhibitors) + ".db");
  double buildSeconds = 0;
  if (!fs::exists(db)) {
    fs::create_directories(db.parent_path());
    std::error_code ec;
    fs::remove(paths::keyFileFor(db), ec);
    const auto t0 = Clock::now();
    auto store = createEditionDatabase(db, demoEdition());
    DemoOptions o;
    o.participants = n;
    o.exhibitors = exhibitors;
    o.progress = [&ctx](double f) { ctx.progress(tr("demo.progress"), f); };
    fillDemo(*store, o);
    buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  }

  // The floor: this process, no UI, holding the store and the search index the desk holds.
  double floorRss = 0;
  {
    auto store = openStore(db.string(), OpenMode::Existing);
    Registry registry(*store);
    registry.loadIndex();
    floorRss = residentMb();
  }

  const auto t0 = Clock::now();
  int status = 0;
  const std::string printed = runAndRead(app, {"--bench-frames", "--db", db.string()}, status);
  const double wallMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (status != 0) throw Error(ErrorKind::Io, tr("bench.ui_frame.failed", {std::to_string(status)}));
  nlohmann::json out = nlohmann::json::parse(printed, nullptr, false);
  if (out.is_discarded()) throw Error(ErrorKind::Io, tr("bench.ui_frame.failed", {printed.substr(0, 200)}));
  out["build_seconds"] = buildSeconds;
  out["app_wall_ms"] = wallMs;
  out["cli_floor"] = "moussem-cli holding the same store and the desk's search index, no UI";
  out["cli_floor_rss_mb"] = floorRss;
  out["rss_ratio_to_cli_floor"] = out["peak_rss_mb"].get<double>() / std::max(floorRss, 1.0);
  return out;
}

}  // namespace moussem::cli
