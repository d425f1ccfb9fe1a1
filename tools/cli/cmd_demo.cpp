// `demo`: realistic, deterministic demo data; creates a demo edition when the database is missing.
// --scans adds a rehearsal of the gates (gate/rehearsal.hpp) for the dashboard and the reports.
#include <filesystem>

#include "badge/new_edition.hpp"
#include "booth/demo_venue.hpp"
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
      o.progress = [&ctx](double f) { ctx.progress(tr("demo.progress"), f); };
      DemoSummary s;
      gate::RehearsalSummary r;
      try {
        s = booth::fillDemoEdition(*store, o);  // on the OLM Souissi example plan
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
                 {"accepted", r.accepted}},
                tr("demo.done", {path, std::to_string(s.exhibitors), std::to_string(s.participants),
                                 std::to_string(s.staff), std::to_string(s.booths)}) +
                    (opts->scans ? "\n" + tr("demo.scans_done", {std::to_string(r.badges), std::to_string(r.printed),
                                                                 std::to_string(r.scans), std::to_string(r.accepted)})
                                 : std::string()));
    };
  });
}

}  // namespace moussem::cli
