#include "ui/widgets/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "core/i18n.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"

namespace moussem::ui {

bool isRtlLayout() {
  return i18n::isRightToLeft();
}

void TextAligned(std::string_view text, float align) {
  const std::string& shown = display(text);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = ImGui::CalcTextSize(shown.c_str()).x;
  if (width <= avail || avail <= 0) {
    if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * align);
    ImGui::TextUnformatted(shown.c_str());
    return;
  }
  // Too long for its room: ImGui would clip the right side, the beginning of an Arabic text.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float startX = window->DC.CursorPos.x;
  const std::string fitted = fitToWidth(text, avail);
  const float fittedW = ImGui::CalcTextSize(fitted.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, avail - fittedW) * align);
  ImGui::TextUnformatted(fitted.c_str());
  // Windows and columns that fit their content measure the whole text, as if nothing were cut.
  window->DC.CursorMaxPos.x = std::max(window->DC.CursorMaxPos.x, startX + width);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shown.c_str());
}

void Text(std::string_view text) {
  TextAligned(text, isRtlLayout() ? 1.0f : 0.0f);
}

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
    while (l.size() >= 2 && (l.compare(0, 2, "\xC2\xB7") == 0 || l.front() == ' '))
      l.erase(0, l.front() == ' ' ? 1 : 2);
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

void Segments(const ImVec4& colour, const std::vector<std::string>& parts, const char* separator) {
  const bool rtl = isRtlLayout();
  const float sep = ImGui::CalcTextSize(separator).x;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  float total = 0;
  for (std::size_t i = 0; i < parts.size(); ++i)
    total += ImGui::CalcTextSize(display(parts[i]).c_str()).x + (i ? sep : 0);
  // In an auto-sized window (a tooltip) the available width may be last frame's: never less than the line.
  const bool autoSized = (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_AlwaysAutoResize) != 0;
  const float room = autoSized ? std::max(ImGui::GetContentRegionAvail().x, total) : ImGui::GetContentRegionAvail().x;
  const float end = rtl ? start.x : start.x + room;
  float x = rtl ? start.x + room : start.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(colour);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      if ((rtl ? x - end : end - x) < sep * 2) break;
      if (rtl) x -= sep;
      dl->AddText(ImVec2(x, start.y), col, separator);
      if (!rtl) x += sep;
    }
    const float left = rtl ? x - end : end - x;
    std::string shown = display(parts[i]);
    float w = ImGui::CalcTextSize(shown.c_str()).x;
    const bool cut = w > left;
    if (cut) {
      shown = fitToWidth(parts[i], left);
      w = ImGui::CalcTextSize(shown.c_str()).x;
    }
    if (rtl) x -= w;
    dl->AddText(ImVec2(x, start.y), col, shown.c_str());
    if (!rtl) x += w;
    if (cut) break;
  }
  ImGui::Dummy(ImVec2(autoSized ? total : std::min(total, room), ImGui::GetTextLineHeight()));
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

LineItem LineLabel(std::string text) {
  return LineLabel(std::move(text), ImGui::GetStyleColorVec4(ImGuiCol_Text));
}

LineItem LineLabel(std::string text, const ImVec4& colour) {
  const float width = ImGui::CalcTextSize(display(text).c_str()).x;
  return {width,
          [text = std::move(text), colour] {
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(display(text).c_str());
            ImGui::PopStyleColor();
          },
          true};
}

