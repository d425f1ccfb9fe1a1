// Agendas and table sheets on paper (see agenda_pdf.hpp). Cairo draws in points; every string goes
// through Pango (pdf/pdf_text), so Arabic is shaped and a text extractor gives it back in logical order.
// In Arabic the columns run from the right and the text is right-aligned: a mirrored x for each box.
#include "b2b/agenda_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "b2b/agenda_ics.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "pdf/pdf_text.hpp"

namespace moussem::b2b {

namespace fs = std::filesystem;

namespace {

struct Paper {
  double w = 0, h = 0, margin = 0, scale = 1;  // scale: text sizes relative to A4
};
Paper paperOf(const std::string& paper) {
  if (paper == "a6") return {297.64, 419.53, 18, 0.72};
  return {595.28, 841.89, 40, 1};
}

// One PDF being written: pages of one size, text boxes that mirror in right-to-left languages, and a
// running y with page breaks.
class Sheet {
 public:
  Sheet(cairo_surface_t* surface, const Paper& paper, const Words& words, std::string footer)
      : cr_(cairo_create(surface)),
        layout_(pdf::createLayout(cr_)),
        font_(pango_font_description_from_string("DejaVu Sans, Noto Sans Arabic")),
        paper_(paper),
        words_(words),
        footer_(std::move(footer)) {}
  ~Sheet() {
    g_object_unref(layout_);
    pango_font_description_free(font_);
    cairo_destroy(cr_);
  }
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;

  cairo_t* cr() { return cr_; }
  double left() const { return paper_.margin; }
  double width() const { return paper_.w - 2 * paper_.margin; }
  double bottom() const { return paper_.h - paper_.margin - 12 * paper_.scale; }
  double size(double a4) const { return a4 * paper_.scale; }
  double& y() { return y_; }
  int pages() const { return pages_; }

  void newPage() {
    if (open_) cairo_show_page(cr_);
    open_ = true;
    ++pages_;
    y_ = paper_.margin;
    cairo_set_source_rgb(cr_, 0.106, 0.165, 0.255);
    cairo_rectangle(cr_, 0, 0, paper_.w, 8 * paper_.scale);
    cairo_fill(cr_);
    if (!footer_.empty()) text(footer_, 0, paper_.h - paper_.margin + 2, width(), size(7), false, 0.45);
  }
  void finish() {
    if (open_) cairo_show_page(cr_);
    open_ = false;
  }
  // Room for h points, else a new page.
  void need(double h) {
    if (!open_ || y_ + h > bottom()) newPage();
  }

