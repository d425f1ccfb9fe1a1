// The theme (see style.hpp): ImGui's style colours from the named ones, and colours read from the store.
#include "ui/style.hpp"

#include <string>

#include "core/codes.hpp"

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
  c[ImGuiCol_Header] = theme::kGold.alpha(0.35f);
  c[ImGuiCol_HeaderHovered] = theme::kGold.alpha(0.5f);
  c[ImGuiCol_HeaderActive] = theme::kGold.alpha(0.7f);
  c[ImGuiCol_Button] = theme::kNavy.alpha(0.12f);
  c[ImGuiCol_ButtonHovered] = theme::kNavy.alpha(0.25f);
  c[ImGuiCol_TableRowBgAlt] = theme::kNavy.alpha(0.04f);
  s.ScaleAllSizes(scale);
}

ImVec4 colourFromHex(std::string_view hex, float alpha) {
  if (hex.size() != 7 || hex[0] != '#') return {0.4f, 0.4f, 0.4f, alpha};
  auto byte = [&](std::size_t i) {
    return static_cast<float>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)) / 255.0f;
  };
  return {byte(1), byte(3), byte(5), alpha};
}

ImVec4 categoryColour(std::span<const Category> categories, std::string_view code, float alpha) {
  for (const auto& c : categories)
    if (c.code == code) return colourFromHex(c.color, alpha);
  return colourFromHex(codes::defaultCategoryColor(code), alpha);
}

}  // namespace moussem::ui
