// The database files this process has open through SQLite, and the one way to read a file a user
// named (a spreadsheet, a venue plan) that never opens a descriptor on one of them. Closing any
// descriptor a process holds on a live SQLite file drops every POSIX lock of that process on it,
// SQLite's included; another process then takes itself for the last user, checkpoints and deletes the
// WAL we still write into, and acknowledged writes vanish at the next crash (NOTES.md). Knows nothing
// of SQLite: the store registers its files here.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace moussem::live_files {

// The SQLite store opened (add) or closed (remove) a connection on this database file. Counted: one
// file may have several connections (a worker's own).
void add(const std::filesystem::path& database);
void remove(const std::filesystem::path& database);

// True when path is (by device and inode, whatever its name or links) one of those databases or its
// -wal, -shm or -journal file. Only stat(): no descriptor is opened.
bool isLive(const std::filesystem::path& path);

// The whole content of a file a user named. Throws Error: NotFound (missing or a folder), Refused
// (a database this program has open: never read, not even its first bytes), Io (unreadable).
std::string readUserFile(const std::filesystem::path& path);

}  // namespace moussem::live_files
