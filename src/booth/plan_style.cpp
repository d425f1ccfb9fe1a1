// Plan colours and short names (see plan_style.hpp).
#include "booth/plan_style.hpp"

#include <array>

#include "core/codes.hpp"
#include "core/text_fold.hpp"

namespace moussem::booth {

namespace {

// Twelve colours far enough apart to tell booths apart on screen and in print (pastel enough for
// black labels on top).
constexpr std::array<Rgb, 12> kPalette{{{141, 211, 199},
                                        {255, 237, 111},
                                        {190, 186, 218},
                                        {251, 128, 114},
                                        {128, 177, 211},
                                        {253, 180, 98},
                                        {179, 222, 105},
                                        {252, 205, 229},
                                        {188, 128, 189},
                                        {204, 235, 197},
                                        {217, 217, 217},
                                        {255, 214, 165}}};

Rgb fromFamily(std::span<const std::string_view> family, std::string_view code) {
  for (std::size_t i = 0; i < family.size(); ++i)
    if (family[i] == code) return kPalette[i % kPalette.size()];
  return {200, 200, 200};
}

}  // namespace

bool parseColourBy(std::string_view text, ColourBy* out) {
  if (text == "status")
    *out = ColourBy::Status;
  else if (text == "sector")
    *out = ColourBy::Sector;
  else if (text == "region")
    *out = ColourBy::Region;
  else
    return false;
  return true;
}

std::string_view colourByName(ColourBy by) {
  switch (by) {
    case ColourBy::Sector:
      return "sector";
    case ColourBy::Region:
      return "region";
    default:
      return "status";
  }
}

Rgb statusColour(BoothStatus s) {
  switch (s) {
    case BoothStatus::Free:
      return {255, 255, 255};
    case BoothStatus::Hold:
      return {255, 209, 102};
    case BoothStatus::Assigned:
      return {118, 176, 230};
    case BoothStatus::Confirmed:
      return {92, 184, 116};
    case BoothStatus::Blocked:
      return {150, 150, 155};
  }
  return {220, 220, 220};
}

Rgb sectorColour(std::string_view sector) {
  return sector.empty() ? kNoHolderColour : fromFamily(codes::sectors(), sector);
}
Rgb regionColour(std::string_view region) {
  return region.empty() ? kNoHolderColour : fromFamily(codes::regions(), region);
}

std::string_view colourFamily(ColourBy by) {
  switch (by) {
    case ColourBy::Sector:
      return "sector";
    case ColourBy::Region:
      return "region";
    default:
      return familyName<BoothStatus>();
  }
}

std::vector<std::string> legendCodes(ColourBy by) {
  auto family = by == ColourBy::Sector   ? codes::sectors()
                : by == ColourBy::Region ? codes::regions()
                                         : codeList<BoothStatus>();
  return {family.begin(), family.end()};
}

std::string colourCode(ColourBy by, const Booth& booth, std::string_view sector, std::string_view region) {
  switch (by) {
    case ColourBy::Sector:
      return booth.exhibitor_id ? std::string(sector) : std::string();
    case ColourBy::Region:
      return booth.exhibitor_id ? std::string(region) : std::string();
    default:
      return std::string(codeOf(booth.status));
  }
}

Rgb colourOf(ColourBy by, std::string_view code) {
  switch (by) {
    case ColourBy::Sector:
      return sectorColour(code);
    case ColourBy::Region:
      return regionColour(code);
    default: {
      const std::optional<BoothStatus> status = fromCode<BoothStatus>(code);
      return status ? statusColour(*status) : Rgb{220, 220, 220};
    }
  }
}

std::string shortName(std::string_view name) {
  static const char* const kLegalForms[] = {"cooperative", "coop",    "association", "societe",        "ste",
                                            "sarl",        "sa",      "ets",         "etablissements", "feminine",
                                            "maitre",      "artisan", "artisane",    "تعاونيه",        "جمعيه",
                                            "شركه",        "مقاوله",  "المعلم",      "المعلمه"};
  std::string out(name);
  // Trailing legal forms: "... SARL", "... ش.م.م".
  for (std::string_view tail : {" SARL", " S.A.R.L.", " SA", " ش.م.م"})
    if (out.size() > tail.size() + 1 && out.compare(out.size() - tail.size(), tail.size(), tail) == 0)
      out.resize(out.size() - tail.size());
  // Drop leading legal-form words (compared folded: "Coopérative" and "COOPERATIVE" alike).
  for (;;) {
    auto space = out.find(' ');
    if (space == std::string::npos) break;
    const std::string first = text::foldForSearch(out.substr(0, space));
    bool legal = false;
    for (const char* f : kLegalForms)
      if (first == f) legal = true;
    if (!legal) break;
    std::string rest = out.substr(space + 1);
    // "Coopérative de tissage ..." -> "tissage ...": a linking word after the legal form goes too.
    for (const char* link : {"de ", "des ", "du ", "d'", "la ", "le ", "les "})
      if (rest.rfind(link, 0) == 0 && rest.size() > std::string_view(link).size())
        rest = rest.substr(std::string_view(link).size());
    if (rest.empty()) break;
    out = rest;
  }
  return out;
}

}  // namespace moussem::booth
