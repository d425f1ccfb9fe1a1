// Images the UI shows (badge previews): pixels go to the GPU through a texture service that the app
// installs at start (src/app, which owns OpenGL). Headless tests install a fake one. The UI never sees
// OpenGL itself.
#pragma once
#include <imgui.h>

#include <vector>

namespace moussem::ui {

class TextureService {
 public:
  virtual ~TextureService() = default;
  // Uploads RGBA pixels (8 bits per channel, rows top to bottom); returns what ImGui::Image takes.
  virtual ImTextureID upload(int width, int height, const std::vector<unsigned char>& rgba) = 0;
  virtual void release(ImTextureID texture) = 0;
};

void setTextureService(TextureService* service);  // not owned; nullptr: images are not shown
TextureService* textureService();

// One texture, released when replaced or destroyed.
class Texture {
 public:
  Texture() = default;
  ~Texture() { reset(); }
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  void set(int width, int height, const std::vector<unsigned char>& rgba);
  void reset();
  bool valid() const { return id_ != ImTextureID{}; }
  ImTextureID id() const { return id_; }
  ImVec2 size() const { return {static_cast<float>(w_), static_cast<float>(h_)}; }

 private:
  ImTextureID id_{};
  int w_ = 0, h_ = 0;
};

}  // namespace moussem::ui
