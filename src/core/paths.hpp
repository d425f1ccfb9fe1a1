// Where Moussem keeps its files on this machine (XDG base directories).
#pragma once
#include <filesystem>
#include <string>

namespace moussem::paths {

// $XDG_DATA_HOME/moussem, else ~/.local/share/moussem. Not created here.
std::filesystem::path dataDir();
// $XDG_CONFIG_HOME/moussem, else ~/.config/moussem: this station's configuration (core/station.hpp).
std::filesystem::path configDir();
// $MOUSSEM_DB if set, else the server of the enrolled station (core/station.hpp), else
// dataDir()/moussem.db. Throws Error when the station's configuration does not read.
std::filesystem::path defaultDatabase();
// dataDir()/demo.db: the demo edition `tools/run` opens.
std::filesystem::path demoDatabase();
// The signing key file that belongs to a database file: same folder, same stem, ".key". For a
// postgresql:// URL (the signing key never goes into the database), a file of this station's data
// folder named after the server and the database: dataDir()/keys/HOST_PORT_DBNAME.key.
std::filesystem::path keyFileFor(const std::filesystem::path& database);
// A postgresql:// or postgres:// URL rather than a file path.
bool isServerUrl(const std::string& database);
// A path as people read it: the home folder shown as "~" (for status lines and messages).
std::string forDisplay(const std::string& path);

}  // namespace moussem::paths
