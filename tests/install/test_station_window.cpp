// The real `moussem` of a station under Xvfb. A kiosk, started the way its session starts it: the
// session script of the package (packaging/moussem-kiosk) runs `moussem --kiosk`, full screen on the
// gate's job; the screen never blanks while it runs, even when someone turns the screen saver back on;
// killed (-9), the app is started again; stopped cleanly, the kiosk ends. A locked station that neither
// the keyboard nor the window manager closes, only an administrator's PIN. A laptop never enrolled,
// enrolled from the app's first-run form typed at the keyboard ([postgres]). And a station on a server
// being upgraded waits in its window, then opens by itself once the administrator's station has
// upgraded the server ([postgres]).
#include <signal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/station.hpp"
#include "station_fixture.hpp"
#include "store/migrations.hpp"
#include "ui/real_app.hpp"

// Last: X11's macros (Always, None...) would clash with names of the headers above.
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

using namespace moussem;
using namespace moussem::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> appEnv(const XDisplay& x, std::vector<std::string> more) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  more.insert(more.end(),
              {"DISPLAY=" + x.name(), std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0"});
  return more;
}

// The children of a process (/proc/*/stat's parent field).
std::vector<pid_t> childrenOf(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& e : fs::directory_iterator("/proc")) {
    const std::string name = e.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(e.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 2));
    char state = 0;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent && state != 'Z') out.push_back(std::stoi(name));
  }
  return out;
}

bool waitFor(const std::function<bool()>& done, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Whether the X server's screen saver is on after `idle` seconds with a 1-second timeout set by
// someone else (a desktop's settings daemon, a person with xset).
bool saverComesOn(const XDisplay& x) {
  Display* d = XOpenDisplay(x.name().c_str());
  REQUIRE(d);
  XSetScreenSaver(d, 1, 0, DefaultBlanking, DefaultExposures);
  XFlush(d);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  XScreenSaverInfo* info = XScreenSaverAllocInfo();
  XScreenSaverQueryInfo(d, DefaultRootWindow(d), info);
  const bool on = info->state == ScreenSaverOn;
  XFree(info);
  XSetScreenSaver(d, 0, 0, DefaultBlanking, DefaultExposures);
  XCloseDisplay(d);
  return on;
}

}  // namespace

TEST_CASE(
    "a kiosk session runs moussem --kiosk full screen on its job, keeps the screen on, restarts it when it dies") {
  XDisplay x(1280, 800);
  CHECK(saverComesOn(x));  // the display blanks by itself, until a kiosk runs
  TempDir dir;
  const auto db = (dir / "event.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "4", "--participants", "12"}).exit_code == 0);
  REQUIRE(
      run("moussem-cli", {"--db", db, "user", "add", "karim", "--role", "gate", "--pin-stdin"}, "1111\n").exit_code ==
      0);
  const auto ready = dir / "ready", state = dir / "state.json";
  Process kiosk(
      "/bin/sh",
      {(sourceDir() / "packaging" / "moussem-kiosk").string(), "--user", "karim", "--ready-file", ready.string(),
       "--state-file", state.string()},
      appEnv(x, {"MOUSSEM_KIOSK_APP=" + (binDir() / "moussem").string(), "MOUSSEM_DB=" + db, "MOUSSEM_PIN=1111",
                 "HOME=" + dir.path().string(), "XDG_DATA_HOME=" + (dir / "data").string()}),
      dir.path());
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));
  auto apps = childrenOf(kiosk.pid());
  REQUIRE(apps.size() == 1);
  const pid_t first = apps[0];

  // The screen stays on while the kiosk runs: the session turned the saver off, and the app keeps
  // it suspended even when someone sets it again.
  auto q = runCommand("xset", {"-display", x.name(), "q"});
  CHECK(q.out.find("timeout:  0") != std::string::npos);
  CHECK_FALSE(saverComesOn(x));

  // Killed: started again (a new process, ready again).
  fs::remove(ready);
  REQUIRE(::kill(first, SIGKILL) == 0);
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));
  apps = childrenOf(kiosk.pid());
  REQUIRE(apps.size() == 1);
  CHECK(apps[0] != first);

  // Stopped cleanly (the session ends): the app closes, the kiosk ends and does not come back.
  CHECK(kiosk.stop(SIGTERM) == 0);
  CHECK(childrenOf(kiosk.pid()).empty());
  std::ifstream in(state);
  const auto s = nlohmann::json::parse(in);
  CHECK(s["fullscreen"] == true);
  CHECK(s["window"] == nlohmann::json::array({1280, 800}));
  CHECK(s["signed_in"] == true);
  CHECK(s["screen"] == "gate");  // the gate user's kiosk
  CHECK(saverComesOn(x));        // the kiosk gone, the display may blank again
}

