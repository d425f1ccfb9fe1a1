#include "app/frame_bench.hpp"

#include <imgui.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/station.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/participants_screen.hpp"
#include "ui/shell.hpp"
#include "ui/style.hpp"

namespace moussem::app {

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Resident memory now and at its peak (VmRSS, VmHWM), in MB.
std::pair<double, double> residentMb() {
  double rss = 0, hwm = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      long kb = 0;
      if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) rss = static_cast<double>(kb) / 1024;
      if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) hwm = static_cast<double>(kb) / 1024;
    }
    std::fclose(f);
  }
  return {rss, hwm};
}

// Drives frames as the window loop does (NewFrame, the shell, Render), minus the GPU.
struct Frames {
  ui::Shell& shell;
  ImGuiIO& io = ImGui::GetIO();
  double frame(const std::function<void()>& input = {}) {
    const auto t0 = Clock::now();
    if (input) input();
    ImGui::NewFrame();
    shell.draw();
    ImGui::Render();
    io.MouseWheel = 0;
    for (bool& down : io.KeysDown) down = false;
    return msBetween(t0, Clock::now());
  }
};

struct ScreenFigures {
  double first_frame_ms = 0, ready_ms = 0;
  int frames_to_ready = 0;
  std::vector<double> frame_ms;
};

nlohmann::json figures(const ScreenFigures& f) {
  const auto [rss, hwm] = residentMb();
  return {{"first_frame_ms", f.first_frame_ms},
          {"ready_ms", f.ready_ms},
          {"frames_to_ready", f.frames_to_ready},
          {"frames", f.frame_ms.size()},
          {"frame_ms_median", percentile(f.frame_ms, 0.5)},
          {"frame_ms_p99", percentile(f.frame_ms, 0.99)},
          {"frame_ms_max", percentile(f.frame_ms, 1.0)},
          {"rss_mb", rss},
          {"peak_rss_mb", hwm}};
}

// Opens a screen and draws frames until `ready` holds (its data read and drawn), at most 60 s.
template <typename Ready>
ScreenFigures open(Frames& f, const char* id, Ready ready) {
  ScreenFigures out;
  const auto t0 = Clock::now();
  f.shell.select(id);
  f.frame();
  out.first_frame_ms = msBetween(t0, Clock::now());
  while (!(ready() && !f.shell.busy()) && msBetween(t0, Clock::now()) < 60000) {
    usleep(1000);  // the window loop sleeps until a worker wakes it; here: look again shortly
    f.frame();
    ++out.frames_to_ready;
  }
  f.frame();  // the frame that shows what was read
  out.ready_ms = msBetween(t0, Clock::now());
  return out;
}

}  // namespace

