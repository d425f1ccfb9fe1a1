#include "app/window.hpp"

#define GL_SILENCE_DEPRECATION
#include <GLFW/glfw3.h>
#include <cairo.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cfloat>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "app/key_times.hpp"
#include "app/screen_saver.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/session.hpp"
#include "ui/shell.hpp"
#include "ui/style.hpp"
#include "ui/textures.hpp"

namespace moussem::app {

namespace {

struct LoopState {
  ui::Session* session = nullptr;
  KeyTimes* keyTimes = nullptr;
  int busyFrames = 3;  // frames still to draw before sleeping again
};

// SIGTERM and SIGINT (a kiosk's service stopping, Ctrl+C in a terminal) end the loop like Quit, and the
// database is closed cleanly. takeStopSignals() blocks them in every thread and one thread waits for
// them, which may call what a signal handler may not (glfwPostEmptyEvent wakes the sleeping loop).
std::atomic<bool> stopRequested{false}, loopRunning{false};

void postEmptyEvent() {
  glfwPostEmptyEvent();
}
// The screen on show and the text of the input field last edited (ImGui keeps its state): what a
// scripted test of the real window checks after typing into it.
void writeState(const std::string& path, ui::Startup& startup, ui::Session* session, GLFWwindow* window) {
  nlohmann::json state;
  ui::Shell* shell = session ? session->shell() : nullptr;
  state["screen"] = shell ? shell->current().id() : "";
  state["startup"] = startup.stateCode();
  state["signed_in"] = shell != nullptr;
  int w = 0, h = 0;
  glfwGetWindowSize(window, &w, &h);
  state["window"] = {w, h};
  state["fullscreen"] = glfwGetWindowMonitor(window) != nullptr;
  const ImGuiInputTextState& field = GImGui->InputTextState;
  std::string text;
  if (field.ID != 0 && field.CurLenW > 0) {
    text.resize(static_cast<std::size_t>(field.CurLenW) * 4 + 1);
    const int n =
        ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), field.TextW.Data, field.TextW.Data + field.CurLenW);
    text.resize(static_cast<std::size_t>(n));
  }
  state["field_text"] = text;
  std::ofstream(path) << state.dump() << "\n";
}

ui::Key translate(int key) {
  if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12)
    return static_cast<ui::Key>(static_cast<int>(ui::Key::F1) + key - GLFW_KEY_F1);
  if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9)
    return static_cast<ui::Key>(static_cast<int>(ui::Key::Digit1) + key - GLFW_KEY_1);
  switch (key) {
    case GLFW_KEY_TAB:
      return ui::Key::Tab;
    case GLFW_KEY_L:
      return ui::Key::L;
    case GLFW_KEY_Q:
      return ui::Key::Q;
    case GLFW_KEY_R:
      return ui::Key::R;
    case GLFW_KEY_N:
      return ui::Key::N;
    case GLFW_KEY_P:
      return ui::Key::P;
    case GLFW_KEY_S:
      return ui::Key::S;
    case GLFW_KEY_F:
      return ui::Key::F;
    case GLFW_KEY_E:
      return ui::Key::E;
    case GLFW_KEY_I:
      return ui::Key::I;
    case GLFW_KEY_Z:
      return ui::Key::Z;
    case GLFW_KEY_Y:
      return ui::Key::Y;
    case GLFW_KEY_K:
      return ui::Key::K;
    case GLFW_KEY_H:
      return ui::Key::H;
    case GLFW_KEY_O:
      return ui::Key::O;
    case GLFW_KEY_A:
      return ui::Key::A;
    case GLFW_KEY_D:
      return ui::Key::D;
    case GLFW_KEY_G:
      return ui::Key::G;
    case GLFW_KEY_LEFT:
      return ui::Key::Left;
    case GLFW_KEY_RIGHT:
      return ui::Key::Right;
    case GLFW_KEY_UP:
      return ui::Key::Up;
    case GLFW_KEY_DOWN:
      return ui::Key::Down;
    case GLFW_KEY_ESCAPE:
      return ui::Key::Escape;
    case GLFW_KEY_DELETE:
      return ui::Key::Delete;
    case GLFW_KEY_EQUAL:
    case GLFW_KEY_KP_ADD:
      return ui::Key::Plus;
    case GLFW_KEY_MINUS:
    case GLFW_KEY_KP_SUBTRACT:
      return ui::Key::Minus;
    case GLFW_KEY_0:
    case GLFW_KEY_KP_0:
      return ui::Key::Digit0;
    default:
      return ui::Key::None;
  }
}

void onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
  auto* state = static_cast<LoopState*>(glfwGetWindowUserPointer(window));
  state->busyFrames = 3;
  // Stamped now, as it arrives (never at frame time): the scanner decoder judges bursts on these.
  const KeyTimes::Stamp stamp = action == GLFW_PRESS ? state->keyTimes->stamp(scancode) : KeyTimes::Stamp{0, 0};
  // Arrow keys repeat while held (nudging a selection on the plan); every other key acts once.
  const bool arrow = key == GLFW_KEY_LEFT || key == GLFW_KEY_RIGHT || key == GLFW_KEY_UP || key == GLFW_KEY_DOWN;
  if (!(action == GLFW_PRESS || (arrow && action == GLFW_REPEAT)) || !state->session) return;
  // GLFW key tokens are physical positions: shortcuts work the same on AZERTY and Arabic layouts.
  state->session->onKey({translate(key), (mods & GLFW_MOD_CONTROL) != 0, (mods & GLFW_MOD_SHIFT) != 0});
  // Scanners: payloads are rebuilt from physical keys, whatever the layout typed.
  if (action == GLFW_PRESS)
    state->session->onPhysicalKey(
        {key, (mods & GLFW_MOD_SHIFT) != 0, (mods & GLFW_MOD_CAPS_LOCK) != 0, stamp.time, stamp.arrival});
}

void wake(GLFWwindow* window) {
  static_cast<LoopState*>(glfwGetWindowUserPointer(window))->busyFrames = 3;
}

void writeScreenshot(GLFWwindow* window, const std::string& path) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  cairo_surface_flush(surface);
  for (int y = 0; y < h; ++y) {
    const unsigned char* src = rgba.data() + static_cast<std::size_t>(h - 1 - y) * static_cast<std::size_t>(w) * 4;
    auto* dst = reinterpret_cast<std::uint32_t*>(data + y * stride);
    for (int x = 0; x < w; ++x)
      dst[x] = (std::uint32_t{src[x * 4]} << 16) | (std::uint32_t{src[x * 4 + 1]} << 8) | src[x * 4 + 2];
  }
  cairo_surface_mark_dirty(surface);
  PartialFile file(path, "render.error.write");  // a screenshot shows people: private, never through a link
  cairo_status_t status = cairo_surface_write_to_png(surface, file.handle().c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) file.fail(cairo_status_to_string(status));
  file.publish();
}

// Badge previews and other images: RGBA pixels to OpenGL textures, for the UI (which never sees GL).
class GlTextures final : public ui::TextureService {
 public:
  ImTextureID upload(int width, int height, const std::vector<unsigned char>& rgba) override {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id));
  }
  void release(ImTextureID texture) override {
    GLuint id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
    glDeleteTextures(1, &id);
  }
};

struct GlfwSession {
  GlfwSession() {
    if (!glfwInit()) throw Error(ErrorKind::Io, tr("app.error.no_display"));
  }
  ~GlfwSession() { glfwTerminate(); }
};

}  // namespace

void takeStopSignals() {
  static sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([] {
    int sig = 0;
    while (sigwait(&set, &sig) != 0) {
    }
    stopRequested = true;
    // Before the window is up there is nothing to close cleanly: SQLite's transactions are atomic.
    if (!loopRunning) std::_Exit(128 + sig);
    glfwPostEmptyEvent();
  }).detach();
}

namespace {
// The glyph atlas on the GPU at one byte a pixel, none of it kept in this process. ImGui's backend
// uploads it as RGBA (four bytes a pixel, 32 MB for our atlas, plus the same again in its CPU copies);
// a one-channel texture whose swizzle reads as white with that alpha draws the same pixels. Called
// once, after the backend's first NewFrame made its own texture (which this replaces).
GLuint compactFontTexture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex)));
  io.Fonts->ClearTexData();  // TexReady stays set: the fonts are built, only the pixels are gone
  return tex;
}
}  // namespace

