// Enrolling this station on an event's server (`moussem-cli station enrol`, the app's first-run form),
// showing and resetting it. Everything is checked before anything is written: the configuration folder
// can be written, the server answers, the password opens the login, the login's group on the server is
// the job asked for, the server's schema is this Moussem's, the gate profile exists, the station name is
// not another machine's. Then, all or nothing: the station's record and its printer, paper and
// language in the server's settings (one transaction, in the audit trail), the password in ~/.pgpass
// (mode 0600, where libpq finds it), and station.conf (core/station.hpp), each file by one rename.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "core/station.hpp"

namespace moussem {

struct Enrolment {
  StationConfig config;  // local_copy empty: DATA/gates/NAME.db for a gate
  std::string password;  // the login's, asked for once (never a command-line argument)
  bool replace = false;  // take over a name another machine enrolled (a replaced laptop)
  bool kiosk = false;    // the session of this user starts `moussem --kiosk` (an XDG autostart entry)
};

struct EnrolmentDone {
  StationConfig config;
  std::filesystem::path config_file, password_file, autostart_file;  // autostart_file: empty unless kiosk
  int schema_version = 0;
};

// Throws Error naming what is at fault; then nothing was written anywhere (the previous configuration,
// the password file and the server's settings are as they were).
EnrolmentDone enrolStation(const Enrolment& enrolment);

struct StationReset {
  std::optional<StationConfig> config;  // what was removed (nullopt: there was none, or it did not read)
  bool released = false;                // the server answered and gave the name back
  std::string server_error;             // why it did not, if it did not
};
// Removes station.conf, this server's line of the password file and the kiosk autostart entry; gives
// the station's name back on the server when the server answers. The data folder (local copies, keys,
// backups) stays.
StationReset resetStation();

// Where the password goes: $PGPASSFILE, else ~/.pgpass (what libpq reads).
std::filesystem::path passwordFile();
// $XDG_CONFIG_HOME/autostart/moussem-kiosk.desktop: starts the kiosk with this user's session.
std::filesystem::path kioskAutostartFile();
// The setting that records which machine enrolled a station: "station.NAME.enrolment".
std::string enrolmentSetting(const std::string& station);

}  // namespace moussem
