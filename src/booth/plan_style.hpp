// Colours and labels of the venue plan, shared by the plan screen and the plan exports so that a
// booth has the same colour on screen and on paper: by status, by the holder's sector or by the
// holder's region. Pure values; no drawing here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"

namespace moussem::booth {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

enum class ColourBy { Status, Sector, Region };

// "status" | "sector" | "region"; false if the text is none of them.
bool parseColourBy(std::string_view text, ColourBy* out);
std::string_view colourByName(ColourBy by);

Rgb statusColour(BoothStatus status);
Rgb sectorColour(std::string_view sector);  // an unknown or empty sector: grey
Rgb regionColour(std::string_view region);
inline constexpr Rgb kNoHolderColour{226, 228, 233};  // by sector/region: a booth nobody holds

// The catalog family of the legend's codes ("booth_status", "sector", "region").
std::string_view colourFamily(ColourBy by);
// Codes shown in the legend, in order.
std::vector<std::string> legendCodes(ColourBy by);

// The code a booth is coloured by: its status, or its holder's sector or region ("" = nobody).
std::string colourCode(ColourBy by, const Booth& booth, std::string_view sector, std::string_view region);
Rgb colourOf(ColourBy by, std::string_view code);

// A short form of an exhibitor's name for a booth label: legal-form words at the start
// ("Coopérative", "Association", "SARL", "تعاونية"...) dropped when something is left.
std::string shortName(std::string_view name);

}  // namespace moussem::booth