  // Text in the box [x, x + w) counted from the reading side (the left in French, the right in
  // Arabic), top at y; wrapped on words; returns its height.
  double text(const std::string& s, double x, double y, double w, double sz, bool bold = false, double grey = 0.1,
              bool ellipsize = false) {
    if (s.empty()) return 0;
    pango_font_description_set_absolute_size(font_, sz * PANGO_SCALE);
    pango_font_description_set_weight(font_, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout_, font_);
    pdf::setText(layout_, s);
    pango_layout_set_width(layout_, static_cast<int>(std::max(1.0, w) * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(layout_, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    pango_layout_set_alignment(layout_, words_.rightToLeft() ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_auto_dir(layout_, FALSE);  // the alignment holds for every paragraph
    int tw = 0, th = 0;
    pango_layout_get_size(layout_, &tw, &th);
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, xOf(x, w), y);
    pdf::showLayout(cr_, layout_);
    return static_cast<double>(th) / PANGO_SCALE;
  }
  // The page x of a box given from the reading side.
  double xOf(double x, double w) const { return words_.rightToLeft() ? paper_.w - paper_.margin - x - w : left() + x; }

  void rule(double y, double grey = 0.8, double thickness = 0.5) {
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_rectangle(cr_, left(), y, width(), thickness);
    cairo_fill(cr_);
  }
  void heading(const std::string& s, double sz) {
    need(sz * 3);
    y_ += sz * 0.6;
    const double h = text(s, 0, y_, width(), sz, true, 0.15);
    cairo_set_source_rgb(cr_, 0.79, 0.64, 0.15);
    cairo_rectangle(cr_, left(), y_ + h + 1, width(), 0.8);
    cairo_fill(cr_);
    y_ += h + sz * 0.5;
  }

 private:
  cairo_t* cr_;
  PangoLayout* layout_;
  PangoFontDescription* font_;
  Paper paper_;
  const Words& words_;
  std::string footer_;
  double y_ = 0;
  int pages_ = 0;
  bool open_ = false;
};

// A PDF surface writing into a PartialFile, finished and published, or the file removed on failure.
class PdfFile {
 public:
  PdfFile(const fs::path& out, const Paper& paper) : file_(out, "agenda.error.write") {
    surface_ = cairo_pdf_surface_create(file_.handle().c_str(), paper.w, paper.h);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      const std::string why = cairo_status_to_string(cairo_surface_status(surface_));
      cairo_surface_destroy(surface_);
      surface_ = nullptr;
      file_.fail(why);
    }
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Moussem");
  }
  ~PdfFile() {
    if (surface_) cairo_surface_destroy(surface_);
  }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;
  cairo_surface_t* surface() { return surface_; }
  void publish() {
    cairo_surface_finish(surface_);
    const cairo_status_t status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) file_.fail(cairo_status_to_string(status));
    file_.publish();
  }

 private:
  PartialFile file_;
  cairo_surface_t* surface_ = nullptr;
};

void checkCancel(const AgendaOptions& o) {
  if (o.cancelled && o.cancelled()) throw Error(ErrorKind::Refused, tr("agenda.cancelled"));
}

std::string statusText(const Words& w, MeetingStatus s) {
  return s == MeetingStatus::Scheduled ? std::string() : w.tr("agenda.status." + std::string(codeOf(s)));
}

// "09:00–09:20"; inside a right-to-left line, isolated as left-to-right text (U+2066 ... U+2069), or the
// bidi algorithm would show the two times in swapped order.
std::string timeText(const AgendaMeeting& m, const Words& w) {
  const std::string range = clockText(m.start) + "–" + clockText(m.end);
  return w.rightToLeft() ? "\u2066" + range + "\u2069" : range;
}

// The part of the venue the B2B area's tables cover, with a margin: the small map's view.
booth::Rect tablesArea(const std::vector<B2bPlace>& places) {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& p : places)
    if (p.kind == B2bPlaceKind::Table)
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  if (x1 < x0) return {};
  const double margin = std::max(4.0, 0.12 * std::max(x1 - x0, y1 - y0));
  return {x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin};
}

// The maps under an agenda: the B2B area with the person's tables marked, then the venue plan with the
// booths where they are expected marked. Each in a box of the page's width.
void drawMaps(Sheet& s, const AgendaData& a, const AgendaBackdrop& b, const Words& w, double boxHeight) {
  std::set<std::string> tables, booths;
  for (const auto& m : a.meetings) {
    if (m.status == MeetingStatus::Cancelled) continue;
    if (m.place.kind == B2bPlaceKind::Table)
      tables.insert(m.place.code);
    else if (!m.place.booth.empty())
      booths.insert(m.place.booth);
  }
  if (!tables.empty()) {
    s.need(boxHeight + s.size(40));
    s.heading(w.tr("agenda.map.area"), s.size(11));
    booth::PlanMap map;
    map.whole = false;
    map.view = tablesArea(b.places);
    map.arabic = w.rightToLeft();
    for (const auto& p : b.places)
      if (p.kind == B2bPlaceKind::Table) map.squares.push_back({p.code, p.x, p.y, tables.count(p.code) > 0});
    booth::drawPlanMap(s.cr(), b.plan, s.left(), s.y(), s.width(), boxHeight, map);
    s.y() += boxHeight + s.size(6);
  }
  if (!booths.empty()) {
    s.need(boxHeight + s.size(40));
    s.heading(w.tr("agenda.map.venue"), s.size(11));
    booth::PlanMap map;
    map.marked.assign(booths.begin(), booths.end());
    map.arabic = w.rightToLeft();
    booth::drawPlanMap(s.cr(), b.plan, s.left(), s.y(), s.width(), boxHeight, map);
    s.y() += boxHeight + s.size(6);
  }
}

// The head of an agenda: title, edition, the person, their organisation and side.
void drawHead(Sheet& s, const AgendaData& a, const Words& w) {
  s.newPage();
  double& y = s.y();
  y += s.text(w.tr("agenda.title"), 0, y, s.width(), s.size(17), true) + s.size(3);
  y += s.text(w.edition(a.edition), 0, y, s.width(), s.size(10), false, 0.35) + s.size(10);
  y += s.text(w.name(a.person), 0, y, s.width(), s.size(15), true) + s.size(2);
  if (const std::string other = w.otherName(a.person); !other.empty())
    y += s.text(other, 0, y, s.width(), s.size(11), false, 0.25) + s.size(2);
  std::string line = w.label("b2b_side", codeOf(a.side));
  if (const std::string org = w.organisation(a.organisation, a.organisation_ar); !org.empty()) line += " · " + org;
  y += s.text(line, 0, y, s.width(), s.size(10), false, 0.3) + s.size(8);
}

void drawA4(Sheet& s, const AgendaData& a, const AgendaBackdrop& b, const Words& w) {
  drawHead(s, a, w);
  double& y = s.y();
  if (a.meetings.empty()) {
    y += s.text(w.tr("agenda.none"), 0, y, s.width(), 11, false, 0.3) + 10;
    return;
  }
  y += s.text(w.tr("agenda.count", {std::to_string(a.meetings.size())}), 0, y, s.width(), 9.5, false, 0.35) + 6;
  const std::vector<double> cols{0.14, 0.25, 0.22, 0.12, 0.12, 0.15};
  const std::vector<std::string> heads{w.tr("agenda.col.time"),         w.tr("agenda.col.partner"),
                                       w.tr("agenda.col.organisation"), w.tr("agenda.col.country"),
                                       w.tr("agenda.col.sector"),       w.tr("agenda.col.place")};
  auto row = [&](const std::vector<std::string>& cells, bool head) {
    double x = 0, h = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const double cw = s.width() * cols[i];
      h = std::max(h, s.text(cells[i], x, y, cw - 5, head ? 8 : 8.5, head, head ? 0.35 : 0.1));
      x += cw;
    }
    y += h + 3;
    s.rule(y - 1.5, head ? 0.5 : 0.85);
  };
  std::string day;
  for (const auto& m : a.meetings) {
    if (m.day != day) {
      day = m.day;
      s.need(90);  // a day's heading never ends a page alone
      s.heading(w.day(day), 11);
      row(heads, true);
    }
    s.need(34);
    std::string partner = w.name(m.partner);
    if (const std::string other = w.otherName(m.partner); !other.empty()) partner += "\n" + other;
    std::string time = timeText(m, w);
    if (const std::string st = statusText(w, m.status); !st.empty()) time += "\n" + st;
    std::string place = w.place(m.place);
    if (const std::string hall = w.hall(m.hall_name, m.hall_name_ar); !hall.empty()) place += "\n" + hall;
    row({time, partner, w.organisation(m.organisation, m.organisation_ar), w.country(m.partner.country),
         m.sector.empty() ? "" : w.label("sector", m.sector), place},
        false);
  }
  y += 8;
  drawMaps(s, a, b, w, 230);
}

void drawA6(Sheet& s, const AgendaData& a, const AgendaBackdrop& b, const Words& w) {
  drawHead(s, a, w);
  double& y = s.y();
  if (a.meetings.empty()) {
    y += s.text(w.tr("agenda.none"), 0, y, s.width(), s.size(11), false, 0.3) + 6;
    return;
  }
  std::string day;
  for (const auto& m : a.meetings) {
    if (m.day != day) {
      day = m.day;
      s.need(s.size(90));
      s.heading(w.day(day), s.size(11));
    }
    s.need(s.size(58));
    std::string first = timeText(m, w) + "  ·  " + w.place(m.place);
    if (const std::string hall = w.hall(m.hall_name, m.hall_name_ar); !hall.empty()) first += ", " + hall;
    if (const std::string st = statusText(w, m.status); !st.empty()) first += "  ·  " + st;
    y += s.text(first, 0, y, s.width(), s.size(10), true) + 1;
    std::string partner = w.name(m.partner);
    if (const std::string other = w.otherName(m.partner); !other.empty()) partner += " — " + other;
    y += s.text(partner, 0, y, s.width(), s.size(10)) + 1;
    std::string details = w.organisation(m.organisation, m.organisation_ar);
    for (const std::string& part :
         {w.country(m.partner.country), m.sector.empty() ? std::string() : w.label("sector", m.sector)})
      if (!part.empty()) details += (details.empty() ? "" : " · ") + part;
    y += s.text(details, 0, y, s.width(), s.size(9), false, 0.35) + 3;
    s.rule(y, 0.85);
    y += 3;
  }
  y += 4;
  drawMaps(s, a, b, w, 130);
}

Paper checkedPaper(const AgendaOptions& o) {
  checkAgendaOptions(o);
  return paperOf(o.paper);
}

std::string extensionOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return ext;
}

