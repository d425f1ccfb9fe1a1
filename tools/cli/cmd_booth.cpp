// `venue import|export|show`, `allocate`, `booth assign|unassign|lock|unlock|hold|release`, and
// `bench allocate`: the venue plan and booth allocation from the command line, through the same
// moussem_booth services the plan screen uses.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

#include "bench_support.hpp"
#include "booth/allocator.hpp"
#include "booth/booth_service.hpp"
#include "booth/instances.hpp"
#include "booth/lp_export.hpp"
#include "booth/plan_export.hpp"
#include "booth/venue.hpp"
#include "cli_context.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::cli {

namespace {

using nlohmann::json;

struct VenueOptions {
  std::string file;
};

struct AllocateOptions {
  bool dryRun = false;
  std::uint64_t seed = 1;
  std::string lp;
  int rounds = 3;
  bool details = true;
};

struct BoothOptions {
  std::string booth, exhibitor;
};

struct ExportOptions {
  std::string out, colour = "status", paper = "a3";
};

booth::PlanExportOptions exportOptions(const ExportOptions& o, Context& ctx) {
  booth::PlanExportOptions e;
  if (!booth::parseColourBy(o.colour, &e.colourBy))
    throw Error(ErrorKind::Usage, tr("plan.export.error.colour", {o.colour}));
  e.paper = o.paper;
  e.progress = [&ctx](double f) { ctx.progress(tr("plan.export.progress"), f); };
  return e;
}

json scoreJson(const booth::Score& s) {
  return {{"priority_value", s.priority_value},
          {"preferences", s.preferences},
          {"clustering", s.clustering},
          {"waste", -s.waste}};
}

json violationsJson(const booth::Violations& v) {
  return {{"total", v.total()},
          {"misfit", v.misfit},
          {"double_booked", v.double_booked},
          {"untouchable_changed", v.fixed_changed},
          {"competitors", v.competitors}};
}

json boothJson(const Booth& b) {
  json j = {{"code", b.code},
            {"hall", b.hall},
            {"x", b.x},
            {"y", b.y},
            {"width", b.width},
            {"depth", b.depth},
            {"area_m2", b.width * b.depth},
            {"type", b.type},
            {"power", b.power},
            {"status", b.status},
            {"locked", b.locked}};
  j["exhibitor_id"] = b.exhibitor_id ? json(*b.exhibitor_id) : json(nullptr);
  return j;
}

void writeLpFile(const booth::Problem& p, const std::string& path, json& out) {
  PartialFile file(path, "io.error.write_because");
  std::ofstream f(file.handle(), std::ios::binary | std::ios::trunc);
  if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {path}));
  const auto stats = booth::writeLp(p, f);
  f.close();
  if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {path}));
  file.publish();
  out["lp"] = {{"file", path}, {"variables", stats.variables}, {"constraints", stats.constraints}};
}

}  // namespace

