// A badge as it will print, shown in the app: rendered once by the badge renderer (cairo + pango, the
// same code as the PDF), uploaded once as a texture, then only drawn. Rendered again only when what it
// shows changes (person, badge version, template).
#pragma once
#include <memory>
#include <string>

#include "badge/badge_render.hpp"
#include "ui/textures.hpp"

namespace moussem::ui {

class BadgePreview {
 public:
  // key names what is shown (e.g. serial + version + template): same key, nothing is redone.
  void show(const std::string& key, const BadgeFace& face, const std::string& template_name);
  void clear();
  // Draws the preview scaled to fit the available width and at most max_height pixels.
  void draw(float max_height);
  const std::string& key() const { return key_; }
  int renders() const { return renders_; }  // how many times it was rendered (tests)
  const std::string& error() const { return error_; }

 private:
  std::string key_, error_;
  Texture texture_;
  int renders_ = 0;
};

}  // namespace moussem::ui
