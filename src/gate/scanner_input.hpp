// Keyboard-wedge scanners: a scanner "types" its payload as a US keyboard would, so its text is rebuilt
// from physical key positions (GLFW key tokens, named after the US layout) and Shift, never from the
// layout-translated characters: a US-configured scanner reads right on French AZERTY and Arabic layouts.
// A run of keys ends at a terminator (Enter or Tab), a key no scanner sends (Backspace...), or a pause
// of end_gap. It was a burst when it is long (min_length) and fast: the median gap between its keys is
// at most burst_gap. The median, not the largest gap, so that one hiccup of a busy machine or hub in
// the middle of a burst does not cut it, while a person, however fast, never types a run of 8 keys 35
// ms apart. A burst cut off without terminator is handed over too, to be judged like any payload.
// Pure logic: the app stamps the keys, the shell feeds them here.
//
// Time: each key carries the moment it went down (the window system's own event time where there is
// one) and the moment the app received it. Gaps between keys are judged on the first, so a slow frame,
// during which keys wait in the window system's queue and then arrive all at once, never splits or
// joins a burst; "the keys have stopped" is judged on the second, against the clock given to poll().
// Payloads come out upper-cased: the badge alphabet has no lower case, so a burst read with Caps Lock
// on (letters inverted) is the same badge.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace moussem::gate {

// Physical keys, values of GLFW's key tokens (printable keys are the US character's code).
namespace keys {
inline constexpr int Space = 32, Apostrophe = 39, Comma = 44, Minus = 45, Period = 46, Slash = 47, Digit0 = 48,
                     Digit9 = 57, Semicolon = 59, Equal = 61, A = 65, Z = 90, LeftBracket = 91, Backslash = 92,
                     RightBracket = 93, GraveAccent = 96, Enter = 257, Tab = 258, Backspace = 259, KeypadEnter = 335,
                     LeftShift = 340, RightShift = 344;
}  // namespace keys

struct KeyPress {
  int key = 0;  // physical key (keys::...)
  bool shift = false;
  bool caps_lock = false;
  double time = 0;      // seconds when the key went down, any monotonic origin (event time)
  double arrival = -1;  // seconds when the app received it, on poll()'s clock; < 0: the same as time
};

// The clock the app stamps arrivals with and polls the decoder with (steady, seconds).
double monotonicSeconds();

// The character a US keyboard gives for a key, or '\0' (Enter, Tab, Shift...).
char usCharacter(int key, bool shift, bool caps_lock = false);
// The physical key and Shift state that type c on a US keyboard; nullopt if none.
std::optional<KeyPress> usKeyFor(char c);

class ScannerDecoder {
 public:
  struct Config {
    double burst_gap = 0.035;  // median seconds between a burst's keys (scanners: ~7-16 ms; people: >50 ms)
    double end_gap = 0.1;      // a pause that ends a run; also how long a person's key waits at most
    // A pause that ends a run already known to be a burst (min_burst_keys keys, median gap within
    // burst_gap): a starved machine or a busy hub may stall a scan for a few hundred ms mid-way, and
    // cutting it there would read one badge as two malformed ones. Only a scanner with no terminator
    // configured waits this long for its payload to be taken.
    double burst_pause = 0.4;
    std::size_t min_burst_keys = 4;
    std::size_t min_length = 8;  // shorter: a person typing
    std::size_t max_length = 4096;
  };
  ScannerDecoder() = default;
  explicit ScannerDecoder(Config config) : config_(config) {}

  // A key went down. Modifier keys alone are ignored.
  void press(const KeyPress& key);
  // Time passes: resolves a pending run of keys once they stop (a person typing, or a cut-off burst).
  void poll(double now);

  // Payloads recognised so far, oldest first (text without terminator).
  std::vector<std::string> takePayloads();
  // Keys are held: they may still turn out to be a burst, so typed characters must wait.
  bool pending() const { return !buffer_.empty(); }
  // Number of runs judged to be scanner bursts so far: the screen drops the characters they typed.
  std::size_t bursts() const { return bursts_; }
  // Number of runs judged to be a person typing: the screen lets their characters through.
  std::size_t humanRuns() const { return human_; }
  const Config& config() const { return config_; }
  // Caps Lock as the last key reported it (the gate tells the steward; scans are read right anyway).
  bool capsLock() const { return caps_lock_; }

 private:
  void resolve(bool terminated);
  double endGap() const;  // the pause that ends the run held now: end_gap, or burst_pause for a burst

  Config config_;
  std::string buffer_;
  std::vector<double> gaps_;  // between the run's keys, seconds
  double last_ = 0, last_arrival_ = 0;
  bool caps_lock_ = false;
  std::vector<std::string> payloads_;
  std::size_t bursts_ = 0, human_ = 0;
};

}  // namespace moussem::gate
