// The report as a workbook (io/xlsx_table: one table per sheet, typed cells, frozen headers, autofilter,
// right to left in Arabic) with native Excel charts beside the tables.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/xlsx_table.hpp"
#include "report/report.hpp"

namespace moussem::report {

namespace {

// Appends comment to the zip archive at path as its archive comment (the end-of-central-directory
// record's last field: left out by libxlsxwriter, read by unzip -z, ignored by spreadsheets). Returns
// "" or why it could not.
std::string setZipComment(const std::string& path, const std::string& comment) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  unsigned char end[22];
  if (::fstat(fd, &st) != 0 || st.st_size < 22 || comment.size() > 0xFFFF) return "zip";
  if (::pread(fd, end, sizeof end, st.st_size - 22) != 22) return std::strerror(errno);
  const bool record = end[0] == 0x50 && end[1] == 0x4b && end[2] == 0x05 && end[3] == 0x06;
  if (!record || end[20] != 0 || end[21] != 0) return "zip";  // not a comment-less archive's end
  const unsigned char length[2] = {static_cast<unsigned char>(comment.size() & 0xFF),
                                   static_cast<unsigned char>(comment.size() >> 8)};
  if (::pwrite(fd, length, 2, st.st_size - 2) != 2 ||
      ::pwrite(fd, comment.data(), comment.size(), st.st_size) != static_cast<ssize_t>(comment.size()))
    return std::strerror(errno);
  return "";
}

using io::xlsx::Column;
using io::xlsx::Type;

std::vector<std::string> line(const std::string& label, const std::vector<long long>& values) {
  std::vector<std::string> cells{label};
  for (long long v : values) cells.push_back(std::to_string(v));
  return cells;
}

// Columns: a label (or a day, as a date cell) then counts.
std::vector<Column> counts(const std::string& first, const std::vector<std::string>& rest,
                           Type firstType = Type::Text) {
  std::vector<Column> cols{{first, firstType}};
  for (const auto& r : rest) cols.push_back({r, Type::Count});
  return cols;
}

// A native column or bar chart of column `col` against the labels in column A, beside the table.
void chart(io::xlsx::Workbook& book, io::xlsx::Sheet& sheet, const std::string& title, lxw_col_t col, lxw_col_t at,
           lxw_chart_type type = LXW_CHART_COLUMN) {
  if (sheet.rows() == 0) return;
  const auto last = static_cast<lxw_row_t>(sheet.rows());
  lxw_chart* ch = workbook_add_chart(book.handle(), static_cast<std::uint8_t>(type));
  lxw_chart_series* s = chart_add_series(ch, nullptr, nullptr);
  chart_series_set_categories(s, sheet.name().c_str(), 1, 0, last, 0);
  chart_series_set_values(s, sheet.name().c_str(), 1, col, last, col);
  chart_title_set_name(ch, title.c_str());
  chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
  worksheet_insert_chart(sheet.handle(), 1, at, ch);
}

}  // namespace

