// Who uses this station, and for how long: the sign-in form (or the creation of the first
// administrator), the shell of the signed-in user over a GuardedStore, the lock after idle time, and a
// gate's kiosk that only an administrator's PIN ends. The app's window loop draws this, not the shell.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "store/guarded_store.hpp"
#include "ui/screens/sign_in_model.hpp"
#include "ui/shell.hpp"

namespace moussem::ui {

class Session {
 public:
  using Clock = std::chrono::steady_clock;
  enum class State { FirstAdmin, SignIn, Active, Locked, KioskExit };

  // store: the station's connection (outlives the session). clock: for tests of the idle lock.
  explicit Session(
      Store& store, std::function<Clock::time_point()> clock = [] { return Clock::now(); });

  void draw();                     // one frame
  bool onKey(const Chord& chord);  // shortcuts, when a shell is active
  void onPhysicalKey(const gate::KeyPress& key);
  void activity();  // the user did something: the idle timer starts again

  State state() const { return state_; }
  Shell* shell() { return state_ == State::Active || state_ == State::KioskExit ? shell_.get() : nullptr; }
  SignInModel& model() { return model_; }
  bool quitRequested() const { return quit_ || (shell_ && shell_->quitRequested()); }
  // A locked station (`moussem --kiosk`): every role's shell is locked (Shell::setLocked), signing out
  // takes an administrator's PIN, and only an administrator's PIN closes the app.
  void setLocked(bool locked);
  bool locked() const { return locked_; }
  // The screen this station's job opens on after each sign-in ("gate", "desk"...; "": the first).
  void setHomeScreen(const std::string& screen);
  bool busy() const { return state_ == State::Active && shell_ && shell_->busy(); }
  // Seconds until a frame is due with no input (Shell::nextFrameIn, the idle lock); kNoWake: none.
  double nextFrameIn() const;
  void setLanguage(const std::string& lang);

  // What the forms submit (the view calls these; tests too).
  bool submitSignIn(const std::string& name, const std::string& pin);
  bool submitFirstAdmin(const std::string& name, const std::string& pin, const std::string& again);
  bool submitUnlock(const std::string& pin);  // the locked user's own PIN
  bool submitKioskExit(const std::string& admin, const std::string& pin);
  bool submitKioskClose(const std::string& admin, const std::string& pin);  // a locked station: the app ends
  void cancelKioskExit();

 private:
  void start(const Actor& actor);
  void signOut();
  void drawForm();

  Store& store_;
  std::function<Clock::time_point()> clock_;
  SignInModel model_;
  State state_ = State::SignIn;
  std::unique_ptr<GuardedStore> guarded_;
  std::unique_ptr<Shell> shell_;
  Clock::time_point lastActivity_;
  bool locked_ = false, quit_ = false;
  std::string home_;
  // The form's fields (members, never statics) and where the keyboard goes first.
  std::string name_;  // user names may be in Arabic: a shaped field
  char pin_[257] = {};
  char again_[257] = {};
  bool focusFirst_ = true;
  float formHeight_ = 0;  // the form's content height in the last frame: the box fits it (0: not known yet)
};

}  // namespace moussem::ui
