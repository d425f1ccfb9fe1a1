// QR code matrix for a payload (libqrencode), kept as plain modules so any renderer (cairo for badges,
// ImGui for previews) can draw it. The smallest version that fits at level M is chosen.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace moussem {

struct QrMatrix {
  int version = 0;
  int width = 0;                    // modules per side, without the quiet zone
  std::vector<unsigned char> dark;  // width * width, row-major, 1 = dark module
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)] != 0; }
};

inline constexpr int kQrQuietZone = 4;  // modules of white around the code

// Throws Error(Invalid) if the text does not fit a QR code.
QrMatrix encodeQr(std::string_view text);

}  // namespace moussem
