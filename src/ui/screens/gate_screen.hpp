// The kiosk gate screen: pick a gate profile, then every verdict large (green or red over at least a
// third of the screen), names in Latin and Arabic, category colour, organisation, the reason in the
// steward's language; counters, the last 20 scans, entry/exit toggle, manual admission, profile editor.
// Scanner bursts arrive as physical keys (onPhysicalKey) and never reach a text field: typed characters
// are held while keys may still be a burst, dropped if they were one, let through if a person typed.
// A V4L2 camera can read badges too (zbar), with a live preview to aim.
#pragma once
#include <string>

#include "ui/screen.hpp"
#include "ui/screens/gate_model.hpp"
#include "ui/textures.hpp"

namespace moussem::ui {

class GateScreen final : public Screen {
 public:
  explicit GateScreen(Store& store) : model_(store) {}
  const char* id() const override { return "gate"; }
  const char* titleKey() const override { return "nav.gate"; }
  void onShow() override { model_.load(); }
  void refresh() override { model_.load(); }
  void draw() override;
  bool busy() const override { return model_.cameraOn(); }  // live preview and camera reads need frames

  // A physical key went down (US-position key token, see gate/scanner_input.hpp), stamped with the
  // ImGui clock (ImGui::GetTime()).
  void onPhysicalKey(const gate::KeyPress& key) { model_.keyDown(key); }
  GateModel& model() { return model_; }
  void focusSearch() { focusSearch_ = true; }  // keyboard focus to the name search (tests, F-key)
  float verdictHeightFraction() const { return verdictFraction_; }  // of the screen, last frame

 private:
  void filterTypedCharacters();
  void drawVerdict(float height);
  void drawSide();
  void drawManual();
  void drawCamera();
  void drawEditor();

  GateModel model_;
  Texture cameraPreview_;
  std::vector<std::string> cameras_;  // listed when the camera section opens
  int camera_ = 0;
  std::u16string held_;   // characters typed while keys might be a scanner burst
  std::size_t seenBursts_ = 0, seenHuman_ = 0;
  int lockFrames_ = 0;    // frames after a burst when buttons ignore Enter
  bool focusSearch_ = false;
  float verdictFraction_ = 0;
  GateProfile draft_;
  char draftName_[65] = {}, draftCategories_[256] = {}, draftDays_[256] = {}, draftHours_[16] = {};
  int draftZone_ = 0, draftReentry_ = 0;
  bool draftOut_ = false;
};

}  // namespace moussem::ui
