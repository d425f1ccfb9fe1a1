// The right-of-access PDF: one person's data on A4 pages, labels in the current language, values as
// stored (Latin and Arabic names shaped and ordered by Pango), the export stamp on every page.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"
#include "pdf/pdf_text.hpp"
#include "privacy/person_export.hpp"

namespace moussem::privacy {

namespace {

constexpr double kW = 595.28, kH = 841.89, kMargin = 48;  // A4 in points

class Page {
 public:
  Page(cairo_surface_t* surface, std::string footer)
      : cr_(cairo_create(surface)),
        layout_(pdf::createLayout(cr_)),
        font_(pango_font_description_from_string("DejaVu Sans, Noto Sans Arabic")),
        footer_(std::move(footer)) {
    start();
  }
  ~Page() {
    g_object_unref(layout_);
    pango_font_description_free(font_);
    cairo_destroy(cr_);
  }
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  void finish() { cairo_show_page(cr_); }

  // Text in a box of width w at (x, y); returns its height. Direction from the text itself, so an
  // Arabic value reads right to left; align 1: right.
  double text(const std::string& s, double x, double y, double w, double size, bool bold = false, double grey = 0.1,
              bool right = false) {
    pango_font_description_set_absolute_size(font_, size * PANGO_SCALE);
    pango_font_description_set_weight(font_, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font_);
    pdf::setText(layout_, s);
    pango_layout_set_width(layout_, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout_, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_auto_dir(layout_, FALSE);
    int tw = 0, th = 0;
    pango_layout_get_pixel_size(layout_, &tw, &th);
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pdf::showLayout(cr_, layout_);
    return th;
  }
  // Leaves room for h points, starting a new page when the current one is full.
  void need(double h) {
    if (y_ + h <= kH - kMargin - 20) return;
    cairo_show_page(cr_);
    start();
  }
  void heading(const std::string& s) {
    need(40);
    y_ += 10;
    const double h = text(s, kMargin, y_, kW - 2 * kMargin, 13, true);
    cairo_set_source_rgb(cr_, 0.79, 0.64, 0.15);
    cairo_rectangle(cr_, kMargin, y_ + h + 2, kW - 2 * kMargin, 1.0);
    cairo_fill(cr_);
    y_ += h + 8;
  }
  void field(const std::string& label, const std::string& value) {
    need(16);
    const double labelW = 170, valueW = kW - 2 * kMargin - labelW;
    const double h =
        std::max(text(label, kMargin, y_, labelW - 8, 9.5, false, 0.4), text(value, kMargin + labelW, y_, valueW, 9.5));
    y_ += h + 3;
  }
  // A table row: columns of the given widths (fractions of the text width).
  void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool bold = false) {
    need(14);
    double x = kMargin, h = 0;
    const double total = kW - 2 * kMargin;
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      h = std::max(h, text(cells[i], x, y_, total * widths[i] - 4, 8, bold, bold ? 0.3 : 0.1));
      x += total * widths[i];
    }
    y_ += h + 2;
  }
  void note(const std::string& s) {
    need(14);
    y_ += text(s, kMargin, y_, kW - 2 * kMargin, 9, false, 0.45) + 3;
  }
  double& y() { return y_; }

