#include "app/key_times.hpp"

// Before X11's headers, whose macros (KeyPress...) would clash with its names.
#include "gate/scanner_input.hpp"

#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>

#include <algorithm>
#include <cstdint>

namespace moussem::app {

namespace {
// XCheckIfEvent's predicate: notes every key press it is shown and takes none, so the queue is read
// through and left whole for GLFW.
Bool notePressCallback(Display*, XEvent* event, XPointer self) {
  if (event->type == KeyPress)
    reinterpret_cast<KeyTimes*>(self)->note(static_cast<int>(event->xkey.keycode), event->xkey.time);
  return False;
}
}  // namespace

KeyTimes::KeyTimes(GLFWwindow* window) {
  (void)window;
  display_ = glfwGetX11Display();  // null when GLFW does not run on X11
}

void KeyTimes::beforePoll() {
  // What was noted before and not matched has been handed over already: only what waits now counts.
  queued_.clear();
  if (!display_) return;
  auto* dpy = static_cast<Display*>(display_);
  if (XEventsQueued(dpy, QueuedAfterReading) == 0) return;
  XEvent unused;
  XCheckIfEvent(dpy, &unused, notePressCallback, reinterpret_cast<XPointer>(this));
}

KeyTimes::Stamp KeyTimes::stamp(int scancode) {
  const double arrival = gate::monotonicSeconds();
  double time = -1;
  while (!queued_.empty()) {
    const Queued q = queued_.front();
    queued_.pop_front();
    if (q.keycode != scancode) continue;  // a key GLFW did not report as a press (a modifier...)
    if (serverBase_ < 0) serverBase_ = static_cast<double>(q.time);
    // X time is 32-bit milliseconds (wraps after 49 days): differences stay right modulo 2^32.
    const auto delta = static_cast<std::uint32_t>(q.time - static_cast<unsigned long>(serverBase_));
    const double server = static_cast<double>(delta) / 1000.0;
    offset_ = std::min(offset_, arrival - server);
    time = server + offset_;
    break;
  }
  // No event time: a key that arrived while the loop waited for input, so its arrival is its time.
  if (time < 0) time = arrival;
  return {time, arrival};
}

}  // namespace moussem::app
