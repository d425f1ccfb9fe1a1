// Writes an RGB24 cairo image surface as a PNG tuned for badges: flat colours and sharp QR modules
// compress well with the fastest deflate level, several times faster than cairo's own writer, and the
// file records its resolution so it prints at the badge's real size.
#pragma once
#include <cairo.h>

#include <filesystem>
#include <string>

namespace moussem {

// Returns an empty string on success, else libpng's or the system's reason. Never leaves a partial file
// at `path` (callers write to a temporary name and rename).
std::string writeBadgePng(cairo_surface_t* rgb24, const std::filesystem::path& path, double dpi);

}  // namespace moussem