void needPdf(const fs::path& out) {
  if (extensionOf(out) != ".pdf") throw Error(ErrorKind::Usage, tr("agenda.error.extension_pdf", {out.string()}));
}

}  // namespace

void checkAgendaOptions(const AgendaOptions& o) {
  if (o.paper != "a4" && o.paper != "a6") throw Error(ErrorKind::Usage, tr("agenda.error.paper", {o.paper}));
  wordsIn(o.lang);  // throws for an unknown language
}

AgendaBackdrop readBackdrop(Store& store, const Programme& programme) {
  AgendaBackdrop b;
  b.plan = booth::snapshotPlan(store);
  b.places = programme.places;
  return b;
}

int writeAgendaPdf(const std::vector<AgendaData>& agendas, const AgendaBackdrop& backdrop, const fs::path& out,
                   const AgendaOptions& o) {
  const Paper paper = checkedPaper(o);
  const Words w = wordsIn(o.lang);
  PdfFile file(out, paper);
  cairo_pdf_surface_set_metadata(file.surface(), CAIRO_PDF_METADATA_TITLE, w.tr("agenda.title").c_str());
  int pages = 0;
  {
    const std::string footer = agendas.empty() ? std::string() : w.edition(agendas.front().edition);
    Sheet sheet(file.surface(), paper, w, footer);
    for (std::size_t i = 0; i < agendas.size(); ++i) {
      checkCancel(o);
      if (o.paper == "a6")
        drawA6(sheet, agendas[i], backdrop, w);
      else
        drawA4(sheet, agendas[i], backdrop, w);
      if (o.progress) o.progress(static_cast<double>(i + 1) / static_cast<double>(agendas.size()));
    }
    if (agendas.empty()) {
      sheet.newPage();
      sheet.text(w.tr("agenda.nobody"), 0, sheet.y(), sheet.width(), sheet.size(11), false, 0.3);
    }
    sheet.finish();
    pages = sheet.pages();
  }
  checkCancel(o);
  file.publish();
  return pages;
}

