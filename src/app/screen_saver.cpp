#include "app/screen_saver.hpp"

#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>

namespace moussem::app {

ScreenAwake::ScreenAwake(GLFWwindow* window) {
  (void)window;
  Display* display = glfwGetX11Display();
  int event = 0, error = 0;
  if (!display || !XScreenSaverQueryExtension(display, &event, &error)) return;
  XScreenSaverSuspend(display, True);
  XFlush(display);
  display_ = display;
}

ScreenAwake::~ScreenAwake() {
  if (!display_) return;
  XScreenSaverSuspend(static_cast<Display*>(display_), False);
  XFlush(static_cast<Display*>(display_));
}

}  // namespace moussem::app
