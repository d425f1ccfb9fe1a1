#include "ui/widgets/type_ahead.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/text_fold.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"

namespace moussem::ui {

std::vector<std::size_t> matchChoices(const std::vector<Choice>& choices, std::string_view typed) {
  std::vector<std::size_t> out;
  const std::string q = text::foldForSearch(typed);
  if (q.empty()) {
    for (std::size_t i = 0; i < choices.size(); ++i) out.push_back(i);
    return out;
  }
  // Rank 0: the code itself; 1: the label begins with it; 2: a word of the label does; 3: inside.
  std::vector<std::pair<int, std::size_t>> ranked;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const std::string code = text::foldForSearch(choices[i].code);
    const std::string label = text::foldForSearch(choices[i].label);
    int rank = -1;
    if (code == q)
      rank = 0;
    else if (label.rfind(q, 0) == 0)
      rank = 1;
    else if (label.find(" " + q) != std::string::npos || label.find("-" + q) != std::string::npos)
      rank = 2;
    else if (label.find(q) != std::string::npos || code.find(q) != std::string::npos)
      rank = 3;
    if (rank >= 0) ranked.emplace_back(rank, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& r : ranked) out.push_back(r.second);
  return out;
}

namespace {

struct Keys {
  int* highlighted;
  int count;
};

int history(ImGuiInputTextCallbackData* data) {
  auto* k = static_cast<Keys*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory && k->count > 0) {
    const int step = data->EventKey == ImGuiKey_UpArrow ? -1 : 1;
    *k->highlighted = std::clamp(*k->highlighted + step, 0, k->count - 1);
  }
  return 0;
}

}  // namespace

bool TypeAheadField(const char* id, const std::vector<Choice>& choices, std::string& code, TypeAheadState& state) {
  auto indexOf = [&](const std::string& c) {
    for (std::size_t i = 0; i < choices.size(); ++i)
      if (choices[i].code == c) return static_cast<int>(i);
    return -1;
  };
  const int current = indexOf(code);
  const std::string label = current >= 0 ? choices[static_cast<std::size_t>(current)].label : code;
  std::vector<std::size_t> matches = matchChoices(choices, state.editing ? std::string_view(state.text) : "");
  Keys keys{&state.highlighted, static_cast<int>(matches.size())};

  // The value is shown as the field's hint, in the text colour: the field is empty while nothing is
  // typed, so typing starts afresh, and the label is drawn shaped (an Arabic category reads right).
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::PushStyleColor(ImGuiCol_TextDisabled, ImGui::GetStyleColorVec4(ImGuiCol_Text));
  const bool enter = ImGui::InputTextWithHint(
      id, display(label).c_str(), &state.text,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory, history, &keys);
  ImGui::PopStyleColor();
  const ImVec2 fieldMin = ImGui::GetItemRectMin(), fieldMax = ImGui::GetItemRectMax();
  const bool active = ImGui::IsItemActive();
  if (ImGui::IsItemActivated()) {
    state.text.clear();
    state.editing = false;
    state.highlighted = std::max(0, current);
  }
  if (ImGui::IsItemEdited()) {
    state.editing = !state.text.empty();
    state.highlighted = 0;
  }
  if (state.editing)
    matches = matchChoices(choices, state.text);
  else
    matches = matchChoices(choices, "");
  state.highlighted = std::clamp(state.highlighted, 0, std::max(0, static_cast<int>(matches.size()) - 1));

  bool changed = false;
  auto take = [&] {
    if (!matches.empty()) {
      const std::string& chosen = choices[matches[static_cast<std::size_t>(state.highlighted)]].code;
      if (chosen != code) {
        code = chosen;
        changed = true;
      }
    }
    state.text.clear();
    state.editing = false;
  };
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  const ImGuiID listId = ImGui::GetID("##choices");
  const bool pointing = state.pointing;  // the mouse was over the list in the last frame
  if (enter) {
    take();
    ImGui::SetKeyboardFocusHere(-1);  // stays in the field: Tab moves on
  } else if (ImGui::IsItemDeactivated()) {
    if (escape) {
      state.text.clear();
      state.editing = false;
    } else if (state.editing || pointing) {
      take();
    }
  }
  ShapedPreview(state.text);

  // The choices under the field while it has the keyboard: a window of its own, above the form.
  state.pointing = false;
  if (active && !matches.empty()) {
    const float rowH = ImGui::GetTextLineHeightWithSpacing();
    const float height =
        std::min(static_cast<float>(matches.size()), 8.0f) * rowH + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::SetNextWindowPos(ImVec2(fieldMin.x, fieldMax.y));
    ImGui::SetNextWindowSize(ImVec2(fieldMax.x - fieldMin.x, height));
    const std::string name = std::string("##type-ahead-") + std::to_string(listId);
    if (ImGui::Begin(name.c_str(), nullptr,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav | ImGuiWindowFlags_Tooltip)) {
      ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
      for (std::size_t i = 0; i < matches.size(); ++i) {
        const Choice& c = choices[matches[i]];
        const bool lit = static_cast<int>(i) == state.highlighted;
        ImGui::Selectable((display(c.label) + "##" + c.code).c_str(), lit);
        if (ImGui::IsItemHovered()) state.highlighted = static_cast<int>(i);
        if (lit && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ||
                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))))
          ImGui::SetScrollHereY();
      }
      if (ImGui::IsWindowHovered()) state.pointing = true;
    }
    ImGui::End();
  }
  return changed;
}

}  // namespace moussem::ui
