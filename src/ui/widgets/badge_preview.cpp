#include "ui/widgets/badge_preview.hpp"

#include <algorithm>
#include <exception>

#include "badge/badge_template.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

void BadgePreview::show(const std::string& key, const BadgeFace& face, const std::string& template_name) {
  if (key == key_) return;
  key_ = key;
  error_.clear();
  try {
    BadgeRenderer renderer(loadTemplate(template_name));
    BadgeImage img = renderer.renderImage(face, 110);
    texture_.set(img.width, img.height, img.rgba);
    ++renders_;
  } catch (const std::exception& e) {
    texture_.reset();
    error_ = e.what();
  }
}

void BadgePreview::clear() {
  key_.clear();
  error_.clear();
  texture_.reset();
}

void BadgePreview::draw(float max_height) {
  if (!error_.empty()) {
    TextColored(theme::kError, error_);
    return;
  }
  if (!texture_.valid()) return;
  ImVec2 size = texture_.size();
  float scale = std::min(ImGui::GetContentRegionAvail().x / size.x, max_height / size.y);
  scale = std::max(0.05f, std::min(scale, 1.5f));
  ImVec2 shown(size.x * scale, size.y * scale);
  // At the reading side: on the right in right-to-left layouts, under the right-aligned buttons.
  if (isRtlLayout())
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - shown.x - 4));
  ImVec2 p = ImGui::GetCursorScreenPos();
  // A thin frame and shadow, so a white badge reads on a light background.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(p.x + 3, p.y + 3), ImVec2(p.x + shown.x + 3, p.y + shown.y + 3),
                    theme::kPaperShadow.packed(), 2);
  ImGui::Image(texture_.id(), shown);
  dl->AddRect(p, ImVec2(p.x + shown.x, p.y + shown.y), theme::kPaperEdge.packed());
}

}  // namespace moussem::ui
