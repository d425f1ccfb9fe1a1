#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "core/paths.hpp"

using namespace moussem;

namespace {
struct HomeIs {
  std::string saved;
  bool had;
  explicit HomeIs(const char* value) : had(std::getenv("HOME") != nullptr) {
    if (had) saved = std::getenv("HOME");
    ::setenv("HOME", value, 1);
  }
  ~HomeIs() { had ? (void)::setenv("HOME", saved.c_str(), 1) : (void)::unsetenv("HOME"); }
};
}  // namespace

TEST_CASE("paths under the home folder are shown with ~, others as they are") {
  HomeIs home("/home/amina");
  CHECK(paths::forDisplay("/home/amina/.local/share/moussem/demo.db") == "~/.local/share/moussem/demo.db");
  CHECK(paths::forDisplay("/home/amina") == "~");
  CHECK(paths::forDisplay("/home/aminata/x.db") == "/home/aminata/x.db");  // a neighbour, not a child
  CHECK(paths::forDisplay("/srv/events/rabat.db") == "/srv/events/rabat.db");
  CHECK(paths::forDisplay("postgresql://desk@db/moussem") == "postgresql://desk@db/moussem");
}

TEST_CASE("the demo database lives in the XDG data folder") {
  ::setenv("XDG_DATA_HOME", "/tmp/xdg-data", 1);
  CHECK(paths::demoDatabase() == "/tmp/xdg-data/moussem/demo.db");
  CHECK(paths::keyFileFor("/srv/events/rabat.db") == "/srv/events/rabat.key");
  ::unsetenv("XDG_DATA_HOME");
  HomeIs home("/home/amina");
  CHECK(paths::demoDatabase() == "/home/amina/.local/share/moussem/demo.db");
}