void writeXlsx(const EventFigures& f, const Edition& edition, const std::filesystem::path& out,
               const Progress& progress, const std::string& anchor) {
  checkWritable(out);
  PartialFile file(out, "report.error.write");
  try {
    io::xlsx::Workbook book(file.handle());
    if (!anchor.empty()) {
      std::string keywords = anchor;  // copied by libxlsxwriter
      lxw_doc_properties properties{};
      properties.keywords = keywords.data();
      workbook_set_properties(book.handle(), &properties);
    }

    auto& summary =
        book.addSheet(tr("report.sheet.summary"), counts(tr("report.col.figure"), {tr("report.col.value")}));
    summary.row(line(tr("report.fig.registered"), {f.people}));
    summary.row(line(tr("report.fig.printed"), {f.badges_printed}));
    summary.row(line(tr("report.fig.visitors"), {f.visitors}));
    summary.row(line(tr("report.fig.entries"), {f.entries}));
    summary.row(line(tr("report.fig.exits"), {f.exits}));
    summary.row(line(tr("report.fig.exhibitors"), {f.exhibitors}));
    if (progress) progress(0.2);

    auto& days =
        book.addSheet(tr("report.sheet.days"),
                      counts(tr("report.col.day"), {tr("report.col.entries"), tr("report.col.visitors")}, Type::Date));
    for (const auto& d : f.days) days.row(line(d.day, {d.entries, d.visitors}));
    chart(book, days, tr("report.chart.days"), 1, 4);

    std::vector<std::string> h;
    for (int i = 0; i < 24; ++i) h.push_back(std::to_string(i) + " h");
    auto& hours = book.addSheet(tr("report.sheet.hours"), counts(tr("report.col.day"), h, Type::Date));
    for (const auto& d : f.days) hours.row(line(d.day, std::vector<long long>(d.by_hour.begin(), d.by_hour.end())));
    if (progress) progress(0.4);

    auto& funnel =
        book.addSheet(tr("report.sheet.categories"),
                      counts(tr("report.col.category"), {tr("report.col.registered"), tr("report.col.printed"),
                                                         tr("report.col.entered"), tr("report.col.entries")}));
    for (std::size_t i = 0; i < f.funnel.size(); ++i) {
      const auto& r = f.funnel[i];
      const long long entries = i < f.entries_by_category.size() ? f.entries_by_category[i].count : 0;
      funnel.row(line(i18n::label("category", r.category), {r.registered, r.printed, r.entered, entries}));
    }
    chart(book, funnel, tr("report.chart.categories"), 4, 7, LXW_CHART_BAR);

    for (auto [key, groups, family] : {std::tuple{"report.sheet.regions", &f.exhibitors_by_region, "region"},
                                       std::tuple{"report.sheet.sectors", &f.exhibitors_by_sector, "sector"}}) {
      auto& s = book.addSheet(tr(key), counts(tr(std::string("report.col.") + family),
                                              {tr("report.col.registered_exhibitors"), tr("report.col.present")}));
      for (const auto& g : *groups) s.row(line(i18n::label(family, g.code), {g.total, g.present}));
      chart(book, s, tr(std::string("report.chart.") + family), 1, 5, LXW_CHART_BAR);
    }
    if (progress) progress(0.7);

    auto& halls = book.addSheet(tr("report.sheet.booths"),
                                counts(tr("report.col.hall"), {tr("report.col.booths"), tr("report.col.taken"),
                                                               tr("report.col.free"), tr("report.col.other")}));
    for (const auto& b : f.booths_by_hall) halls.row(line(b.hall, {b.total, b.taken, b.free, b.other}));

    auto& zones = book.addSheet(tr("report.sheet.inside"), counts(tr("report.col.zone"), {tr("report.col.inside")}));
    for (const auto& z : f.inside_by_zone) zones.row(line(i18n::label("zone", z.code), {z.count}));

    if (const ZoneAttendance* forum = f.zone("forum")) {
      // Two tables, two sheets: by day, and by category.
      auto& byDay = book.addSheet(
          tr("report.sheet.forum"),
          counts(tr("report.col.day"), {tr("report.col.entries"), tr("report.col.attendees")}, Type::Date));
      for (std::size_t d = 0; d < f.days.size() && d < forum->entries_per_day.size(); ++d)
        byDay.row(line(f.days[d].day, {forum->entries_per_day[d], forum->attendees_per_day[d]}));
      chart(book, byDay, tr("report.chart.forum_days"), 2, 4);
      auto& byCategory =
          book.addSheet(tr("report.sheet.forum_categories"),
                        counts(tr("report.col.category"), {tr("report.col.attendees"), tr("report.col.entries")}));
      for (std::size_t c = 0; c < forum->attendees_by_category.size(); ++c)
        byCategory.row(line(i18n::label("category", forum->attendees_by_category[c].code),
                            {forum->attendees_by_category[c].count, forum->entries_by_category[c].count}));
    }

    // The edition the figures are of: its names and dates (date cells).
    auto& ed = book.addSheet(
        tr("report.sheet.edition"),
        {{tr("report.col.edition")}, {tr("report.col.from"), Type::Date}, {tr("report.col.to"), Type::Date}});
    ed.row({edition.name_fr, edition.starts_on, edition.ends_on});
    if (!edition.name_ar.empty()) ed.row({edition.name_ar, edition.starts_on, edition.ends_on});

    book.close();
  } catch (const Error& e) {
    file.fail(e.what());
  }
  // The keywords sit compressed inside the workbook; the zip comment keeps the anchor readable as is.
  if (!anchor.empty()) {
    const std::string why = setZipComment(file.handle(), anchor);
    if (!why.empty()) file.fail(why);
  }
  file.publish();
  if (progress) progress(1.0);
}

}  // namespace moussem::report