int writeTableSheetsPdf(const std::vector<TableSheet>& sheets, const Edition& edition, const fs::path& out,
                        const AgendaOptions& o) {
  checkAgendaOptions(o);
  const Paper paper = paperOf("a4");
  const Words w = wordsIn(o.lang);
  PdfFile file(out, paper);
  cairo_pdf_surface_set_metadata(file.surface(), CAIRO_PDF_METADATA_TITLE, w.tr("tables.title").c_str());
  {
    Sheet s(file.surface(), paper, w, w.edition(edition));
    const std::vector<double> cols{0.16, 0.42, 0.42};
    double& y = s.y();
    auto row = [&](const std::vector<std::string>& cells, bool head, double grey) {
      s.need(30);
      double x = 0, h = 0;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const double cw = s.width() * cols[i];
        h = std::max(h, s.text(cells[i], x, y, cw - 6, head ? 8.5 : 9.5, head, head ? 0.35 : grey));
        x += cw;
      }
      y += h + 4;
      s.rule(y - 2, head ? 0.5 : 0.85);
    };
    auto who = [&](const std::optional<Person>& p) {
      if (!p) return std::string();
      std::string t = w.name(*p);
      if (const std::string other = w.otherName(*p); !other.empty()) t += "\n" + other;
      return t;
    };
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      checkCancel(o);
      const TableSheet& t = sheets[i];
      s.newPage();
      y += s.text(w.place(t.place), 0, y, s.width(), 26, true) + 2;
      const std::string hall = w.hall(t.hall_name, t.hall_name_ar);
      y += s.text(hall.empty() ? w.tr("tables.subtitle") : w.tr("tables.subtitle") + " · " + hall, 0, y, s.width(), 10,
                  false, 0.35) +
           8;
      std::string day;
      for (const auto& slot : t.slots) {
        if (slot.day != day) {
          day = slot.day;
          s.need(90);
          s.heading(w.day(day), 11);
          row({w.tr("agenda.col.time"), w.tr("tables.col.buyer"), w.tr("tables.col.seller")}, true, 0.35);
        }
        std::string time = clockText(slot.start) + "–" + clockText(slot.end);
        if (!slot.buyer && !slot.seller) {
          row({time, w.tr("tables.free"), ""}, false, 0.55);
          continue;
        }
        if (const std::string st = statusText(w, slot.status); !st.empty()) time += "\n" + st;
        row({time, who(slot.buyer), who(slot.seller)}, false, 0.1);
      }
      if (o.progress) o.progress(static_cast<double>(i + 1) / static_cast<double>(sheets.size()));
    }
    if (sheets.empty()) {
      s.newPage();
      s.text(w.tr("tables.none"), 0, y, s.width(), 11, false, 0.3);
    }
    s.finish();
  }
  checkCancel(o);
  file.publish();
  return static_cast<int>(sheets.size());
}

