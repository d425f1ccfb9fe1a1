// The GLFW + OpenGL 3 window and main loop around the UI shell: fonts at the display's scale, keyboard
// shortcuts translated for the UI, sleeping when idle, a locked full-screen kiosk, and screenshots for
// tests and docs.
#pragma once
#include <string>
#include <vector>

#include "ui/startup.hpp"

namespace moussem::app {

struct WindowOptions {
  int width = 1280, height = 800;
  std::string screenshot;  // non-empty: render `frames` frames, write the PNG, return
  int frames = 10;
  std::string screen;  // screen to open first
  std::string search;  // the desk opens with this search and its first result
  std::string user;    // sign in as this user at start (PIN from $MOUSSEM_PIN)
  std::string home;    // the screen this station's job opens on after every sign-in
  // A locked station: full screen on the primary monitor, the window cannot be closed, the screen
  // never blanks while the app runs, and only an administrator's PIN signs out or closes it.
  bool kiosk = false;
  std::vector<std::string> actions;  // the first screen's actions run after the first frame (screenshots)
  // For scripted tests of the real window:
  std::string ready_file;  // written once, the first time the loop has nothing left to do and sleeps
  std::string state_file;  // written at exit: the screen on show and the text of the focused field
  int frame_delay_ms = 0;  // each frame takes at least this long (a slow machine, a heavy frame)
};

// Shows the startup (enrolment, a server being upgraded...) until the store is open, then the session.
int runWindow(ui::Startup& startup, const WindowOptions& options);

// First thing in main(), before any thread starts: SIGTERM and SIGINT end the window's loop cleanly
// (before the loop runs they end the process at once).
void takeStopSignals();

}  // namespace moussem::app
