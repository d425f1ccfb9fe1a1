// A locked station's screen stays on: while one of these lives, the X server's screen saver and its
// power saving (DPMS) are suspended (XScreenSaverSuspend); they come back when it goes, or when the
// process ends however it ends (the X server drops the suspension with the connection). Desktop
// sessions that blank by themselves (GNOME, Xfce) are told so by the kiosk's session script
// (docs/install.md).
#pragma once

struct GLFWwindow;

namespace moussem::app {

class ScreenAwake {
 public:
  explicit ScreenAwake(GLFWwindow* window);
  ~ScreenAwake();
  ScreenAwake(const ScreenAwake&) = delete;
  ScreenAwake& operator=(const ScreenAwake&) = delete;
  bool active() const { return display_ != nullptr; }

 private:
  void* display_ = nullptr;  // X11 Display*, null when not on X11 or without the extension
};

}  // namespace moussem::app