TEST_CASE("an enrolled gate started on a server being upgraded waits in its window, then opens by itself",
          "[postgres]") {
  const std::string url = olderServer(latestSchemaVersion() - 1);
  const std::string login = passwordLogin(url, "gate", "porte-secret-5");
  StationHome home;
  // The station as `station enrol` leaves it (enrolling itself needs a current server).
  StationConfig c;
  c.server = as(url, login);
  c.name = "gate-5";
  c.role = Role::Gate;
  c.language = "en";
  fs::create_directories(home.config().parent_path());
  std::ofstream(home.config()) << stationConfigText(c);
  const std::string rest = url.substr(url.find('@') + 1);  // host:port/db
  const std::string host = rest.substr(0, rest.find(':')),
                    port = rest.substr(rest.find(':') + 1, rest.find('/') - rest.find(':') - 1);
  std::ofstream(home.pgpass()) << host << ":" << port << ":" << rest.substr(rest.find('/') + 1) << ":" << login
                               << ":porte-secret-5\n";
  fs::permissions(home.pgpass(), fs::perms::owner_read | fs::perms::owner_write);

  XDisplay x;
  TempDir appDir;
  const auto ready = appDir / "ready", state = appDir / "state.json";
  Process app((binDir() / "moussem").string(), {"--ready-file", ready.string(), "--state-file", state.string()},
              appEnv(x, home.env()), appDir.path());
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));  // up, and waiting
  std::this_thread::sleep_for(std::chrono::seconds(6));  // it tried again at least once: still waiting, still alive
  REQUIRE(app.running());
  auto upgrade = run("moussem-cli", {"--db", url, "db", "upgrade", "--yes"});
  INFO(upgrade.err);
  REQUIRE(upgrade.exit_code == 0);
  std::this_thread::sleep_for(std::chrono::seconds(7));  // its next try finds the server upgraded
  CHECK(app.stop(SIGTERM) == 0);
  std::ifstream in(state);
  const auto s = nlohmann::json::parse(in);
  INFO(s.dump() << "\n" << app.stderrText());
  CHECK(s["startup"] == "ready");  // the server opened: the sign-in form (the edition has no user yet)
}

TEST_CASE("a locked station: Ctrl+Q and the window manager's close do nothing, only an administrator's PIN lets go") {
  XDisplay x(1024, 700);
  TempDir dir;
  const auto db = (dir / "event.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "3", "--participants", "8"}).exit_code == 0);
  REQUIRE(
      run("moussem-cli", {"--db", db, "user", "add", "karim", "--role", "gate", "--pin-stdin"}, "1111\n").exit_code ==
      0);
  REQUIRE(run("moussem-cli", {"--db", db, "user", "add", "directrice", "--role", "admin", "--pin-stdin"}, "482193\n")
              .exit_code == 0);
  const auto ready = dir / "ready", state = dir / "state.json";
  Process app(
      (binDir() / "moussem").string(),
      {"--kiosk", "--db", db, "--lang", "en", "--user", "karim", "--ready-file", ready.string(), "--state-file",
       state.string()},
      appEnv(x, {"MOUSSEM_PIN=1111", "HOME=" + dir.path().string(), "XDG_DATA_HOME=" + (dir / "data").string()}),
      dir.path());
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));
  XKeyboard keys(x);
  REQUIRE(keys.focusWindow("Moussem"));
  const auto pause = [] { std::this_thread::sleep_for(std::chrono::milliseconds(1500)); };

  // Neither the keyboard nor the window manager closes it.
  keys.ctrl('q');
  REQUIRE(keys.askToClose("Moussem"));
  pause();
  REQUIRE(app.running());

  // Sign out (Ctrl+Shift+O) asks for an administrator: the gate's own PIN is refused.
  keys.press("o", true, true);
  pause();
  keys.type("karim", std::chrono::milliseconds(60));
  keys.press("Tab");
  keys.type("1111", std::chrono::milliseconds(60));
  keys.press("Return");
  pause();
  REQUIRE(app.running());

  // The administrator's name (over the refused one, selected) and PIN, then "Close Moussem" (the button
  // below "Leave kiosk mode", reached with the arrow keys): the app ends, cleanly.
  keys.type("directrice", std::chrono::milliseconds(60));
  keys.press("Tab");
  keys.type("482193", std::chrono::milliseconds(60));
  keys.press("Down");
  keys.press("Down");
  keys.press("space");
  REQUIRE(waitFor([&] { return !app.running(); }, std::chrono::seconds(30)));
  CHECK(app.stop(SIGTERM) == 0);
  std::ifstream in(state);
  const auto s = nlohmann::json::parse(in);
  INFO(s.dump() << "\n" << app.stderrText());
  CHECK(s["fullscreen"] == true);
  CHECK(s["signed_in"] == true);  // closed from the gate's session, without signing it out first
  CHECK(s.value("field_text", "").find("482193") == std::string::npos);  // a PIN is never written out
}

