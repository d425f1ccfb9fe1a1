#include "headless.hpp"

#include "ui/fonts.hpp"
#include "ui/style.hpp"

namespace moussem::test {

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

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(); }

ImFont* HeadlessUi::font() const { return ImGui::GetIO().Fonts->Fonts[0]; }

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

void HeadlessUi::pressKey(ImGuiKey key) { pendingKey_ = key; }

void HeadlessUi::typeText(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

void HeadlessUi::moveMouse(ImVec2 pos) { ImGui::GetIO().MousePos = pos; }

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
