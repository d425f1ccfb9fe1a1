// The Action table: one place that names every command of the app with its label, its shortcut and
// when it is enabled. Menus, buttons and the keyboard all go through it. Keys are the UI's own names:
// Dear ImGui 1.86 has no key codes for F-keys or letters, so the app shell translates its window
// system's keys into these (and the headless tests send them directly).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace moussem::ui {

enum class Key {
  None,
  F1,
  F2,
  F3,
  F4,
  F5,
  F6,
  F7,
  F8,
  F9,
  F10,
  F11,
  F12,
  Tab,
  Digit1,
  Digit2,
  Digit3,
  Digit4,
  Digit5,
  Digit6,
  Digit7,
  Digit8,
  Digit9,
  L,
  Q,
  R,
  N,
  P,
  S,
  F,
  E,
  I,
  Z,
  Y,
  K,
  H,
  Delete,
  Plus,
  Minus,
  Digit0,
  O,
  A,
  D,
  Left,
  Right,
  Up,
  Down,
  Escape,
  G,  // the desk: print the agenda
};

struct Chord {
  Key key = Key::None;
  bool ctrl = false;
  bool shift = false;
  bool operator==(const Chord&) const = default;
};

std::string chordLabel(const Chord& chord);  // "Ctrl+Q", "F5"

struct Action {
  std::string id;         // "app.quit"
  std::string label_key;  // catalog key of its label
  Chord shortcut;
  std::function<void()> run;
  std::function<bool()> enabled;  // empty: always
  bool isEnabled() const { return !enabled || enabled(); }
};

class ActionTable {
 public:
  void add(Action action) { actions_.push_back(std::move(action)); }
  const Action* find(const std::string& id) const;
  // Runs the enabled action bound to the chord; false if none.
  bool trigger(const Chord& chord) const;
  bool run(const std::string& id) const;
  const std::vector<Action>& all() const { return actions_; }

 private:
  std::vector<Action> actions_;
};

}  // namespace moussem::ui
