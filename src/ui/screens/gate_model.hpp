// What the kiosk gate screen shows and does, with no ImGui: the chosen profile and direction, the
// verdicts (through gate::ScanPipeline, the same code as
// `moussem-cli scan`), counters, the last 20 scans, manual admission and the profile editor.
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gate/camera_scanner.hpp"
#include "gate/gate_station.hpp"
#include "gate/scan_pipeline.hpp"
#include "gate/scanner_input.hpp"
#include "store/store.hpp"

namespace moussem::ui {

struct GateLogRow {
  std::string at, name;
  ScanReason reason = ScanReason::Malformed;
  bool accepted = false;
  bool manual = false;
  std::string name_ar;  // the Arabic name, when the person has one
  Id id = 0;            // the scan's row in the log
};

class GateModel {
 public:
  explicit GateModel(Store& store) : store_(store) {}

  // Loads profiles (creating the defaults on first use) and the pipeline; keeps the error if it fails.
  void load();
  bool loaded() const { return loaded_; }
  const std::string& error() const { return error_; }

  const std::vector<GateProfile>& profiles() const { return profiles_; }
  int selected() const { return selected_; }
  void select(int index);
  const GateProfile* profile() const;
  Direction direction() const { return direction_; }
  void setDirection(Direction direction) { direction_ = direction; }

  // Scans one payload now: a keyboard-wedge scanner's (through the shell), the camera's, a test's.
  void submit(const std::string& payload);
  // Once per frame: the camera's codes go through submit().
  void poll();

  // Camera: codes read by a V4L2 camera go through submit() on the next poll().
  std::vector<std::string> cameras() const { return gate::listCameras(); }
  bool startCamera(const std::string& device);                  // false: message() says why
  void startCamera(std::unique_ptr<gate::FrameSource> source);  // any source (tests, rehearsals)
  void stopCamera() { camera_.reset(); }
  bool cameraOn() const { return camera_ != nullptr; }
  std::string cameraError() const { return camera_ ? camera_->error() : std::string(); }
  long long cameraFrames() const { return camera_ ? camera_->frames() : 0; }
  bool takeCameraPreview(gate::Preview& out) { return camera_ && camera_->takePreview(out); }

  // The last verdict of this profile (kept after it left the screen).
  const std::optional<gate::Verdict>& lastVerdict() const { return last_; }
  // The verdict on show: verdictSeconds() after the scan the screen goes back to "present the badge"
  // (nullptr), so a steward never reads a stale verdict.
  const gate::Verdict* verdictOnShow() const { return last_ && verdictLeft() > 0 ? &*last_ : nullptr; }
  int verdictSeconds() const { return verdictSeconds_; }
  bool setVerdictSeconds(int seconds);  // the edition's setting (organisers); false: message() says why
  double verdictShownFor() const;       // seconds since the verdict on show came; 0 if none
  double verdictLeft() const;           // seconds until it goes; 0 if none

  // One rule for the counters and the list: the edition's day in its time zone, by the gate's clock.
  // today(): that day (YYYY-MM-DD). recent(): the profile's last 20 scans up to now, latest first by
  // time; a row of another day shows its date. acceptedToday(): the accepted scans of today up to now
  // (the undated accepted rows of the list, when it holds them all). insideNow(): the people inside the
  // zone today (presence resets at the venue's midnight, docs/gate.md).
  const std::string& today() const { return today_; }
  const std::deque<GateLogRow>& recent() const { return recent_; }
  long long acceptedToday() const { return acceptedToday_; }
  long long insideNow() const;
  // Seconds until the day changes (the counters start again at midnight): a wake-up for the screen.
  double secondsToNextDay() const;
  // "OFFLINE · n queued" while a gate on a shared server decides from its local copy; else empty.
  std::string offlineStatus() const;
  bool onSharedServer() const { return station_ != nullptr; }  // its connection state may change any time

  // Manual fallback.
  std::string search;
  std::string manualReason;
  void runSearch();
  const std::vector<Person>& matches() const { return matches_; }
  bool admit(Id person);  // false: message() says why
  // The last message, in the language on show (a message of the catalog follows a language switch).
  std::string message() const;

  // Profile editor: validates, then inserts (id 0) or updates; false: message() says why.
  bool saveProfile(GateProfile profile);

  // The clock of the verdicts (tests and rehearsals may play any moment).
  void setClock(std::function<gate::Moment()> clock) { clock_ = std::move(clock); }
  // The clock of the verdict's time on screen (monotonic seconds; tests move their own).
  void setScreenClock(std::function<double()> clock) { seconds_ = std::move(clock); }
  const std::vector<Category>& categories() const { return categories_; }

 private:
  void record(const gate::Verdict& v);
  void reloadCounters();
  void say(std::string key);       // a catalog message, translated when shown
  void sayText(std::string text);  // a message already in words (an Error's)
  GateLogRow rowOf(const ScanRecord& s);

  Store& store_;
  std::unique_ptr<gate::ScanPipeline> pipeline_;
  std::unique_ptr<gate::GateStation> station_;  // shared server: decides offline from a local copy
  std::vector<GateProfile> profiles_;
  std::vector<Category> categories_;
  int selected_ = -1;
  Direction direction_ = Direction::In;
  std::optional<gate::Verdict> last_;
  double lastShownAt_ = 0;  // screen clock
  int verdictSeconds_ = gate::kDefaultVerdictSeconds;
  std::deque<GateLogRow> recent_;
  std::string today_;
  gate::Moment countedAt_;  // the moment the counters were read
  long long acceptedToday_ = 0;
  std::vector<Person> matches_;
  std::string message_, messageKey_, error_;
  bool loaded_ = false;
  std::function<gate::Moment()> clock_ = [] { return gate::now(); };
  std::function<double()> seconds_ = gate::monotonicSeconds;
  std::unique_ptr<gate::CameraScanner> camera_;  // last: stopped before the pipeline goes
};

}  // namespace moussem::ui
