#include "report/tables.hpp"

#include <cstdio>
#include <tuple>

#include "core/i18n.hpp"

namespace moussem::report {

namespace {
std::string num(long long n) {
  return std::to_string(n);
}
}  // namespace

std::vector<Table> reportTables(const EventFigures& f) {
  std::vector<Table> out;

  Table summary{"summary", {"figure", "label", "value"}, {}};
  struct Fig {
    const char* code;
    const char* key;
    long long value;
  };
  for (const Fig& g :
       {Fig{"registered", "report.fig.registered", f.people},
        Fig{"badges_printed", "report.fig.printed", f.badges_printed},
        Fig{"visitors", "report.fig.visitors", f.visitors}, Fig{"entries", "report.fig.entries", f.entries},
        Fig{"exits", "report.fig.exits", f.exits}, Fig{"exhibitors", "report.fig.exhibitors", f.exhibitors}})
    summary.rows.push_back({g.code, tr(g.key), num(g.value)});
  out.push_back(std::move(summary));

  Table days{"days", {"day", "entries", "visitors"}, {}};
  Table hours{"hours", {"day"}, {}};
  for (int h = 0; h < 24; ++h) {
    char name[16];
    std::snprintf(name, sizeof name, "h%02d", h);
    hours.columns.push_back(name);
  }
  for (const auto& d : f.days) {
    days.rows.push_back({d.day, num(d.entries), num(d.visitors)});
    std::vector<std::string> row{d.day};
    for (long long v : d.by_hour) row.push_back(num(v));
    hours.rows.push_back(std::move(row));
  }
  out.push_back(std::move(days));
  out.push_back(std::move(hours));

  Table categories{"categories", {"category", "label", "registered", "printed", "entered", "entries"}, {}};
  for (std::size_t i = 0; i < f.funnel.size(); ++i) {
    const auto& r = f.funnel[i];
    const long long entries = i < f.entries_by_category.size() ? f.entries_by_category[i].count : 0;
    categories.rows.push_back({r.category, i18n::label("category", r.category), num(r.registered), num(r.printed),
                               num(r.entered), num(entries)});
  }
  out.push_back(std::move(categories));

  for (auto [name, groups, family] : {std::tuple{"regions", &f.exhibitors_by_region, "region"},
                                      std::tuple{"sectors", &f.exhibitors_by_sector, "sector"}}) {
    Table t{name, {family, "label", "exhibitors", "present"}, {}};
    for (const auto& g : *groups) t.rows.push_back({g.code, i18n::label(family, g.code), num(g.total), num(g.present)});
    out.push_back(std::move(t));
  }

  Table booths{"booths", {"hall", "booths", "taken", "free", "other"}, {}};
  for (const auto& h : f.booths_by_hall)
    booths.rows.push_back({h.hall, num(h.total), num(h.taken), num(h.free), num(h.other)});
  out.push_back(std::move(booths));

  Table inside{"inside", {"zone", "label", "inside"}, {}};
  for (const auto& z : f.inside_by_zone) inside.rows.push_back({z.code, i18n::label("zone", z.code), num(z.count)});
  out.push_back(std::move(inside));

  Table zoneDays{"zones_days", {"zone", "day", "entries", "attendees"}, {}};
  Table zoneCategories{"zones_categories", {"zone", "category", "label", "attendees", "entries"}, {}};
  for (const auto& z : f.zones) {
    for (std::size_t d = 0; d < f.days.size() && d < z.entries_per_day.size(); ++d)
      zoneDays.rows.push_back({z.zone, f.days[d].day, num(z.entries_per_day[d]), num(z.attendees_per_day[d])});
    for (std::size_t c = 0; c < z.attendees_by_category.size(); ++c)
      zoneCategories.rows.push_back({z.zone, z.attendees_by_category[c].code,
                                     i18n::label("category", z.attendees_by_category[c].code),
                                     num(z.attendees_by_category[c].count), num(z.entries_by_category[c].count)});
  }
  out.push_back(std::move(zoneDays));
  out.push_back(std::move(zoneCategories));
  return out;
}

}  // namespace moussem::report