nlohmann::json benchFrames(Store& store, const FrameBenchOptions& options) {
  const auto [rssStart, hwmStart] = residentMb();
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
  ui::setFonts(ui::loadFonts(io, 1.0f));
  ui::applyStyle(1.0f);
  // The atlas as the window builds it: rasterised, handed to the GPU, then freed on this side.
  unsigned char* pixels = nullptr;
  int texW = 0, texH = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &texW, &texH);
  io.Fonts->ClearTexData();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);

  nlohmann::json out = {{"scenario", "ui-frame"}, {"width", 1280}, {"height", 800}, {"font_atlas", {texW, texH}}};
  const Overview overview = store.overview();
  out["people"] = overview.people;
  out["exhibitors"] = overview.exhibitors;

  // The floor: a frame of ImGui alone (one empty window), and the memory before any screen.
  {
    std::vector<double> empty;
    for (int i = 0; i < options.frames; ++i) {
      const auto t0 = Clock::now();
      ImGui::NewFrame();
      ImGui::Begin("empty");
      ImGui::End();
      ImGui::Render();
      empty.push_back(msBetween(t0, Clock::now()));
    }
    out["floor"] = "an ImGui frame with one empty window; resident memory with the store open and the fonts built";
    out["floor_frame_ms_median"] = percentile(empty, 0.5);
    out["floor_rss_mb"] = residentMb().first;
    out["rss_mb_before_fonts"] = rssStart;
  }

  const auto shellStart = Clock::now();
  ui::Shell shell(store, Actor{"bench", Role::Admin, stationName()});
  Frames f{shell};
  f.frame();
  out["shell_first_frame_ms"] = msBetween(shellStart, Clock::now());
  out["first_frame_since_start_ms"] = msBetween(options.started, Clock::now());

  std::mt19937_64 rng(7);
  nlohmann::json screens;

  // Participants: the table opens in name order, then the wheel scrolls it down (5 rows a notch,
  // ImGui's default) and, now and then, the scrollbar jumps far, as a hand on it does.
  {
    auto* screen = [&]() -> ui::ParticipantsScreen* {
      for (const auto& s : shell.screens())
        if (auto* p = dynamic_cast<ui::ParticipantsScreen*>(s.get())) return p;
      return nullptr;
    }();
    if (screen) {
      ScreenFigures fig = open(f, "participants", [&] { return screen->model().loaded(); });
      for (int i = 0; i < options.frames; ++i) {
        fig.frame_ms.push_back(f.frame([&] {
          io.MousePos = ImVec2(300, 400);
          io.MouseWheel = (i % 50 == 49) ? -400.0f : -3.0f;
        }));
      }
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      screens["participants"] = figures(fig);
      screens["participants"]["rows_shown"] = screen->model().shown();
      screens["participants"]["rows_read"] = screen->model().rowsRead();
    }
  }

  // Desk: the search index loads, then names typed one key a frame (Esc clears between people), as an
  // operator types them: last names, "first last", Arabic names, phone digits.
  {
    auto* screen = [&]() -> ui::DeskScreen* {
      for (const auto& s : shell.screens())
        if (auto* d = dynamic_cast<ui::DeskScreen*>(s.get())) return d;
      return nullptr;
    }();
    if (screen) {
      ScreenFigures fig = open(f, "desk", [] { return true; });
      std::vector<std::string> queries;
      // Forty people picked at random (ids run from 1; a deleted one is skipped).
      const auto top = static_cast<std::uint64_t>(std::max<long long>(1, overview.people));
      for (int tries = 0, found = 0; tries < 400 && found < 40; ++tries)
        if (auto p = store.person(static_cast<Id>(1 + rng() % top))) {
          ++found;
          queries.push_back(p->last_name.substr(0, 8) + " " + p->first_name.substr(0, 3));
          if (!p->name_ar.empty()) queries.push_back(p->name_ar);
          if (p->phone.size() > 6) queries.push_back(p->phone.substr(p->phone.size() - 6));
        }
      for (const auto& q : queries) {
        // One UTF-8 character a frame.
        for (std::size_t i = 0; i < q.size() && static_cast<int>(fig.frame_ms.size()) < options.frames * 4;) {
          std::size_t n = 1;
          while (i + n < q.size() && (static_cast<unsigned char>(q[i + n]) & 0xC0) == 0x80) ++n;
          const std::string ch = q.substr(i, n);
          fig.frame_ms.push_back(f.frame([&] { io.AddInputCharactersUTF8(ch.c_str()); }));
          i += n;
        }
        fig.frame_ms.push_back(f.frame([&] { io.KeysDown[ImGuiKey_Escape] = true; }));
      }
      screens["desk"] = figures(fig);
      screens["desk"]["queries"] = queries.size();
    }
  }

  // Plan: every hall and booth drawn, panned by the wheel and zoomed with Ctrl+wheel.
  {
    ScreenFigures fig = open(f, "plan", [] { return true; });
    for (int i = 0; i < options.frames; ++i) {
      fig.frame_ms.push_back(f.frame([&] {
        io.MousePos = ImVec2(700, 450);
        io.KeyCtrl = (i / 25) % 2 == 1;
        io.MouseWheel = (i % 50 < 25) ? -1.0f : 1.0f;
      }));
    }
    io.KeyCtrl = false;
    screens["plan"] = figures(fig);
  }

  out["screens"] = screens;
  double worstMedian = 0, worstReady = 0;
  for (const auto& [name, s] : screens.items()) {
    worstMedian = std::max(worstMedian, s["frame_ms_median"].get<double>());
    worstReady = std::max(worstReady, s["ready_ms"].get<double>());
  }
  out["frame_ms_median_worst"] = worstMedian;
  out["ready_ms_worst"] = worstReady;
  out["ratio_to_floor"] = out["floor_frame_ms_median"].get<double>() / std::max(worstMedian, 1e-9);
  out["peak_rss_mb"] = residentMb().second;
  ImGui::DestroyContext();
  return out;
}

}  // namespace moussem::app
