#include "ui/widgets/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"

namespace moussem::ui {

bool isRtlLayout() { return i18n::isRightToLeft(); }

void TextAligned(std::string_view text, float align) {
  const std::string& shown = display(text);
  float avail = ImGui::GetContentRegionAvail().x;
  float width = ImGui::CalcTextSize(shown.c_str()).x;
  if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * align);
  ImGui::TextUnformatted(shown.c_str());
}

void Text(std::string_view text) { TextAligned(text, isRtlLayout() ? 1.0f : 0.0f); }

std::vector<std::string> wrapLogical(std::string_view text, float width) {
  std::vector<std::string> lines;
  std::string line;
  auto fits = [&](const std::string& candidate) { return ImGui::CalcTextSize(display(candidate).c_str()).x <= width; };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string word(text.substr(i, end - i));
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && !fits(candidate)) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    i = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  // A line broken at a " · " separator: the dot does not hang at either end.
  for (std::string& l : lines) {
    while (l.size() >= 2 && (l.compare(l.size() - 2, 2, "\xC2\xB7") == 0 || l.back() == ' '))
      l.erase(l.size() - (l.back() == ' ' ? 1 : 2));
    while (l.size() >= 2 && (l.compare(0, 2, "\xC2\xB7") == 0 || l.front() == ' ')) l.erase(0, l.front() == ' ' ? 1 : 2);
  }
  return lines;
}

void TextWrapped(std::string_view text) {
  // Multi-line text (an exhibitor's products): each line a paragraph of its own, shaped and wrapped apart.
  if (const std::size_t nl = text.find('\n'); nl != std::string_view::npos) {
    TextWrapped(text.substr(0, nl));
    TextWrapped(text.substr(nl + 1));
    return;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail <= 0 || ImGui::CalcTextSize(display(text).c_str()).x <= avail) {
    Text(text);
    return;
  }
  for (const std::string& line : wrapLogical(text, avail)) Text(line);
}

std::string oneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n')
      out += " \xE2\x86\xB5 ";  // U+21B5, in the fonts' arrows range
    else if (c != '\r')
      out += c;
  }
  return out;
}

void TextColored(const ImVec4& colour, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  Text(text);
  ImGui::PopStyleColor();
}

int ButtonRow(const std::vector<RowButton>& buttons) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool rtl = isRtlLayout();
  float total = 0;
  for (const auto& b : buttons) total += ImGui::CalcTextSize(display(b.label).c_str()).x + style.FramePadding.x * 2;
  total += style.ItemSpacing.x * static_cast<float>(buttons.empty() ? 0 : buttons.size() - 1);
  if (rtl) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - total));
  int pressed = -1;
  for (std::size_t k = 0; k < buttons.size(); ++k) {
    const std::size_t i = rtl ? buttons.size() - 1 - k : k;
    const RowButton& b = buttons[i];
    if (k > 0) ImGui::SameLine();
    ImGui::BeginDisabled(!b.enabled);
    if (ImGui::Button((display(b.label) + "###" + b.id).c_str())) pressed = static_cast<int>(i);
    ImGui::EndDisabled();
  }
  return pressed;
}

std::string ellipsized(const std::string& visual, float width, bool rtl) {
  if (ImGui::CalcTextSize(visual.c_str()).x <= width) return visual;
  static const std::string dots = "\xE2\x80\xA6";  // U+2026
  // Visual text: a right-to-left label starts on the right, so its end is cut on the left.
  std::string rest = visual;
  while (!rest.empty()) {
    if (rtl) {
      std::size_t n = 1;
      while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;
      rest.erase(0, n);
    } else {
      std::size_t n = rest.size() - 1;
      while (n > 0 && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) --n;
      rest.erase(n);
    }
    const std::string candidate = rtl ? dots + rest : rest + dots;
    if (ImGui::CalcTextSize(candidate.c_str()).x <= width) return candidate;
  }
  return dots;
}