TEST_CASE(
    "a laptop never enrolled: the app's first-run form enrols it, and the next start opens its server on its job with "
    "no --db",
    "[postgres]") {
  ServerEdition ed;
  const std::string login = ed.login("desk", "accueil-secret-7");
  StationHome home;
  XDisplay x;
  TempDir appDir;
  const auto ready = appDir / "ready", state = appDir / "state.json";
  auto start = [&](std::vector<std::string> args = {}) {
    std::filesystem::remove(ready);
    args.insert(args.end(), {"--lang", "en", "--ready-file", ready.string(), "--state-file", state.string()});
    return std::make_unique<Process>((binDir() / "moussem").string(), args, appEnv(x, home.env({"MOUSSEM_PIN=1357"})),
                                     appDir.path());
  };
  auto app = start();
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));
  // The form has the keyboard: the server, the password, the station's name (over the host name the
  // form suggests), Enter. The job stays the form's first guess, a desk.
  XKeyboard keys(x);
  REQUIRE(keys.focusWindow("Moussem"));
  keys.type(as(ed.url, login), std::chrono::milliseconds(30));
  keys.press("Tab");
  keys.type("accueil-secret-7", std::chrono::milliseconds(30));
  keys.press("Tab");
  keys.press("a", true);
  keys.type("desk-7", std::chrono::milliseconds(30));
  keys.press("Return");
  REQUIRE(waitFor([&] { return fs::exists(home.config()); }, std::chrono::seconds(60)));
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the server opens in the window
  CHECK(app->stop(SIGTERM) == 0);
  {
    std::ifstream in(state);
    const auto s = nlohmann::json::parse(in);
    INFO(s.dump() << "\n" << app->stderrText());
    CHECK(s["startup"] == "ready");
  }
  const auto conf = readStationConfig(home.config());
  REQUIRE(conf);
  CHECK(conf->name == "desk-7");
  CHECK(conf->role == Role::Desk);
  CHECK(conf->server == as(ed.url, login));
  CHECK(readAll(home.config()).find("accueil-secret-7") == std::string::npos);
  CHECK(readAll(home.pgpass()).find(login) != std::string::npos);
  CHECK((fs::status(home.pgpass()).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  CHECK(pgQuery(ed.url, "SELECT count(*) FROM setting WHERE key = 'station.desk-7.enrolment'") == "1");

  // Started again with no database named: straight to its server, no form, and the desk's user who
  // signs in lands on the desk screen, the station's job.
  REQUIRE(run("moussem-cli", {"--db", ed.url, "user", "add", "amina", "--role", "desk", "--pin-stdin"}, "1357\n")
              .exit_code == 0);
  fs::remove(state);
  app = start({"--user", "amina"});
  REQUIRE(waitFor([&] { return fs::exists(ready); }, std::chrono::seconds(120)));
  CHECK(app->stop(SIGTERM) == 0);
  std::ifstream in(state);
  const auto s = nlohmann::json::parse(in);
  INFO(s.dump() << "\n" << app->stderrText());
  CHECK(s["startup"] == "ready");
  CHECK(s["signed_in"] == true);
  CHECK(s["screen"] == "desk");
}
