#include "ui/widgets/text_field.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <sodium.h>

#include <algorithm>

#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

// First strong letter of the text reads right to left.
bool startsRightToLeft(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC9)) return false;  // Latin
    if (hasRightToLeft(text.substr(i, 3)) && c >= 0xD6) return true;
  }
  return false;
}

void previewLine(std::string_view line) {
  const std::string& shown = display(line);
  const float width = ImGui::CalcTextSize(shown.c_str()).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float pad = ImGui::GetStyle().FramePadding.x;
  // Aligned like the text reads: right for Arabic, whatever the interface language.
  const float x = startsRightToLeft(line) ? at.x + std::max(0.0f, avail - width - pad) : at.x + pad;
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + avail, at.y + h + 2), ImGui::GetColorU32(theme::kPreviewBackground), 3);
  dl->PushClipRect(at, ImVec2(at.x + avail, at.y + h + 2), true);
  dl->AddText(ImVec2(x, at.y + 1), ImGui::GetColorU32(theme::kPreviewInk), shown.c_str());
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(avail, h + 2));
}
}  // namespace

bool needsShapedPreview(std::string_view value) {
  return hasRightToLeft(value);
}

void ShapedPreview(std::string_view value) {
  if (!needsShapedPreview(value)) return;
  std::size_t start = 0;
  while (start <= value.size()) {
    const std::size_t end = std::min(value.find('\n', start), value.size());
    if (end > start) previewLine(value.substr(start, end - start));
    start = end + 1;
  }
}

bool InputTextShaped(const char* id, std::string* value, ImGuiInputTextFlags flags, const char* hint,
                     PreviewPlacement placement) {
  const bool changed = hint ? ImGui::InputTextWithHint(id, hint, value, flags) : ImGui::InputText(id, value, flags);
  if (!needsShapedPreview(*value)) return changed;
  // The caller's item queries (IsItemActive, IsItemDeactivated...) are about the field, not the preview.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiLastItemData last = g.LastItemData;
  if (placement == PreviewPlacement::Below) {
    ShapedPreview(*value);
  } else {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const std::string& shown = display(value->substr(0, std::min(value->find('\n'), value->size())));
    const float h = ImGui::GetTextLineHeight() + 4;
    const float w = ImGui::CalcTextSize(shown.c_str()).x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 top(a.x, b.y + 1), bottom(b.x, b.y + 1 + h);
    dl->AddRectFilled(top, bottom, ImGui::GetColorU32(theme::kPreviewBackground.alpha(0.97f)), 3);
    dl->AddRect(top, bottom, ImGui::GetColorU32(theme::kPreviewBorder), 3);
    dl->PushClipRect(top, bottom, true);
    const float x = startsRightToLeft(*value) ? std::max(a.x + pad, b.x - pad - w) : a.x + pad;
    dl->AddText(ImVec2(x, top.y + 2), ImGui::GetColorU32(theme::kPreviewInk), shown.c_str());
    dl->PopClipRect();
  }
  g.LastItemData = last;
  return changed;
}

bool InputTextMultilineShaped(const char* id, std::string* value, const ImVec2& size) {
  const bool changed = ImGui::InputTextMultiline(id, value, size);
  if (needsShapedPreview(*value)) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiLastItemData last = g.LastItemData;
    ShapedPreview(*value);
    g.LastItemData = last;
  }
  return changed;
}