AgendaData writePersonAgenda(Store& store, Id person, const fs::path& out, const AgendaOptions& o) {
  const std::string ext = extensionOf(out);
  if (ext != ".pdf" && ext != ".ics") throw Error(ErrorKind::Usage, tr("agenda.error.extension", {out.string()}));
  checkAgendaOptions(o);
  const Programme programme = readProgramme(store, person);
  AgendaData agenda = agendaOf(programme, person);
  if (ext == ".ics") {
    writeAgendaIcs(agenda, wordsIn(o.lang), out);
  } else {
    writeAgendaPdf({agenda}, readBackdrop(store, programme), out, o);
  }
  return agenda;
}

int writeAllAgendas(Store& store, const fs::path& out, const AgendaOptions& o) {
  needPdf(out);
  checkAgendaOptions(o);
  const Programme programme = readProgramme(store);
  std::vector<AgendaData> agendas;
  for (Id id : peopleWithMeetings(programme)) agendas.push_back(agendaOf(programme, id));
  writeAgendaPdf(agendas, readBackdrop(store, programme), out, o);
  return static_cast<int>(agendas.size());
}

int writeTableSheets(Store& store, const fs::path& out, const AgendaOptions& o) {
  needPdf(out);
  checkAgendaOptions(o);
  const Programme programme = readProgramme(store);
  return writeTableSheetsPdf(tableSheets(programme), programme.edition, out, o);
}

}  // namespace moussem::b2b
