// The real `moussem` process in a real X display, driven and watched the way people and other programs
// meet it: Xvfb started with -noreset (keyboard layouts set with setxkbmap stay), the app started on a
// database, keys sent through XTEST as raw keycodes (a keyboard-wedge scanner sends US key positions
// whatever the layout), and the process observed from outside: its CPU time, memory, open files and
// the POSIX locks it holds (/proc).
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace moussem::test {

// Xvfb on a free display number, stopped and waited for when this goes.
class XDisplay {
 public:
  explicit XDisplay(int width = 1280, int height = 800);
  ~XDisplay();
  XDisplay(const XDisplay&) = delete;
  XDisplay& operator=(const XDisplay&) = delete;
  const std::string& name() const { return name_; }  // ":N"
  // setxkbmap on this display: "us", "fr", "ara"...
  void setLayout(const std::string& layout) const;

 private:
  pid_t pid_ = -1;
  std::string name_;
};

// A program started in the background (its output to files in dir), killed when this goes.
class Process {
 public:
  Process(const std::string& exe, const std::vector<std::string>& args, const std::vector<std::string>& env,
          const std::filesystem::path& dir);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  pid_t pid() const { return pid_; }
  bool running();
  // Sends sig and waits up to timeout for the exit; returns the exit status (128+signal when killed),
  // or -1 if it did not end.
  int stop(int sig, std::chrono::milliseconds timeout = std::chrono::seconds(60));
  std::string stderrText() const;
  // Seconds of CPU the process has used (user + system, every thread), from /proc.
  double cpuSeconds() const;
  long residentKb() const;
  // The targets of its open descriptors (/proc/PID/fd), "(deleted)" kept.
  std::vector<std::string> openFiles() const;
  // Whether it holds a POSIX (or OFD) lock on this file's inode (/proc/locks).
  bool holdsLockOn(const std::filesystem::path& file) const;

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::filesystem::path err_;
};

// The real app under a display, with the options scripted tests use: --ready-file (the loop is up and
// idle), --state-file (written at a clean exit). ASan's leak check is off for it (Mesa, see
// test_window.cpp); every other sanitizer check stays on.
class RealApp {
 public:
  RealApp(const XDisplay& display, const std::filesystem::path& dir, std::vector<std::string> args);
  // Waits (up to timeout) until the app wrote its ready file; false if it died or never got there.
  bool waitReady(std::chrono::seconds timeout = std::chrono::seconds(120));
  Process& process() { return process_; }
  // Ends the app with SIGTERM (a clean exit) and returns its state file's JSON text ("" if none).
  std::string quit();

 private:
  std::filesystem::path ready_, state_;
  Process process_;
};

// A keyboard through XTEST: keys as a person types them and as a US-configured scanner sends them.
class XKeyboard {
 public:
  explicit XKeyboard(const XDisplay& display);
  ~XKeyboard();
  XKeyboard(const XKeyboard&) = delete;
  XKeyboard& operator=(const XKeyboard&) = delete;
  // Waits for a top-level window of this title and gives it the keyboard focus.
  bool focusWindow(const std::string& title, std::chrono::seconds timeout = std::chrono::seconds(60));
  // A scanner: the US key positions of text, Shift where a US keyboard needs it, gap between keys,
  // then Enter. The layout and Caps Lock of the display do what they do to it.
  void scan(const std::string& text, std::chrono::milliseconds gap = std::chrono::milliseconds(10));
  // A person: the same keys, slowly (gap between keys), no Enter.
  void type(const std::string& text, std::chrono::milliseconds gap = std::chrono::milliseconds(150));
  void ctrl(char us);  // Ctrl + the key at a US letter or digit's position
  // A key by its X keysym name ("Tab", "Down", "space", "Return", "o"...), with modifiers held; held
  // down for a tenth of a second, as a person presses it.
  void press(const std::string& keysym, bool ctrl = false, bool shift = false);
  // What a window manager's close button (or Alt+F4) does: WM_DELETE_WINDOW sent to the window of this
  // title. False if there is no such window.
  bool askToClose(const std::string& title);
  void toggleCapsLock();
  void enter();
  // What the window of this title shows at (x, y) of its own, 0xRRGGBB, read back from the X server as
  // any screenshot tool would; nullopt if there is no such window.
  std::optional<std::uint32_t> pixel(const std::string& title, int x, int y);

 private:
  void key(int keycode, bool down);
  void sendUs(char c);
  void* display_ = nullptr;  // Display*
};

}  // namespace moussem::test
