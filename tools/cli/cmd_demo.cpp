// `demo`: realistic, deterministic demo data; creates a demo edition when the database is missing.
// --scans adds a rehearsal of the gates (gate/rehearsal.hpp) for the dashboard and the reports.
// The forum's B2B programme (--b2b-buyers; 60 in the full demo edition) comes with its schedule
// (b2b/demo_forum, the same as the app's Demo button).
#include <filesystem>

#include "b2b/demo_forum.hpp"
#include "badge/new_edition.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "gate/rehearsal.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"

namespace moussem::cli {

namespace {
struct DemoCliOptions {
  int exhibitors = 62;
  long long participants = 400;
  std::uint64_t seed = 1;
  bool scans = false;
  int b2b_buyers = -1;  // -1: 60 for the full demo edition (400 participants or more), none for a smaller one
};
}  // namespace

void registerDemo(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<DemoCliOptions>();
  auto* sub = app.add_subcommand("demo", tr("cli.help.demo.about"));
  sub->add_option("--exhibitors", opts->exhibitors, tr("cli.help.demo.exhibitors"))->check(CLI::Range(0, 100000));
  sub->add_option("--participants", opts->participants, tr("cli.help.demo.participants"))
      ->check(CLI::Range(0LL, 10000000LL));
  sub->add_option("--seed", opts->seed, tr("cli.help.demo.seed"));
  sub->add_flag("--scans", opts->scans, tr("cli.help.demo.scans"));
  sub->add_option("--b2b-buyers", opts->b2b_buyers, tr("cli.help.demo.b2b-buyers"))->check(CLI::Range(-1, 1000));
  sub->callback([&ctx, opts] {
    ctx.action = [&ctx, opts] {
      const std::string path = ctx.databasePath();
      std::unique_ptr<Store> store;
      bool created = false;
      const bool server = paths::isServerUrl(path);
      if (server) {
        // A server database exists already (the administrator made it); empty, it gets the demo edition.
        try {
          store = ctx.open();
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::NotFound) throw;
          store = createEditionDatabase(path, demoEdition());
          created = true;
        }
      } else if (std::filesystem::exists(path)) {
        store = ctx.open();
      } else {
        store = createEditionDatabase(path, demoEdition());
        created = true;
      }
      // A new demo edition is filled by its owner, through the guarded store: the audit trail records it.
      if (created) store = std::make_unique<GuardedStore>(std::move(store), ctx.actor());
      DemoOptions o;
      o.exhibitors = opts->exhibitors;
      o.participants = opts->participants;
      o.seed = opts->seed;
      o.b2b_buyers = opts->b2b_buyers >= 0 ? opts->b2b_buyers : b2b::defaultDemoBuyers(opts->participants);
      o.progress = [&ctx](double f) { ctx.progress(tr("demo.progress"), f); };
      DemoSummary s;
      gate::RehearsalSummary r;
      b2b::ScheduleOutcome b2bPlan;
      try {
        auto made =
            b2b::fillDemoWithForum(*store, o, [&ctx](double f) { ctx.progress(tr("b2b.schedule.progress"), f); });
        s = made.summary;
        b2bPlan = std::move(made.schedule);
        if (opts->scans) r = gate::rehearseGates(*store, path, opts->seed);
      } catch (...) {
        if (created && !server) {  // all or nothing: do not leave a half-made demo database behind
          store.reset();
          std::error_code ec;
          std::filesystem::remove(path, ec);
          std::filesystem::remove(std::filesystem::path(path).replace_extension(".key"), ec);
        }
        throw;
      }
      ctx.print({{"database", path},
                 {"created", created},
                 {"seed", opts->seed},
                 {"exhibitors", s.exhibitors},
                 {"participants", s.participants},
                 {"staff", s.staff},
                 {"halls", s.halls},
                 {"booths", s.booths},
                 {"badges", r.badges},
                 {"printed", r.printed},
                 {"scans", r.scans},
                 {"accepted", r.accepted},
                 {"b2b_buyers", s.b2b_buyers},
                 {"b2b_requests", s.b2b_requests},
                 {"b2b_meetings", b2bPlan.score.scheduled},
                 {"b2b_unplaced", b2bPlan.result.unplaced.size()},
                 {"b2b_hard_violations", b2bPlan.violations.total()}},
                tr("demo.done", {path, std::to_string(s.exhibitors), std::to_string(s.participants),
                                 std::to_string(s.staff), std::to_string(s.booths)}) +
                    (opts->scans ? "\n" + tr("demo.scans_done", {std::to_string(r.badges), std::to_string(r.printed),
                                                                 std::to_string(r.scans), std::to_string(r.accepted)})
                                 : std::string()) +
                    (s.b2b_requests > 0
                         ? "\n" + tr("demo.b2b_done", {std::to_string(s.b2b_buyers), std::to_string(s.b2b_requests),
                                                       std::to_string(b2bPlan.score.scheduled)})
                         : std::string()));
    };
  });
}

}  // namespace moussem::cli
