// The kiosk gate screen: pick a gate profile, then every verdict large (green or red over at least a
// third of the screen), names in Latin and Arabic, category colour, organisation, the reason in the
// steward's language; counters, the last 20 scans, entry/exit toggle, manual admission, profile editor.
// Scanner bursts are read from physical keys by the shell (ui/keyboard_wedge.hpp), whatever the layout
// or Caps Lock, and arrive here whole (onScan); Caps Lock on is shown to the steward all the same.
// A V4L2 camera can read badges too (zbar), with a live preview to aim.
#pragma once
#include <string>
#include <vector>

#include "ui/screen.hpp"
#include "ui/screens/gate_model.hpp"
#include "ui/textures.hpp"

namespace moussem::ui {

class GateScreen final : public Screen {
 public:
  explicit GateScreen(Store& store);
  const char* id() const override { return "gate"; }
  const char* titleKey() const override { return "nav.gate"; }
  void onShow() override { model_.load(); }
  void refresh() override { model_.load(); }
  void draw() override;
  // Live preview and camera reads need frames; so does a verdict fading out.
  bool busy() const override;
  // A verdict goes after a few seconds, the counters start again at midnight, and on a shared server the
  // line "offline · n queued" follows the connection (looked at every second).
  double nextFrameIn() const override;

  void onScan(const std::string& payload) override { model_.submit(payload); }
  const ActionTable* actions() const override { return &actions_; }
  void setCapsLock(bool on) override { capsLock_ = on; }
  GateModel& model() { return model_; }
  void focusSearch() { focusSearch_ = true; }                       // keyboard focus to the name search (tests, F-key)
  float verdictHeightFraction() const { return verdictFraction_; }  // of the screen, last frame
  // Last frame's font sizes of the verdict ("ACCESS DENIED") and of its reason (0: no verdict on show),
  // and the width of the last scans' reason column.
  float verdictTitleSize() const { return titleSize_; }
  float verdictReasonSize() const { return reasonSize_; }
  float lastScansReasonWidth() const { return lastScansReasonWidth_; }
  const std::vector<std::string>& verdictLines() const { return verdictLines_; }  // logical, last frame
  bool showsCapsLock() const { return capsLock_; }

 private:
  void drawVerdict(float height);
  void drawSide();
  void drawLastScans(const ImVec2& size);
  void drawManual();
  void drawCamera();
  void drawEditor();

  GateModel model_;
  ActionTable actions_;
  Texture cameraPreview_;
  std::vector<std::string> cameras_;  // listed when the camera section opens
  int camera_ = 0;
  bool capsLock_ = false;
  bool focusSearch_ = false;
  float verdictFraction_ = 0, titleSize_ = 0, reasonSize_ = 0, lastScansReasonWidth_ = 0;
  int draftVerdictSeconds_ = 0;
  std::vector<std::string> verdictLines_;
  GateProfile draft_;
  char draftName_[65] = {}, draftCategories_[256] = {}, draftDays_[256] = {}, draftHours_[16] = {};
  int draftZone_ = 0, draftReentry_ = 0, draftPresence_ = 0;
  bool draftOut_ = false;
};

}  // namespace moussem::ui
