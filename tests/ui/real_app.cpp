#include "real_app.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "test_support.hpp"

extern char** environ;

namespace moussem::test {

namespace fs = std::filesystem;

namespace {

// fork + exec with the environment plus extra "NAME=value" entries (which win), stdout and stderr to
// files (or /dev/null), and keepFd left open in the child (Xvfb's -displayfd).
pid_t spawn(const std::string& exe, const std::vector<std::string>& args, const std::vector<std::string>& extraEnv,
            const fs::path& out, const fs::path& err, int keepFd = -1) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& x : extraEnv) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extraEnv.begin(), extraEnv.end());
  std::vector<char*> argv{const_cast<char*>(exe.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The child: the signals the test process blocked are the program's own again.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    int o = ::open(out.empty() ? "/dev/null" : out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = ::open(err.empty() ? "/dev/null" : err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    for (int fd = 3; fd < 1024; ++fd)
      if (fd != keepFd) ::close(fd);
    ::execvpe(exe.c_str(), argv.data(), envp.data());
    std::_Exit(127);
  }
  return pid;
}

std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// X key codes of the US positions (the standard evdev/xkb keycodes of a pc105 keyboard).
int usKeycode(char c, bool& shift) {
  shift = false;
  static const char* row1 = "1234567890-=";  // keycodes 10..21
  static const char* row1s = "!@#$%^&*()_+";
  static const char* row2 = "qwertyuiop[]";  // 24..35
  static const char* row2s = "QWERTYUIOP{}";
  static const char* row3 = "asdfghjkl;'`";  // 38..49
  static const char* row3s = "ASDFGHJKL:\"~";
  static const char* row4 = "\\zxcvbnm,./";  // 51..61
  static const char* row4s = "|ZXCVBNM<>?";
  struct Row {
    const char *plain, *shifted;
    int first;
  };
  for (const Row& r : {Row{row1, row1s, 10}, Row{row2, row2s, 24}, Row{row3, row3s, 38}, Row{row4, row4s, 51}}) {
    if (const char* p = std::strchr(r.plain, c); p && c) return r.first + static_cast<int>(p - r.plain);
    if (const char* p = std::strchr(r.shifted, c); p && c) {
      shift = true;
      return r.first + static_cast<int>(p - r.shifted);
    }
  }
  if (c == ' ') return 65;
  throw std::runtime_error(std::string("no US key for '") + c + "'");
}

constexpr int kShift = 50, kControl = 37, kCapsLock = 66, kReturn = 36;

Window findWindow(Display* dpy, Window w, const std::string& title) {
  char* name = nullptr;
  if (XFetchName(dpy, w, &name) && name) {
    const bool match = title == name;
    XFree(name);
    XWindowAttributes a;
    if (match && XGetWindowAttributes(dpy, w, &a) && a.map_state == IsViewable) return w;
  }
  Window root = 0, parent = 0, *children = nullptr;
  unsigned n = 0;
  Window found = 0;
  if (XQueryTree(dpy, w, &root, &parent, &children, &n)) {
    for (unsigned i = 0; i < n && !found; ++i) found = findWindow(dpy, children[i], title);
    if (children) XFree(children);
  }
  return found;
}

}  // namespace

XDisplay::XDisplay(int width, int height) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn("Xvfb",
               {"-displayfd", std::to_string(fds[1]), "-screen", "0",
                std::to_string(width) + "x" + std::to_string(height) + "x24", "-noreset", "-nolisten", "tcp"},
               {}, {}, {}, fds[1]);
  ::close(fds[1]);
  std::string number;
  pollfd p{fds[0], POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline && number.find('\n') == std::string::npos) {
    if (::poll(&p, 1, 200) > 0) {
      char buf[32];
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      number.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fds[0]);
  if (number.find('\n') == std::string::npos) throw std::runtime_error("Xvfb did not start");
  name_ = ":" + number.substr(0, number.find('\n'));
}

XDisplay::~XDisplay() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
}

void XDisplay::setLayout(const std::string& layout) const {
  auto r = runCommand("setxkbmap", {"-display", name_, layout});
  if (r.exit_code != 0) throw std::runtime_error("setxkbmap " + layout + ": " + r.err);
}