bool BeginComboShaped(const char* label, std::string_view preview, ImGuiComboFlags flags) {
  const std::string shown = display(preview);
  if (!isRtlLayout() || (flags & ImGuiComboFlags_NoPreview)) return ImGui::BeginCombo(label, shown.c_str(), flags);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcItemWidth(), side = ImGui::GetFrameHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();  // the host window's, whether the popup opens or not
  const bool open = ImGui::BeginCombo(label, "", flags | ImGuiComboFlags_NoArrowButton);
  const ImGuiStyle& style = ImGui::GetStyle();
  dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), ImGui::GetColorU32(open ? ImGuiCol_ButtonHovered : ImGuiCol_Button),
                    style.FrameRounding, ImDrawFlags_RoundCornersLeft);
  ImGui::RenderArrow(dl, ImVec2(pos.x + style.FramePadding.y, pos.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                     ImGuiDir_Down, 1.0f);
  const float right = pos.x + width - style.FramePadding.x;
  const std::string fitted = ellipsized(shown, right - (pos.x + side + style.FramePadding.x), true);
  dl->AddText(ImVec2(right - ImGui::CalcTextSize(fitted.c_str()).x, pos.y + style.FramePadding.y),
              ImGui::GetColorU32(ImGuiCol_Text), fitted.c_str());
  return open;
}

void TableHeaders() {
  const bool rtl = isRtlLayout();
  ImGuiTable* table = ImGui::GetCurrentTable();
  if (!table) return;
  const float rowHeight = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, rowHeight);
  if (table->HostSkipItems) return;
  const int columns = ImGui::TableGetColumnCount();
  for (int c = 0; c < columns; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    const char* name = ImGui::TableGetColumnName(c);
    if (!name) name = "";
    // The ID TableHeadersRow gives it: the whole name, or its "###" part alone.
    const char* hidden = std::strstr(name, "###");
    const std::string id = hidden ? std::string(hidden) : std::string("###") + name;
    const char* end = std::strstr(name, "##");
    const std::string shown(name, end ? static_cast<std::size_t>(end - name) : std::strlen(name));
    ImGui::PushID(table->InstanceCurrent * table->ColumnsCount + c);
    ImGui::TableHeader(id.c_str());
    ImGui::PopID();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool sortable = (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_NoSort) == 0 &&
                          (table->Flags & ImGuiTableFlags_Sortable);
    const float arrow = sortable ? ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x : 0.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The cell may run under a vertical scroll bar: end where the column is visible, inside its padding.
    const float right = std::min(max.x, dl->GetClipRectMax().x) - ImGui::GetStyle().CellPadding.x - arrow;
    const float room = right - min.x;
    // A header longer than its column (Arabic labels run wider) is cut with "…" at its reading end and
    // shown whole in a tooltip, never clipped mid-letter.
    const std::string fitted = ellipsized(shown, room, rtl);
    const float width = ImGui::CalcTextSize(fitted.c_str()).x;
    const float x = rtl ? std::max(min.x, right - width) : min.x;
    dl->PushClipRect(min, ImVec2(right, max.y), true);
    dl->AddText(ImVec2(x, min.y + ImGui::GetStyle().CellPadding.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), fitted.c_str());
    dl->PopClipRect();
    if (fitted != shown && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shown.c_str());
  }
}

ImVec4 colourFromHex(std::string_view hex, float alpha) {
  if (hex.size() != 7 || hex[0] != '#') return {0.4f, 0.4f, 0.4f, alpha};
  auto byte = [&](std::size_t i) {
    return static_cast<float>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)) / 255.0f;
  };
  return {byte(1), byte(3), byte(5), alpha};
}

