// Generated allocation instances (see instances.hpp).
#include "booth/instances.hpp"

#include <algorithm>
#include <string>

#include "core/codes.hpp"
#include "core/random.hpp"

namespace moussem::booth {

namespace {

std::string padded(int n, int width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::string hallCode(int i) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('A' + i % 26));
    i = i / 26 - 1;
  } while (i >= 0);
  return s;
}

constexpr double kSide = 3, kEnd = 4, kRowAisle = 4, kMain = 5, kHalf = 30, kDepth = 3, kPen = 4;

}  // namespace

GeneratedInstance generateInstance(int n, std::uint64_t seed, double ratio) {
  Rng rnd(seed);
  GeneratedInstance g;
  const auto sectors = codes::sectors();
  const auto regions = codes::regions();
  const int target = std::max(8, static_cast<int>(n * ratio + 0.5));
  double hallX = 0;
  int boothId = 0;
  for (int hi = 0; static_cast<int>(g.booths.size()) < target; ++hi) {
    const int left = target - static_cast<int>(g.booths.size());
    const int doubleRows = std::clamp(left / 36 + 1, 1, 4);
    const bool islands = doubleRows >= 2;
    Hall h;
    h.code = hallCode(hi);
    h.name = "Hall " + h.code;
    h.x = hallX;
    h.y = 0;
    h.width = 2 * kSide + 2 * kPen + 2 * kHalf + kMain;
    h.height = 2 * kEnd + doubleRows * 2 * kDepth + (doubleRows - 1) * kRowAisle + (islands ? 6 + kRowAisle : 0);
    for (int k = 0; k < 2 + rnd.below(2); ++k) {
      std::string s(sectors[rnd.below(static_cast<int>(sectors.size()))]);
      if (std::find(h.sectors.begin(), h.sectors.end(), s) == h.sectors.end()) h.sectors.push_back(s);
    }
    g.halls.push_back(h);
    hallX += h.width + 10;
    const double mainX = h.x + kSide + kPen + kHalf;
    g.features.push_back(
        {0, VenueFeatureKind::Aisle, h.code + "-M", h.code, mainX, h.y + kEnd, kMain, h.height - 2 * kEnd, "", true});
    g.features.push_back(
        {0, VenueFeatureKind::Entrance, h.code + "-E1", h.code, mainX, h.y - 0.5, kMain, 1, "", false});
    g.features.push_back(
        {0, VenueFeatureKind::Entrance, h.code + "-E2", h.code, mainX, h.y + h.height - 0.5, kMain, 1, "", false});
    int number = 0;
    auto add = [&](double x, double y, double w, double d, BoothType type, bool power) {
      Booth b;
      b.id = ++boothId;
      b.code = h.code + "-" + padded(++number, 3);
      b.hall = h.code;
      b.x = x;
      b.y = y;
      b.width = w;
      b.depth = d;
      b.type = type;
      b.power = power;
      g.booths.push_back(b);
    };
    double y = h.y + kEnd;
    for (int dr = 0; dr < doubleRows; ++dr) {
      for (int side = 0; side < 2; ++side)
        for (int half = 0; half < 2; ++half) {
          double x = h.x + kSide + kPen + half * (kHalf + kMain);
          const double end = x + kHalf;
          std::vector<double> widths;
          double used = 0;
          while (used < kHalf) {
            const int r = rnd.below(100);
            double w = r < 55 ? 3 : r < 83 ? 4 : 6;
            if (used + w > kHalf) w = kHalf - used;
            if (w < 3) {  // widen the last booth instead of a sliver
              widths.back() += w;
              used += w;
              break;
            }
            widths.push_back(w);
            used += w;
          }
          for (std::size_t k = 0; k < widths.size(); ++k) {
            const bool corner = (half == 0 && k + 1 == widths.size()) || (half == 1 && k == 0);
            add(x, y + side * kDepth, widths[k], kDepth, corner ? BoothType::Corner : BoothType::Inline,
                corner || rnd.chance(55));
            x += widths[k];
          }
          (void)end;
        }
      add(h.x + kSide, y, kPen, 2 * kDepth, BoothType::Peninsula, true);
      add(h.x + h.width - kSide - kPen, y, kPen, 2 * kDepth, BoothType::Peninsula, true);
      y += 2 * kDepth;
      if (dr + 1 < doubleRows) {
        g.features.push_back({0, VenueFeatureKind::Aisle, h.code + "-R" + std::to_string(dr + 1), h.code, h.x + kSide,
                              y, h.width - 2 * kSide, kRowAisle, "", false});
        y += kRowAisle;
      }
      if (dr == 0 && islands) {
        for (int i = 0; i < 4; ++i) {
          const double cx = h.x + kSide + kPen + (i < 2 ? 0 : kHalf + kMain) + (i % 2 == 0 ? 7.5 : 22.5);
          add(cx - 3, y, 6, 6, BoothType::Island, true);
        }
        y += 6;
        g.features.push_back({0, VenueFeatureKind::Aisle, h.code + "-I", h.code, h.x + kSide, y, h.width - 2 * kSide,
                              kRowAisle, "", false});
        y += kRowAisle;
      }
    }
  }

  for (int i = 0; i < n; ++i) {
    Exhibitor x;
    x.id = i + 1;
    x.external_id = "GEN-" + padded(i + 1, 5);
    x.name_fr = "Exposant " + std::to_string(i + 1);
    x.kind = rnd.chance(70) ? "cooperative" : rnd.chance(50) ? "company" : "artisan";
    x.sector = sectors[rnd.below(static_cast<int>(sectors.size()))];
    x.region = regions[rnd.below(static_cast<int>(regions.size()))];
    const int r = rnd.below(100);
    x.booth_area_m2 = r < 47 ? 9 : r < 72 ? 12 : r < 90 ? 18 : r < 96 ? 24 : 36;
    x.wants_corner = rnd.chance(25);
    x.needs_power = rnd.chance(45);
    const int pr = rnd.below(100);
    x.program = pr < 15 ? "kenz" : pr < 30 ? "excellence" : pr < 50 ? "aggregation" : "none";
    g.exhibitors.push_back(x);
    BoothRequest q;
    q.exhibitor_id = x.id;
    q.seniority = rnd.chance(40) ? 1 + rnd.below(6) : 0;
    if (rnd.chance(20)) q.preferred_hall = g.halls[rnd.below(static_cast<int>(g.halls.size()))].code;
    if (rnd.chance(5)) q.booth_types = {"inline", "corner"};
    if (rnd.chance(5)) q.extra_points = 2 + rnd.below(5);
    if (q.seniority || !q.preferred_hall.empty() || !q.booth_types.empty() || q.extra_points) g.requests.push_back(q);
  }
  // Competitors: mostly of the same sector, as in real fairs.
  for (int i = 0; i < n; ++i) {
    if (!rnd.chance(8) || n < 2) continue;
    int other = rnd.below(n);
    for (int tries = 0; tries < 20 && (other == i || g.exhibitors[other].sector != g.exhibitors[i].sector); ++tries)
      other = rnd.below(n);
    if (other != i) g.exhibitors[i].competitors.push_back(other + 1);
  }
  // A few booths the organiser already settled: confirmed to an exhibitor whose request they fit, or blocked.
  std::vector<char> taken(n, 0);
  for (auto& b : g.booths) {
    const int r = rnd.below(1000);
    if (r < 10) {
      b.status = BoothStatus::Blocked;
    } else if (r < 35 && n > 0) {
      const int e = rnd.below(n);
      const auto& x = g.exhibitors[e];
      const double area = b.width * b.depth;
      if (!taken[e] && area >= x.booth_area_m2 && area <= 2 * x.booth_area_m2 && (b.power || !x.needs_power)) {
        taken[e] = 1;
        b.status = BoothStatus::Confirmed;
        b.exhibitor_id = x.id;
        b.locked = rnd.chance(50);
      }
    }
  }
  return g;
}

Problem generatedProblem(int n, std::uint64_t seed, double ratio, const AllocationSettings& settings) {
  const auto g = generateInstance(n, seed, ratio);
  return buildProblem(g.halls, g.features, g.booths, g.exhibitors, g.requests, settings);
}

}  // namespace moussem::booth
