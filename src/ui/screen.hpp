// A screen of the app: draws itself inside the shell's content area. Screens keep their state in
// members (never function-local statics) and leave data work to a plain model beside them.
#pragma once
#include "ui/actions.hpp"

namespace moussem::ui {

class Screen {
 public:
  virtual ~Screen() = default;
  virtual const char* id() const = 0;        // stable: ImGui IDs, tests, settings
  virtual const char* titleKey() const = 0;  // catalog key of its name in the navigation
  virtual void onShow() {}                   // became the visible screen
  virtual void refresh() {}                  // the user asked for fresh data (F5)
  virtual void draw() = 0;
  virtual bool busy() const { return false; }  // long work running: keep drawing frames (progress bars)
  // The screen's own commands (label, shortcut), tried before the app's while it is the visible screen
  // and listed in its menu. nullptr: none.
  virtual const ActionTable* actions() const { return nullptr; }
};

}  // namespace moussem::ui
