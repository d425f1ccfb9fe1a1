#include "core/time_zone.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::tz {

namespace {

constexpr long long kDay = 86400;
constexpr int kMaxOffset = 26 * 3600;  // no zone is further than this from UTC

long long floorDiv(long long a, long long b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Reads big-endian integers from TZif bytes; every read checks the bounds first.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name) : b_(bytes), name_(name) {}
  std::size_t left() const { return b_.size() - pos_; }
  void need(unsigned long long n) const {
    if (n > left()) fail();
  }
  [[noreturn]] void fail() const { throw Error(ErrorKind::Corrupt, tr("time_zone.error.corrupt", {name_})); }
  long long integer(int width) {
    need(static_cast<unsigned long long>(width));
    unsigned long long v = 0;
    for (int i = 0; i < width; ++i) v = v << 8 | static_cast<unsigned char>(b_[pos_++]);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<long long>(v);
  }
  unsigned char byte() { return static_cast<unsigned char>(integer(1)); }
  std::string_view take(std::size_t n) {
    need(n);
    auto s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
  std::string name_;
};

struct Header {
  char version = 0;
  unsigned long long isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

Header header(Reader& r) {
  if (r.take(4) != "TZif") r.fail();
  Header h;
  h.version = static_cast<char>(r.byte());
  if (h.version != 0 && (h.version < '2' || h.version > '9')) r.fail();
  r.take(15);
  unsigned long long* counts[] = {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt};
  for (auto* c : counts) *c = static_cast<std::uint32_t>(r.integer(4));
  if (h.typecnt == 0 || (h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt))
    r.fail();
  return h;
}

unsigned long long blockSize(const Header& h, int timeWidth) {
  return h.timecnt * (timeWidth + 1ULL) + h.typecnt * 6 + h.charcnt + h.leapcnt * (timeWidth + 4ULL) + h.isstdcnt +
         h.isutcnt;
}

// "[+-]hh[:mm[:ss]]" at s[i]; returns seconds, advances i.
std::optional<int> posixTime(std::string_view s, std::size_t& i) {
  int sign = 1;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
  int parts[3] = {0, 0, 0};
  for (int p = 0; p < 3; ++p) {
    if (p > 0) {
      if (i >= s.size() || s[i] != ':') break;
      ++i;
    }
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) parts[p] = parts[p] * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
  }
  if (parts[0] > 167 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

bool posixName(std::string_view s, std::size_t& i) {
  if (i < s.size() && s[i] == '<') {
    const std::size_t close = s.find('>', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
    return true;
  }
  const std::size_t start = i;
  while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
  return i - start >= 3;
}

}  // namespace

// A POSIX TZ rule "STDoff[DST[off],Mm.w.d[/time],Mm.w.d[/time]]". Only the month-week-day form is
// used by tzdata's footers; a rule in another form is ignored (the last listed offset stays in force).
struct TimeZone::Rule {
  int stdOffset = 0, dstOffset = 0;
  bool hasDst = false;
  struct When {
    int month = 0, week = 0, weekday = 0, time = 7200;
  } start, end;

  static std::optional<Rule> parse(std::string_view s) {
    Rule r;
    std::size_t i = 0;
    if (!posixName(s, i)) return std::nullopt;
    auto off = posixTime(s, i);
    if (!off) return std::nullopt;
    r.stdOffset = -*off;  // POSIX counts west of Greenwich as positive
    if (i == s.size()) return r;
    if (!posixName(s, i)) return std::nullopt;
    r.dstOffset = r.stdOffset + 3600;
    if (i < s.size() && s[i] != ',') {
      auto d = posixTime(s, i);
      if (!d) return std::nullopt;
      r.dstOffset = -*d;
    }
    for (When* w : {&r.start, &r.end}) {
      if (i + 1 >= s.size() || s[i] != ',' || s[i + 1] != 'M') return std::nullopt;
      i += 2;
      int* fields[] = {&w->month, &w->week, &w->weekday};
      for (int f = 0; f < 3; ++f) {
        if (f > 0 && (i >= s.size() || s[i++] != '.')) return std::nullopt;
        const std::size_t start = i;
        *fields[f] = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 2)
          *fields[f] = *fields[f] * 10 + (s[i++] - '0');
        if (i == start) return std::nullopt;
      }
      if (w->month < 1 || w->month > 12 || w->week < 1 || w->week > 5 || w->weekday > 6) return std::nullopt;
      if (i < s.size() && s[i] == '/') {
        ++i;
        auto t = posixTime(s, i);
        if (!t) return std::nullopt;
        w->time = *t;
      }
    }
    if (i != s.size() || std::abs(r.stdOffset) > kMaxOffset || std::abs(r.dstOffset) > kMaxOffset) return std::nullopt;
    r.hasDst = true;
    return r;
  }

  // Local seconds (of the standard or summer clock) at which `w` happens in `year`.
  static long long at(const When& w, int year) {
    using namespace std::chrono;
    const auto ym = std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(w.month)};
    const long long first = sys_days(ym / 1).time_since_epoch().count();
    const long long last = sys_days(ym / std::chrono::last).time_since_epoch().count();
    const int firstWeekday = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
    long long day = first + (w.weekday - firstWeekday + 7) % 7 + 7LL * (w.week - 1);
    while (day > last) day -= 7;
    return day * kDay + w.time;
  }