Process::Process(const std::string& exe, const std::vector<std::string>& args, const std::vector<std::string>& env,
                 const fs::path& dir) {
  static int count = 0;
  const std::string stem = fs::path(exe).filename().string() + "-" + std::to_string(++count);
  err_ = dir / (stem + ".err");
  pid_ = spawn(exe, args, env, dir / (stem + ".out"), err_);
}

Process::~Process() {
  if (running()) stop(SIGKILL, std::chrono::seconds(30));
}

bool Process::running() {
  if (status_ != -1) return false;
  int st = 0;
  const pid_t r = ::waitpid(pid_, &st, WNOHANG);
  if (r == 0) return true;
  status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return false;
}

int Process::stop(int sig, std::chrono::milliseconds timeout) {
  if (!running()) return status_;
  ::kill(pid_, sig);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return status_;
}

std::string Process::stderrText() const {
  return readText(err_);
}

double Process::cpuSeconds() const {
  const std::string stat = readText("/proc/" + std::to_string(pid_) + "/stat");
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string f;
  unsigned long long utime = 0, stime = 0;
  // After the name: state (3) ... utime is field 14, stime 15.
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stoull(f);
    if (i == 15) stime = std::stoull(f);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

long Process::residentKb() const {
  std::istringstream in(readText("/proc/" + std::to_string(pid_) + "/status"));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

std::vector<std::string> Process::openFiles() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(pid_) + "/fd", ec)) {
    auto target = fs::read_symlink(e.path(), ec);
    if (!ec) out.push_back(target.string());
  }
  return out;
}

bool Process::holdsLockOn(const fs::path& file) const {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return false;
  std::istringstream in(readText("/proc/locks"));
  std::string line;
  while (std::getline(in, line)) {
    // "1: POSIX  ADVISORY  READ 1234 fd:01:123456 128 128"
    std::istringstream f(line);
    std::string id, kind, advisory, mode, pid, where;
    if (!(f >> id >> kind >> advisory >> mode >> pid >> where)) continue;
    if (kind == "->") continue;  // a waiter
    if (pid != std::to_string(pid_)) continue;
    const auto colon = where.rfind(':');
    if (colon != std::string::npos && where.substr(colon + 1) == std::to_string(st.st_ino)) return true;
  }
  return false;
}

