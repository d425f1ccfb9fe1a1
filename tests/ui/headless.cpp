#include "headless.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <unordered_map>

#include "ui/fonts.hpp"
#include "ui/style.hpp"

namespace {

struct ItemAudit {
  int frame = -1;
  std::vector<moussem::test::SeenItem> items, lastItems;  // this frame's and the last one's
  std::vector<ImGuiID> ids;                               // this frame's, in order
  std::unordered_map<ImGuiID, ImVec2> where;              // this frame's, by ID
  std::vector<ImGuiID> lastFrame;
  std::vector<moussem::test::IdClash> clashes;
};

ItemAudit& audit() {
  static ItemAudit a;
  return a;
}

void noteItem(const ImRect& bb, ImGuiID id) {
  ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g || id == 0) return;
  ItemAudit& a = audit();
  if (a.frame != g->FrameCount) {
    a.lastFrame.swap(a.ids);
    a.ids.clear();
    a.lastItems.swap(a.items);
    a.items.clear();
    a.where.clear();
    a.lastItems.swap(a.items);
    a.items.clear();
    a.frame = g->FrameCount;
  }
  a.ids.push_back(id);
  if (ImGuiWindow* w = g->CurrentWindow) {
    const bool popup = (w->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) != 0;
    const ImRect& clip = w->ClipRect;
    const ImVec2 c = bb.GetCenter();
    // Out of view, an item is within reach only through a scroll bar the window shows (content past
    // the edge of a window with no scroll bar is out of anybody's reach).
    const bool x = (c.x >= clip.Min.x - 1 && c.x <= clip.Max.x + 1) || (w->ScrollbarX && w->ScrollMax.x > 0);
    const bool y = (c.y >= clip.Min.y - 1 && c.y <= clip.Max.y + 1) || (w->ScrollbarY && w->ScrollMax.y > 0);
    const bool inView =
        c.x >= clip.Min.x - 1 && c.x <= clip.Max.x + 1 && c.y >= clip.Min.y - 1 && c.y <= clip.Max.y + 1;
    // The last rows in view of a window that scrolls: one layout may show one row more than another.
    const bool atFold = w->ScrollbarY && c.y > clip.Max.y - 2 * (bb.GetHeight() + g->Style.ItemSpacing.y);
    a.items.push_back({id, w, bb.Min, bb.Max, !popup && x && y && clip.GetWidth() > 0, popup, !popup && inView, atFold,
                       clip.Min, clip.Max, w->Name});
  }
  auto [it, fresh] = a.where.emplace(id, bb.Min);
  if (!fresh) {
    ImGuiWindow* w = g->CurrentWindow;
    a.clashes.push_back({id, w ? w->Name : "", it->second, bb.Min});
  }
}

}  // namespace

// ImGui::ItemAdd, wrapped by the linker (-Wl,--wrap, see CMakeLists.txt): Debian's libimgui.a has no
// test-engine hooks, and every widget outside imgui.cpp reaches ItemAdd through this symbol.
extern "C" bool __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* nav_bb,
                                                         ImGuiItemFlags extra_flags);
extern "C" bool __wrap__ZN5ImGui7ItemAddERK6ImRectjPS1_i(const ImRect& bb, ImGuiID id, const ImRect* nav_bb,
                                                         ImGuiItemFlags extra_flags) {
  noteItem(bb, id);
  return __real__ZN5ImGui7ItemAddERK6ImRectjPS1_i(bb, id, nav_bb, extra_flags);
}

namespace moussem::test {

std::vector<IdClash> takeIdClashes() {
  std::vector<IdClash> out;
  out.swap(audit().clashes);
  return out;
}

const std::vector<ImGuiID>& itemIdsOfLastFrame() {
  ItemAudit& a = audit();
  // The frame already rendered is the current one until the next NewFrame submits an item.
  return a.frame == ImGui::GetFrameCount() ? a.ids : a.lastFrame;
}

const std::vector<SeenItem>& itemsOfLastFrame() {
  ItemAudit& a = audit();
  return a.frame == ImGui::GetFrameCount() ? a.items : a.lastItems;
}

std::vector<std::string> windowsOfLastFrame() {
  std::vector<std::string> out;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (ImGuiWindow* w : g.Windows)
    if (w->LastFrameActive == g.FrameCount) out.emplace_back(w->Name);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<ImGuiID> tablesOfLastFrame() {
  std::vector<ImGuiID> out;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (int n = 0; n < g.Tables.GetMapSize(); ++n)
    if (ImGuiTable* t = g.Tables.TryGetMapData(n); t && t->LastFrameActive == g.FrameCount) out.push_back(t->ID);
  std::sort(out.begin(), out.end());
  return out;
}

HeadlessUi::HeadlessUi(ImVec2 size) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = size;
  io.DeltaTime = 1.0f / 60.0f;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // native index = ImGui key
  ui::setFonts(ui::loadFonts(io, 1.0f));
  ui::applyStyle(1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a renderer would
}

HeadlessUi::~HeadlessUi() {
  ImGui::DestroyContext();
}

ImFont* HeadlessUi::font() const {
  return ImGui::GetIO().Fonts->Fonts[0];
}

int HeadlessUi::frame(const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  if (pendingKey_ >= 0) io.KeysDown[pendingKey_] = true;
  ImGui::NewFrame();
  draw();
  ImGui::Render();
  if (pendingKey_ >= 0) {
    io.KeysDown[pendingKey_] = false;
    pendingKey_ = -1;
  }
  return ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
}

void HeadlessUi::frames(int n, const std::function<void()>& draw) {
  for (int i = 0; i < n; ++i) frame(draw);
}

void HeadlessUi::pressKey(ImGuiKey key) {
  pendingKey_ = key;
}

void HeadlessUi::typeText(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

void HeadlessUi::moveMouse(ImVec2 pos) {
  ImGui::GetIO().MousePos = pos;
}

void HeadlessUi::click(ImVec2 pos, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = pos;
  frame(draw);
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
}

}  // namespace moussem::test
