// The GLFW + OpenGL 3 window and main loop around the UI shell: fonts at the display's scale, keyboard
// shortcuts translated for the UI, sleeping when idle, and screenshots for tests and docs.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace moussem::app {

struct WindowOptions {
  int width = 1280, height = 800;
  std::string screenshot;  // non-empty: render `frames` frames, write the PNG, return
  int frames = 10;
  std::string screen;      // screen to open first
  std::string search;      // the desk opens with this search and its first result
  std::string user;        // sign in as this user at start (PIN from $MOUSSEM_PIN)
  std::vector<std::string> actions;  // the first screen's actions run after the first frame (screenshots)
};

int runWindow(Store& store, const WindowOptions& options);

}  // namespace moussem::app
