#include "core/test_pause.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace moussem {

void testPausePoint(std::string_view point) {
  const char* at = std::getenv("MOUSSEM_TEST_PAUSE_AT");
  if (!at || point != at) return;
  if (const char* file = std::getenv("MOUSSEM_TEST_PAUSE_FILE")) {
    const int fd = ::open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  std::this_thread::sleep_for(std::chrono::seconds(60));
}

}  // namespace moussem
