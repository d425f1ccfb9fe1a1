#include "ui/textures.hpp"

namespace moussem::ui {

namespace {
TextureService* gService = nullptr;
}

void setTextureService(TextureService* service) {
  gService = service;
}
TextureService* textureService() {
  return gService;
}

void Texture::set(int width, int height, const std::vector<unsigned char>& rgba) {
  reset();
  if (!gService || width <= 0 || height <= 0) return;
  id_ = gService->upload(width, height, rgba);
  w_ = width;
  h_ = height;
}

void Texture::reset() {
  if (valid() && gService) gService->release(id_);
  id_ = ImTextureID{};
  w_ = h_ = 0;
}

}  // namespace moussem::ui