void BarChart(const char* id, const std::vector<Bar>& bars, float labelWidth) {
  long long maxValue = 1;
  for (const auto& b : bars) maxValue = std::max(maxValue, b.value);
  const bool rtl = isRtlLayout();
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rowH = ImGui::GetTextLineHeightWithSpacing() * 1.15f;
  const float width = ImGui::GetContentRegionAvail().x;
  const float numberW = ImGui::CalcTextSize("0000000").x;
  const float barMax = std::max(20.0f, width - labelWidth - numberW - 16.0f);
  for (const auto& b : bars) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string& label = display(b.label);
    std::string number = std::to_string(b.value);
    float barW = barMax * static_cast<float>(b.value) / static_cast<float>(maxValue);
    float textY = p.y + (rowH - ImGui::GetTextLineHeight()) / 2;
    if (!rtl) {
      ImGui::PushClipRect(p, ImVec2(p.x + labelWidth - 8, p.y + rowH), true);
      dl->AddText(ImVec2(p.x, textY), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
      ImGui::PopClipRect();
      float x0 = p.x + labelWidth;
      dl->AddRectFilled(ImVec2(x0, p.y + 3), ImVec2(x0 + barW, p.y + rowH - 3), ImGui::GetColorU32(b.colour), 3.0f);
      dl->AddText(ImVec2(x0 + barW + 6, textY), ImGui::GetColorU32(ImGuiCol_Text), number.c_str());
    } else {
      float right = p.x + width;
      float labelW = ImGui::CalcTextSize(label.c_str()).x;
      ImGui::PushClipRect(ImVec2(right - labelWidth + 8, p.y), ImVec2(right, p.y + rowH), true);
      dl->AddText(ImVec2(right - labelW, textY), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
      ImGui::PopClipRect();
      float x1 = right - labelWidth;
      dl->AddRectFilled(ImVec2(x1 - barW, p.y + 3), ImVec2(x1, p.y + rowH - 3), ImGui::GetColorU32(b.colour), 3.0f);
      float numW = ImGui::CalcTextSize(number.c_str()).x;
      dl->AddText(ImVec2(x1 - barW - 6 - numW, textY), ImGui::GetColorU32(ImGuiCol_Text), number.c_str());
    }
    ImGui::Dummy(ImVec2(width, rowH));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s : %s", label.c_str(), number.c_str());
  }
  ImGui::PopID();
}

void ColumnChart(const char* id, const std::vector<Bar>& columns, float height) {
  if (columns.empty()) return;
  long long maxValue = 1;
  for (const auto& c : columns) maxValue = std::max(maxValue, c.value);
  const bool rtl = isRtlLayout();
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeight();
  const float slot = width / static_cast<float>(columns.size());
  const float top = p.y + line + 2, bottom = p.y + height - line - 4;
  dl->AddLine(ImVec2(p.x, bottom), ImVec2(p.x + width, bottom), ImGui::GetColorU32(ImGuiCol_Border));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Bar& c = columns[i];
    const std::size_t at = rtl ? columns.size() - 1 - i : i;
    const float x0 = p.x + slot * static_cast<float>(at) + slot * 0.15f, x1 = p.x + slot * static_cast<float>(at + 1) - slot * 0.15f;
    const float h = (bottom - top) * static_cast<float>(c.value) / static_cast<float>(maxValue);
    dl->AddRectFilled(ImVec2(x0, bottom - h), ImVec2(x1, bottom), ImGui::GetColorU32(c.colour), 2.0f);
    const std::string& label = display(c.label);
    const float lw = ImGui::CalcTextSize(label.c_str()).x;
    if (lw <= slot) dl->AddText(ImVec2((x0 + x1 - lw) / 2, bottom + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    if (c.value > 0) {
      const std::string number = std::to_string(c.value);
      const float nw = ImGui::CalcTextSize(number.c_str()).x;
      if (nw <= slot) dl->AddText(ImVec2((x0 + x1 - nw) / 2, bottom - h - line - 1), ImGui::GetColorU32(ImGuiCol_Text), number.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    ImGui::InvisibleButton(("c" + std::to_string(i)).c_str(), ImVec2(std::max(1.0f, x1 - x0), std::max(1.0f, bottom - top)));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s : %lld", label.c_str(), c.value);
  }
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
}

void FigureCard(const char* id, std::string_view title, const std::string& value, const ImVec2& size,
                const ImVec4& accent) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar);
  ImVec2 p = ImGui::GetWindowPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + 5), ImGui::GetColorU32(accent));
  ImGui::Dummy(ImVec2(0, 2));
  TextColored(ImVec4(0.35f, 0.38f, 0.45f, 1), title);
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  TextAligned(value, isRtlLayout() ? 1.0f : 0.0f);
  if (fonts().heading) ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

FlowRow::FlowRow()
    : start_(ImGui::GetCursorPosX()), right_(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x) {}

void FlowRow::before(float width) {
  if (count_++ > 0) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > right_) ImGui::NewLine();
  }
  if (ImGui::GetCursorPosX() < start_) ImGui::SetCursorPosX(start_);
}

float FlowRow::checkboxWidth(std::string_view label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(display(label).c_str()).x;
}

float FlowRow::buttonWidth(std::string_view label) {
  return ImGui::CalcTextSize(display(label).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

}  // namespace moussem::ui
