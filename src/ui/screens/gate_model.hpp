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
  std::string at, name, reason;
  bool accepted = false;
  bool manual = false;
  std::string name_ar;  // the Arabic name, when the person has one
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
  const std::string& direction() const { return direction_; }
  void setDirection(const std::string& direction) { direction_ = direction == "out" ? "out" : "in"; }

  // Scans one payload now: a keyboard-wedge scanner's (through the shell), the camera's, a test's.
  void submit(const std::string& payload);
  // Once per frame: the camera's codes go through submit().
  void poll();

  // Camera: codes read by a V4L2 camera go through submit() on the next poll().
  std::vector<std::string> cameras() const { return gate::listCameras(); }
  bool startCamera(const std::string& device);  // false: message() says why
  void startCamera(std::unique_ptr<gate::FrameSource> source);  // any source (tests, rehearsals)
  void stopCamera() { camera_.reset(); }
  bool cameraOn() const { return camera_ != nullptr; }
  std::string cameraError() const { return camera_ ? camera_->error() : std::string(); }
  long long cameraFrames() const { return camera_ ? camera_->frames() : 0; }
  bool takeCameraPreview(gate::Preview& out) { return camera_ && camera_->takePreview(out); }

  const std::optional<gate::Verdict>& lastVerdict() const { return last_; }
  const std::deque<GateLogRow>& recent() const { return recent_; }  // newest first, at most 20
  long long acceptedToday() const { return acceptedToday_; }
  long long insideNow() const;
  // "OFFLINE · n queued" while a gate on a shared server decides from its local copy; else empty.
  std::string offlineStatus() const;
  bool onSharedServer() const { return station_ != nullptr; }  // its connection state may change any time

  // Manual fallback.
  std::string search;
  std::string manualReason;
  void runSearch();
  const std::vector<Person>& matches() const { return matches_; }
  bool admit(Id person);  // false: message() says why
  const std::string& message() const { return message_; }

  // Profile editor: validates, then inserts (id 0) or updates; false: message() says why.
  bool saveProfile(GateProfile profile);

  // The clock of the verdicts (tests and rehearsals may play any moment).
  void setClock(std::function<gate::Moment()> clock) { clock_ = std::move(clock); }
  std::string categoryColor(const std::string& code) const;

 private:
  void record(const gate::Verdict& v);
  void reloadCounters();

  Store& store_;
  std::unique_ptr<gate::ScanPipeline> pipeline_;
  std::unique_ptr<gate::GateStation> station_;  // shared server: decides offline from a local copy
  std::vector<GateProfile> profiles_;
  std::vector<Category> categories_;
  int selected_ = -1;
  std::string direction_ = "in";
  std::optional<gate::Verdict> last_;
  std::deque<GateLogRow> recent_;
  long long acceptedToday_ = 0;
  std::vector<Person> matches_;
  std::string message_, error_;
  bool loaded_ = false;
  std::function<gate::Moment()> clock_ = [] { return gate::now(); };
  std::unique_ptr<gate::CameraScanner> camera_;  // last: stopped before the pipeline goes
};

}  // namespace moussem::ui
