#include "badge/qr.hpp"

#include <qrencode.h>

#include <memory>

#include "core/error.hpp"

namespace moussem {

QrMatrix encodeQr(std::string_view text) {
  std::string s(text);
  // Level M, case-sensitive: libqrencode splits the text into alphanumeric segments by itself.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                     &QRcode_free);
  if (!qr) throw Error(ErrorKind::Invalid, "text does not fit a QR code (" + std::to_string(s.size()) + " characters)");
  QrMatrix m;
  m.version = qr->version;
  m.width = qr->width;
  m.dark.resize(static_cast<std::size_t>(m.width * m.width));
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = qr->data[i] & 1;
  return m;
}

}  // namespace moussem
