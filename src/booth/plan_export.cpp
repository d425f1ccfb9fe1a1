// Plan and directory exports (see plan_export.hpp). Cairo draws in points; the plan is scaled from
// metres to fit the page beside its legend. Pango lays out every string, so Arabic names are shaped.
#include "booth/plan_export.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "booth/geometry.hpp"
#include "booth/venue.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/formula_guard.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "io/xlsx_table.hpp"
#include "pdf/pdf_text.hpp"

namespace moussem::booth {

namespace fs = std::filesystem;

const Exhibitor* PlanSnapshot::exhibitor(Id id) const {
  auto it =
      std::lower_bound(exhibitors.begin(), exhibitors.end(), id, [](const Exhibitor& x, Id v) { return x.id < v; });
  return it != exhibitors.end() && it->id == id ? &*it : nullptr;
}

PlanSnapshot snapshotPlan(Store& store) {
  PlanSnapshot s;
  if (auto ed = store.edition()) {
    const std::string& lang = i18n::language();
    s.title = lang == "ar" && !ed->name_ar.empty()   ? ed->name_ar
              : lang == "en" && !ed->name_en.empty() ? ed->name_en
                                                     : ed->name_fr;
  }
  s.halls = store.halls();
  s.features = store.venueFeatures();
  s.booths = store.booths();
  store.forEachExhibitor(
      [&](const Exhibitor& x, const std::string&, const std::string&) { s.exhibitors.push_back(x); });
  std::sort(s.exhibitors.begin(), s.exhibitors.end(),
            [](const Exhibitor& a, const Exhibitor& b) { return a.id < b.id; });
  return s;
}

std::vector<DirectoryRow> directoryRows(const PlanSnapshot& plan) {
  std::map<Id, const Booth*> boothOf;
  for (const auto& b : plan.booths)
    if (b.exhibitor_id && !boothOf.count(*b.exhibitor_id)) boothOf[*b.exhibitor_id] = &b;
  std::vector<DirectoryRow> rows;
  for (const auto& x : plan.exhibitors) {
    DirectoryRow r;
    if (auto it = boothOf.find(x.id); it != boothOf.end()) {
      r.booth = it->second->code;
      r.hall = it->second->hall;
    }
    r.name_fr = x.name_fr;
    r.name_ar = x.name_ar;
    r.sector = x.sector;
    r.region = x.region;
    r.city = x.city;
    rows.push_back(std::move(r));
  }
  // As people of the interface language sort names (ICU's collator): "Coopérative féminine" before
  // "Coopérative Tiguemi", not after it as raw bytes would put it.
  const std::string& lang = i18n::language();
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (std::size_t i = 0; i < rows.size(); ++i)
    keys.emplace_back(text::sortKey(rows[i].name_fr.empty() ? rows[i].name_ar : rows[i].name_fr, lang), i);
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<DirectoryRow> sorted;
  sorted.reserve(rows.size());
  for (const auto& k : keys) sorted.push_back(std::move(rows[k.second]));
  return sorted;
}

namespace {

std::string extensionOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return ext;
}

void checkCancel(const PlanExportOptions& o) {
  if (o.cancelled && o.cancelled()) throw Error(ErrorKind::Refused, tr("plan.export.cancelled"));
}
void report(const PlanExportOptions& o, double f) {
  if (o.progress) o.progress(f);
}

// Text through Pango: DejaVu Sans for Latin, Noto Sans Arabic for Arabic.
struct Writer {
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  PangoFontDescription* font = nullptr;
  Writer(cairo_t* c) : cr(c) {
    layout = pdf::createLayout(cr);
    font = pango_font_description_from_string("DejaVu Sans, Noto Sans Arabic");
  }
  ~Writer() {
    pango_font_description_free(font);
    g_object_unref(layout);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  // Draws text in a box of width w at (x, y); align 0 left, 0.5 centre, 1 right; ellipsized. Returns its height.
  double text(const std::string& s, double x, double y, double w, double size, bool bold = false, double align = 0,
              Rgb colour = {30, 34, 42}) {
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pdf::setText(layout, s);
    pango_layout_set_width(layout, static_cast<int>(std::max(1.0, w) * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout, align >= 0.75   ? PANGO_ALIGN_RIGHT
                                       : align >= 0.25 ? PANGO_ALIGN_CENTER
                                                       : PANGO_ALIGN_LEFT);
    pango_layout_set_auto_dir(layout, FALSE);  // the alignment holds for Arabic too
    int tw = 0, th = 0;
    pango_layout_get_size(layout, &tw, &th);
    cairo_set_source_rgb(cr, colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    cairo_move_to(cr, x, y);
    pdf::showLayout(cr, layout);
    return static_cast<double>(th) / PANGO_SCALE;
  }
  // The height text() would take in a box of width w, without drawing it.
  double height(const std::string& s, double w, double size) {
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pdf::setText(layout, s);
    pango_layout_set_width(layout, static_cast<int>(std::max(1.0, w) * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    int tw = 0, th = 0;
    pango_layout_get_size(layout, &tw, &th);
    return static_cast<double>(th) / PANGO_SCALE;
  }
  double width(const std::string& s, double size, bool bold = false) {
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, -1);
    pdf::setText(layout, s);
    int tw = 0, th = 0;
    pango_layout_get_size(layout, &tw, &th);
    return static_cast<double>(tw) / PANGO_SCALE;
  }
};

void fill(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

struct Page {
  double w = 0, h = 0;
};
Page paperSize(const std::string& paper) {
  // Landscape, points: A3 420 x 297 mm, A2 594 x 420 mm.
  if (paper == "a2") return {1683.78, 1190.55};
  if (paper == "a3" || paper.empty()) return {1190.55, 841.89};
  throw Error(ErrorKind::Usage, tr("plan.export.error.paper", {paper}));
}

constexpr double kMargin = 28;

std::string holderName(const PlanSnapshot& plan, const Booth& b, bool arabic) {
  if (!b.exhibitor_id) return {};
  const Exhibitor* x = plan.exhibitor(*b.exhibitor_id);
  if (!x) return {};
  return shortName(arabic && !x->name_ar.empty() ? x->name_ar : x->name_fr);
}

// Metres to points: (ox + m * k, oy + m * k).
struct Scale {
  double ox = 0, oy = 0, k = 1;
};

// What a map marks (drawPlanMap): booths and squares in the mark colour; nullptr on the plan page.
struct Marks {
  const PlanMap* map = nullptr;
  bool booth(const std::string& code) const {
    return map && std::find(map->marked.begin(), map->marked.end(), code) != map->marked.end();
  }
};

constexpr Rgb kMarkColour{214, 60, 40};

// Halls, aisles and entrances, booths: the plan page's drawing, shared with the small maps (marks set:
// neutral colours, no holder names nor aisle labels, the marked booths in the mark colour).
void drawVenue(cairo_t* cr, Writer& w, const PlanSnapshot& plan, const Scale& s, ColourBy by, bool arabic,
               const PlanMap* map) {
  const double k = s.k;
  auto X = [&](double m) { return s.ox + m * k; };
  auto Y = [&](double m) { return s.oy + m * k; };
  const Marks marks{map};
  // Halls.
  for (const auto& h : plan.halls) {
    if (h.outline.empty()) {
      cairo_rectangle(cr, X(h.x), Y(h.y), h.width * k, h.height * k);
    } else {
      cairo_move_to(cr, X(h.outline[0].x), Y(h.outline[0].y));
      for (std::size_t i = 1; i < h.outline.size(); ++i) cairo_line_to(cr, X(h.outline[i].x), Y(h.outline[i].y));
      cairo_close_path(cr);
    }
    fill(cr, {238, 240, 245});
    cairo_fill_preserve(cr);
    fill(cr, {90, 96, 110});
    cairo_set_line_width(cr, 1.5);
    cairo_stroke(cr);
    const Rect r = h.outline.empty() ? rectOf(h) : boundingRect(h.outline);
    w.text(arabic && !h.name_ar.empty() ? h.name_ar : h.name, X(r.x + 0.5), Y(r.y + 0.2), r.w * k - 4,
           map ? std::clamp(k * 1.3, 5.0, 8.0) : std::max(6.0, k * 1.3), true, 0, {70, 76, 90});
  }
  // Aisles and entrances.
  for (const auto& f : plan.features) {
    cairo_rectangle(cr, X(f.x), Y(f.y), f.width * k, f.height * k);
    fill(cr, f.kind == VenueFeatureKind::Entrance ? Rgb{46, 160, 90}
             : f.main                             ? Rgb{214, 220, 232}
                                                  : Rgb{228, 232, 240});
    cairo_fill(cr);
    const double size = map ? std::clamp(k * 0.9, 4.0, 6.5) : std::max(4.5, k * 0.9);
    if (f.kind == VenueFeatureKind::Entrance) {
      // Outside the hall, so that it never covers the hall's name: above an entrance in the upper half
      // of its hall, below one in the lower half.
      bool upper = false;
      for (const auto& h : plan.halls)
        if (h.code == f.hall) {
          const Rect r = h.outline.empty() ? rectOf(h) : boundingRect(h.outline);
          upper = f.y + f.height / 2 < r.y + r.h / 2;
        }
      const std::string& own = featureLabel(f, i18n::language());  // in the interface language
      const std::string label = own.empty() ? tr("plan.entrance") : own;
      const double ly = upper ? Y(f.y) - size * 1.45 : Y(f.y + f.height) + 1;
      w.text(label, X(f.x) - 40, ly, f.width * k + 80, size, false, 0.5, {30, 110, 60});
    } else if (const std::string& label = featureLabel(f, i18n::language());
               !map && f.main && !label.empty() && w.width(label, size) < f.width * k - 2) {
      w.text(label, X(f.x), Y(f.y + f.height / 2) - size * 0.7, f.width * k, size, false, 0.5, {110, 118, 135});
    }
  }
  // Booths.
  for (const auto& b : plan.booths) {
    const Exhibitor* x = b.exhibitor_id ? plan.exhibitor(*b.exhibitor_id) : nullptr;
    const Rgb colour = !map                  ? colourOf(by, colourCode(by, b, x ? x->sector : "", x ? x->region : ""))
                       : marks.booth(b.code) ? kMarkColour
                                             : Rgb{250, 250, 252};
    const double bx = X(b.x), by_ = Y(b.y), bw = b.width * k, bh = b.depth * k;
    cairo_rectangle(cr, bx, by_, bw, bh);
    fill(cr, colour);
    cairo_fill_preserve(cr);
    fill(cr, {40, 44, 52});
    cairo_set_line_width(cr, map ? (marks.booth(b.code) ? 1.2 : 0.3) : b.locked ? 1.4 : 0.5);
    cairo_stroke(cr);
    if (b.status == BoothStatus::Blocked) {
      cairo_move_to(cr, bx, by_);
      cairo_line_to(cr, bx + bw, by_ + bh);
      cairo_move_to(cr, bx, by_ + bh);
      cairo_line_to(cr, bx + bw, by_);
      cairo_set_line_width(cr, 0.4);
      cairo_stroke(cr);
    }
    const double codeSize = std::clamp(bh * 0.26, 2.5, 9.0);
    w.text(b.code, bx + 1, by_ + 0.5, bw - 2, codeSize, true);
    const std::string name = map ? std::string() : holderName(plan, b, arabic);
    if (!name.empty()) {
      // Up to two lines of the short name, ellipsized.
      pango_layout_set_height(w.layout, static_cast<int>(-2));
      pango_layout_set_wrap(w.layout, PANGO_WRAP_WORD_CHAR);
      w.text(name, bx + 1, by_ + codeSize * 1.35, bw - 2, std::clamp(bh * 0.2, 2.2, 7.0), false, 0.5);
      pango_layout_set_height(w.layout, -1);
    }
  }
  // On a small map a booth is a few points wide: a ring around each marked one finds it at a glance.
  if (map)
    for (const auto& b : plan.booths)
      if (marks.booth(b.code)) {
        const double r = std::max(10.0, std::max(b.width, b.depth) * k);
        cairo_new_path(cr);
        cairo_arc(cr, X(b.x + b.width / 2), Y(b.y + b.depth / 2), r, 0, 2 * M_PI);
        fill(cr, kMarkColour);
        cairo_set_line_width(cr, 1.5);
        cairo_stroke(cr);
      }
}

// The plan page: title, the plan scaled into the left part, the legend on the right.
void drawPlanPage(cairo_t* cr, Writer& w, const PlanSnapshot& plan, const Page& page, ColourBy by) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const bool arabic = i18n::language() == "ar";
  const double titleSize = page.w / 60;
  double y = kMargin;
  y += w.text(tr("plan.export.title") + (plan.title.empty() ? "" : " — " + plan.title), kMargin, y,
              page.w - 2 * kMargin, titleSize, true, arabic ? 1 : 0);
  y += 8;
  const double legendW = page.w / 7;
  const double areaX = arabic ? kMargin + legendW + 16 : kMargin;
  const double areaW = page.w - 2 * kMargin - legendW - 16, areaH = page.h - y - kMargin;
  // Bounds of the plan in metres.
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  auto grow = [&](const Rect& r) {
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
  };
  for (const auto& h : plan.halls) grow(h.outline.empty() ? rectOf(h) : boundingRect(h.outline));
  for (const auto& f : plan.features) grow(rectOf(f));
  for (const auto& b : plan.booths) grow(rectOf(b));
  if (x1 <= x0 || y1 <= y0) {
    w.text(tr("plan.empty"), areaX, y, areaW, titleSize * 0.7);
    return;
  }
  const double k = std::min(areaW / (x1 - x0), areaH / (y1 - y0));
  const double ox = areaX + (areaW - (x1 - x0) * k) / 2 - x0 * k, oy = y - y0 * k;
  drawVenue(cr, w, plan, {ox, oy, k}, by, arabic, nullptr);
  // Legend.
  const double lx = arabic ? kMargin : page.w - kMargin - legendW;
  double ly = y;
  const double ls = std::max(8.0, page.w / 130);
  ly += w.text(tr(by == ColourBy::Status   ? "plan.colour.status"
                  : by == ColourBy::Sector ? "plan.colour.sector"
                                           : "plan.colour.region"),
               lx, ly, legendW, ls * 1.1, true, arabic ? 1 : 0) +
        4;
  std::map<std::string, int> counts;
  for (const auto& b : plan.booths) {
    const Exhibitor* x = b.exhibitor_id ? plan.exhibitor(*b.exhibitor_id) : nullptr;
    ++counts[colourCode(by, b, x ? x->sector : "", x ? x->region : "")];
  }
  auto entry = [&](Rgb c, const std::string& label, int n) {
    const double sw = ls * 1.2;
    const double sx = arabic ? lx + legendW - sw : lx;
    cairo_rectangle(cr, sx, ly, sw, sw);
    fill(cr, c);
    cairo_fill_preserve(cr);
    fill(cr, {40, 44, 52});
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    w.text(label + " (" + i18n::formatCount(n) + ")", arabic ? lx : lx + sw + 5, ly, legendW - sw - 5, ls, false,
           arabic ? 1 : 0);
    ly += sw + 4;
  };
  for (const auto& code : legendCodes(by)) {
    const int n = counts.count(code) ? counts[code] : 0;
    if (by == ColourBy::Status || n > 0) entry(colourOf(by, code), i18n::label(colourFamily(by), code), n);
  }
  if (by != ColourBy::Status) entry(kNoHolderColour, tr("plan.legend.nobody"), counts.count("") ? counts[""] : 0);
  ly += 6;
  // What the marks mean.
  pango_layout_set_height(w.layout, -4);  // wrapped, up to four lines
  pango_layout_set_wrap(w.layout, PANGO_WRAP_WORD);
  w.text(tr("plan.export.marks"), lx, ly, legendW, ls * 0.9, false, arabic ? 1 : 0, {90, 96, 110});
  pango_layout_set_height(w.layout, -1);
}

// Index of exhibitors by booth: booth, hall, French name, Arabic name, sector, region. Several pages.
void drawIndexPages(cairo_t* cr, Writer& w, const PlanSnapshot& plan, const Page& page, const PlanExportOptions& o) {
  std::vector<const Booth*> held;
  for (const auto& b : plan.booths)
    if (b.exhibitor_id && plan.exhibitor(*b.exhibitor_id)) held.push_back(&b);
  if (held.empty()) return;
  const double size = page.w / 120, rowH = size * 1.75;
  const bool arabic = i18n::language() == "ar";
  // Columns, in reading order; mirrored in Arabic.
  struct Col {
    std::string title;
    double frac;
    double align;
  };
  std::vector<Col> cols{{tr("plan.export.col.booth"), 0.06, 0},   {tr("plan.export.col.hall"), 0.04, 0},
                        {tr("plan.export.col.name_fr"), 0.32, 0}, {tr("plan.export.col.name_ar"), 0.27, 1},
                        {tr("plan.export.col.sector"), 0.16, 0},  {tr("plan.export.col.region"), 0.15, 0}};
  const double tableW = page.w - 2 * kMargin;
  std::vector<double> xs;
  double acc = 0;
  for (const auto& c : cols) {
    xs.push_back(arabic ? kMargin + tableW - (acc + c.frac) * tableW : kMargin + acc * tableW);
    acc += c.frac;
  }
  std::size_t i = 0;
  int pageNo = 0;
  while (i < held.size()) {
    checkCancel(o);
    ++pageNo;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    double y = kMargin;
    y += w.text(tr("plan.export.index", {std::to_string(pageNo)}), kMargin, y, tableW, size * 1.6, true,
                arabic ? 1 : 0) +
         6;
    cairo_rectangle(cr, kMargin, y, tableW, rowH);
    fill(cr, {232, 238, 245});
    cairo_fill(cr);
    for (std::size_t c = 0; c < cols.size(); ++c)
      w.text(cols[c].title, xs[c] + 3, y + size * 0.35, cols[c].frac * tableW - 6, size, true,
             arabic ? 1 : cols[c].align);
    y += rowH;
    for (; i < held.size() && y + rowH < page.h - kMargin; ++i, y += rowH) {
      const Booth& b = *held[i];
      const Exhibitor& x = *plan.exhibitor(*b.exhibitor_id);
      if (i % 2) {
        cairo_rectangle(cr, kMargin, y, tableW, rowH);
        fill(cr, {246, 247, 250});
        cairo_fill(cr);
      }
      const std::string cells[] = {
          b.code, b.hall, x.name_fr, x.name_ar, i18n::label("sector", x.sector), i18n::label("region", x.region)};
      for (std::size_t c = 0; c < cols.size(); ++c)
        w.text(cells[c], xs[c] + 3, y + size * 0.35, cols[c].frac * tableW - 6, size, c == 0,
               arabic ? 1 : cols[c].align);
    }
    cairo_show_page(cr);
    report(o, 0.5 + 0.5 * static_cast<double>(i) / static_cast<double>(held.size()));
  }
}

void finishSurface(cairo_surface_t* surface, const fs::path& out) {
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::Io, tr("plan.export.error.write", {out.string(), cairo_status_to_string(status)}));
}

// RAII for a cairo context drawing on a PDF surface.
struct PdfFile {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PdfFile(const fs::path& tmp, const fs::path& out, const Page& page, const std::string& title) {
    surface = cairo_pdf_surface_create(tmp.c_str(), page.w, page.h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      const std::string why = cairo_status_to_string(cairo_surface_status(surface));
      cairo_surface_destroy(surface);
      throw Error(ErrorKind::Io, tr("plan.export.error.write", {out.string(), why}));
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Moussem");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cr = cairo_create(surface);
  }
  ~PdfFile() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }
  void finish(const fs::path& out) {
    cairo_destroy(cr);
    cr = nullptr;
    cairo_surface_t* s = surface;
    surface = nullptr;
    finishSurface(s, out);
  }
};

int planPdf(const PlanSnapshot& plan, const fs::path& out, const PlanExportOptions& o) {
  const Page page = paperSize(o.paper);
  PartialFile file(out, "plan.export.error.write");
  {
    PdfFile pdf(file.handle(), out, page, tr("plan.export.title"));
    {
      Writer w(pdf.cr);
      drawPlanPage(pdf.cr, w, plan, page, o.colourBy);
      cairo_show_page(pdf.cr);
      report(o, 0.5);
      checkCancel(o);
      drawIndexPages(pdf.cr, w, plan, page, o);
    }
    pdf.finish(out);
  }
  file.publish();
  report(o, 1);
  return static_cast<int>(plan.booths.size());
}

int planPng(const PlanSnapshot& plan, const fs::path& out, const PlanExportOptions& o) {
  const Page page = paperSize(o.paper);
  const double dpi = 150;
  const int pw = static_cast<int>(std::lround(page.w / 72 * dpi)),
            ph = static_cast<int>(std::lround(page.h / 72 * dpi));
  PartialFile file(out, "plan.export.error.write");
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, dpi / 72, dpi / 72);
  {
    Writer w(cr);
    drawPlanPage(cr, w, plan, page, o.colourBy);
  }
  cairo_destroy(cr);
  report(o, 0.7);
  checkCancel(o);
  const cairo_status_t status = cairo_surface_write_to_png(surface, file.handle().c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::Io, tr("plan.export.error.write", {out.string(), cairo_status_to_string(status)}));
  file.publish();
  report(o, 1);
  return static_cast<int>(plan.booths.size());
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const char* const kDirectoryColumns[] = {"booth", "hall", "name_fr", "name_ar", "sector", "region", "city"};

std::vector<std::string> directoryCells(const DirectoryRow& r, bool labels) {
  return {r.booth,
          r.hall,
          r.name_fr,
          r.name_ar,
          labels ? i18n::label("sector", r.sector) : r.sector,
          labels ? i18n::label("region", r.region) : r.region,
          r.city};
}

// CSV for other programs: UTF-8 with BOM, ';', the canonical column names and codes.
int directoryCsv(const std::vector<DirectoryRow>& rows, const fs::path& out) {
  PartialFile file(out, "plan.export.error.write");
  {
    std::ofstream f(file.handle(), std::ios::binary);
    f << "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < std::size(kDirectoryColumns); ++c) f << (c ? ";" : "") << kDirectoryColumns[c];
    f << "\r\n";
    for (const auto& r : rows) {
      const auto cells = directoryCells(r, false);
      for (std::size_t c = 0; c < cells.size(); ++c) f << (c ? ";" : "") << csvField(neutralizeFormula(cells[c]));
      f << "\r\n";
    }
    f.flush();
    if (!f) throw Error(ErrorKind::Io, tr("plan.export.error.write", {out.string(), "I/O"}));
  }
  file.publish();
  return static_cast<int>(rows.size());
}

std::vector<std::string> directoryHeaders() {
  return {tr("plan.export.col.booth"),   tr("plan.export.col.hall"),   tr("plan.export.col.name_fr"),
          tr("plan.export.col.name_ar"), tr("plan.export.col.sector"), tr("plan.export.col.region"),
          tr("plan.export.col.city")};
}

// XLSX for people: headers in the interface language, sector and region labels (io/xlsx_table: frozen
// header, autofilter, sized columns, right to left in Arabic).
int directoryXlsx(const std::vector<DirectoryRow>& rows, const fs::path& out) {
  PartialFile file(out, "plan.export.error.write");
  {
    io::xlsx::Workbook book(file.handle());
    std::vector<io::xlsx::Column> columns;
    for (const auto& h : directoryHeaders()) columns.push_back({h});
    auto& sheet = book.addSheet("directory", std::move(columns));
    for (const auto& row : rows) sheet.row(directoryCells(row, true));
    book.close();
  }
  file.publish();
  return static_cast<int>(rows.size());
}

// PDF, A4 portrait: one line per exhibitor, names in both scripts.
int directoryPdf(const PlanSnapshot& plan, const std::vector<DirectoryRow>& rows, const fs::path& out,
                 const PlanExportOptions& o) {
  const Page page{595.28, 841.89};
  PartialFile file(out, "plan.export.error.write");
  {
    PdfFile pdf(file.handle(), out, page, tr("plan.export.directory"));
    {
      Writer w(pdf.cr);
      const bool arabic = i18n::language() == "ar";
      const double size = 7.5, rowH = 13, tableW = page.w - 2 * kMargin;
      const auto headers = directoryHeaders();
      // booth, name FR, name AR, sector, region (hall and city are in the CSV/XLSX).
      const std::vector<std::size_t> shown{0, 2, 3, 4, 5};
      const std::vector<double> fracs{0.07, 0.40, 0.31, 0.10, 0.12};
      std::vector<double> xs;
      double acc = 0;
      for (double f : fracs) {
        xs.push_back(arabic ? kMargin + tableW - (acc + f) * tableW : kMargin + acc * tableW);
        acc += f;
      }
      std::size_t i = 0;
      int pageNo = 0;
      do {
        checkCancel(o);
        ++pageNo;
        double y = kMargin;
        y += w.text(tr("plan.export.directory") + (plan.title.empty() ? "" : " — " + plan.title) + "  (" +
                        std::to_string(pageNo) + ")",
                    kMargin, y, tableW, 12, true, arabic ? 1 : 0) +
             6;
        cairo_rectangle(pdf.cr, kMargin, y, tableW, rowH);
        fill(pdf.cr, {232, 238, 245});
        cairo_fill(pdf.cr);
        for (std::size_t c = 0; c < shown.size(); ++c)
          w.text(headers[shown[c]], xs[c] + 2, y + 2, fracs[c] * tableW - 4, size, true,
                 arabic || shown[c] == 3 ? 1 : 0);
        y += rowH;
        // Names whole: a directory is searched and copied from. A long name is set smaller to stay on
        // its line (a name broken over two lines is read back interleaved with its neighbours), and
        // wraps only below 5.5 points. The other cells stay on one line.
        auto names = [&](const std::vector<std::string>& cells, bool draw, double at) {
          double h = rowH;
          pango_layout_set_wrap(w.layout, PANGO_WRAP_WORD_CHAR);
          for (std::size_t c = 1; c <= 2; ++c) {
            pango_layout_set_height(w.layout, -4);
            const double cw = fracs[c] * tableW - 4;
            const std::string& name = cells[shown[c]];
            const double fit = std::max(5.5, std::min(size, size * cw / std::max(1.0, w.width(name, size))));
            h = std::max(h, (draw ? w.text(name, xs[c] + 2, at + 2, cw, fit, false, arabic || shown[c] == 3 ? 1 : 0)
                                  : w.height(name, cw, fit)) +
                                4);
          }
          pango_layout_set_height(w.layout, -1);
          return h;
        };
        while (i < rows.size()) {
          const auto cells = directoryCells(rows[i], true);
          const double h = names(cells, false, y);
          if (y + h >= page.h - kMargin) break;
          names(cells, true, y);
          for (std::size_t c : {std::size_t{0}, std::size_t{3}, std::size_t{4}})
            w.text(cells[shown[c]], xs[c] + 2, y + 2, fracs[c] * tableW - 4, size, c == 0,
                   arabic || shown[c] == 3 ? 1 : 0);
          y += h;
          ++i;
        }
        cairo_show_page(pdf.cr);
        report(o, static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(1, rows.size())));
      } while (i < rows.size());
    }
    pdf.finish(out);
  }
  file.publish();
  return static_cast<int>(rows.size());
}

}  // namespace

void drawPlanMap(cairo_t* cr, const PlanSnapshot& plan, double x, double y, double w, double h, const PlanMap& map) {
  Rect view = map.view;
  if (map.whole || view.w <= 0 || view.h <= 0) {
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    auto grow = [&](const Rect& r) {
      x0 = std::min(x0, r.x), y0 = std::min(y0, r.y), x1 = std::max(x1, r.right()), y1 = std::max(y1, r.bottom());
    };
    for (const auto& hall : plan.halls) grow(hall.outline.empty() ? rectOf(hall) : boundingRect(hall.outline));
    for (const auto& b : plan.booths) grow(rectOf(b));
    for (const auto& sq : map.squares) grow({sq.x - 1, sq.y - 1, 2, 2});
    if (x1 <= x0 || y1 <= y0) return;
    view = {x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2};
  }
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, 0.98, 0.98, 0.99);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.6, 0.62, 0.66);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke_preserve(cr);
  cairo_clip(cr);
  const double k = std::min(w / view.w, h / view.h);
  const Scale s{x + (w - view.w * k) / 2 - view.x * k, y + (h - view.h * k) / 2 - view.y * k, k};
  Writer writer(cr);
  drawVenue(cr, writer, plan, s, ColourBy::Status, map.arabic, &map);
  // The B2B area's tables: 1.6 m squares with their codes, the marked ones in the mark colour.
  const double side = std::max(1.6 * k, 7.0);
  for (const auto& sq : map.squares) {
    const double sx = s.ox + sq.x * k - side / 2, sy = s.oy + sq.y * k - side / 2;
    cairo_rectangle(cr, sx, sy, side, side);
    fill(cr, sq.marked ? kMarkColour : Rgb{255, 255, 255});
    cairo_fill_preserve(cr);
    fill(cr, {40, 44, 52});
    cairo_set_line_width(cr, sq.marked ? 1.0 : 0.5);
    cairo_stroke(cr);
    const double size = std::clamp(side * 0.32, 2.5, 8.0);
    writer.text(sq.code, sx - side, sy + (side - size * 1.2) / 2, side * 3, size, sq.marked, 0.5,
                sq.marked ? Rgb{255, 255, 255} : Rgb{30, 34, 42});
  }
  cairo_restore(cr);
}

int writePlan(const PlanSnapshot& plan, const fs::path& out, const PlanExportOptions& options) {
  const std::string ext = extensionOf(out);
  if (ext == ".pdf") return planPdf(plan, out, options);
  if (ext == ".png") return planPng(plan, out, options);
  throw Error(ErrorKind::Usage, tr("plan.export.error.extension", {out.string(), ".pdf, .png"}));
}

int writeDirectory(const PlanSnapshot& plan, const fs::path& out, const PlanExportOptions& options) {
  const std::string ext = extensionOf(out);
  if (ext != ".pdf" && ext != ".csv" && ext != ".xlsx")
    throw Error(ErrorKind::Usage, tr("plan.export.error.extension", {out.string(), ".pdf, .csv, .xlsx"}));
  const auto rows = directoryRows(plan);
  checkCancel(options);
  int n = 0;
  if (ext == ".pdf")
    n = directoryPdf(plan, rows, out, options);
  else if (ext == ".csv")
    n = directoryCsv(rows, out);
  else
    n = directoryXlsx(rows, out);
  report(options, 1);
  return n;
}

}  // namespace moussem::booth
