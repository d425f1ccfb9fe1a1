// The app's frame: menu bar, navigation between screens, the current screen, and a status line
// (database, backend, schema, station, demo marker). Knows ImGui only: the window, GL and the keyboard
// of the system stay in src/app.
#pragma once
#include <imgui.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/roles.hpp"
#include "store/store.hpp"
#include "ui/actions.hpp"
#include "ui/background_task.hpp"
#include "ui/keyboard_wedge.hpp"
#include "ui/screen.hpp"

namespace moussem::ui {

class Shell {
 public:
  explicit Shell(Store& store);
  // The screens this user's role may use; a gate user gets the gate screen alone (kiosk).
  Shell(Store& store, const Actor& actor);

  void draw();                     // one frame, filling the main viewport
  bool onKey(const Chord& chord);  // a shortcut from the app; true if an action took it
  // A physical key went down (GLFW key token = US position), as it arrived: scanners are read from these
  // on every screen (ui/keyboard_wedge.hpp), their payloads handed to the screen on show.
  void onPhysicalKey(const gate::KeyPress& key) { wedge_.keyDown(key); }
  // The clock of the keys' arrival times (tests play their own).
  void setKeyClock(std::function<double()> clock) { keyClock_ = std::move(clock); }

  void select(const std::string& screen_id);
  void selectNext();
  const Screen& current() const { return *screens_[current_]; }
  const std::vector<std::unique_ptr<Screen>>& screens() const { return screens_; }
  void setLanguage(const std::string& lang);  // live switch
  // The operator's choice (menu, Ctrl+L): switches live and keeps it as this station's language.
  void chooseLanguage(const std::string& lang);
  // The setting that holds a station's language ("station.NAME.language").
  static std::string languageSetting(const std::string& station);
  bool quitRequested() const { return quit_; }
  bool kiosk() const { return kiosk_; }
  // A locked station (`moussem --kiosk`): nothing quits the app from the menu or the keyboard, and
  // signing out takes an administrator's PIN, whatever the role (Session).
  void setLocked(bool locked) { locked_ = locked; }
  bool locked() const { return locked_ || kiosk_; }
  const Actor& actor() const { return actor_; }
  // The user asked to sign out (menu, Ctrl+Shift+O in a kiosk): the session takes it from here.
  bool signOutRequested() const { return signOut_; }
  // This station's scheduled backup (backup --schedule): started on a worker when due, checked about
  // once a minute; the status line shows the last one. Returns true when one was started.
  bool backupIfDue(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
  void waitForBackup() { backup_.wait(); }  // tests
  // The screen on show has something moving (a progress bar): the app keeps drawing frames. Screens
  // not on show never keep the app awake; their workers wake it once when they end.
  bool busy() const { return screens_[current_]->busy(); }
  // Seconds until a frame is due although nothing happens (Screen::nextFrameIn, the backup check, keys
  // held by the scanner decoder); kNoWake: sleep until input.
  double nextFrameIn() const;
  const ActionTable& actions() const { return actions_; }
  const std::string& stationName() const { return station_; }
  // Where each navigation entry was drawn in the last frame (screen coordinates), for tests.
  const std::vector<std::pair<ImVec2, ImVec2>>& navigationRects() const { return navRects_; }

 private:
  void drawMenu();
  void drawNavigation(float width, float height);
  void drawStatus();

  Store& store_;
  Actor actor_;
  bool kiosk_ = false;
  bool locked_ = false;
  bool signOut_ = false;
  std::vector<std::unique_ptr<Screen>> screens_;
  std::size_t current_ = 0;
  ActionTable actions_;
  std::string station_;
  std::string status_;  // database line, computed once
  bool demo_ = false;
  bool quit_ = false;
  std::vector<std::pair<ImVec2, ImVec2>> navRects_;
  KeyboardWedge wedge_;
  std::function<double()> keyClock_ = gate::monotonicSeconds;
  BackgroundTask backup_;
  double nextBackupCheck_ = 0;  // ImGui time
  std::string lastBackup_, backupError_;
  bool hasBackupPlan_ = false;
};

}  // namespace moussem::ui
