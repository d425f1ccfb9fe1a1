// `moussem --bench-frames` (what `moussem-cli bench ui-frame` runs, PRODUCT.md "Performance"): the
// app's own screens drawn headless — a real Dear ImGui context with the app's fonts and style, the real
// Shell and screen models on the given database, no window and no GPU (the pattern of ImGui's
// example_null) — while a scripted user scrolls the participants table, types searches at the desk and
// pans the plan. Prints one JSON object: per screen the time to its first frame and to its first full
// frame (its data loaded and drawn), median and p99 frame times, resident memory; the floor measured in
// the same run (an empty frame, the memory before any screen).
#pragma once
#include <chrono>
#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace moussem::app {

struct FrameBenchOptions {
  int frames = 300;                               // frames measured per screen once it is ready
  std::chrono::steady_clock::time_point started;  // when main() began
};

nlohmann::json benchFrames(Store& store, const FrameBenchOptions& options);

}  // namespace moussem::app
