// moussem-lp-bound: the LP relaxation bound of an allocation model, by column generation with CBC, for
// instances too large for CBC to take whole (see lp_model.hpp). Prints one JSON object; progress on stderr.
//
//   moussem-lp-bound FILE.lp [--sec 3600] [--start 4] [--add 6] [--rounds 40] [--gap 1e-4]
//                    [--resume-columns RESTRICTED.lp --resume-basis RESTRICTED.bas]
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/error.hpp"
#include "core/scratch_dir.hpp"
#include "lp_model.hpp"

int main(int argc, char** argv) {
  using namespace moussem::lpbound;
  CLI::App app{"The LP relaxation bound of an LP file, by column generation with CBC.", "moussem-lp-bound"};
  std::string file;
  ColumnGenerationOptions o;
  app.add_option("file", file, "LP file (from allocate --export-lp)")->required();
  app.add_option("--sec", o.seconds, "no new round after this many seconds");
  app.add_option("--start", o.startColumns, "columns per group in the first round (best objective first)");
  app.add_option("--add", o.addColumns, "columns added per group and round (best reduced cost first)");
  app.add_option("--rounds", o.maxRounds, "at most this many rounds");
  app.add_option("--gap", o.gap, "stop when the bound is within this fraction of the restricted LP's optimum");
  std::string resumeLp, resumeBasis;
  app.add_option("--resume-columns", resumeLp, "an earlier run's restricted LP: its columns are active from the start");
  app.add_option("--resume-basis", resumeBasis, "an earlier run's basis (cbc -basisO) for the first round");
  CLI11_PARSE(app, argc, argv);

  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  // An LP file read whole, or a message saying which and why.
  auto read = [](const std::string& path) -> std::optional<LpModel> {
    std::ifstream in(path);
    if (!in) {
      std::cerr << "moussem-lp-bound: cannot open " << path << "\n";
      return std::nullopt;
    }
    try {
      return readLp(in);
    } catch (const LpError& e) {
      std::cerr << "moussem-lp-bound: " << path << ": " << e.what() << "\n";
      return std::nullopt;
    }
  };
  std::optional<LpModel> read_model = read(file);
  if (!read_model) return 2;
  const LpModel& model = *read_model;
  if (!resumeLp.empty()) {
    const auto earlier = read(resumeLp);
    if (!earlier) return 2;
    o.startWith = earlier->columnNames;
  }
  const double readSeconds = elapsed();
  std::fprintf(stderr, "read %zu columns, %zu rows, %zu groups in %.1f s\n", model.columns(), model.rows(),
               model.groupRows.size(), readSeconds);
  // The restricted LPs, CBC's solutions and bases: a private folder, removed however the run ends.
  std::optional<moussem::ScratchDir> scratch;
  try {
    scratch.emplace("moussem-lp-bound", "render.error.write");
  } catch (const moussem::Error& e) {
    std::cerr << "moussem-lp-bound: " << e.what() << "\n";
    return 2;
  }
  const std::filesystem::path& dir = scratch->path();
  if (!resumeBasis.empty()) {
    std::error_code ec;
    std::filesystem::copy_file(resumeBasis, dir / "restricted.lp.bas", ec);
    if (ec) {
      std::cerr << "moussem-lp-bound: " << resumeBasis << ": " << ec.message() << "\n";
      return 2;
    }
  }
  const auto solve = [&](const std::string& path, std::size_t rows) {
    return solveWithCbc(path, rows, std::max(60.0, o.seconds - elapsed() + 60));
  };
  const auto progress = [&](const Round& r) {
    std::fprintf(stderr, "round %d: %zu columns, %zu rows, restricted %.3f, bound %.3f, %zu added, cbc %.1f s\n",
                 r.round, r.activeColumns, r.writtenRows, r.restricted.value_or(-1), r.bound.value_or(-1), r.added,
                 r.solverSeconds);
  };
  ColumnGenerationResult result;
  try {
    result = columnGeneration(model, o, dir.string(), solve, progress);
  } catch (const std::exception& e) {  // the work folder could not be written (disk full...)
    std::cerr << "moussem-lp-bound: " << e.what() << "\n";
    return 2;
  }
  nlohmann::json out;
  out["lp_bound"] = result.bound ? nlohmann::json(*result.bound) : nlohmann::json();
  out["restricted_lp"] = result.restricted ? nlohmann::json(*result.restricted) : nlohmann::json();
  out["converged"] = result.converged;
  out["columns"] = model.columns();
  out["rows"] = model.rows();
  out["groups"] = model.groupRows.size();
  out["read_seconds"] = readSeconds;
  out["seconds"] = elapsed();
  if (!result.stopped.empty()) out["stopped"] = result.stopped;
  for (const auto& r : result.rounds)
    out["rounds"].push_back({{"round", r.round},
                             {"active_columns", r.activeColumns},
                             {"rows", r.writtenRows},
                             {"added", r.added},
                             {"restricted", r.restricted ? nlohmann::json(*r.restricted) : nlohmann::json()},
                             {"bound", r.bound ? nlohmann::json(*r.bound) : nlohmann::json()},
                             {"cbc_seconds", r.solverSeconds}});
  std::cout << out.dump() << "\n";
  return result.bound ? 0 : 1;
}
