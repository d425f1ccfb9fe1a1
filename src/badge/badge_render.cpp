#include "badge/badge_render.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>

#include "badge/png_writer.hpp"
#include "badge/qr.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
double pt(double mm) {
  return mm * kPtPerMm;
}
double mm(double points) {
  return points / kPtPerMm;
}

struct Rgb {
  double r = 0, g = 0, b = 0;
};

Rgb parseColour(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  auto byte = [&](std::size_t i) { return std::stoi(hex.substr(i, 2), nullptr, 16) / 255.0; };
  return {byte(1), byte(3), byte(5)};
}

// Black or white, whichever reads better on the band colour (WCAG relative luminance).
Rgb textOn(const Rgb& bg) {
  auto lin = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  double l = 0.2126 * lin(bg.r) + 0.7152 * lin(bg.g) + 0.0722 * lin(bg.b);
  return l > 0.35 ? Rgb{0.07, 0.07, 0.07} : Rgb{1, 1, 1};
}

const std::string& fieldText(const BadgeFace& f, const std::string& field) {
  static const std::string empty;
  static const std::map<std::string, std::string BadgeFace::*> fields{{"edition_fr", &BadgeFace::edition_fr},
                                                                      {"edition_ar", &BadgeFace::edition_ar},
                                                                      {"edition_en", &BadgeFace::edition_en},
                                                                      {"name_latin", &BadgeFace::name_latin},
                                                                      {"name_ar", &BadgeFace::name_ar},
                                                                      {"organization", &BadgeFace::organization},
                                                                      {"position", &BadgeFace::position},
                                                                      {"booth", &BadgeFace::booth},
                                                                      {"days", &BadgeFace::days},
                                                                      {"category_fr", &BadgeFace::category_fr},
                                                                      {"category_ar", &BadgeFace::category_ar},
                                                                      {"category_en", &BadgeFace::category_en},
                                                                      {"serial", &BadgeFace::serial}};
  auto it = fields.find(field);
  return it == fields.end() ? empty : f.*(it->second);
}

