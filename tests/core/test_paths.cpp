#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/paths.hpp"
#include "core/scratch_dir.hpp"

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

TEST_CASE("a scratch folder is private, and goes with everything in it when its work ends, even by an error") {
  std::filesystem::path where;
  try {
    const ScratchDir scratch("moussem-test", "render.error.write");
    where = scratch.path();
    REQUIRE(std::filesystem::is_directory(where));
    CHECK(where.filename().string().rfind("moussem-test-", 0) == 0);
    CHECK((std::filesystem::status(where).permissions() & std::filesystem::perms::others_all) ==
          std::filesystem::perms::none);
    std::filesystem::create_directories(where / "sub");
    std::ofstream(where / "sub" / "file.txt") << "data";
    const ScratchDir other("moussem-test", "render.error.write");
    CHECK(other.path() != where);
    throw std::runtime_error("the work failed");
  } catch (const std::runtime_error&) {
  }
  CHECK_FALSE(std::filesystem::exists(where));
}