void registerVenue(CLI::App& app, Context& ctx) {
  auto* venue = app.add_subcommand("venue", tr("cli.help.venue.about"));
  venue->require_subcommand(1);
  auto o = std::make_shared<VenueOptions>();

  auto* imp = venue->add_subcommand("import", tr("cli.help.venue.import.about"));
  imp->add_option("file", o->file, tr("cli.help.venue.file"))->required();
  imp->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      const auto v = booth::readVenueFile(o->file);  // every check before the database is opened for writing
      auto store = ctx.open();
      const auto done = booth::importVenue(*store, v, o->file);
      ctx.print({{"file", o->file},
                 {"name", v.name},
                 {"example", v.example},
                 {"halls", done.halls},
                 {"aisles_entrances", done.features},
                 {"booths", done.booths},
                 {"assigned", done.assigned}},
                tr("venue.imported",
                   {o->file, std::to_string(done.halls), std::to_string(done.booths), std::to_string(done.assigned)}));
    };
  });

  auto* exp = venue->add_subcommand("export", tr("cli.help.venue.export.about"));
  exp->add_option("file", o->file, tr("cli.help.venue.file"))->required();
  exp->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const auto v = booth::loadVenue(*store);
      const std::string text = booth::venueJson(v);
      PartialFile file(o->file, "io.error.write_because");
      {
        std::ofstream f(file.handle(), std::ios::binary | std::ios::trunc);
        if (!f || !(f << text) || !f.flush()) file.fail("I/O");
      }
      file.publish();
      ctx.print({{"file", o->file}, {"halls", v.halls.size()}, {"booths", v.booths.size()}},
                tr("venue.exported", {o->file, std::to_string(v.halls.size()), std::to_string(v.booths.size())}));
    };
  });

  auto* show = venue->add_subcommand("show", tr("cli.help.venue.show.about"));
  show->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      const auto v = booth::loadVenue(*store);
      json halls = json::array();
      std::string text = v.name.empty() ? "" : v.name + (v.example ? " — " + tr("venue.example") : "") + "\n";
      for (const auto& h : v.halls) {
        int n = 0, assigned = 0;
        double area = 0;
        json booths = json::array();
        for (const auto& b : v.booths)
          if (b.hall == h.code) {
            ++n;
            area += b.width * b.depth;
            if (b.exhibitor_id) ++assigned;
            booths.push_back(boothJson(b));
          }
        halls.push_back({{"code", h.code},
                         {"name", h.name},
                         {"name_ar", h.name_ar},
                         {"zone", h.zone},
                         {"sectors", h.sectors},
                         {"width", h.width},
                         {"height", h.height},
                         {"booths", booths}});
        char line[256];
        std::snprintf(line, sizeof line, "%.0f x %.0f m", h.width, h.height);
        const std::string hallName =
            i18n::language() == "ar" && !h.name_ar.empty() ? h.name_ar : h.name;  // names are data
        text += tr("venue.show.hall", {h.code, hallName, line, std::to_string(n), std::to_string(assigned),
                                       std::to_string(static_cast<long>(area))}) +
                "\n";
      }
      ctx.print({{"name", v.name}, {"example", v.example}, {"halls", halls}}, text);
    };
  });
  auto e = std::make_shared<ExportOptions>();
  auto* plan = venue->add_subcommand("plan", tr("cli.help.venue.plan.about"));
  plan->add_option("--out", e->out, tr("cli.help.venue.plan.out"))->required();
  plan->add_option("--colour", e->colour, tr("cli.help.venue.plan.colour"))
      ->check(CLI::IsMember({"status", "sector", "region"}));
  plan->add_option("--paper", e->paper, tr("cli.help.venue.plan.paper"))->check(CLI::IsMember({"a3", "a2"}));
  plan->callback([&ctx, e] {
    ctx.action = [&ctx, e] {
      const auto options = exportOptions(*e, ctx);
      auto store = ctx.open();
      const auto snapshot = booth::snapshotPlan(*store);
      const int n = booth::writePlan(snapshot, e->out, options);
      ctx.print({{"file", e->out}, {"booths", n}, {"colour", e->colour}, {"paper", e->paper}},
                tr("plan.export.done_plan", {e->out, std::to_string(n)}));
    };
  });
}

