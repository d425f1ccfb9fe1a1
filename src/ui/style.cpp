#include "ui/style.hpp"

#include <imgui.h>

namespace moussem::ui {

void applyStyle(float scale) {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(12, 10);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(10, 7);
  s.ChildRounding = 6;
  s.FrameRounding = 4;
  s.GrabRounding = 4;
  s.ChildBorderSize = 1;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.955f, 0.957f, 0.965f, 1);
  c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.92f, 0.925f, 0.94f, 1);
  c[ImGuiCol_Border] = ImVec4(0.82f, 0.84f, 0.87f, 1);
  c[ImGuiCol_Header] = ImVec4(0.788f, 0.635f, 0.153f, 0.35f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.788f, 0.635f, 0.153f, 0.5f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.788f, 0.635f, 0.153f, 0.7f);
  c[ImGuiCol_Button] = ImVec4(0.106f, 0.165f, 0.255f, 0.12f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.106f, 0.165f, 0.255f, 0.25f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.106f, 0.165f, 0.255f, 0.04f);
  s.ScaleAllSizes(scale);
}

}  // namespace moussem::ui
