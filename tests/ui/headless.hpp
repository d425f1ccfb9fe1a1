// Headless Dear ImGui for tests: a real context with the app's real fonts in the atlas, no GPU and no
// window (the pattern of ImGui's examples/example_null). Drives frames and injects keys, text and
// mouse. Debian's libimgui.a is built with assert() on, so an IM_ASSERT aborts the process: each Catch2
// TEST_CASE runs as its own CTest process, so an ImGui assertion fails exactly the test that hit it.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <vector>

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

  void pressKey(ImGuiKey key);  // down for the next frame, up after it
  void typeText(const char* utf8);
  void moveMouse(ImVec2 pos);
  void click(ImVec2 pos, const std::function<void()>& draw);  // press and release over two frames

  ImFont* font() const;

 private:
  int pendingKey_ = -1;
};

// Item IDs seen by ImGui::ItemAdd (wrapped at link time: every widget of imgui_widgets.cpp and
// imgui_tables.cpp goes through it). Two items with the same ID in one frame share hover, focus and
// activation: a click on one presses the other, a field typed into shows the other's text.
struct IdClash {
  ImGuiID id = 0;
  std::string window;    // name of the window both items are in
  ImVec2 first, second;  // top-left corners of the two items
};
// The clashes of the frames drawn since the last call, oldest first; clears them.
std::vector<IdClash> takeIdClashes();
// Every item ID of the last frame, in submission order.
const std::vector<ImGuiID>& itemIdsOfLastFrame();
// Every item of the last frame with the window it is in, the clip rectangle it was drawn in (the
// window's, narrowed to a table cell inside tables: an item that does not fit in it is cut), and whether
// a user can reach it: its centre inside the visible part of its window (its clip rectangle, a table
// column's included), or the window shows a scroll bar that way. Items of popups and tooltips are never
// "reachable" (they come and go with the mouse): they are marked inPopup.
struct SeenItem {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;
  ImVec2 min, max;
  bool reachable = false;
  bool inPopup = false;
  bool inView = false;  // on screen now, without scrolling
  bool atFold = false;  // among the last two rows in view of a window that scrolls down
  ImVec2 clip_min, clip_max;
  std::string windowName;
  bool whole() const {
    return min.x >= clip_min.x - 0.5f && max.x <= clip_max.x + 0.5f && min.y >= clip_min.y - 0.5f &&
           max.y <= clip_max.y + 0.5f;
  }
};
const std::vector<SeenItem>& itemsOfLastFrame();
// Names of the windows (child windows included) and IDs of the tables drawn in the last frame: the
// holders of state (scroll, open headers, column widths, sort) that must survive a language switch.
std::vector<std::string> windowsOfLastFrame();
std::vector<ImGuiID> tablesOfLastFrame();

}  // namespace moussem::test
