// Headless Dear ImGui for tests: a real context with the app's real fonts in the atlas, no GPU and no
// window (the pattern of ImGui's examples/example_null). Drives frames and injects keys, text and
// mouse. Debian's libimgui.a is built with assert() on, so an IM_ASSERT aborts the process: each Catch2
// TEST_CASE runs as its own CTest process, so an ImGui assertion fails exactly the test that hit it.
#pragma once
#include <imgui.h>

#include <functional>

namespace moussem::test {

class HeadlessUi {
 public:
  explicit HeadlessUi(ImVec2 size = ImVec2(1280, 800));
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // One frame: NewFrame, draw(), Render. Returns the number of vertices drawn (0 = nothing shown).
  int frame(const std::function<void()>& draw);
  void frames(int n, const std::function<void()>& draw);

  void pressKey(ImGuiKey key);   // down for the next frame, up after it
  void typeText(const char* utf8);
  void moveMouse(ImVec2 pos);
  void click(ImVec2 pos, const std::function<void()>& draw);  // press and release over two frames

  ImFont* font() const;

 private:
  int pendingKey_ = -1;
};

}  // namespace moussem::test
