// Draws badges with cairo + pango (HarfBuzz shapes Arabic and orders mixed lines): to PDF (fonts
// embedded, vector QR) and PNG (300 dpi). Text shrinks to fit its box and is ellipsized only below the
// template's minimum size; nothing is drawn outside its box.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "badge/badge_template.hpp"
#include "core/atomic_file.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace moussem {

// What one badge shows. Text is in logical order; shaping and direction are the renderer's job.
struct BadgeFace {
  std::string edition_fr, edition_ar, edition_en;
  std::string name_latin, name_ar;
  std::string organization, position;
  std::string category_fr, category_ar, category_en;
  std::string category_color = "#1F6FB2";
  std::string booth;  // e.g. "Stand B-12", empty for people without a booth
  std::string days;   // e.g. "9–15 févr. 2026"
  std::string serial;
  std::string payload;   // the signed QR text
  std::string logo_png;  // path to the edition's logo (PNG); empty: the built-in emblem
};

// Where each element ended up, for layout tests: boxes and inked extents in mm, badge coordinates.
struct ElementPlacement {
  std::string kind, field;
  TemplateBox box, ink;
  double size_used = 0;  // points, text only
  bool ellipsized = false;
  double qr_module_mm = 0;
};

// One badge as pixels, for the app's preview: RGBA, 8 bits per channel, rows top to bottom.
struct BadgeImage {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
};

class BadgeRenderer {
 public:
  explicit BadgeRenderer(BadgeTemplate tmpl);
  ~BadgeRenderer();
  BadgeRenderer(const BadgeRenderer&) = delete;
  BadgeRenderer& operator=(const BadgeRenderer&) = delete;

  const BadgeTemplate& badgeTemplate() const { return tmpl_; }

  // For `bench badges` only: false makes a new Pango layout for every text element, the way a naive
  // renderer does, so the benchmark can show what reusing one is worth. Output is identical.
  void setReuseLayouts(bool reuse);

  // Draws one badge with its top-left corner at (x_mm, y_mm) of a cairo context whose unit is the point.
  std::vector<ElementPlacement> draw(cairo_t* cr, const BadgeFace& face, double x_mm = 0, double y_mm = 0);

  // One multi-page PDF (sheets of the template's slots). progress(done, total) after each badge;
  // cancel stops early and removes the file. Written to a temporary file and renamed: all or nothing.
  void renderPdf(const std::filesystem::path& out, const std::vector<BadgeFace>& faces,
                 const std::function<void(std::size_t, std::size_t)>& progress = {},
                 const std::atomic<bool>* cancel = nullptr);
  // The same into a temporary the caller publishes (a batch does it once its transaction has committed,
  // so no file ever shows badges the database does not hold).
  void renderPdf(PartialFile& file, const std::vector<BadgeFace>& faces,
                 const std::function<void(std::size_t, std::size_t)>& progress = {},
                 const std::atomic<bool>* cancel = nullptr);
  // One badge as a PNG at dpi dots per inch.
  void renderPng(const std::filesystem::path& out, const BadgeFace& face, double dpi = 300);
  // The same into a temporary the caller publishes (once the badge it shows is committed).
  void renderPng(PartialFile& file, const BadgeFace& face, double dpi = 300);
  // One badge in memory (the desk's preview).
  BadgeImage renderImage(const BadgeFace& face, double dpi = 96);

 private:
  struct Fonts;
  cairo_surface_t* rasterize(const BadgeFace& face, double dpi);  // owned by the renderer, reused
  BadgeTemplate tmpl_;
  std::unique_ptr<Fonts> fonts_;
};

}  // namespace moussem
