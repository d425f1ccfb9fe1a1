// When each key really went down. GLFW hands keys over only when the loop polls, so during a slow frame
// a scanner's keys wait in the window system's queue and then arrive all at once: stamped on arrival,
// a 10 ms gap would look like 60 ms or like none. On X11 every key event carries the server's own time
// (milliseconds): before each poll the queue is read through (nothing is taken from it) and each key
// press's time noted, then matched to GLFW's key callbacks in order. Server times are brought onto
// the app's monotonic clock by the smallest delay seen between a key's server time and its arrival.
// A key that could not be matched arrived while the loop waited for input: its arrival is its time.
// (Without X11 every key is stamped on arrival; the decoder's median rule absorbs the odd late batch.)
#pragma once
#include <deque>

struct GLFWwindow;

namespace moussem::app {

class KeyTimes {
 public:
  explicit KeyTimes(GLFWwindow* window);
  // Right before glfwPollEvents / glfwWaitEvents*: reads the queued key presses' times.
  void beforePoll();
  // In the key callback (scancode: GLFW's, the X keycode on X11): when the key went down and when it
  // arrived, both in seconds on the monotonic clock of gate::monotonicSeconds().
  struct Stamp {
    double time, arrival;
  };
  Stamp stamp(int scancode);
  // A key press seen waiting in the queue (X keycode, X server milliseconds).
  void note(int keycode, unsigned long time) { queued_.push_back({keycode, time}); }

 private:
  struct Queued {
    int keycode;
    unsigned long time;
  };

  void* display_ = nullptr;  // Display*, X11 only
  std::deque<Queued> queued_;
  double serverBase_ = -1;  // X time of the first key seen (ms): keeps doubles small
  double offset_ = 1e300;   // arrival - server seconds, the smallest seen: server time to our clock
};

}  // namespace moussem::app
