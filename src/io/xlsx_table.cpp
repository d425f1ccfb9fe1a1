// XLSX tables: see the header.
#include "io/xlsx_table.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"

namespace moussem::io::xlsx {

struct Workbook::Formats {
  lxw_format* header = nullptr;
  lxw_format* date = nullptr;
  lxw_format* dateTime = nullptr;
  lxw_format* count = nullptr;
};

namespace {

constexpr double kMaxWidth = 60;

// Characters, not bytes: what a column's width is counted in.
double widthOf(const std::string& s) {
  double n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

double baseWidth(const Column& c) {
  const double header = widthOf(c.title) + 3;  // room for the autofilter's button
  switch (c.type) {
    case Type::Date:
      return std::max(header, 12.0);
    case Type::DateTime:
      return std::max(header, 20.0);
    case Type::Count:
    case Type::Number:
      return std::max(header, 10.0);
    case Type::Text:
      return std::max(header, 8.0);
  }
  return header;
}

std::optional<double> number(std::string s) {
  std::replace(s.begin(), s.end(), ',', '.');
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<lxw_datetime> date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  return lxw_datetime{y, m, d, 0, 0, 0};
}

std::optional<lxw_datetime> dateTime(const std::string& s) {
  const auto local = tz::localOf(s, *tz::editionZone());
  if (!local) return std::nullopt;
  auto day = date(local->day);
  if (!day) return std::nullopt;
  day->hour = local->hour;
  day->min = local->minute;
  day->sec = local->second;
  return day;
}

}  // namespace

Sheet::Sheet(Workbook& book, lxw_worksheet* sheet, std::string name, std::vector<Column> columns)
    : book_(book), sheet_(sheet), name_(std::move(name)), columns_(std::move(columns)) {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    widths_.push_back(baseWidth(columns_[c]));
    worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), columns_[c].title.c_str(), book_.formats_->header);
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  if (book_.rtl_) worksheet_right_to_left(sheet_);
  if (book_.constant_memory_)  // widths go before the first row in this mode
    for (std::size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c], nullptr);
}

void Sheet::row(const std::vector<std::string>& cells) {
  const auto r = static_cast<lxw_row_t>(++rows_);
  for (std::size_t c = 0; c < cells.size() && c < columns_.size(); ++c) {
    const std::string& v = cells[c];
    if (v.empty()) continue;
    const auto col = static_cast<lxw_col_t>(c);
    const Type type = columns_[c].type;
    bool written = false;
    if (type == Type::Number || type == Type::Count) {
      if (auto n = number(v)) {
        worksheet_write_number(sheet_, r, col, *n, type == Type::Count ? book_.formats_->count : nullptr);
        written = true;
      }
    } else if (type == Type::Date || type == Type::DateTime) {
      auto d = type == Type::Date ? date(v) : dateTime(v);
      if (d) {
        worksheet_write_datetime(sheet_, r, col, &*d,
                                 type == Type::Date ? book_.formats_->date : book_.formats_->dateTime);
        written = true;
      }
    }
    if (!written) worksheet_write_string(sheet_, r, col, v.c_str(), nullptr);
    if (type == Type::Text) widths_[c] = std::max(widths_[c], std::min(widthOf(v) + 2, kMaxWidth));
  }
}

void Sheet::finish() {
  if (!columns_.empty())
    worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows_), static_cast<lxw_col_t>(columns_.size() - 1));
  if (!book_.constant_memory_)
    for (std::size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths_[c], nullptr);
}

Workbook::Workbook(const std::filesystem::path& file, bool constant_memory)
    : file_(file),
      constant_memory_(constant_memory),
      rtl_(i18n::language() == "ar"),
      formats_(std::make_unique<Formats>()) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  book_ = workbook_new_opt(file.c_str(), &options);
  if (!book_) throw Error(ErrorKind::Io, tr("io.error.write", {file.string()}));
  formats_->header = workbook_add_format(book_);
  format_set_bold(formats_->header);
  format_set_bg_color(formats_->header, 0xE8EEF5);
  formats_->date = workbook_add_format(book_);
  format_set_num_format(formats_->date, "yyyy-mm-dd");
  formats_->dateTime = workbook_add_format(book_);
  format_set_num_format(formats_->dateTime, "yyyy-mm-dd hh:mm:ss");
  formats_->count = workbook_add_format(book_);
  format_set_num_format(formats_->count, "#,##0");  // grouped as the reader's locale writes it; still a number
}

Workbook::~Workbook() {
  if (book_) workbook_close(book_);  // an abandoned workbook: the caller removes the file
}

Sheet& Workbook::addSheet(std::string name, std::vector<Column> columns) {
  if (name.size() > 31) {  // Excel's limit, cut on a character boundary
    std::size_t cut = 31;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
  if (!ws) throw Error(ErrorKind::Io, tr("io.error.write", {file_.string()}));
  sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, ws, name, std::move(columns))));
  return *sheets_.back();
}

void Workbook::close() {
  for (auto& s : sheets_) s->finish();
  const lxw_error rc = workbook_close(book_);
  book_ = nullptr;
  if (rc != LXW_NO_ERROR)
    throw Error(ErrorKind::Io, tr("io.error.write", {file_.string()}) + " (" + lxw_strerror(rc) + ")");
}

}  // namespace moussem::io::xlsx
