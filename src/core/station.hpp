// This station: its name, and what `station enrol` wrote in its XDG config folder
// ($XDG_CONFIG_HOME/moussem/station.conf): the server, the station's job (an app role), its gate profile,
// printer and paper, language and a gate's local copy. Both programs read it when neither --db nor
// $MOUSSEM_DB names a database. It never holds a password (the enrolment keeps that in ~/.pgpass, mode
// 0600: store/station_enrolment.hpp). Print settings, scans and logs are kept under the station's name.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/roles.hpp"

namespace moussem {

// $MOUSSEM_STATION if set, else the enrolled station's name, else the machine's host name.
std::string stationName();
// The person at the keyboard until roles exist: $USER, else "".
std::string systemUserName();

struct StationConfig {
  std::string server;        // postgresql://LOGIN@HOST[:PORT]/DATABASE, never with a password
  std::string name;          // gate-3: letters, digits, '-', '_' and '.', at most 40
  Role role = Role::Desk;    // the station's job: the screen it opens on, the login's group on the server
  std::string gate_profile;  // gates: the gate profile its screen opens on ("": the first)
  std::string printer;       // a CUPS queue ("": the system's default)
  std::string paper;         // a CUPS media name ("": the template's)
  std::string language = "fr";
  std::string local_copy;  // gates: the SQLite copy they decide from when the server is out of reach
};

// $XDG_CONFIG_HOME/moussem/station.conf (else ~/.config/moussem/station.conf).
std::filesystem::path stationConfigFile();

// The station's configuration in `file`: nullopt when there is none. Error(Invalid) naming the file,
// the line and the field when it is not one (a hand edit gone wrong); Error(Io) when it cannot be read.
std::optional<StationConfig> readStationConfig(const std::filesystem::path& file);
// The text of the file (fields in a fixed order, a comment saying what wrote it).
std::string stationConfigText(const StationConfig& config);
// Error(Invalid) naming `where` and the field when a value is not allowed.
void checkStationConfig(const StationConfig& config, const std::string& where);
bool validStationName(const std::string& name);
// The screen a station's job opens on: "gate" for a gate, "desk" for a desk, "overview" otherwise.
std::string homeScreen(Role role);
// Where a gate station keeps its local copy unless told: DATA/gates/NAME.db.
std::filesystem::path defaultLocalCopy(const std::string& station);

// This user's station configuration, read once per process: nullopt when not enrolled. Throws the
// error of readStationConfig (each time it is asked).
const std::optional<StationConfig>& enrolledStation();

}  // namespace moussem