// The built-in emblem when an edition has no logo: an eight-pointed star (khatam), a motif of
// Moroccan zellige, in the template's ink.
void drawEmblem(cairo_t* cr, const TemplateBox& b) {
  double side = std::min(b.w, b.h);
  double cx = pt(b.x + b.w / 2), cy = pt(b.y + b.h / 2), r = pt(side / 2) * 0.95;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.106, 0.165, 0.255);
  for (int square = 0; square < 2; ++square) {
    cairo_new_path(cr);
    for (int i = 0; i < 4; ++i) {
      double a = M_PI / 4 * square + M_PI / 2 * i;
      double x = cx + r * 0.75 * std::cos(a), y = cy + r * 0.75 * std::sin(a);
      if (i == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0.788, 0.635, 0.153);
  cairo_arc(cr, cx, cy, r * 0.3, 0, 2 * M_PI);
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace

struct BadgeRenderer::Fonts {
  // One layout per context, reused for every text element of every badge (the naive way rebuilds one
  // per element and is several times slower).
  PangoLayout* layout = nullptr;
  cairo_t* owner = nullptr;
  bool reuse = true;
  std::map<std::string, PangoFontDescription*> descriptions;
  std::map<std::string, cairo_surface_t*> logos;
  cairo_surface_t* raster = nullptr;  // the last PNG/preview surface, reused while the size holds
  ~Fonts() {
    if (raster) cairo_surface_destroy(raster);
    if (layout) g_object_unref(layout);
    for (auto& [k, d] : descriptions) pango_font_description_free(d);
    for (auto& [k, s] : logos) cairo_surface_destroy(s);
  }
  PangoLayout* layoutFor(cairo_t* cr) {
    if (owner != cr || !layout || !reuse) {
      if (layout) g_object_unref(layout);
      layout = pango_cairo_create_layout(cr);
      owner = cr;
    } else {
      pango_cairo_update_layout(cr, layout);
    }
    return layout;
  }
  PangoFontDescription* description(const std::string& font) {
    auto& d = descriptions[font];
    if (!d) d = pango_font_description_from_string(font.c_str());
    return d;
  }
  cairo_surface_t* logo(const std::string& path) {
    auto it = logos.find(path);
    if (it != logos.end()) return it->second;
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(s);
      s = nullptr;
    }
    return logos[path] = s;
  }
};

BadgeRenderer::BadgeRenderer(BadgeTemplate tmpl) : tmpl_(std::move(tmpl)), fonts_(std::make_unique<Fonts>()) {}
BadgeRenderer::~BadgeRenderer() = default;

void BadgeRenderer::setReuseLayouts(bool reuse) {
  fonts_->reuse = reuse;
}

std::vector<ElementPlacement> BadgeRenderer::draw(cairo_t* cr, const BadgeFace& face, double x0, double y0) {
  std::vector<ElementPlacement> placed;
  const Rgb band = parseColour(face.category_color);
  cairo_save(cr);
  cairo_translate(cr, pt(x0), pt(y0));
  Rgb bg = parseColour(tmpl_.background);
  cairo_set_source_rgb(cr, bg.r, bg.g, bg.b);
  cairo_rectangle(cr, 0, 0, pt(tmpl_.page_w), pt(tmpl_.page_h));
  cairo_fill(cr);

  for (const auto& el : tmpl_.elements) {
    ElementPlacement p{el.kind, el.field, el.box, {}, 0, false, 0};
    const TemplateBox& b = el.box;
    if (el.kind == "band") {
      cairo_set_source_rgb(cr, band.r, band.g, band.b);
      cairo_rectangle(cr, pt(b.x), pt(b.y), pt(b.w), pt(b.h));
      cairo_fill(cr);
      p.ink = b;
    } else if (el.kind == "rule") {
      Rgb c = parseColour(el.color);
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_rectangle(cr, pt(b.x), pt(b.y), pt(b.w), pt(b.h));
      cairo_fill(cr);
      p.ink = b;
    } else if (el.kind == "logo") {
      cairo_surface_t* logo = face.logo_png.empty() ? nullptr : fonts_->logo(face.logo_png);
      if (logo) {
        double w = cairo_image_surface_get_width(logo), h = cairo_image_surface_get_height(logo);
        double s = std::min(pt(b.w) / w, pt(b.h) / h);
        cairo_save(cr);
        cairo_translate(cr, pt(b.x) + (pt(b.w) - w * s) / 2, pt(b.y) + (pt(b.h) - h * s) / 2);
        cairo_scale(cr, s, s);
        cairo_set_source_surface(cr, logo, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
      } else {
        drawEmblem(cr, b);
      }
      p.ink = b;
    } else if (el.kind == "qr") {
      if (face.payload.empty()) continue;
      QrMatrix m = encodeQr(face.payload);
      const int total = m.width + 2 * kQrQuietZone;
      const double module = std::min(b.w, b.h) / total;  // mm
      if (module < 0.5) throw Error(ErrorKind::Invalid, tr("template.error.qr_small", {tmpl_.name}));
      const double side = module * total, qx = b.x + (b.w - side) / 2, qy = b.y + (b.h - side) / 2;
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_rectangle(cr, pt(qx), pt(qy), pt(side), pt(side));
      cairo_fill(cr);
      cairo_save(cr);
      cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_new_path(cr);
      // Each horizontal run of dark modules is one segment stroked at the module's height with butt
      // caps: exactly the run's rectangle, in two points instead of a rectangle's four (or the module's
      // own square). A PDF batch spends its time formatting and compressing these numbers.
      cairo_set_line_width(cr, pt(module));
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
      for (int y = 0; y < m.width; ++y) {
        const double cy = pt(qy + (y + kQrQuietZone + 0.5) * module);
        for (int x = 0; x < m.width;) {
          if (!m.at(x, y)) {
            ++x;
            continue;
          }
          int run = 1;
          while (x + run < m.width && m.at(x + run, y)) ++run;
          cairo_move_to(cr, pt(qx + (x + kQrQuietZone) * module), cy);
          cairo_line_to(cr, pt(qx + (x + run + kQrQuietZone) * module), cy);
          x += run;
        }
      }
      cairo_stroke(cr);  // one path, one stroke
      cairo_restore(cr);
      p.ink = {qx, qy, side, side};
      p.qr_module_mm = module;
    } else if (el.kind == "text") {
      const std::string& text = fieldText(face, el.field);
      if (text.empty()) continue;
      PangoLayout* layout = fonts_->layoutFor(cr);
      PangoFontDescription* desc = fonts_->description(el.font);
      pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
      pango_layout_set_width(layout, -1);
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_auto_dir(layout, TRUE);
      // Shrink to fit: the largest size (in 0.25 pt steps, to within a step) whose line fits the box. "Fits" counts the
      // glyphs' ink as well as the advance, so an overhanging J or a kashida never leaves the box.
      double size = el.size;
      PangoRectangle ink{}, logical{}, extent{};
      auto measure = [&] {
        pango_layout_get_pixel_extents(layout, &ink, &logical);
        int left = std::min(ink.x, logical.x), top = std::min(ink.y, logical.y);
        int x1 = std::max(ink.x + ink.width, logical.x + logical.width);
        int y1 = std::max(ink.y + ink.height, logical.y + logical.height);
        extent = {left, top, x1 - left, y1 - top};
      };
      const double boxW = pt(el.box.w), boxH = pt(el.box.h);
      bool firstTry = true;
      for (;;) {
        pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
        pango_layout_set_font_description(layout, desc);
        measure();
        bool fits = extent.width <= boxW && logical.height <= boxH * 1.02;
        if (fits || size <= el.min_size) break;
        double next = size - 0.25;
        if (firstTry && extent.width > boxW) {
          // A line's width is nearly proportional to the size: jump close to the answer (on the 0.25 pt
          // grid, a step above it) and walk down from there, instead of stepping from the top.
          next = std::min(next, std::ceil(size * boxW / extent.width * 4.0) / 4.0 + 0.25);
        }
        firstTry = false;
        size = std::max(el.min_size, next);
      }
      // Still too long at the minimum size: ellipsize, never overflow.
      for (double width = boxW - 1; extent.width > boxW && width > 4; width -= 1.5) {
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        measure();
        p.ellipsized = true;
      }
      double x = pt(b.x) - extent.x;
      if (el.align == "center")
        x += (boxW - extent.width) / 2;
      else if (el.align == "right")
        x += boxW - extent.width;
      double y = pt(b.y) + (boxH - logical.height) / 2 - logical.y;
      Rgb c = el.color == "band-text" ? textOn(band) : parseColour(el.color);
      cairo_save(cr);
      cairo_rectangle(cr, pt(b.x), pt(b.y), boxW, boxH);
      cairo_clip(cr);  // belt and braces: nothing is ever drawn outside its box
      cairo_set_source_rgb(cr, c.r, c.g, c.b);
      cairo_move_to(cr, x, y);
      pango_cairo_show_layout(cr, layout);
      cairo_restore(cr);
      p.ink = {mm(x + ink.x), mm(y + ink.y), mm(ink.width), mm(ink.height)};
      p.size_used = size;
    }
    placed.push_back(std::move(p));
  }
  cairo_restore(cr);
  return placed;
}

void BadgeRenderer::renderPdf(const std::filesystem::path& out, const std::vector<BadgeFace>& faces,
                              const std::function<void(std::size_t, std::size_t)>& progress,
                              const std::atomic<bool>* cancel) {
  PartialFile file(out, "render.error.write");
  renderPdf(file, faces, progress, cancel);
  file.publish();
}

void BadgeRenderer::renderPdf(PartialFile& file, const std::vector<BadgeFace>& faces,
                              const std::function<void(std::size_t, std::size_t)>& progress,
                              const std::atomic<bool>* cancel) {
  cairo_surface_t* surface = cairo_pdf_surface_create(file.handle().c_str(), pt(tmpl_.sheet_w), pt(tmpl_.sheet_h));
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    file.fail("cairo");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Moussem");
  cairo_t* cr = cairo_create(surface);
  bool cancelled = false;
  const std::size_t perSheet = tmpl_.slots.size();
  for (std::size_t i = 0; i < faces.size(); ++i) {
    if (cancel && cancel->load()) {
      cancelled = true;
      break;
    }
    const auto& slot = tmpl_.slots[i % perSheet];
    draw(cr, faces[i], slot.x, slot.y);
    bool sheetFull = (i % perSheet) == perSheet - 1 || i + 1 == faces.size();
    if (sheetFull) {
      if (tmpl_.cut_marks) {
        cairo_save(cr);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_set_line_width(cr, 0.3);
        for (const auto& s : tmpl_.slots) {
          for (double cx : {s.x, s.x + tmpl_.page_w})
            for (double cy : {s.y, s.y + tmpl_.page_h}) {
              // Short ticks just outside each corner, where a guillotine cut lands.
              cairo_move_to(cr, pt(cx) - 6, pt(cy));
              cairo_line_to(cr, pt(cx) + 6, pt(cy));
              cairo_move_to(cr, pt(cx), pt(cy) - 6);
              cairo_line_to(cr, pt(cx), pt(cy) + 6);
            }
        }
        cairo_stroke(cr);
        cairo_restore(cr);
      }
      cairo_show_page(cr);
    }
    if (progress) progress(i + 1, faces.size());
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (cancelled) throw Error(ErrorKind::Refused, tr("render.cancelled"));  // the file's destructor removes it
  if (status != CAIRO_STATUS_SUCCESS) file.fail(cairo_status_to_string(status));
}

// One badge drawn on an RGB image surface at dpi: shared by the PNG file and the in-memory preview. The
// surface (8 MB at 300 dpi) is kept and reused while the size stays the same: allocating and faulting in
// a fresh one per badge cost a third of the PNG time.
cairo_surface_t* BadgeRenderer::rasterize(const BadgeFace& face, double dpi) {
  const double scale = dpi / 72.0;
  const int w = static_cast<int>(std::lround(pt(tmpl_.page_w) * scale));
  const int h = static_cast<int>(std::lround(pt(tmpl_.page_h) * scale));
  cairo_surface_t*& surface = fonts_->raster;
  if (surface && (cairo_image_surface_get_width(surface) != w || cairo_image_surface_get_height(surface) != h)) {
    cairo_surface_destroy(surface);
    surface = nullptr;
  }
  if (!surface) surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::Io,
                tr("render.error.write", {"PNG", cairo_status_to_string(cairo_surface_status(surface))}));
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  try {
    draw(cr, face);  // paints the whole page background first, so nothing of the last badge remains
  } catch (...) {
    cairo_destroy(cr);
    throw;
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  return surface;
}

void BadgeRenderer::renderPng(const std::filesystem::path& out, const BadgeFace& face, double dpi) {
  PartialFile file(out, "render.error.write");
  renderPng(file, face, dpi);
  file.publish();
}

void BadgeRenderer::renderPng(PartialFile& file, const BadgeFace& face, double dpi) {
  cairo_surface_t* surface = rasterize(face, dpi);
  const std::string failure = writeBadgePng(surface, file.handle(), dpi);
  if (!failure.empty()) file.fail(failure);
}

BadgeImage BadgeRenderer::renderImage(const BadgeFace& face, double dpi) {
  cairo_surface_t* surface = rasterize(face, dpi);
  BadgeImage img;
  img.width = cairo_image_surface_get_width(surface);
  img.height = cairo_image_surface_get_height(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  img.rgba.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      std::uint32_t px;
      std::memcpy(&px, data + y * stride + x * 4, 4);  // native-endian 0x00RRGGBB
      unsigned char* o =
          &img.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) *
                    4];
      o[0] = static_cast<unsigned char>(px >> 16);
      o[1] = static_cast<unsigned char>(px >> 8);
      o[2] = static_cast<unsigned char>(px);
      o[3] = 255;
    }
  return img;
}

}  // namespace moussem