 private:
  void start() {
    y_ = kMargin;
    cairo_set_source_rgb(cr_, 0.106, 0.165, 0.255);
    cairo_rectangle(cr_, 0, 0, kW, 10);
    cairo_fill(cr_);
    text(footer_, kMargin, kH - kMargin + 8, kW - 2 * kMargin, 7.5, false, 0.45);
  }
  cairo_t* cr_;
  PangoLayout* layout_;
  PangoFontDescription* font_;
  std::string footer_;
  double y_ = kMargin;
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

void writePersonPdf(const PersonRecord& r, const ExportStamp& stamp, const std::filesystem::path& out) {
  PartialFile file(out, "privacy.error.write");
  cairo_surface_t* surface = cairo_pdf_surface_create(file.handle().c_str(), kW, kH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    file.fail(why);
  }
  const Person& p = r.person;
  const std::string stampText = tr("privacy.pdf.stamp", {stamp.exported_by, tz::dateTime(stamp.exported_at)});
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Moussem");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, tr("privacy.pdf.title").c_str());
  {
    Page page(surface, stampText + "  ·  " + tr("privacy.pdf.footer"));
    const double w = kW - 2 * kMargin;
    double& y = page.y();
    y += page.text(tr("privacy.pdf.title"), kMargin, y, w, 18, true) + 6;
    if (!r.edition.name_fr.empty()) y += page.text(r.edition.name_fr, kMargin, y, w, 11, false, 0.35) + 2;
    if (!r.edition.name_ar.empty()) y += page.text(r.edition.name_ar, kMargin, y, w, 11, false, 0.35, true) + 2;
    y += page.text(stampText, kMargin, y + 4, w, 9.5, true, 0.25) + 10;

    page.heading(tr("privacy.pdf.section.person"));
    page.field(tr("privacy.pdf.id"), std::to_string(p.id));
    page.field(tr("people.field.external_id"), p.external_id);
    page.field(tr("people.field.first_name"), p.first_name);
    page.field(tr("people.field.last_name"), p.last_name);
    page.field(tr("people.field.name_ar"), p.name_ar);
    page.field(tr("people.field.organization"), p.organization);
    page.field(tr("people.field.position"), p.position);
    page.field(tr("people.field.category"), i18n::label("category", p.category));
    page.field(tr("people.field.country"), p.country);
    page.field(tr("people.field.email"), p.email);
    page.field(tr("people.field.phone"), p.phone);
    page.field(tr("people.field.days"), join(p.days));
    page.field(tr("people.field.consent"),
               p.consent ? tr("privacy.pdf.consent_on", {p.consent_at}) : tr("privacy.pdf.consent_no"));

    if (r.exhibitor) {
      const Exhibitor& x = *r.exhibitor;
      page.heading(tr("privacy.pdf.section.exhibitor"));
      page.field(tr("exhibitors.field.name_fr"), x.name_fr);
      page.field(tr("exhibitors.field.name_ar"), x.name_ar);
      page.field(tr("exhibitors.field.kind"), i18n::label("kind", x.kind));
      page.field(tr("exhibitors.field.sector"), i18n::label("sector", x.sector));
      page.field(tr("exhibitors.field.region"), i18n::label("region", x.region));
      page.field(tr("exhibitors.field.city"), x.city);
      if (r.is_contact) {  // the contact fields are this person's own
        page.field(tr("exhibitors.field.contact_name"), x.contact_name);
        page.field(tr("exhibitors.field.phone"), x.phone);
        page.field(tr("exhibitors.field.email"), x.email);
        page.field(tr("exhibitors.field.registration_no"), x.registration_no);
      }
      page.field(tr("privacy.pdf.booth"), r.booth.value_or(""));
    }

    page.heading(tr("privacy.pdf.section.badge"));
    if (!r.badge) {
      page.note(tr("privacy.pdf.none"));
    } else {
      page.field(tr("privacy.pdf.serial"), r.badge->serial);
      page.field(tr("privacy.pdf.version"), std::to_string(r.badge->version));
      page.field(tr("privacy.pdf.status"), std::string(codeOf(r.badge->status)));
      page.field(tr("privacy.pdf.printed"), std::to_string(r.badge->printed_count));
      const std::vector<double> cols{0.30, 0.14, 0.10, 0.18, 0.28};
      page.row({tr("privacy.pdf.at"), tr("privacy.pdf.action"), tr("privacy.pdf.version"), tr("privacy.pdf.station"),
                tr("privacy.pdf.reason")},
               cols, true);
      for (const auto& e : r.badge_events)
        page.row({e.at, std::string(codeOf(e.action)), std::to_string(e.version), e.station, e.reason}, cols);
    }

    page.heading(tr("privacy.pdf.section.scans"));
    if (r.scans.empty())
      page.note(tr("privacy.pdf.none"));
    else {
      const std::vector<double> cols{0.25, 0.15, 0.12, 0.10, 0.38};
      page.row({tr("privacy.pdf.at"), tr("privacy.pdf.gate"), tr("privacy.pdf.zone"), tr("privacy.pdf.direction"),
                tr("privacy.pdf.verdict")},
               cols, true);
      for (const auto& s : r.scans)
        page.row({s.at, s.gate, i18n::label("zone", s.zone), codeLabel(s.direction),
                  codeLabel(s.reason) + (s.manual ? " · " + tr("privacy.pdf.manual") : "") +
                      (s.note.empty() ? "" : " · " + s.note)},
                 cols);
    }

    page.heading(tr("privacy.pdf.section.presence"));
    if (r.presences.empty()) page.note(tr("privacy.pdf.none"));
    for (const auto& pr : r.presences)
      page.field(i18n::label("zone", pr.zone),
                 tr(pr.inside ? "privacy.pdf.inside" : "privacy.pdf.outside", {pr.last_at}));
    page.finish();
  }
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) file.fail(cairo_status_to_string(status));
  file.publish();
}

}  // namespace moussem::privacy
