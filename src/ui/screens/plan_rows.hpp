// The plan's rows as the plan screen shows them: a booth with its hall's name and its holder, an
// exhibitor with what the plan shows and searches of them. Plain data, shared by the plan's parts.
#pragma once
#include <string>

#include "core/domain.hpp"

namespace moussem::ui {

struct PlanBooth {
  Booth booth;
  std::string hallName;  // of its hall, in the edition's languages (for tooltips)
  int holder = -1;       // index into the plan's exhibitors, -1: nobody
};

struct PlanExhibitor {
  Id id = 0;
  std::string name_fr, name_ar, short_fr, short_ar, sector, region, city, program, kind;
  double area = 0;
  bool wants_corner = false, needs_power = false;
  int booth = -1;      // index into the plan's booths, -1: none
  std::string folded;  // search key of names, city, sector and region labels
};

}  // namespace moussem::ui