RealApp::RealApp(const XDisplay& display, const fs::path& dir, std::vector<std::string> args)
    : ready_(dir / "app.ready"),
      state_(dir / "app.state.json"),
      process_((binDir() / "moussem").string(),
               [&] {
                 args.insert(args.end(), {"--ready-file", ready_.string(), "--state-file", state_.string()});
                 return args;
               }(),
               [&] {
                 const char* asan = std::getenv("ASAN_OPTIONS");
                 return std::vector<std::string>{"DISPLAY=" + display.name(),
                                                 std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0"};
               }(),
               dir) {}

bool RealApp::waitReady(std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(ready_)) return true;
    if (!process_.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string RealApp::quit() {
  process_.stop(SIGTERM);
  return fs::exists(state_) ? readText(state_) : std::string();
}

XKeyboard::XKeyboard(const XDisplay& display) {
  display_ = XOpenDisplay(display.name().c_str());
  if (!display_) throw std::runtime_error("cannot open display " + display.name());
  int ev = 0, err = 0, major = 0, minor = 0;
  if (!XTestQueryExtension(static_cast<Display*>(display_), &ev, &err, &major, &minor))
    throw std::runtime_error("no XTEST on " + display.name());
}

XKeyboard::~XKeyboard() {
  if (display_) XCloseDisplay(static_cast<Display*>(display_));
}

bool XKeyboard::focusWindow(const std::string& title, std::chrono::seconds timeout) {
  auto* dpy = static_cast<Display*>(display_);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (Window w = findWindow(dpy, DefaultRootWindow(dpy), title)) {
      XSetInputFocus(dpy, w, RevertToParent, CurrentTime);
      XSync(dpy, False);
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

std::optional<std::uint32_t> XKeyboard::pixel(const std::string& title, int x, int y) {
  auto* dpy = static_cast<Display*>(display_);
  const Window w = findWindow(dpy, DefaultRootWindow(dpy), title);
  if (!w) return std::nullopt;
  XImage* image = XGetImage(dpy, w, x, y, 1, 1, AllPlanes, ZPixmap);
  if (!image) return std::nullopt;
  const unsigned long p = XGetPixel(image, 0, 0);
  auto channel = [&](unsigned long mask) {
    unsigned long v = p & mask;
    while (mask && !(mask & 1)) {
      mask >>= 1;
      v >>= 1;
    }
    return static_cast<std::uint32_t>(v & 0xFF);
  };
  const std::uint32_t rgb =
      channel(image->red_mask) << 16 | channel(image->green_mask) << 8 | channel(image->blue_mask);
  XDestroyImage(image);
  return rgb;
}

void XKeyboard::key(int keycode, bool down) {
  auto* dpy = static_cast<Display*>(display_);
  XTestFakeKeyEvent(dpy, static_cast<unsigned>(keycode), down ? True : False, CurrentTime);
  XSync(dpy, False);  // processed (and stamped by the server) now, not when a buffer flushes
}

void XKeyboard::sendUs(char c) {
  bool shift = false;
  const int code = usKeycode(c, shift);
  if (shift) key(kShift, true);
  key(code, true);
  key(code, false);
  if (shift) key(kShift, false);
}

void XKeyboard::scan(const std::string& text, std::chrono::milliseconds gap) {
  // The whole burst is queued at once with XTEST's server-side delays: the X server paces the keys
  // (gap before each one) and stamps them as it goes, as a USB scanner's reports arrive, whatever
  // this busy test process is doing meanwhile.
  auto* dpy = static_cast<Display*>(display_);
  auto fake = [&](int keycode, bool down, unsigned long delay) {
    XTestFakeKeyEvent(dpy, static_cast<unsigned>(keycode), down ? True : False, delay);
  };
  const auto delay = static_cast<unsigned long>(gap.count());
  bool first = true;
  for (char c : text) {
    bool shift = false;
    const int code = usKeycode(c, shift);
    const unsigned long wait = first ? 0 : delay;
    first = false;
    if (shift) fake(kShift, true, wait);
    fake(code, true, shift ? 0 : wait);
    fake(code, false, 0);
    if (shift) fake(kShift, false, 0);
  }
  fake(kReturn, true, delay);
  fake(kReturn, false, 0);
  XSync(dpy, False);  // returns once the server has played the last key
}

void XKeyboard::type(const std::string& text, std::chrono::milliseconds gap) {
  for (char c : text) {
    sendUs(c);
    std::this_thread::sleep_for(gap);
  }
}

void XKeyboard::ctrl(char us) {
  bool shift = false;
  const int code = usKeycode(us, shift);
  key(kControl, true);
  key(code, true);
  key(code, false);
  key(kControl, false);
}

void XKeyboard::press(const std::string& keysym, bool ctrl, bool shift) {
  auto* dpy = static_cast<Display*>(display_);
  const KeySym sym = XStringToKeysym(keysym.c_str());
  const int code = sym == NoSymbol ? 0 : XKeysymToKeycode(dpy, sym);
  if (code == 0) throw std::runtime_error("no key for keysym " + keysym);
  if (ctrl) key(kControl, true);
  if (shift) key(kShift, true);
  // Held for a moment, as a finger does: Dear ImGui 1.86 reads the keys that are down once a frame,
  // and misses a press and release that both fall between two frames.
  key(code, true);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  key(code, false);
  if (shift) key(kShift, false);
  if (ctrl) key(kControl, false);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}

bool XKeyboard::askToClose(const std::string& title) {
  auto* dpy = static_cast<Display*>(display_);
  const Window w = findWindow(dpy, DefaultRootWindow(dpy), title);
  if (!w) return false;
  XEvent e{};
  e.xclient.type = ClientMessage;
  e.xclient.window = w;
  e.xclient.message_type = XInternAtom(dpy, "WM_PROTOCOLS", False);
  e.xclient.format = 32;
  e.xclient.data.l[0] = static_cast<long>(XInternAtom(dpy, "WM_DELETE_WINDOW", False));
  e.xclient.data.l[1] = CurrentTime;
  XSendEvent(dpy, w, False, NoEventMask, &e);
  XSync(dpy, False);
  return true;
}

void XKeyboard::toggleCapsLock() {
  key(kCapsLock, true);
  key(kCapsLock, false);
}

void XKeyboard::enter() {
  key(kReturn, true);
  key(kReturn, false);
}

}  // namespace moussem::test
