#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"

namespace moussem {

namespace fs = std::filesystem;

namespace {

fs::path folderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

std::string randomSuffix() {
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
  std::random_device rd;
  std::string out(8, 'a');
  for (auto& c : out) c = kAlphabet[rd() % 32];
  return out;
}

int openNew(const fs::path& file, mode_t mode) {
  return ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
}

// A new file under a random name beside out ("<out>.<random>.partial"), or -1 with errno.
int openNewBeside(const fs::path& out, mode_t mode, fs::path& name) {
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    name = out.string() + "." + randomSuffix() + ".partial";
    fd = openNew(name, mode);
    if (fd < 0 && errno != EEXIST) break;
  }
  return fd;
}

}  // namespace

mode_t personalFileMode(const fs::path& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0 && (st.st_mode & S_ISGID)) return 0640;
  return 0600;
}

void createPrivateFile(const fs::path& file, std::string_view errorKey) {
  const int fd = openNew(file, personalFileMode(folderOf(file)));
  if (fd < 0) throw Error(ErrorKind::Io, tr(errorKey, {file.string(), std::strerror(errno)}));
  // The umask may have taken bits off; it never adds any, so the mode is what was asked or stricter.
  ::close(fd);
}

void syncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

PartialFile::PartialFile(fs::path out, std::string_view errorKey, Naming naming)
    : out_(std::move(out)), errorKey_(errorKey) {
  const mode_t mode = personalFileMode(folderOf(out_));
  if (naming == Naming::Unnamed) {
    // A file with no name in the folder: a crash before publish() leaves nothing behind. Some file
    // systems (FAT on a USB stick) cannot make one: a named temporary then.
    fd_ = ::open(folderOf(out_).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    if (fd_ < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
      const std::string reason = std::strerror(errno);
      throw Error(ErrorKind::Io, tr(errorKey_, {out_.string(), reason}));
    }
  }
  if (fd_ < 0) fd_ = openNewBeside(out_, mode, tmp_);
  if (fd_ < 0) {
    const std::string reason = std::strerror(errno);
    throw Error(ErrorKind::Io, tr(errorKey_, {out_.string(), reason}));
  }
  handle_ = "/proc/self/fd/" + std::to_string(fd_);
}

PartialFile::~PartialFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!published_ && !tmp_.empty()) ::unlink(tmp_.c_str());
}

void PartialFile::fail(const std::string& reason) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  published_ = false;
  throw Error(ErrorKind::Io, tr(errorKey_, {out_.string(), reason}));
}

void PartialFile::publish() {
  if (published_) return;
  if (::fsync(fd_) != 0) fail(std::strerror(errno));
  // Never over an open database (an export named like it): its connections would go on in a deleted file.
  if (live_files::isLive(out_)) fail(tr("io.error.open_database", {out_.string()}));
  if (tmp_.empty()) {
    // The unnamed file gets a new random name beside out (link() never follows a link at the new
    // name: it fails if anything is there), then takes out's place.
    for (int attempt = 0; attempt < 16; ++attempt) {
      tmp_ = out_.string() + "." + randomSuffix() + ".partial";
      if (::linkat(AT_FDCWD, handle_.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) == 0) break;
      const int err = errno;
      tmp_.clear();
      if (err != EEXIST) fail(std::strerror(err));
    }
    if (tmp_.empty()) fail(std::strerror(EEXIST));
  }
  ::close(fd_);
  fd_ = -1;
  if (::rename(tmp_.c_str(), out_.c_str()) != 0) fail(std::strerror(errno));
  published_ = true;
  syncFolder(folderOf(out_));
}

}  // namespace moussem