void registerAllocate(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<AllocateOptions>();
  auto* sub = app.add_subcommand("allocate", tr("cli.help.allocate.about"));
  sub->add_flag("--dry-run", o->dryRun, tr("cli.help.allocate.dry-run"));
  sub->add_option("--seed", o->seed, tr("cli.help.allocate.seed"));
  sub->add_option("--export-lp", o->lp, tr("cli.help.allocate.export-lp"));
  sub->add_option("--rounds", o->rounds, tr("cli.help.allocate.rounds"))->check(CLI::Range(0, 20));
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const auto problem = booth::loadProblem(*store);
      json out;
      if (!o->lp.empty()) writeLpFile(problem, o->lp, out);
      booth::AllocatorOptions ao;
      ao.seed = o->seed;
      ao.cluster_rounds = o->rounds;
      ao.progress = [&ctx](double f) { ctx.progress(tr("allocate.progress"), f); };
      const auto r = booth::allocate(problem, ao);
      if (r.violations.total() > 0)
        throw Error(ErrorKind::Refused, tr("allocate.error.violations", {std::to_string(r.violations.total())}));
      booth::ApplySummary applied;
      if (!o->dryRun) applied = booth::applyAllocation(*store, problem, r.allocation);
      out["objective"] = r.score.total;
      out["assigned"] = r.score.assigned;
      out["unassigned"] = r.score.unassigned;
      out["hard_violations"] = r.violations.total();
      out["violations"] = violationsJson(r.violations);
      out["soft"] = scoreJson(r.score);
      out["seconds"] = r.seconds;
      out["seed"] = o->seed;
      out["dry_run"] = o->dryRun;
      out["changed"] = applied.changed;
      json assignments = json::array();
      for (std::size_t e = 0; e < problem.exhibitors.size(); ++e) {
        const int b = r.allocation.boothOf[e];
        if (b < 0) continue;
        const auto& x = problem.exhibitors[e];
        assignments.push_back({{"booth", problem.booths[b].code},
                               {"exhibitor_id", x.id},
                               {"name", x.name},
                               {"sector", x.sector},
                               {"fixed", x.fixedBooth >= 0}});
      }
      std::sort(assignments.begin(), assignments.end(),
                [](const json& a, const json& b) { return a["booth"] < b["booth"]; });
      out["assignments"] = assignments;
      json unmet = json::array();
      std::string unmetText;
      for (const auto& u : r.unmet) {
        const auto& x = problem.exhibitors[u.exhibitor];
        unmet.push_back({{"exhibitor_id", x.id},
                         {"name", x.name},
                         {"area_m2", x.area},
                         {"reason", u.reason},
                         {"detail", u.detail}});
        unmetText += "  " + x.name + " (" + std::to_string(static_cast<int>(x.area)) +
                     " m²): " + tr("allocate.reason." + u.reason) +
                     (u.detail.empty() ? "" : " — " + tr("allocate.misfit." + u.detail)) + "\n";
      }
      out["unmet"] = unmet;
      json inversions = json::array();
      for (const auto& inv : r.inversions)
        inversions.push_back({{"higher", problem.exhibitors[inv.higher].id},
                              {"lower", problem.exhibitors[inv.lower].id},
                              {"booth", problem.booths[inv.booth].code}});
      out["priority_inversions"] = {{"count", r.inversion_count}, {"examples", inversions}};
      std::string text = tr(o->dryRun ? "allocate.done_dry" : "allocate.done",
                            {std::to_string(r.score.assigned), std::to_string(r.score.assigned + r.score.unassigned),
                             std::to_string(r.score.total), std::to_string(static_cast<int>(r.seconds * 1000))}) +
                         "\n";
      if (!unmetText.empty()) text += tr("allocate.unmet_header") + "\n" + unmetText;
      if (r.inversion_count > 0) text += tr("allocate.inversions", {std::to_string(r.inversion_count)}) + "\n";
      ctx.print(out, text);
    };
  });
}

void registerBooth(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("booth", tr("cli.help.booth.about"));
  cmd->require_subcommand(1);
  auto o = std::make_shared<BoothOptions>();
  auto report = [&ctx](Store& store, const std::string& code, const std::string& key) {
    auto b = booth::findBooth(store, code);
    std::string name;
    if (b && b->exhibitor_id)
      if (auto x = store.exhibitor(*b->exhibitor_id)) name = x->name_fr;
    ctx.print(b ? boothJson(*b) : json(nullptr), tr(key, {code, name}));
  };

  auto* assign = cmd->add_subcommand("assign", tr("cli.help.booth.assign.about"));
  assign->add_option("booth", o->booth, tr("cli.help.booth.code"))->required();
  assign->add_option("exhibitor", o->exhibitor, tr("cli.help.booth.assign.exhibitor"))->required();
  assign->callback([&ctx, o, report] {
    ctx.action = [&ctx, o, report] {
      auto store = ctx.open();
      auto x = booth::findExhibitor(*store, o->exhibitor);
      if (!x) throw Error(ErrorKind::NotFound, tr("booth.error.no_exhibitor", {o->exhibitor}));
      booth::assignBooth(*store, o->booth, x->id);
      report(*store, o->booth, "booth.assigned");
    };
  });
  auto e = std::make_shared<ExportOptions>();
  auto* directory = cmd->add_subcommand("directory", tr("cli.help.booth.directory.about"));
  directory->add_option("--out", e->out, tr("cli.help.booth.directory.out"))->required();
  directory->callback([&ctx, e] {
    ctx.action = [&ctx, e] {
      const auto options = exportOptions(*e, ctx);
      auto store = ctx.open();
      const auto snapshot = booth::snapshotPlan(*store);
      const int n = booth::writeDirectory(snapshot, e->out, options);
      ctx.print({{"file", e->out}, {"exhibitors", n}}, tr("plan.export.done_directory", {e->out, std::to_string(n)}));
    };
  });
  struct Simple {
    const char* name;
    const char* help;  // catalog key of the description
    const char* doneKey;
    int op;
  };
  for (const Simple& s : {Simple{"unassign", "cli.help.booth.unassign.about", "booth.unassigned", 0},
                          Simple{"lock", "cli.help.booth.lock.about", "booth.locked_done", 1},
                          Simple{"unlock", "cli.help.booth.unlock.about", "booth.unlocked_done", 2},
                          Simple{"hold", "cli.help.booth.hold.about", "booth.held", 3},
                          Simple{"release", "cli.help.booth.release.about", "booth.released", 4}}) {
    auto* sub = cmd->add_subcommand(s.name, tr(s.help));
    sub->add_option("booth", o->booth, tr("cli.help.booth.code"))->required();
    const int op = s.op;
    const std::string key = s.doneKey;
    sub->callback([&ctx, o, op, key, report] {
      ctx.action = [&ctx, o, op, key, report] {
        auto store = ctx.open();
        switch (op) {
          case 0:
            booth::unassignBooth(*store, o->booth);
            break;
          case 1:
            booth::lockBooth(*store, o->booth, true);
            break;
          case 2:
            booth::lockBooth(*store, o->booth, false);
            break;
          case 3:
            booth::holdBooth(*store, o->booth, true);
            break;
          default:
            booth::holdBooth(*store, o->booth, false);
            break;
        }
        report(*store, o->booth, key);
      };
    });
  }
}