  int offsetAt(long long utc) const {
    if (!hasDst) return stdOffset;
    const long long days = floorDiv(utc + stdOffset, kDay);
    const int year =
        static_cast<int>(std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}}.year());
    const long long on = at(start, year) - stdOffset, off = at(end, year) - dstOffset;
    const bool summer = on < off ? (utc >= on && utc < off) : !(utc >= off && utc < on);
    return summer ? dstOffset : stdOffset;
  }
};

TimeZone TimeZone::utc() {
  return TimeZone{};
}

TimeZone TimeZone::fromTzif(std::string name, std::string_view bytes) {
  Reader r(bytes, name);
  Header h = header(r);
  int width = 4;
  if (h.version >= '2') {  // skip the 32-bit block: the 64-bit one after it is complete
    r.need(blockSize(h, 4));
    r.take(static_cast<std::size_t>(blockSize(h, 4)));
    h = header(r);
    width = 8;
  }
  r.need(blockSize(h, width));
  TimeZone zone;
  zone.name_ = std::move(name);
  std::vector<long long> times(static_cast<std::size_t>(h.timecnt));
  for (auto& t : times) t = r.integer(width);
  std::vector<unsigned char> index(static_cast<std::size_t>(h.timecnt));
  for (auto& x : index) {
    x = r.byte();
    if (x >= h.typecnt) r.fail();
  }
  std::vector<int> offsets(static_cast<std::size_t>(h.typecnt));
  for (auto& o : offsets) {
    const long long v = r.integer(4);
    if (v < -kMaxOffset || v > kMaxOffset) r.fail();
    o = static_cast<int>(v);
    r.byte();  // isdst
    if (r.byte() >= h.charcnt && h.charcnt > 0) r.fail();
  }
  r.take(static_cast<std::size_t>(h.charcnt + h.leapcnt * (width + 4ULL) + h.isstdcnt + h.isutcnt));
  for (std::size_t i = 1; i < times.size(); ++i)
    if (times[i] <= times[i - 1]) r.fail();
  zone.transitions_ = std::move(times);
  for (unsigned char x : index) zone.offsetAfter_.push_back(offsets[x]);
  zone.initialOffset_ = offsets[0];
  if (width == 8 && r.left() > 0) {  // footer: "\n<POSIX TZ>\n"
    std::string_view rest = r.take(r.left());
    if (rest.size() < 2 || rest.front() != '\n') r.fail();
    const std::size_t nl = rest.find('\n', 1);
    if (nl == std::string_view::npos) r.fail();
    if (auto rule = Rule::parse(rest.substr(1, nl - 1))) zone.rule_ = std::make_shared<const Rule>(*rule);
  }
  return zone;
}

TimeZone TimeZone::load(std::string_view name, const std::filesystem::path& dir) {
  TimeZone fallback;
  fallback.fallback_ = name != "UTC" && name != "Etc/UTC";
  if (!fallback.fallback_) return fallback;
  // A zone name is letters, digits and "_+-/" parts; never a path out of the zone folder.
  const bool safe = !name.empty() && name.front() != '/' && name.find("..") == std::string_view::npos &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                             c == '-' || c == '+' || c == '/';
                    });
  if (!safe) return fallback;
  std::ifstream in(dir / std::string(name), std::ios::binary);
  if (!in) return fallback;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (bytes.str().size() > (1u << 20)) return fallback;
  try {
    return fromTzif(std::string(name), bytes.str());
  } catch (const Error&) {
    return fallback;
  }
}

int TimeZone::offsetAt(long long utc) const {
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
  if (it == transitions_.end() && rule_) return rule_->offsetAt(utc);
  if (it == transitions_.begin()) return transitions_.empty() && rule_ ? rule_->offsetAt(utc) : initialOffset_;
  return offsetAfter_[static_cast<std::size_t>(it - transitions_.begin() - 1)];
}

