// A test-only pause at a named moment of a command (a file about to be published, a transaction
// about to commit), so a crash test can kill -9 the process exactly there. Inert unless the
// environment names that very moment: MOUSSEM_TEST_PAUSE_AT=<point>; the process then creates the file
// $MOUSSEM_TEST_PAUSE_FILE (the test waits for it) and sleeps until it is killed (at most a minute).
#pragma once
#include <string_view>

namespace moussem {

void testPausePoint(std::string_view point);

}  // namespace moussem