float ButtonWidth(std::string_view label) {
  return ImGui::CalcTextSize(display(label).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

float CheckboxWidth(std::string_view label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(display(label).c_str()).x;
}

void ReadingLine(const std::vector<LineItem>& items) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool rtl = isRtlLayout();
  // Lines of items, greedy, a label kept with the item after it.
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // [first, last)
  std::size_t first = 0;
  float used = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    float need = items[i].width;
    for (std::size_t k = i; items[k].keepWithNext && k + 1 < items.size(); ++k) need += spacing + items[k + 1].width;
    if (i > first && used + spacing + need > avail) {
      lines.emplace_back(first, i);
      first = i;
      used = 0;
    }
    used += (i > first ? spacing : 0.0f) + items[i].width;
  }
  if (first < items.size()) lines.emplace_back(first, items.size());
  const float x0 = ImGui::GetCursorPosX();
  for (const auto& [from, to] : lines) {
    float total = 0;
    for (std::size_t i = from; i < to; ++i) total += items[i].width + (i > from ? spacing : 0.0f);
    float x = rtl ? x0 + std::max(0.0f, avail - total) : x0;
    for (std::size_t k = from; k < to; ++k) {
      const std::size_t i = rtl ? to - 1 - (k - from) : k;
      if (k > from) ImGui::SameLine(0, 0);
      ImGui::SetCursorPosX(x);
      items[i].draw();
      x += items[i].width + spacing;
    }
  }
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

std::string fitToWidth(std::string_view logical, float width) {
  const std::string& whole = display(logical);
  if (ImGui::CalcTextSize(whole.c_str()).x <= width) return whole;
  // Fits are asked for every frame by every cell too narrow for its text: kept per text, width and font.
  static std::unordered_map<std::string, std::string> fits;
  std::string key(logical);
  key += '\x1f' + std::to_string(static_cast<int>(width)) + '\x1f' +
         std::to_string(static_cast<int>(ImGui::GetFontSize() * 10)) + '\x1f' +
         std::to_string(reinterpret_cast<std::uintptr_t>(ImGui::GetFont()));
  if (auto it = fits.find(key); it != fits.end()) return it->second;
  if (fits.size() > 4096) fits.clear();
  static const std::string dots = "\xE2\x80\xA6";  // U+2026
  // Cut the logical text (its reading end is its end, in either direction), then shape it again: the
  // last letter kept takes its final form, and "…" lands at the reading end of the line.
  std::vector<std::size_t> cuts;  // prefix lengths on code point boundaries
  for (std::size_t i = 1; i < logical.size(); ++i)
    if ((static_cast<unsigned char>(logical[i]) & 0xC0) != 0x80) cuts.push_back(i);
  auto candidate = [&](std::size_t n) {
    std::string t(logical.substr(0, n));
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    return displayUncached(t + dots);
  };
  std::string best = dots;
  std::size_t lo = 0, hi = cuts.size();  // the longest fitting prefix among cuts[0..hi)
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    std::string c = candidate(cuts[mid]);
    if (ImGui::CalcTextSize(c.c_str()).x <= width) {
      best = std::move(c);
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  fits.emplace(std::move(key), best);
  return best;
}

bool BeginComboShaped(const char* label, std::string_view preview, ImGuiComboFlags flags) {
  if (flags & ImGuiComboFlags_NoPreview) return ImGui::BeginCombo(label, "", flags);
  const ImGuiStyle& style = ImGui::GetStyle();
  // ImGui clips a long value on the right, the beginning of an Arabic one: cut at its reading end.
  if (!isRtlLayout()) {
    const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - style.FramePadding.x * 2;
    return ImGui::BeginCombo(label, fitToWidth(preview, room).c_str(), flags);
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::CalcItemWidth(), side = ImGui::GetFrameHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();  // the host window's, whether the popup opens or not
  const bool open = ImGui::BeginCombo(label, "", flags | ImGuiComboFlags_NoArrowButton);
  dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side),
                    ImGui::GetColorU32(open ? ImGuiCol_ButtonHovered : ImGuiCol_Button), style.FrameRounding,
                    ImDrawFlags_RoundCornersLeft);
  ImGui::RenderArrow(dl, ImVec2(pos.x + style.FramePadding.y, pos.y + style.FramePadding.y),
                     ImGui::GetColorU32(ImGuiCol_Text), ImGuiDir_Down, 1.0f);
  const float right = pos.x + width - style.FramePadding.x;
  const std::string fitted = fitToWidth(preview, right - (pos.x + side + style.FramePadding.x));
  dl->AddText(ImVec2(right - ImGui::CalcTextSize(fitted.c_str()).x, pos.y + style.FramePadding.y),
              ImGui::GetColorU32(ImGuiCol_Text), fitted.c_str());
  return open;
}

namespace {
// Whether visual (already shaped) text reads right to left: its first strong letter in reading order is
// Arabic. In visual order a right-to-left line begins on the right: look from the end.
bool visualReadsRightToLeft(const std::string& visual) {
  for (std::size_t i = visual.size(); i-- > 0;) {
    const auto c = static_cast<unsigned char>(visual[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
    if ((c & 0xC0) == 0x80) continue;
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string_view letter = std::string_view(visual).substr(i, n);
    if (hasRightToLeft(std::string(letter) + " ")) return true;
    if (c == 0xC3 || c == 0xC4 || c == 0xC5) return false;  // Latin with accents
  }
  return false;
}
}  // namespace

MenuBarMenus::MenuBarMenus() : rtl_(isRtlLayout()) {
  right_ = ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
}

bool MenuBarMenus::begin(const char* label) {
  if (!rtl_) return ImGui::BeginMenu(label);
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = g.CurrentWindow;
  const ImGuiStyle& style = g.Style;
  const float textW = ImGui::CalcTextSize(label, nullptr, true).x;
  // Where ImGui's BeginMenu would put a title, mirrored: half a spacing around the text.
  const float x = right_ - textW - std::floor(style.ItemSpacing.x * 0.5f);
  right_ = x - std::floor(style.ItemSpacing.x * 1.5f);
  ImGui::SetCursorPosX(x);
  const char* hidden = std::strstr(label, "###");
  const std::string popup = std::string(hidden ? hidden : label) + "-menu";
  const bool open = ImGui::IsPopupOpen(popup.c_str());
  // A menu of this bar is open: hovering another title opens that one instead, as in any menu bar.
  const bool barOpen = g.OpenPopupStack.Size > g.BeginPopupStack.Size &&
                       g.OpenPopupStack[g.BeginPopupStack.Size].OpenParentId == window->IDStack.back();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * 2, style.ItemSpacing.y));
  ImGuiSelectableFlags flags = ImGuiSelectableFlags_DontClosePopups;
  flags |= ImGuiSelectableFlags_NoHoldingActiveID;
  flags |= ImGuiSelectableFlags_SelectOnClick;
  const bool pressed = ImGui::Selectable(label, open, flags, ImVec2(textW, 0));
  ImGui::PopStyleVar();
  const float titleRight = ImGui::GetItemRectMax().x;
  if (pressed && open)
    ImGui::CloseCurrentPopup();
  else if ((pressed || (barOpen && ImGui::IsItemHovered())) && !open)
    ImGui::OpenPopup(popup.c_str());
  ImGui::SetNextWindowPos(ImVec2(titleRight + std::floor(style.ItemSpacing.x * 0.5f),
                                 window->Pos.y + window->TitleBarHeight() + window->MenuBarHeight()),
                          ImGuiCond_Always, ImVec2(1, 0));
  return ImGui::BeginPopup(popup.c_str(), ImGuiWindowFlags_NoMove);
}

void MenuBarMenus::end() {
  if (rtl_)
    ImGui::EndPopup();
  else
    ImGui::EndMenu();
}

bool MenuEntry(const char* label, const char* shortcut, bool selected, bool enabled) {
  if (!isRtlLayout()) return ImGui::MenuItem(label, shortcut, selected, enabled);
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* hidden = std::strstr(label, "##");
  const std::string text(label, hidden ? static_cast<std::size_t>(hidden - label) : std::strlen(label));
  const std::string id = hidden ? std::string(hidden) : std::string("###") + label;
  const bool hasKey = shortcut && *shortcut;
  const float font = ImGui::GetFontSize();
  const float textW = ImGui::CalcTextSize(text.c_str()).x, keyW = hasKey ? ImGui::CalcTextSize(shortcut).x : 0.0f;
  const float mark = font * 1.2f, gap = hasKey ? font * 2.0f : 0.0f;
  const float width = std::max(ImGui::GetContentRegionAvail().x, mark + keyW + gap + textW);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGuiSelectableFlags flags = ImGuiSelectableFlags_SelectOnRelease;
  flags |= ImGuiSelectableFlags_SetNavIdOnHover;
  if (!enabled) flags |= ImGuiSelectableFlags_Disabled;
  const bool pressed = ImGui::Selectable(id.c_str(), false, flags, ImVec2(width, 0));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled);
  // Mirrored: check mark, then the shortcut, on the left; the label against the right edge.
  dl->AddText(ImVec2(at.x + width - textW, at.y), ink, text.c_str());
  if (hasKey) dl->AddText(ImVec2(at.x + mark, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), shortcut);
  if (selected)
    ImGui::RenderCheckMark(dl, ImVec2(at.x + style.FramePadding.x * 0.5f, at.y + font * 0.134f), ink, font * 0.866f);
  return pressed;
}

