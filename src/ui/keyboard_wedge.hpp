// Keyboard-wedge scanners on every screen: the app hands over each physical key as it arrives
// (keyDown), and at the start of each frame (beginFrame, after ImGui::NewFrame and before any widget)
// the characters the keyboard layout typed are held while the keys may still be a scanner burst,
// dropped when they were one, let through when a person typed them. Nothing of a burst ever reaches a
// text field, whatever the layout, Caps Lock or focus; the payloads go to the screen on show. For the
// frames right after a burst the screen is drawn disabled, so the burst's Enter presses nothing.
#pragma once
#include <string>
#include <vector>

#include "gate/scanner_input.hpp"

namespace moussem::ui {

class KeyboardWedge {
 public:
  void keyDown(const gate::KeyPress& key) { decoder_.press(key); }
  // now: the clock the keys' arrival times use. Returns the payloads scanned since the last frame.
  std::vector<std::string> beginFrame(double now);
  bool inputLocked() const { return lockFrames_ > 0; }
  bool capsLock() const { return decoder_.capsLock(); }
  // Keys are held waiting for the run to end: the loop must draw again soon (wakeAfter seconds).
  bool pending() const { return decoder_.pending(); }
  double wakeAfter() const { return decoder_.config().end_gap + 0.01; }  // a burst's longer pause: woken again

 private:
  gate::ScannerDecoder decoder_;
  std::u16string held_;
  std::size_t seenBursts_ = 0;
  int lockFrames_ = 0;
};

}  // namespace moussem::ui
