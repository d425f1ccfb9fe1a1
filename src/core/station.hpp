// The name of this station (desk, gate or back-office computer): $MOUSSEM_STATION if set, else the
// machine's host name. Print settings, scans and logs are kept under it.
#pragma once
#include <string>

namespace moussem {

std::string stationName();
// The person at the keyboard until roles exist: $USER, else "".
std::string systemUserName();

}  // namespace moussem
