#include "core/station.hpp"

#include <unistd.h>

#include <cstdlib>

namespace moussem {

std::string stationName() {
  if (const char* s = std::getenv("MOUSSEM_STATION"); s && *s) return s;
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || !host[0]) return "station";
  return host;
}

std::string systemUserName() {
  const char* user = std::getenv("USER");
  return user ? user : "";
}

}  // namespace moussem
