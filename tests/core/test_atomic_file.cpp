// The one way every writer puts a file in place (core/atomic_file): a new temporary beside the target,
// never through a link or a file someone left there, private to its owner (or to a shared folder's
// group), removed on failure, renamed over the target only when published.
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "test_support.hpp"

using moussem::PartialFile;
using moussem::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct stat statOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st;
}

// Sets the umask for a scope: files must be private whatever the user's umask says.
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }

 private:
  mode_t old_;
};

std::size_t entriesIn(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a file with personal data is created readable by its owner only, whatever the umask") {
  TempDir dir;
  const Umask everyoneAllowed(0);
  const auto out = dir / "people.csv";
  {
    PartialFile file(out, "io.error.write_because");
    struct stat st {};
    REQUIRE(::fstat(file.fd(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    std::ofstream(file.handle()) << "a;b\n";
    file.publish();
  }
  {
    PartialFile named(dir / "b.db", "backup.error.io", PartialFile::Naming::Named);
    CHECK((statOf(named.path()).st_mode & 07777) == 0600);
  }
  CHECK((statOf(out).st_mode & 07777) == 0600);
  CHECK(readText(out) == "a;b\n");
  const auto db = dir / "e.db";
  moussem::createPrivateFile(db, "store.error.cannot_create");
  CHECK((statOf(db).st_mode & 07777) == 0600);
}

TEST_CASE("in a group's shared folder (set-group-ID) files are 0640 and belong to the folder's group") {
  if (::geteuid() != 0) {
    WARN("not root: cannot give the folder another group");
    return;
  }
  TempDir dir;
  const Umask everyoneAllowed(0);
  const auto shared = dir / "shared";
  fs::create_directories(shared);
  const group* g = ::getgrnam("nogroup");
  REQUIRE(g != nullptr);
  REQUIRE(::chown(shared.c_str(), static_cast<uid_t>(-1), g->gr_gid) == 0);
  REQUIRE(::chmod(shared.c_str(), 02770) == 0);
  const auto out = shared / "backup.db";
  {
    PartialFile file(out, "backup.error.io");
    file.publish();
  }
  CHECK((statOf(out).st_mode & 07777) == 0640);
  CHECK(statOf(out).st_gid == g->gr_gid);
  moussem::createPrivateFile(shared / "e.db", "store.error.cannot_create");
  CHECK((statOf(shared / "e.db").st_mode & 07777) == 0640);
}

TEST_CASE("a link planted at the target is replaced, never written through, and a temporary is always new") {
  TempDir dir;
  const auto victim = dir / "victim.txt";
  std::ofstream(victim) << "keep me\n";
  const auto out = dir / "t2.pdf";
  fs::create_symlink(victim, out);
  for (const auto naming : {PartialFile::Naming::Unnamed, PartialFile::Naming::Named}) {
    {
      PartialFile file(out, "render.error.write", naming);
      if (naming == PartialFile::Naming::Named) {
        CHECK(fs::is_regular_file(fs::symlink_status(file.path())));
        CHECK(file.path().parent_path() == out.parent_path());  // same folder: the rename is atomic
      }
      std::ofstream(file.handle()) << "%PDF";
      file.publish();
    }
    CHECK(readText(victim) == "keep me\n");
    CHECK(fs::is_regular_file(fs::symlink_status(out)));
    CHECK(readText(out) == "%PDF");
    fs::remove(out);
    fs::create_symlink(victim, out);
  }
  // Two writers of one target never share a temporary.
  PartialFile a(out, "render.error.write", PartialFile::Naming::Named),
      b(out, "render.error.write", PartialFile::Naming::Named);
  CHECK(a.path() != b.path());
  // A database is created anew: a link or a file at its name is refused, and the victim is untouched.
  const auto db = dir / "e.db";
  fs::create_symlink(victim, db);
  CHECK_THROWS_AS(moussem::createPrivateFile(db, "store.error.cannot_create"), moussem::Error);
  CHECK(readText(victim) == "keep me\n");
}

TEST_CASE("a temporary that is not published leaves nothing behind, and the target as it was") {
  TempDir dir;
  const auto out = dir / "report.pdf";
  std::ofstream(out) << "the old report";
  {
    // Unnamed until published: a crash (kill -9) while it is being written leaves nothing to clean up.
    PartialFile file(out, "render.error.write");
    std::ofstream(file.handle()) << "half";
    CHECK(entriesIn(dir.path()) == 1);
    file.publish();
    CHECK(entriesIn(dir.path()) == 1);
    CHECK(readText(out) == "half");
  }
  std::ofstream(out) << "the old report";
  {
    PartialFile file(out, "render.error.write");
    std::ofstream(file.handle()) << "half";
  }
  CHECK(entriesIn(dir.path()) == 1);
  {
    PartialFile file(out, "render.error.write");
    CHECK_THROWS_AS(file.fail("disk full"), moussem::Error);
  }
  CHECK(entriesIn(dir.path()) == 1);
  CHECK(readText(out) == "the old report");
  // A folder that does not exist: the writer's message names the target.
  try {
    PartialFile file(dir / "missing" / "x.pdf", "render.error.write");
    FAIL("no error");
  } catch (const moussem::Error& e) {
    CHECK(std::string(e.what()).find((dir / "missing" / "x.pdf").string()) != std::string::npos);
  }
}