// bench allocate: generated instances of 62, 250, 1,000 and 2,500 exhibitors (or --n), several seeds.
// The reference in the same run is the first linear assignment alone (the exact optimum of the
// objective without clustering, and the time of the method's floor).
nlohmann::json benchAllocate(long long n, int seeds, const std::string& lpPath) {
  std::vector<int> sizes = n > 0 ? std::vector<int>{static_cast<int>(n)} : std::vector<int>{62, 250, 1000, 2500};
  json runs = json::array(), summary = json::array();
  for (int size : sizes) {
    std::vector<double> times, lapTimes, cpuTimes;
    std::vector<long long> objectives;
    int violations = 0;
    // MOUSSEM_BENCH_SEED picks the first seed (tools/compare-cbc asks for one instance at a time).
    const char* first = std::getenv("MOUSSEM_BENCH_SEED");
    const int firstSeed = first ? std::max(1, std::atoi(first)) : 1;
    for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto problem = booth::generatedProblem(size, static_cast<std::uint64_t>(seed));
      const double buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      json run = {{"n", size}, {"seed", seed}, {"booths", problem.booths.size()}, {"build_seconds", buildSeconds}};
      if (!lpPath.empty() && sizes.size() == 1 && seeds == 1) writeLpFile(problem, lpPath, run);
      booth::AllocatorOptions ao;
      ao.seed = static_cast<std::uint64_t>(seed);
      const double cpu0 = processCpuSeconds();
      const auto r = booth::allocate(problem, ao);
      const double cpuSeconds = processCpuSeconds() - cpu0;
      booth::AllocatorOptions lapOnly = ao;
      lapOnly.cluster_rounds = 0;
      lapOnly.max_search_passes = 0;
      lapOnly.anneal_moves_per_row = 0;
      lapOnly.search_iterations = 0;
      const auto ref = booth::allocate(problem, lapOnly);
      run["seconds"] = r.seconds;
      // CPU time of both annealing threads together: on a shared machine the wall time depends on the
      // load, this does not (on an idle 2-core machine the wall time is about the serial part plus
      // half of the annealing).
      run["cpu_seconds"] = cpuSeconds;
      run["lap_seconds"] = r.lap_seconds;
      run["anneal_seconds"] = r.anneal_seconds;
      run["objective"] = r.score.total;
      run["assigned"] = r.score.assigned;
      run["unassigned"] = r.score.unassigned;
      run["hard_violations"] = r.violations.total();
      run["soft"] = scoreJson(r.score);
      run["reference_assignment_only"] = {{"objective", ref.score.total}, {"seconds", ref.seconds}};
      runs.push_back(run);
      times.push_back(r.seconds);
      cpuTimes.push_back(cpuSeconds);
      lapTimes.push_back(ref.seconds);
      objectives.push_back(r.score.total);
      violations += r.violations.total();
    }
    auto sorted = times;
    std::sort(sorted.begin(), sorted.end());
    auto lapSorted = lapTimes;
    std::sort(lapSorted.begin(), lapSorted.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    summary.push_back({{"n", size},
                       {"seeds", seeds},
                       {"median_seconds", sorted[sorted.size() / 2]},
                       {"worst_seconds", sorted.back()},
                       {"median_cpu_seconds", cpuTimes[cpuTimes.size() / 2]},
                       {"worst_cpu_seconds", cpuTimes.back()},
                       {"median_assignment_only_seconds", lapSorted[lapSorted.size() / 2]},
                       {"hard_violations", violations},
                       {"objectives", objectives}});
  }
  return {{"scenario", "allocate"}, {"summary", summary}, {"runs", runs}};
}

}  // namespace moussem::cli