void TableHeaders() {
  const bool rtl = isRtlLayout();
  ImGuiTable* table = ImGui::GetCurrentTable();
  if (!table) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float rowHeight = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
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
    const bool sortable = (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_NoSort) == 0 &&
                          (table->Flags & ImGuiTableFlags_Sortable);
    // ImGui's own sort arrow sits at the right end of the header: in right-to-left tables that is the
    // start of the label, beside the column on the right, so it is hidden there and drawn at the left
    // end, where the label's line ends.
    const float arrow = sortable ? std::floor(ImGui::GetFontSize() * 0.65f + style.FramePadding.x) : 0.0f;
    const ImRect cell = ImGui::TableGetCellBgRect(table, c);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (rtl && sortable) dl->PushClipRect(cell.Min, ImVec2(cell.Max.x - arrow, cell.Max.y), true);
    // A header named "Label###key" keeps the key's ID wherever the column is (mirrored tables put it at
    // the other end); others take their index as TableHeadersRow does (two columns may share a name).
    if (!hidden) ImGui::PushID(table->InstanceCurrent * table->ColumnsCount + c);
    ImGui::TableHeader(id.c_str());
    if (!hidden) ImGui::PopID();
    if (rtl && sortable) dl->PopClipRect();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float textY = min.y + style.CellPadding.y * 0.5f;
    // The cell may run under a vertical scroll bar: end where the column is visible, inside its padding.
    const float right = std::min(max.x, dl->GetClipRectMax().x) - style.CellPadding.x - (rtl ? 0.0f : arrow);
    const float left = min.x + style.CellPadding.x + (rtl ? arrow : 0.0f);
    const float room = right - left;
    // A header longer than its column (Arabic labels run wider) is cut with "…" at its reading end and
    // shown whole in a tooltip, never clipped mid-letter.
    const std::string fitted = ellipsized(shown, room, visualReadsRightToLeft(shown));
    const float width = ImGui::CalcTextSize(fitted.c_str()).x;
    const float x = rtl ? std::max(left, right - width) : left;
    dl->PushClipRect(ImVec2(left, min.y), ImVec2(right, max.y), true);
    dl->AddText(ImVec2(x, textY), ImGui::GetColorU32(ImGuiCol_Text), fitted.c_str());
    dl->PopClipRect();
    if (rtl && sortable && table->Columns[c].SortOrder != -1)
      ImGui::RenderArrow(dl, ImVec2(min.x + style.CellPadding.x, textY), ImGui::GetColorU32(ImGuiCol_Text),
                         table->Columns[c].SortDirection == ImGuiSortDirection_Ascending ? ImGuiDir_Up : ImGuiDir_Down,
                         0.65f);
    if (fitted != shown && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shown.c_str());
  }
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
    const float x0 = p.x + slot * static_cast<float>(at) + slot * 0.15f,
                x1 = p.x + slot * static_cast<float>(at + 1) - slot * 0.15f;
    const float h = (bottom - top) * static_cast<float>(c.value) / static_cast<float>(maxValue);
    dl->AddRectFilled(ImVec2(x0, bottom - h), ImVec2(x1, bottom), ImGui::GetColorU32(c.colour), 2.0f);
    const std::string& label = display(c.label);
    const float lw = ImGui::CalcTextSize(label.c_str()).x;
    if (lw <= slot)
      dl->AddText(ImVec2((x0 + x1 - lw) / 2, bottom + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    if (c.value > 0) {
      const std::string number = std::to_string(c.value);
      const float nw = ImGui::CalcTextSize(number.c_str()).x;
      if (nw <= slot)
        dl->AddText(ImVec2((x0 + x1 - nw) / 2, bottom - h - line - 1), ImGui::GetColorU32(ImGuiCol_Text),
                    number.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, top));
    ImGui::InvisibleButton(("c" + std::to_string(i)).c_str(),
                           ImVec2(std::max(1.0f, x1 - x0), std::max(1.0f, bottom - top)));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s : %lld", label.c_str(), c.value);
  }
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
}

void FigureCard(const char* id, std::string_view title, const std::string& value, const ImVec2& size,
                const ImVec4& accent) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kPanel);
  ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar);
  ImVec2 p = ImGui::GetWindowPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + 5), ImGui::GetColorU32(accent));
  ImGui::Dummy(ImVec2(0, 2));
  TextColored(theme::kMuted, title);
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  TextAligned(value, isRtlLayout() ? 1.0f : 0.0f);
  if (fonts().heading) ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace moussem::ui
