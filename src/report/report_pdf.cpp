#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "core/atomic_file.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"
#include "pdf/pdf_text.hpp"
#include "report/report.hpp"

namespace moussem::report {

namespace {

constexpr double kW = 595.28, kH = 841.89, kMargin = 48;  // A4 in points

struct Pdf {
  cairo_t* cr;
  PangoLayout* layout;
  PangoFontDescription* font;
  std::string latin;  // the language of the left-hand column: French, or English with --lang en
  bool wrap = false;  // long text on several lines (the edition's names on the cover), else cut with "…"

  // Text in a box of width w at (x, y); returns its height. align: 0 left, 0.5 centre, 1 right.
  double text(const std::string& s, double x, double y, double w, double size, bool bold = false, double align = 0,
              double grey = 0.1) {
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pdf::setText(layout, s);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_ellipsize(layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
    pango_layout_set_alignment(layout, align >= 0.75   ? PANGO_ALIGN_RIGHT
                                       : align >= 0.25 ? PANGO_ALIGN_CENTER
                                                       : PANGO_ALIGN_LEFT);
    pango_layout_set_auto_dir(layout, FALSE);  // the alignment above holds for Arabic too
    int tw = 0, th = 0;
    pango_layout_get_pixel_size(layout, &tw, &th);
    cairo_set_source_rgb(cr, grey, grey, grey);
    cairo_move_to(cr, x, y);
    pdf::showLayout(cr, layout);
    return th;
  }
  // The size, between min and size, at which s fits on one line of width w (min if it never does).
  double fit(const std::string& s, double w, double size, double min) {
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pdf::setText(layout, s);
    pango_layout_set_width(layout, -1);
    int tw = 0, th = 0;
    pango_layout_get_size(layout, &tw, &th);
    const double natural = static_cast<double>(tw) / PANGO_SCALE;
    return natural <= w ? size : std::max(min, size * w / natural * 0.98);
  }
  // A heading in French (or English) on the left and Arabic on the right, with a rule under it.
  double heading(const std::string& key, double y, double size = 15) {
    const double w = kW - 2 * kMargin;
    const double h = std::max(text(i18n::lookupIn(latin, key), kMargin, y, w * 0.55, size, true),
                              text(i18n::lookupIn("ar", key), kMargin + w * 0.45, y, w * 0.55, size, true, 1));
    cairo_set_source_rgb(cr, 0.79, 0.64, 0.15);
    cairo_rectangle(cr, kMargin, y + h + 3, w, 1.2);
    cairo_fill(cr);
    return y + h + 12;
  }
  // A row: bilingual label, value(s) right-aligned in columns.
  double row(const std::string& fr, const std::string& ar, const std::vector<std::string>& values, double y) {
    const double w = kW - 2 * kMargin, valuesW = 70.0 * static_cast<double>(values.size());
    const double labelW = (w - valuesW) / 2;
    text(fr, kMargin, y, labelW - 4, 10);
    text(ar, kMargin + labelW, y, labelW - 8, 10, false, 1);
    for (std::size_t i = 0; i < values.size(); ++i)
      text(values[i], kMargin + 2 * labelW + 70.0 * static_cast<double>(i), y, 66, 10, true, 1);
    return y + 16;
  }
  void bar(double x, double y, double w, double h, double r, double g, double b) {
    cairo_set_source_rgb(cr, r, g, b);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
  }
};

// Counts grouped as the chosen language writes them: 1 234 in French, 1,234 in English and Arabic.
std::string num(long long n) {
  return i18n::formatCount(n);
}

}  // namespace

void writePdf(const EventFigures& f, const Edition& edition, const std::filesystem::path& out, const Progress& progress,
              const std::string& anchor) {
  checkWritable(out);
  PartialFile file(out, "report.error.write");
  cairo_surface_t* surface = cairo_pdf_surface_create(file.handle().c_str(), kW, kH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    file.fail("cairo");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Moussem");
  // The audit trail's anchor, in the document's keywords (pdfinfo shows them; audit verify --anchor reads them).
  if (!anchor.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, anchor.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (edition.name_fr + " — " + i18n::lookupIn(i18n::language(), "report.title")).c_str());
  // Bilingual pages, Arabic on the right; the left-hand column follows --lang (English for English,
  // French otherwise: with --lang ar the report keeps the administration's French beside the Arabic).
  Pdf p{cairo_create(surface), nullptr, pango_font_description_from_string("DejaVu Sans, Noto Sans Arabic"),
        i18n::language() == "en" ? "en" : "fr"};
  const std::string& nameLatin = p.latin == "en" && !edition.name_en.empty() ? edition.name_en : edition.name_fr;
  p.layout = pdf::createLayout(p.cr);
  const double w = kW - 2 * kMargin;

  // Cover.
  p.bar(0, 0, kW, 14, 0.106, 0.165, 0.255);
  double y = 220;
  // The edition's names whole, as they are searched for and copied: smaller to stay on one line, and
  // wrapped only below 16 points.
  p.wrap = true;
  y += p.text(nameLatin, kMargin, y, w, p.fit(nameLatin, w, 26, 16), true, 0.5) + 10;
  y += p.text(edition.name_ar, kMargin, y, w, p.fit(edition.name_ar, w, 26, 16), true, 0.5) + 24;
  p.wrap = false;
  y += p.text(dates::formatLong(edition.starts_on, p.latin) + " – " + dates::formatLong(edition.ends_on, p.latin),
              kMargin, y, w, 14, false, 0.5) +
       4;
  y += p.text(dates::formatLong(edition.starts_on, "ar") + " – " + dates::formatLong(edition.ends_on, "ar"), kMargin, y,
              w, 14, false, 0.5) +
       4;
  if (!edition.venue.empty()) y += p.text(edition.venue, kMargin, y, w, 12, false, 0.5, 0.35) + 30;
  p.text(i18n::lookupIn(p.latin, "report.title") + "  ·  " + i18n::lookupIn("ar", "report.title"), kMargin, y + 40, w,
         18, true, 0.5, 0.35);
  // When it was made, at the edition's clock.
  const std::string now = dates::utcNowIso();
  if (const auto local = tz::localOf(now, *tz::editionZone())) {
    const auto made = [&](const std::string& lang) {
      return i18n::format(i18n::lookupIn(lang, "report.generated"),
                          {dates::formatLong(local->day, lang) + "  " + tz::clock(now)});
    };
    p.text(made(p.latin) + "  ·  " + made("ar"), kMargin, kH - kMargin - 12, w, 9, false, 0.5, 0.45);
  }
  cairo_show_page(p.cr);

  // Key figures, inside now, the funnel.
  y = p.heading("report.page.figures", kMargin);
  struct Fig {
    const char* key;
    long long value;
  };
  for (const Fig& fig : {Fig{"report.fig.registered", f.people}, Fig{"report.fig.printed", f.badges_printed},
                         Fig{"report.fig.visitors", f.visitors}, Fig{"report.fig.entries", f.entries},
                         Fig{"report.fig.exits", f.exits}, Fig{"report.fig.exhibitors", f.exhibitors}})
    y = p.row(i18n::lookupIn(p.latin, fig.key), i18n::lookupIn("ar", fig.key), {num(fig.value)}, y);
  y = p.heading("report.page.funnel", y + 14);
  y = p.row("", "",
            {i18n::lookupIn(p.latin, "report.col.registered"), i18n::lookupIn(p.latin, "report.col.printed"),
             i18n::lookupIn(p.latin, "report.col.entered")},
            y);
  for (const auto& r : f.funnel) {
    if (r.registered == 0) continue;
    y = p.row(i18n::label("category", r.category, p.latin), i18n::label("category", r.category, "ar"),
              {num(r.registered), num(r.printed), num(r.entered)}, y);
  }
  y = p.heading("report.page.inside", y + 14);
  for (const auto& z : f.inside_by_zone)
    y = p.row(i18n::label("zone", z.code, p.latin), i18n::label("zone", z.code, "ar"), {num(z.count)}, y);
  cairo_show_page(p.cr);
  if (progress) progress(0.2);

  // One page per day: its figures and its hourly chart (7 h – 21 h).
  for (std::size_t i = 0; i < f.days.size(); ++i) {
    const DayFigures& d = f.days[i];
    const double w2 = w * 0.5;
    p.text(dates::formatLong(d.day, p.latin), kMargin, kMargin, w2, 16, true);
    p.text(dates::formatLong(d.day, "ar"), kMargin + w2, kMargin, w2, 16, true, 1);
    y = kMargin + 34;
    y = p.row(i18n::lookupIn(p.latin, "report.fig.entries"), i18n::lookupIn("ar", "report.fig.entries"),
              {num(d.entries)}, y);
    y = p.row(i18n::lookupIn(p.latin, "report.fig.visitors"), i18n::lookupIn("ar", "report.fig.visitors"),
              {num(d.visitors)}, y);
    y = p.heading("report.chart.hours", y + 10, 12);
    const double chartH = 260, base = y + chartH, slot = w / 15.0;
    long long peak = 1;
    for (int h = 7; h < 22; ++h) peak = std::max(peak, d.by_hour[static_cast<std::size_t>(h)]);
    p.bar(kMargin, base, w, 0.8, 0.5, 0.5, 0.5);
    for (int h = 7; h < 22; ++h) {
      const long long v = d.by_hour[static_cast<std::size_t>(h)];
      const double x = kMargin + slot * (h - 7),
                   bh = (chartH - 20) * static_cast<double>(v) / static_cast<double>(peak);
      p.bar(x + slot * 0.15, base - bh, slot * 0.7, bh, 0.122, 0.435, 0.698);
      if (v > 0) p.text(num(v), x, base - bh - 13, slot, 8, false, 0.5);
      p.text(std::to_string(h) + " h", x, base + 3, slot, 8, false, 0.5, 0.35);
    }
    cairo_show_page(p.cr);
    if (progress) progress(0.2 + 0.5 * static_cast<double>(i + 1) / static_cast<double>(f.days.size()));
  }

  // Forum attendance: entries and distinct participants per day and per category.
  if (const ZoneAttendance* forum = f.zone("forum")) {
    y = p.heading("report.page.forum", kMargin);
    y = p.row(i18n::lookupIn(p.latin, "report.fig.forum_entries"), i18n::lookupIn("ar", "report.fig.forum_entries"),
              {num(forum->entries)}, y);
    y = p.row(i18n::lookupIn(p.latin, "report.fig.forum_attendees"), i18n::lookupIn("ar", "report.fig.forum_attendees"),
              {num(forum->attendees)}, y);
    y = p.heading("report.chart.forum_days", y + 14, 12);
    y = p.row("", "", {i18n::lookupIn(p.latin, "report.col.entries"), i18n::lookupIn(p.latin, "report.col.attendees")},
              y);
    long long peak = 1;
    for (long long v : forum->attendees_per_day) peak = std::max(peak, v);
    for (std::size_t d = 0; d < f.days.size() && d < forum->entries_per_day.size(); ++d) {
      // A thin bar under each day's row: the day's attendees against the busiest day.
      p.bar(kMargin, y + 13, w * 0.45 * static_cast<double>(forum->attendees_per_day[d]) / static_cast<double>(peak),
            2.2, 0.122, 0.435, 0.698);
      y = p.row(dates::formatLong(f.days[d].day, p.latin), dates::formatLong(f.days[d].day, "ar"),
                {num(forum->entries_per_day[d]), num(forum->attendees_per_day[d])}, y);
    }
    y = p.heading("report.chart.forum_categories", y + 14, 12);
    y = p.row("", "", {i18n::lookupIn(p.latin, "report.col.attendees"), i18n::lookupIn(p.latin, "report.col.entries")},
              y);
    bool any = false;
    for (std::size_t c = 0; c < forum->attendees_by_category.size(); ++c) {
      const auto& a = forum->attendees_by_category[c];
      if (a.count == 0 && forum->entries_by_category[c].count == 0) continue;
      any = true;
      y = p.row(i18n::label("category", a.code, p.latin), i18n::label("category", a.code, "ar"),
                {num(a.count), num(forum->entries_by_category[c].count)}, y);
    }
    if (!any)
      p.text(i18n::lookupIn(p.latin, "report.forum.none") + "  ·  " + i18n::lookupIn("ar", "report.forum.none"),
             kMargin, y, w, 10, false, 0, 0.4);
    cairo_show_page(p.cr);
  }
  if (progress) progress(0.8);

  // Exhibitors by region and sector, booths by hall.
  y = kMargin;
  for (auto [key, groups, family] : {std::tuple{"report.chart.region", &f.exhibitors_by_region, "region"},
                                     std::tuple{"report.chart.sector", &f.exhibitors_by_sector, "sector"}}) {
    y = p.heading(key, y);
    y = p.row(
        "", "",
        {i18n::lookupIn(p.latin, "report.col.registered_exhibitors"), i18n::lookupIn(p.latin, "report.col.present")},
        y);
    for (const auto& g : *groups) {
      if (y > kH - kMargin - 20) {
        cairo_show_page(p.cr);
        y = kMargin;
      }
      y = p.row(i18n::label(family, g.code, p.latin), i18n::label(family, g.code, "ar"), {num(g.total), num(g.present)},
                y);
    }
    y += 14;
  }
  if (y > kH - 200) {
    cairo_show_page(p.cr);
    y = kMargin;
  }
  y = p.heading("report.page.booths", y);
  y = p.row("", "",
            {i18n::lookupIn(p.latin, "report.col.booths"), i18n::lookupIn(p.latin, "report.col.taken"),
             i18n::lookupIn(p.latin, "report.col.free")},
            y);
  if (f.booths_by_hall.empty())
    p.text(i18n::lookupIn(p.latin, "dashboard.no_booths"), kMargin, y, w, 10, false, 0, 0.4);
  for (const auto& h : f.booths_by_hall) y = p.row(h.hall, "", {num(h.total), num(h.taken), num(h.free)}, y);
  cairo_show_page(p.cr);

  g_object_unref(p.layout);
  pango_font_description_free(p.font);
  cairo_destroy(p.cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) file.fail(cairo_status_to_string(status));
  file.publish();
  if (progress) progress(1.0);
}

}  // namespace moussem::report
