// Files written whole or not at all, and never through someone else's link: every writer of a PDF,
// PNG, workbook, CSV, JSON or backup fills a PartialFile beside its target, then publishes it (one
// rename). The temporary is a file with no name in the target's folder (O_TMPFILE: a crash, even
// kill -9, before publishing leaves nothing behind), linked under a new random name when published; or,
// where a library opens it by name (SQLite) or the file system cannot, a new file made with
// O_CREAT|O_EXCL|O_NOFOLLOW under a random name. A symbolic link or a stale file planted at a
// predictable name is never followed, truncated or reused.
// Files made here hold personal data: they are created 0600 (0640 in a folder shared with a group,
// one with the set-group-ID bit), never readable by every local user.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace moussem {

// The mode of a new file holding personal data in folder: 0600, or 0640 where the folder is a
// group's shared folder (set-group-ID bit: its files take the folder's group).
mode_t personalFileMode(const std::filesystem::path& folder);

// Creates file anew (O_CREAT|O_EXCL|O_NOFOLLOW) with personalFileMode, empty, and closes it: for
// SQLite databases, which are then opened by name. Throws Error(Io) with tr(errorKey, {file, reason})
// when it cannot (it exists already, the folder is missing or read-only).
void createPrivateFile(const std::filesystem::path& file, std::string_view errorKey);

class PartialFile {
 public:
  // Unnamed: the temporary has no name until published (opened through handle() only). Named: it has
  // one from the start, path() (for SQLite, which opens its files by name).
  enum class Naming { Unnamed, Named };
  // Opens a new temporary beside out. errorKey: the catalog key of this writer's failure message,
  // "{0}" the target and "{1}" the reason. Throws Error(Io) with it when the folder refuses.
  PartialFile(std::filesystem::path out, std::string_view errorKey, Naming naming = Naming::Unnamed);
  ~PartialFile();  // removes the temporary unless it was published
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  const std::filesystem::path& out() const { return out_; }
  // The temporary's name in the target's folder (Naming::Named; SQLite opens its files by name).
  const std::filesystem::path& path() const { return tmp_; }
  // A name that opens this very file whatever happens to the folder ("/proc/self/fd/N"): give it to
  // libraries that open their output by name (cairo, libxlsxwriter, std::ofstream).
  const std::string& handle() const { return handle_; }
  int fd() const { return fd_; }

  // Flushes to the disk and renames the temporary over out, then flushes the folder. On failure the
  // temporary is removed and Error(Io) says why, naming out.
  void publish();
  // Removes the temporary and throws Error(Io) with the writer's message and reason.
  [[noreturn]] void fail(const std::string& reason);
  bool published() const { return published_; }

 private:
  std::filesystem::path out_, tmp_;
  std::string errorKey_, handle_;
  int fd_ = -1;
  bool published_ = false;
};

// Flushes a folder to the disk so that a rename inside it survives a power cut (best effort: some
// file systems cannot open folders).
void syncFolder(const std::filesystem::path& folder);

}  // namespace moussem