bool CollapsingSection(std::string_view label, const char* id, ImGuiTreeNodeFlags flags) {
  const std::string& shown = display(label);
  if (!isRtlLayout()) return ImGui::CollapsingHeader((shown + "###" + id).c_str(), flags);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  // The ID of CollapsingHeader("...###id"): the open state is the same in every language.
  const ImGuiID gid = window->GetID((std::string("###") + id).c_str());
  flags |= ImGuiTreeNodeFlags_CollapsingHeader;
  bool open = ImGui::TreeNodeBehaviorIsOpen(gid, flags);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float h = ImGui::GetFrameHeight();
  // Full width, like ImGui's framed headers (half the window padding on both sides).
  const float left = window->WorkRect.Min.x - IM_FLOOR(window->WindowPadding.x * 0.5f);
  const float right = window->WorkRect.Max.x + IM_FLOOR(window->WindowPadding.x * 0.5f);
  const ImVec2 pos = window->DC.CursorPos;
  const ImRect bb(ImVec2(left, pos.y), ImVec2(right, pos.y + h));
  ImGui::ItemSize(ImVec2(bb.GetWidth(), h), style.FramePadding.y);
  if (!ImGui::ItemAdd(bb, gid)) return open;
  bool hovered = false, held = false;
  const bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease);
  if (pressed) {
    open = !open;
    window->DC.StateStorage->SetInt(gid, open ? 1 : 0);
    ImGui::MarkItemEdited(gid);
  }
  const ImU32 bg = ImGui::GetColorU32(held && hovered ? ImGuiCol_HeaderActive
                                      : hovered       ? ImGuiCol_HeaderHovered
                                                      : ImGuiCol_Header);
  ImGui::RenderFrame(bb.Min, bb.Max, bg, true, style.FrameRounding);
  ImGui::RenderNavHighlight(bb, gid, ImGuiNavHighlightFlags_TypeThin);
  const float font = ImGui::GetFontSize();
  const float arrowX = bb.Max.x - style.FramePadding.x - font;
  ImGui::RenderArrow(window->DrawList, ImVec2(arrowX, bb.Min.y + style.FramePadding.y),
                     ImGui::GetColorU32(ImGuiCol_Text), open ? ImGuiDir_Down : ImGuiDir_Left, 1.0f);
  const float textW = ImGui::CalcTextSize(shown.c_str()).x;
  const float textX = std::max(bb.Min.x + style.FramePadding.x, arrowX - style.ItemInnerSpacing.x * 2 - textW);
  window->DrawList->PushClipRect(bb.Min, ImVec2(arrowX, bb.Max.y), true);
  window->DrawList->AddText(ImVec2(textX, bb.Min.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                            shown.c_str());
  window->DrawList->PopClipRect();
  return open;
}

bool CheckboxLabelled(std::string_view label, const char* id, bool* value) {
  const std::string& shown = display(label);
  if (!isRtlLayout()) return ImGui::Checkbox((shown + "###" + std::string(id)).c_str(), value);
  // The label on the left of the box, drawn as text, and the box as the one item: "###id" keeps the ID of
  // the left-to-right version, and the next SameLine() item goes after the box.
  const float textW = ImGui::CalcTextSize(shown.c_str()).x;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(start.x + textW + ImGui::GetStyle().ItemInnerSpacing.x, start.y));
  const bool changed = ImGui::Checkbox((std::string("###") + id).c_str(), value);
  ImGui::GetWindowDrawList()->AddText(ImVec2(start.x, ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y),
                                      ImGui::GetColorU32(ImGuiCol_Text), shown.c_str());
  return changed;
}

void ForgetEditedText() {
  ImGui::ClearActiveID();
  ImGuiInputTextState& s = GImGui->InputTextState;
  if (!s.TextW.empty()) sodium_memzero(s.TextW.Data, static_cast<std::size_t>(s.TextW.size_in_bytes()));
  if (!s.TextA.empty()) sodium_memzero(s.TextA.Data, static_cast<std::size_t>(s.TextA.size_in_bytes()));
  if (!s.InitialTextA.empty())
    sodium_memzero(s.InitialTextA.Data, static_cast<std::size_t>(s.InitialTextA.size_in_bytes()));
  sodium_memzero(&s.Stb, sizeof s.Stb);  // the undo history holds the characters typed
  s.CurLenW = s.CurLenA = 0;
  s.ID = 0;  // the next field edited starts afresh
}

}  // namespace moussem::ui
