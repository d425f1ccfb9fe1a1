// `info`: counts, schema version and backend of a database.
#include <sstream>

#include "cli_context.hpp"
#include "core/i18n.hpp"
#include "core/time_zone.hpp"

namespace moussem::cli {

void registerInfo(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("info", tr("cli.help.info.about"));
  sub->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      auto ed = store->edition();
      Overview o = store->overview();
      nlohmann::json byCategory = nlohmann::json::object();
      for (const auto& c : o.people_by_category) byCategory[c.code] = c.count;
      nlohmann::json j{{"backend", store->backend()},
                       {"location", store->location()},
                       {"schema_version", store->schemaVersion()},
                       {"exhibitors", o.exhibitors},
                       {"participants", o.people},
                       {"participants_by_category", byCategory},
                       {"badges", o.badges},
                       {"halls", o.halls},
                       {"booths", o.booths},
                       {"booths_assigned", o.booths_assigned},
                       {"gate_profiles", o.gate_profiles},
                       {"scans", o.scans}};
      // The time-zone data every shown time is computed with, and whether it may be too old for the edition.
      const tz::DataRelease tzdata = tz::dataRelease();
      const bool stale = ed && tz::dataMayBeStale(tzdata, ed->ends_on);
      j["tzdata"] = {{"version", tzdata.version}, {"date", tzdata.date}, {"stale", stale}};
      std::ostringstream text;
      if (ed) {
        j["edition"] = {{"uid", ed->uid},         {"name_fr", ed->name_fr}, {"name_ar", ed->name_ar},
                        {"name_en", ed->name_en}, {"from", ed->starts_on},  {"to", ed->ends_on},
                        {"venue", ed->venue},     {"demo", ed->is_demo}};
        text << tr("info.edition", {ed->name_fr, ed->starts_on, ed->ends_on})
             << (ed->is_demo ? " " + tr("info.demo") : "") << "\n";
      }
      text << tr("info.database", {store->location(), store->backend(), std::to_string(store->schemaVersion())}) << "\n"
           << trn("info.exhibitors", o.exhibitors) << "\n"
           << trn("info.participants", o.people) << "\n";
      for (const auto& c : o.people_by_category)
        if (c.count > 0) text << "  " << i18n::label("category", c.code) << " : " << c.count << "\n";
      text << trn("info.badges", o.badges) << "\n"
           << tr("info.booths", {std::to_string(o.booths_assigned), std::to_string(o.booths), std::to_string(o.halls)})
           << "\n"
           << trn("info.gates", o.gate_profiles) << "\n"
           << trn("info.scans", o.scans) << "\n"
           << tr("info.tzdata", {ed ? ed->timezone : std::string("UTC"),
                                 tzdata.version.empty() ? tr("edition.tzdata.unknown")
                                                        : tr("edition.tzdata.value", {tzdata.version, tzdata.date})});
      if (stale) text << "\n" << tr("edition.tzdata.stale", {tzdata.version, tzdata.date, ed->ends_on});
      ctx.print(j, text.str());
    };
  });
}

}  // namespace moussem::cli
