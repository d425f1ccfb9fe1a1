#include "ui/keyboard_wedge.hpp"

#include <imgui.h>

namespace moussem::ui {

std::vector<std::string> KeyboardWedge::beginFrame(double now) {
  if (lockFrames_ > 0) --lockFrames_;
  ImGuiIO& io = ImGui::GetIO();
  for (ImWchar c : io.InputQueueCharacters) held_.push_back(static_cast<char16_t>(c));
  io.InputQueueCharacters.resize(0);
  decoder_.poll(now);
  if (decoder_.bursts() != seenBursts_) {
    seenBursts_ = decoder_.bursts();
    held_.clear();  // whatever the layout made of the burst's keys (AZERTY "&é", Arabic letters...)
    lockFrames_ = 2;
  }
  if (!decoder_.pending()) {
    for (char16_t c : held_) io.AddInputCharacterUTF16(static_cast<ImWchar16>(c));
    held_.clear();
  }
  return decoder_.takePayloads();
}

}  // namespace moussem::ui
