// `bench badges`: 1,000 badges to one PDF and 100 badges to PNG at 300 dpi (PRODUCT.md targets: ≤ 2 s,
// ≥ 50 PNG/s), against a naive renderer measured in the same run: a new renderer (template, fonts) per
// badge and a new Pango layout per text element.
#include <cairo-pdf.h>
#include <cairo.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "badge/badge_batch.hpp"
#include "badge/new_edition.hpp"
#include "cli_context.hpp"
#include "store/demo/demo_data.hpp"

namespace moussem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Folder {
  fs::path dir;
  Folder() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("moussem-bench-badges-" + std::to_string(rd()));
    fs::create_directories(dir);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// The naive way: everything rebuilt for every badge.
double naivePdfSeconds(const std::vector<BadgeFace>& faces, const fs::path& out) {
  auto t0 = Clock::now();
  BadgeTemplate probe = loadTemplate("a6");
  cairo_surface_t* surface =
      cairo_pdf_surface_create(out.c_str(), probe.sheet_w * 72 / 25.4, probe.sheet_h * 72 / 25.4);
  cairo_t* cr = cairo_create(surface);
  for (const auto& face : faces) {
    BadgeRenderer r(loadTemplate("a6"));
    r.setReuseLayouts(false);
    r.draw(cr, face);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return since(t0);
}

}  // namespace

nlohmann::json benchBadges(long long n, const Context& ctx) {
  Folder f;
  const fs::path db = f.dir / "badges.db";
  auto store = createEditionDatabase(db, demoEdition());
  DemoOptions o;
  o.participants = n;
  fillDemo(*store, o);
  BadgeService svc(*store, BadgeService::keyBeside(db.string()), {"bench", "bench"});
  std::vector<Id> ids = store->peopleMatching({});
  if (ids.size() > static_cast<std::size_t>(n)) ids.resize(static_cast<std::size_t>(n));

  // Issuing and signing (once per badge, kept in the database).
  auto t0 = Clock::now();
  std::vector<BadgeFace> faces;
  store->write([&] {
    for (Id id : ids) faces.push_back(svc.face(id));
  });
  const double prepareSeconds = since(t0);
  ctx.progress("faces", 1.0);

  // 1,000 badges to one PDF, as `badge render --all` does it.
  BadgeRenderer renderer(loadTemplate("a6"));
  t0 = Clock::now();
  renderer.renderPdf(f.dir / "batch.pdf", faces);
  const double pdfSeconds = since(t0);
  const double naivePdf = naivePdfSeconds(faces, f.dir / "naive.pdf");
  const auto pdfBytes = fs::file_size(f.dir / "batch.pdf");

  // 100 badges to PNG at 300 dpi.
  const std::size_t pngs = std::min<std::size_t>(100, faces.size());
  t0 = Clock::now();
  for (std::size_t i = 0; i < pngs; ++i) renderer.renderPng(f.dir / ("b" + std::to_string(i) + ".png"), faces[i], 300);
  const double pngSeconds = since(t0);
  t0 = Clock::now();
  for (std::size_t i = 0; i < pngs; ++i) {
    BadgeRenderer naive(loadTemplate("a6"));
    naive.setReuseLayouts(false);
    naive.renderPng(f.dir / ("n" + std::to_string(i) + ".png"), faces[i], 300);
  }
  const double naivePng = since(t0);

  // End to end as the desk runs it: select, issue, sign, render (badges already issued above).
  t0 = Clock::now();
  renderBatch(*store, svc, ids, renderer, f.dir / "end-to-end.pdf");
  const double endToEnd = since(t0);

  const double pngRate = static_cast<double>(pngs) / pngSeconds;
  return {{"scenario", "badges"},
          {"badges", faces.size()},
          {"template", "a6"},
          {"prepare_seconds", prepareSeconds},
          {"pdf_seconds", pdfSeconds},
          {"pdf_mb", static_cast<double>(pdfBytes) / (1024.0 * 1024.0)},
          {"pdf_target_seconds", 2.0},
          {"end_to_end_pdf_seconds", endToEnd},
          {"png_badges", pngs},
          {"png_dpi", 300},
          {"png_seconds", pngSeconds},
          {"png_per_s", pngRate},
          {"png_target_per_s", 50},
          {"naive", "a new renderer (template, fonts) per badge and a new Pango layout per text element"},
          {"naive_pdf_seconds", naivePdf},
          {"naive_png_per_s", static_cast<double>(pngs) / naivePng},
          {"speedup_pdf", naivePdf / pdfSeconds},
          {"speedup_png", naivePng / pngSeconds}};
}

}  // namespace moussem::cli