int runWindow(ui::Startup& startup, const WindowOptions& options) {
  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  if (!options.screenshot.empty()) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  // The X11 class the launcher names (StartupWMClass): docks group the window under Moussem's icon.
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "Moussem");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "moussem");
  // A kiosk takes the whole primary monitor at its present mode (no mode change).
  GLFWmonitor* monitor = options.kiosk ? glfwGetPrimaryMonitor() : nullptr;
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (mode) glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
  GLFWwindow* window = glfwCreateWindow(mode ? mode->width : options.width, mode ? mode->height : options.height,
                                        "Moussem", mode ? monitor : nullptr, nullptr);
  if (!window) throw Error(ErrorKind::Io, tr("app.error.no_window"));
  std::unique_ptr<ScreenAwake> awake;
  if (options.kiosk) {
    awake = std::make_unique<ScreenAwake>(window);
    // The window manager's close (Alt+F4, a close button) does nothing: an administrator's PIN does.
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) { glfwSetWindowShouldClose(w, GLFW_FALSE); });
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);

  LoopState state;
  KeyTimes keyTimes(window);
  state.keyTimes = &keyTimes;
  glfwSetWindowUserPointer(window, &state);
  // Our callbacks first: the ImGui backend, installed next, chains to them.
  glfwSetKeyCallback(window, onKey);
  glfwSetInputMode(window, GLFW_LOCK_KEY_MODS, GLFW_TRUE);  // Caps Lock state for scanner decoding
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { wake(w); });
  glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  std::string iniPath;
  if (options.screenshot.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(paths::dataDir(), ec);
    iniPath = (paths::dataDir() / "imgui.ini").string();
    io.IniFilename = iniPath.c_str();
  } else {
    io.IniFilename = nullptr;  // screenshots are reproducible: no saved layout
  }
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float scale = std::max(1.0f, xscale);
  ui::setFonts(ui::loadFonts(io, scale));
  ui::applyStyle(scale);

  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");

  int exitCode = 0;
  GLuint fontTexture = 0;
  GlTextures textures;
  ui::setTextureService(&textures);
  // A worker that ends wakes the sleeping loop to show its outcome; a stop signal ends the loop.
  ui::setWakeUpCall(postEmptyEvent);
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need a frame every half second
  {
    std::unique_ptr<ui::Session> session;
    // The session starts once the startup has the store open (at once, when it was opened before).
    auto startSession = [&] {
      session = std::make_unique<ui::Session>(startup.store());
      state.session = session.get();
      session->setLocked(options.kiosk);
      session->setHomeScreen(options.home.empty() ? startup.home() : options.home);
      session->setLanguage(i18n::language());
      if (!options.user.empty()) {
        const char* pin = std::getenv("MOUSSEM_PIN");
        if (!session->submitSignIn(options.user, pin ? pin : ""))
          std::cerr << "moussem: " << session->model().error() << "\n";
      }
      if (ui::Shell* shell = session->shell()) {
        if (!options.screen.empty()) shell->select(options.screen);
        if (!options.search.empty()) {
          shell->select("desk");
          for (const auto& screen : shell->screens())
            if (auto* desk = dynamic_cast<ui::DeskScreen*>(screen.get())) desk->startWith(options.search);
        }
      }
    };
    if (startup.ready()) startSession();
    int frame = 0;
    bool actionsRun = false;
    double lastMouseX = -1, lastMouseY = -1;
    bool readyWritten = options.ready_file.empty();
    loopRunning = true;
    while (!glfwWindowShouldClose(window) && !(session ? session->quitRequested() : startup.quitRequested()) &&
           !stopRequested) {
      // Sleep when nothing happens: an idle station costs no CPU. Input wakes the loop, so does a
      // worker that ends; a screen may ask for a frame later (a refresh due, the idle lock), and the
      // screen on show keeps frames coming only while something on it moves (a progress bar: at
      // most 30 frames a second).
      keyTimes.beforePoll();
      if (!options.screenshot.empty() || state.busyFrames > 0) {
        glfwPollEvents();
      } else if (session && session->busy()) {
        glfwWaitEventsTimeout(1.0 / 30);
      } else {
        if (!readyWritten) {
          std::ofstream(options.ready_file) << "ready\n";
          readyWritten = true;
        }
        const double in = session ? session->nextFrameIn() : startup.nextAttemptIn();
        if (in >= ui::kNoWake)
          glfwWaitEvents();
        else if (in > 0)
          glfwWaitEventsTimeout(in);
        else
          glfwPollEvents();
      }
      if (state.busyFrames > 0) --state.busyFrames;
      const auto frameStart = std::chrono::steady_clock::now();

      ImGui_ImplOpenGL3_NewFrame();
      if (!fontTexture) fontTexture = compactFontTexture();
      ImGui_ImplGlfw_NewFrame();
      if (!options.screenshot.empty()) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no stray hover in pictures
      ImGui::NewFrame();
      // Anything the user does keeps the station unlocked: keys (onKey), clicks, moves, typing.
      if (io.MousePos.x != lastMouseX || io.MousePos.y != lastMouseY || io.MouseDown[0] ||
          io.InputQueueCharacters.Size > 0)
        if (session) session->activity();
      lastMouseX = io.MousePos.x;
      lastMouseY = io.MousePos.y;
      if (session) {
        session->draw();
      } else {
        startup.draw();
        if (startup.ready()) {
          startSession();
          state.busyFrames = 3;  // the first frames of the session follow at once
        }
      }
      ImGui::Render();
      int w = 0, h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      glViewport(0, 0, w, h);
      glClearColor(0.955f, 0.957f, 0.965f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      if (!actionsRun && session) {
        actionsRun = true;
        if (ui::Shell* shell = session ? session->shell() : nullptr; shell && shell->current().actions())
          for (const auto& id : options.actions)
            if (!shell->current().actions()->run(id)) std::cerr << "moussem: action " << id << " not run\n";
      }
      if (!options.screenshot.empty() && ++frame >= options.frames) {
        writeScreenshot(window, options.screenshot);
        break;
      }
      glfwSwapBuffers(window);
      if (options.frame_delay_ms > 0)
        std::this_thread::sleep_until(frameStart + std::chrono::milliseconds(options.frame_delay_ms));
    }
    loopRunning = false;
    if (!options.state_file.empty()) writeState(options.state_file, startup, session.get(), window);
    state.session = nullptr;
  }
  awake.reset();
  ui::setTextureService(nullptr);  // the shell and its textures are gone; GL is still current
  glDeleteTextures(1, &fontTexture);
  ui::setWakeUpCall(nullptr);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  return exitCode;
}

}  // namespace moussem::app