LocalTime TimeZone::local(long long utc) const {
  LocalTime t;
  t.offset_seconds = offsetAt(utc);
  const long long local = utc + t.offset_seconds;
  const long long day = floorDiv(local, kDay), inDay = local - day * kDay;
  t.day = dates::fromDayNumber(day);
  t.hour = static_cast<int>(inDay / 3600);
  t.minute = static_cast<int>(inDay / 60 % 60);
  t.second = static_cast<int>(inDay % 60);
  return t;
}

std::optional<long long> parseInstant(std::string_view s) {
  if (s.size() < 16 || !dates::isIsoDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto digits = [&](std::size_t at, int& out) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
  };
  int h = 0, m = 0, sec = 0;
  if (!digits(11, h) || s[13] != ':' || !digits(14, m) || h > 24 || m > 59) return std::nullopt;
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(i + 1, sec) || sec > 60) return std::nullopt;
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  long long offset = 0;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      const int sign = s[i] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!digits(i + 1, oh) || oh > 14) return std::nullopt;
      i += 3;
      if (i < s.size() && s[i] == ':') ++i;
      if (!digits(i, om) || om > 59) return std::nullopt;
      i += 2;
      offset = sign * (oh * 3600LL + om * 60);
    }
    if (i != s.size()) return std::nullopt;
  }
  return dates::toDayNumber(s.substr(0, 10)) * kDay + h * 3600LL + m * 60 + sec - offset;
}

namespace {
std::mutex zoneMutex;
std::shared_ptr<const TimeZone>& currentZone() {
  static std::shared_ptr<const TimeZone> zone = std::make_shared<const TimeZone>(TimeZone::utc());
  return zone;
}

std::string show(std::string_view iso, bool date, bool seconds) {
  const auto zone = editionZone();
  const auto t = localOf(iso, *zone);
  if (!t) return std::string(iso);
  char buf[40];
  if (date)
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", t->day.c_str(), t->hour, t->minute, t->second);
  else if (seconds)
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t->hour, t->minute, t->second);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d", t->hour, t->minute);
  return zone->isFallback() ? std::string(buf) + " UTC" : std::string(buf);
}
}  // namespace

void setEditionZone(std::string_view name) {
  {
    std::lock_guard lock(zoneMutex);
    if (currentZone()->name() == name) return;
  }
  setEditionZone(TimeZone::load(name));
}

void setEditionZone(TimeZone zone) {
  auto next = std::make_shared<const TimeZone>(std::move(zone));
  std::lock_guard lock(zoneMutex);
  currentZone() = std::move(next);
}

std::shared_ptr<const TimeZone> editionZone() {
  std::lock_guard lock(zoneMutex);
  return currentZone();
}

std::optional<LocalTime> localOf(std::string_view iso, const TimeZone& zone) {
  const auto utc = parseInstant(iso);
  if (!utc) return std::nullopt;
  return zone.local(*utc);
}

std::string localIso(long long utc, const TimeZone& zone) {
  const LocalTime t = zone.local(utc);
  const int off = std::abs(t.offset_seconds) / 60;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", t.day.c_str(), t.hour, t.minute, t.second,
                t.offset_seconds < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::string nowLocalIso() {
  const long long utc =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return localIso(utc, *editionZone());
}

std::string clock(std::string_view iso) {
  return show(iso, false, false);
}
std::string clockSeconds(std::string_view iso) {
  return show(iso, false, true);
}
std::string dateTime(std::string_view iso) {
  return show(iso, true, true);
}

std::vector<std::string> zoneNames(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  std::ifstream in(dir / "zone1970.tab");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    // country codes, coordinates, TZ name, comments: tab-separated
    const std::size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    const std::size_t c = line.find('\t', b + 1);
    out.push_back(line.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
  }
  if (!out.empty()) out.push_back("UTC");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

DataRelease dataRelease(const std::filesystem::path& dir) {
  DataRelease out;
  const std::filesystem::path file = dir / "tzdata.zi";
  std::ifstream in(file);
  std::string first;
  if (!in || !std::getline(in, first) || first.rfind("# version ", 0) != 0) return out;
  out.version = first.substr(10);
  std::error_code ec;
  const auto written = std::filesystem::last_write_time(file, ec);
  if (!ec) {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::file_clock::to_sys(written));
    const std::chrono::year_month_day ymd{days};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    out.date = buf;
  }
  return out;
}

bool dataMayBeStale(const DataRelease& data, std::string_view day, int months) {
  if (data.date.size() != 10 || day.size() < 10) return false;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(data.date.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return false;
  const int total = y * 12 + (m - 1) + months;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%04d-%02d-%02d", total / 12, total % 12 + 1, d);
  return std::string(day.substr(0, 10)) > limit;
}

}  // namespace moussem::tz
