#include "ui/actions.hpp"

namespace moussem::ui {

std::string chordLabel(const Chord& c) {
  static const char* names[] = {"",    "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8",  "F9", "F10", "F11", "F12",
                                "Tab", "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",   "9",  "L",   "Q",   "R",
                                "N",   "P",  "S",  "F",  "E",  "I",  "Z",  "Y",  "K",   "H",  "Del", "+",   "-",
                                "0",   "O",  "A",  "D",  "←",  "→",  "↑",  "↓",  "Esc", "G"};
  if (c.key == Key::None) return {};
  std::string out;
  if (c.ctrl) out += "Ctrl+";
  if (c.shift) out += "Shift+";
  return out + names[static_cast<int>(c.key)];
}

const Action* ActionTable::find(const std::string& id) const {
  for (const auto& a : actions_)
    if (a.id == id) return &a;
  return nullptr;
}

bool ActionTable::trigger(const Chord& chord) const {
  if (chord.key == Key::None) return false;
  for (const auto& a : actions_)
    if (a.shortcut == chord && a.isEnabled()) {
      a.run();
      return true;
    }
  return false;
}

bool ActionTable::run(const std::string& id) const {
  const Action* a = find(id);
  if (!a || !a->isEnabled()) return false;
  a->run();
  return true;
}

}  // namespace moussem::ui
