// bench b2b: the B2B meeting scheduler on generated instances (400 participants / 3,000 requests over
// two half-days, 5,000 / 50,000 over four, or --n/--requests), several seeds; every schedule recounted
// by the independent checker; the floor in the same run is a first-fit schedule ("Quick Schedule").
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "b2b/checker.hpp"
#include "b2b/instances.hpp"
#include "b2b/lp_export.hpp"
#include "b2b/scheduler.hpp"
#include "bench_support.hpp"
#include "cli_context.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::cli {

namespace {

nlohmann::json scoreJson(const b2b::Score& s, const b2b::Violations& v) {
  return {{"objective", s.objective}, {"weight", s.weight},       {"idle_gaps", s.gaps},
          {"fair", s.fair},           {"scheduled", s.scheduled}, {"hard_violations", v.total()}};
}

}  // namespace

nlohmann::json benchB2b(long long n, long long requests, int seeds, const std::string& lpPath) {
  std::vector<std::pair<int, int>> sizes{{400, 3000}, {5000, 50000}};
  if (n > 0) sizes = {{static_cast<int>(n), static_cast<int>(requests > 0 ? requests : n * 15 / 2)}};
  nlohmann::json runs = nlohmann::json::array(), summary = nlohmann::json::array();
  // MOUSSEM_BENCH_SEED picks the first seed (tools/compare-cbc-b2b asks for one instance at a time).
  const char* first = std::getenv("MOUSSEM_BENCH_SEED");
  const int firstSeed = first ? std::max(1, std::atoi(first)) : 1;
  for (auto [people, asked] : sizes) {
    std::vector<double> times, cpu;
    int violations = 0;
    for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
      const auto problem = b2b::generateProblem(people, asked, static_cast<std::uint64_t>(seed));
      nlohmann::json run = {{"participants", people},
                            {"requests", problem.requests.size()},
                            {"seed", seed},
                            {"requested", problem.pairs.size()},
                            {"slots", problem.slotCount()},
                            {"half_days", problem.sessions.size()},
                            {"places", problem.places.size()},
                            {"tables", problem.tables.size()}};
      if (!lpPath.empty() && sizes.size() == 1 && seeds == 1) {
        PartialFile file(lpPath, "io.error.write_because");
        std::ofstream f(file.handle(), std::ios::binary | std::ios::trunc);
        if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {lpPath}));
        const auto stats = b2b::writeLp(problem, f);
        f.close();
        if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {lpPath}));
        file.publish();
        run["lp"] = {{"file", lpPath},
                     {"variables", stats.variables},
                     {"constraints", stats.constraints},
                     {"exact", stats.exact},
                     {"weight_factor", problem.lex.weight_factor},
                     {"gap_factor", problem.lex.gap_factor}};
      }
      b2b::SchedulerOptions o;
      o.seed = static_cast<std::uint64_t>(seed);
      const double cpu0 = processCpuSeconds();
      const auto ours = b2b::schedule(problem, {}, o);
      const double cpuSeconds = processCpuSeconds() - cpu0;
      const auto floor = b2b::firstFitSchedule(problem);
      const auto score = b2b::scoreSchedule(problem, ours.schedule);
      const auto v = b2b::checkSchedule(problem, ours.schedule);
      const auto floorScore = b2b::scoreSchedule(problem, floor.schedule);
      const auto floorV = b2b::checkSchedule(problem, floor.schedule);
      nlohmann::json reasons = nlohmann::json::object();
      for (const auto& u : ours.unplaced) reasons[u.reason] = reasons.value(u.reason, 0) + 1;
      run.update(scoreJson(score, v));
      run["seconds"] = ours.seconds;
      run["cpu_seconds"] = cpuSeconds;
      run["unplaced"] = reasons;
      run["floor"] = scoreJson(floorScore, floorV);
      run["floor"]["method"] = "first fit: requests in order, first slot both are free, first free table";
      run["floor"]["seconds"] = floor.seconds;
      run["ratio_floor_to_ours"] =
          score.objective > 0 ? static_cast<double>(floorScore.objective) / static_cast<double>(score.objective) : 0.0;
      runs.push_back(run);
      times.push_back(ours.seconds);
      cpu.push_back(cpuSeconds);
      violations += v.total() + floorV.total();
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    summary.push_back({{"participants", people},
                       {"requests", asked},
                       {"seeds", seeds},
                       {"median_seconds", times[times.size() / 2]},
                       {"worst_seconds", times.back()},
                       {"median_cpu_seconds", cpu[cpu.size() / 2]},
                       {"hard_violations", violations}});
  }
  return {{"scenario", "b2b"}, {"summary", summary}, {"runs", runs}};
}

}  // namespace moussem::cli
