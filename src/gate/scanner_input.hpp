// Keyboard-wedge scanners: a scanner "types" its payload as a US keyboard would, so its text is rebuilt
// from physical key positions (GLFW key tokens, named after the US layout) and Shift, never from the
// layout-translated characters: a US-configured scanner reads right on French AZERTY and Arabic layouts.
// A burst is told from a person typing by timing (keys closer than max_gap), length and a terminator
// (Enter or Tab); a burst cut off without terminator is handed over once the keys stop, to be judged
// like any payload. Pure logic: the app stamps the keys, the screen feeds them here.
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
                     RightBracket = 93, GraveAccent = 96, Enter = 257, Tab = 258, Backspace = 259,
                     KeypadEnter = 335, LeftShift = 340, RightShift = 344;
}  // namespace keys

struct KeyPress {
  int key = 0;        // physical key (keys::...)
  bool shift = false;
  bool caps_lock = false;
  double time = 0;    // seconds, any monotonic origin
};

// The character a US keyboard gives for a key, or '\0' (Enter, Tab, Shift...).
char usCharacter(int key, bool shift, bool caps_lock = false);
// The physical key and Shift state that type c on a US keyboard; nullopt if none.
std::optional<KeyPress> usKeyFor(char c);

class ScannerDecoder {
 public:
  struct Config {
    double max_gap = 0.035;      // seconds between keys of a burst (scanners: ~7-16 ms; people: >50 ms)
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

 private:
  void resolve(bool terminated);

  Config config_;
  std::string buffer_;
  double first_ = 0, last_ = 0;
  std::vector<std::string> payloads_;
  std::size_t bursts_ = 0, human_ = 0;
};

}  // namespace moussem::gate
