// A screen of the app: draws itself inside the shell's content area. Screens keep their state in
// members (never function-local statics) and leave data work to a plain model beside them.
#pragma once
#include <string>

#include "ui/actions.hpp"

namespace moussem::ui {

// "No frame needed until something happens" (Screen::nextFrameIn).
inline constexpr double kNoWake = 1e9;

class Screen {
 public:
  virtual ~Screen() = default;
  virtual const char* id() const = 0;        // stable: ImGui IDs, tests, settings
  virtual const char* titleKey() const = 0;  // catalog key of its name in the navigation
  virtual void onShow() {}                   // became the visible screen
  virtual void refresh() {}                  // the user asked for fresh data (F5)
  virtual void draw() = 0;
  // Something on screen moves right now (a progress bar, a camera preview): the app draws frame after
  // frame while it is the screen on show. Otherwise the app sleeps until input, a worker's end, or
  // nextFrameIn(): an idle app costs no CPU.
  virtual bool busy() const { return false; }
  // Seconds until this screen needs a frame although nothing happened (a refresh due, a verdict to
  // clear), measured from its last frame; kNoWake: never.
  virtual double nextFrameIn() const { return kNoWake; }
  // A keyboard-wedge scanner read this payload while the screen was on show (ui/keyboard_wedge.hpp).
  virtual void onScan(const std::string& payload) { (void)payload; }
  // Caps Lock as the keyboard last reported it, before each frame (the gate warns the steward).
  virtual void setCapsLock(bool on) { (void)on; }
  // The screen's own commands (label, shortcut), tried before the app's while it is the visible screen
  // and listed in its menu. nullptr: none.
  virtual const ActionTable* actions() const { return nullptr; }
};

}  // namespace moussem::ui
