// What the window shows before a station has its database: the first-run enrolment form (no database
// named, none in the data folder), the wait while the administrator's station upgrades the shared
// server ("the server is being upgraded": tried again every few seconds), the administrator's own
// confirmation of that upgrade with a reminder to back up first, a server out of reach, and a refusal
// that says what to do (a newer schema: which Moussem to install). Once the store is open the window
// hands over to the Session. The form's actions are plain methods (the view calls them; tests too).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/station.hpp"
#include "store/store.hpp"

namespace moussem::ui {

class Startup {
 public:
  using Clock = std::chrono::steady_clock;
  enum class State {
    Ready,           // the store is open
    Waiting,         // the server is being upgraded, or out of reach: tried again by itself
    ConfirmUpgrade,  // the administrator's station: upgrade after a backup, or quit
    Refused,         // cannot open: the message says why and what to do
    Enrol,           // the first-run form
  };
  static constexpr double kRetrySeconds = 5;

  // url: the database to open, tried by attempt() or the first frame ("": the enrolment form).
  // fromStation: the url comes from this station's enrolment (a failure offers to enrol again).
  explicit Startup(
      std::string url, bool fromStation = false,
      std::function<Clock::time_point()> clock = [] { return Clock::now(); });
  // The enrolment form first, with this message (a station configuration that does not read).
  static Startup enrolFirst(const std::string& message);
  // An already open store (the caller opened it before the window).
  explicit Startup(std::unique_ptr<Store> store);

  State state() const { return state_; }
  bool ready() const { return state_ == State::Ready; }
  Store& store() { return *store_; }
  const std::string& message() const { return message_; }
  bool quitRequested() const { return quit_; }
  // The screen of the job of a station enrolled in this form ("": none was).
  const std::string& home() const { return home_; }
  // A code for scripts (the app's --state-file): "ready", "waiting", "confirm-upgrade", "refused", "enrol".
  std::string stateCode() const;

  // Tries to open the database now.
  State attempt();
  // Once a frame: a new attempt when one is due (Waiting).
  void poll();
  // Seconds until the next attempt is due (Waiting), else a long time.
  double nextAttemptIn() const;

  // The administrator's confirmation: nothing happens unless backedUp.
  bool confirmUpgrade(bool backedUp);
  // The first-run form: enrols this station (store/station_enrolment.hpp) and opens its server. False:
  // message() says why, and nothing was written.
  bool submitEnrolment(const StationConfig& config, const std::string& password, bool kiosk);
  // The first-run form's other way: the demo edition (created with demo data on first start).
  bool openDemo();
  void showEnrolment();  // a refused station: to the form
  void quit() { quit_ = true; }

  void draw();  // one frame (ImGui)

 private:
  void opened();

  std::string url_;
  bool fromStation_ = false;
  std::function<Clock::time_point()> clock_;
  State state_ = State::Enrol;
  std::unique_ptr<Store> store_;
  std::string message_, home_;
  Clock::time_point nextAttempt_{};
  int upgradeFrom_ = 0, upgradeTo_ = 0;
  bool quit_ = false;
  // The form's fields (members, never statics).
  StationConfig form_;
  char password_[257] = {};
  bool kiosk_ = false, backedUp_ = false, focusForm_ = true;
  int roleIndex_ = 2;  // desk
};

}  // namespace moussem::ui
