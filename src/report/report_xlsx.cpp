#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
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

struct Sheet {
  lxw_workbook* book;
  lxw_worksheet* ws;
  lxw_format* head;
  lxw_format* count;  // "#,##0": Excel groups thousands as the reader's locale writes them; the cell stays a number
  std::string name;
  lxw_row_t row = 0;
  void header(const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), head);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 28 : 14, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    ++row;
  }
  void line(const std::string& label, const std::vector<long long>& values) {
    worksheet_write_string(ws, row, 0, label.c_str(), nullptr);
    for (std::size_t c = 0; c < values.size(); ++c)
      worksheet_write_number(ws, row, static_cast<lxw_col_t>(c + 1), static_cast<double>(values[c]), count);
    ++row;
  }
  // A native column chart of column `col` against the labels in column A, beside the table.
  void chart(const std::string& title, lxw_col_t col, lxw_col_t at, lxw_chart_type type = LXW_CHART_COLUMN) {
    if (row <= 1) return;
    lxw_chart* ch = workbook_add_chart(book, static_cast<std::uint8_t>(type));
    lxw_chart_series* s = chart_add_series(ch, nullptr, nullptr);
    chart_series_set_categories(s, name.c_str(), 1, 0, row - 1, 0);
    chart_series_set_values(s, name.c_str(), 1, col, row - 1, col);
    chart_title_set_name(ch, title.c_str());
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(ws, 1, at, ch);
  }
};

}  // namespace

void writeXlsx(const EventFigures& f, const Edition& edition, const std::filesystem::path& out,
               const Progress& progress, const std::string& anchor) {
  checkWritable(out);
  PartialFile file(out, "report.error.write");
  lxw_workbook* book = workbook_new(file.handle().c_str());
  if (!book) file.fail("xlsxwriter");
  if (!anchor.empty()) {
    std::string keywords = anchor;  // copied by libxlsxwriter
    lxw_doc_properties properties{};
    properties.keywords = keywords.data();
    workbook_set_properties(book, &properties);
  }
  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  format_set_bg_color(head, 0xE8EEF5);
  lxw_format* count = workbook_add_format(book);
  format_set_num_format(count, "#,##0");
  auto sheet = [&](const char* key) {
    std::string name = tr(key);
    if (name.size() > 31) name.resize(31);
    return Sheet{book, workbook_add_worksheet(book, name.c_str()), head, count, name};
  };

  Sheet summary = sheet("report.sheet.summary");
  summary.header({tr("report.col.figure"), tr("report.col.value")});
  worksheet_write_string(summary.ws, summary.row++, 0,
                         (edition.name_fr + " — " + edition.starts_on + " / " + edition.ends_on).c_str(), nullptr);
  summary.line(tr("report.fig.registered"), {f.people});
  summary.line(tr("report.fig.printed"), {f.badges_printed});
  summary.line(tr("report.fig.visitors"), {f.visitors});
  summary.line(tr("report.fig.entries"), {f.entries});
  summary.line(tr("report.fig.exits"), {f.exits});
  summary.line(tr("report.fig.exhibitors"), {f.exhibitors});
  if (progress) progress(0.2);

  Sheet days = sheet("report.sheet.days");
  days.header({tr("report.col.day"), tr("report.col.entries"), tr("report.col.visitors")});
  for (const auto& d : f.days) days.line(d.day, {d.entries, d.visitors});
  days.chart(tr("report.chart.days"), 1, 4);

  Sheet hours = sheet("report.sheet.hours");
  std::vector<std::string> h{tr("report.col.day")};
  for (int i = 0; i < 24; ++i) h.push_back(std::to_string(i) + " h");
  hours.header(h);
  for (const auto& d : f.days) hours.line(d.day, std::vector<long long>(d.by_hour.begin(), d.by_hour.end()));
  if (progress) progress(0.4);

  Sheet funnel = sheet("report.sheet.categories");
  funnel.header({tr("report.col.category"), tr("report.col.registered"), tr("report.col.printed"), tr("report.col.entered"),
                 tr("report.col.entries")});
  for (std::size_t i = 0; i < f.funnel.size(); ++i) {
    const auto& r = f.funnel[i];
    const long long entries = i < f.entries_by_category.size() ? f.entries_by_category[i].count : 0;
    funnel.line(i18n::label("category", r.category), {r.registered, r.printed, r.entered, entries});
  }
  funnel.chart(tr("report.chart.categories"), 4, 7, LXW_CHART_BAR);

  for (auto [key, groups, family] :
       {std::tuple{"report.sheet.regions", &f.exhibitors_by_region, "region"},
        std::tuple{"report.sheet.sectors", &f.exhibitors_by_sector, "sector"}}) {
    Sheet s = sheet(key);
    s.header({tr(std::string("report.col.") + family), tr("report.col.registered_exhibitors"), tr("report.col.present")});
    for (const auto& g : *groups) s.line(i18n::label(family, g.code), {g.total, g.present});
    s.chart(tr(std::string("report.chart.") + family), 1, 5, LXW_CHART_BAR);
  }
  if (progress) progress(0.7);

  Sheet halls = sheet("report.sheet.booths");
  halls.header({tr("report.col.hall"), tr("report.col.booths"), tr("report.col.taken"), tr("report.col.free"), tr("report.col.other")});
  for (const auto& b : f.booths_by_hall) halls.line(b.hall, {b.total, b.taken, b.free, b.other});

  Sheet zones = sheet("report.sheet.inside");
  zones.header({tr("report.col.zone"), tr("report.col.inside")});
  for (const auto& z : f.inside_by_zone) zones.line(i18n::label("zone", z.code), {z.count});

  if (const ZoneAttendance* forum = f.zone("forum")) {
    Sheet s = sheet("report.sheet.forum");
    s.header({tr("report.col.day"), tr("report.col.entries"), tr("report.col.attendees")});
    for (std::size_t d = 0; d < f.days.size() && d < forum->entries_per_day.size(); ++d)
      s.line(f.days[d].day, {forum->entries_per_day[d], forum->attendees_per_day[d]});
    s.chart(tr("report.chart.forum_days"), 2, 4);
    // By category, under the days.
    s.row += 1;
    s.header({tr("report.col.category"), tr("report.col.attendees"), tr("report.col.entries")});
    for (std::size_t c = 0; c < forum->attendees_by_category.size(); ++c)
      s.line(i18n::label("category", forum->attendees_by_category[c].code),
             {forum->attendees_by_category[c].count, forum->entries_by_category[c].count});
  }

  const lxw_error rc = workbook_close(book);
  if (rc != LXW_NO_ERROR) file.fail(lxw_strerror(rc));
  // The keywords sit compressed inside the workbook; the zip comment keeps the anchor readable as is.
  if (!anchor.empty()) {
    const std::string why = setZipComment(file.handle(), anchor);
    if (!why.empty()) file.fail(why);
  }
  file.publish();
  if (progress) progress(1.0);
}

}  // namespace moussem::report
