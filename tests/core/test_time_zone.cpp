// The edition's time zone, read from the system's TZif files: Casablanca's Ramadan changes, a rule
// zone past its last listed change, UTC with a marker when the file is missing, and damaged files
// refused with a clear error and never a crash.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "core/time_zone.hpp"
#include "test_support.hpp"

using namespace moussem;

namespace {
std::string zoneBytes(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  REQUIRE(in);  // tzdata is installed by tools/setup
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string shown(const tz::TimeZone& zone, const char* iso) {
  const auto t = tz::localOf(iso, zone);
  REQUIRE(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", t->day.c_str(), t->hour, t->minute, t->second);
  return buf;
}

struct DisplayZoneGuard {
  ~DisplayZoneGuard() { tz::setEditionZone(tz::TimeZone::utc()); }
};
}  // namespace

TEST_CASE("Casablanca's clock: +01 all year, +00 during Ramadan, on the listed dates") {
  const auto casa = tz::TimeZone::fromTzif("Africa/Casablanca", zoneBytes("Africa/Casablanca"));
  CHECK_FALSE(casa.isFallback());
  // The Artisan Week, 9–15 February 2026: +01.
  CHECK(shown(casa, "2026-02-09T08:30:00Z") == "2026-02-09 09:30:00");
  CHECK(shown(casa, "2026-02-09T23:30:00.125Z") == "2026-02-10 00:30:00");  // the local day moves too
  // Ramadan 2026: back to +00 on 15 February at 03:00 local, +01 again on 22 March at 02:00 local.
  CHECK(shown(casa, "2026-02-15T01:59:59Z") == "2026-02-15 02:59:59");
  CHECK(shown(casa, "2026-02-15T02:00:00Z") == "2026-02-15 02:00:00");
  CHECK(casa.offsetAt(*tz::parseInstant("2026-03-01T12:00:00Z")) == 0);
  CHECK(shown(casa, "2026-03-22T01:59:59Z") == "2026-03-22 01:59:59");
  CHECK(shown(casa, "2026-03-22T02:00:00Z") == "2026-03-22 03:00:00");
  // Ramadan 2025: 23 February – 6 April.
  CHECK(casa.offsetAt(*tz::parseInstant("2025-03-10T10:00:00Z")) == 0);
  CHECK(casa.offsetAt(*tz::parseInstant("2025-04-06T02:00:00Z")) == 3600);
  // A stored moment with its offset is the same instant.
  CHECK(shown(casa, "2026-02-10T10:00:01+01:00") == "2026-02-10 10:00:01");
  CHECK(shown(casa, "2026-02-10 09:00:01") == "2026-02-10 10:00:01");  // no offset: UTC, as stored
}

TEST_CASE("a zone with yearly rules follows its rule after the last change its file lists") {
  const auto paris = tz::TimeZone::fromTzif("Europe/Paris", zoneBytes("Europe/Paris"));
  CHECK(shown(paris, "2026-01-15T12:00:00Z") == "2026-01-15 13:00:00");
  CHECK(shown(paris, "2026-07-15T12:00:00Z") == "2026-07-15 14:00:00");
  // Far beyond any listed change: last Sunday of March 01:00 UTC, last Sunday of October 01:00 UTC.
  CHECK(shown(paris, "2090-03-26T00:59:59Z") == "2090-03-26 01:59:59");
  CHECK(shown(paris, "2090-03-26T01:00:00Z") == "2090-03-26 03:00:00");
  CHECK(shown(paris, "2090-10-29T00:59:59Z") == "2090-10-29 02:59:59");
  CHECK(shown(paris, "2090-10-29T01:00:00Z") == "2090-10-29 02:00:00");
  const auto sydney = tz::TimeZone::fromTzif("Australia/Sydney", zoneBytes("Australia/Sydney"));
  CHECK(sydney.offsetAt(*tz::parseInstant("2090-01-10T00:00:00Z")) == 11 * 3600);  // southern summer
  CHECK(sydney.offsetAt(*tz::parseInstant("2090-07-10T00:00:00Z")) == 10 * 3600);
}

TEST_CASE("a missing or unsafe zone gives UTC, and shown times say so") {
  DisplayZoneGuard guard;
  CHECK(tz::TimeZone::load("Africa/Atlantis").isFallback());
  CHECK(tz::TimeZone::load("../../etc/passwd").isFallback());
  CHECK(tz::TimeZone::load("/etc/passwd").isFallback());
  CHECK(tz::TimeZone::load("").isFallback());
  CHECK_FALSE(tz::TimeZone::load("UTC").isFallback());
  CHECK_FALSE(tz::TimeZone::load("Africa/Casablanca").isFallback());

  tz::setEditionZone("Africa/Atlantis");
  CHECK(tz::clock("2026-02-10T09:00:01.250Z") == "09:00 UTC");
  CHECK(tz::dateTime("2026-02-10T09:00:01.250Z") == "2026-02-10 09:00:01 UTC");
  tz::setEditionZone("Africa/Casablanca");
  CHECK(tz::clock("2026-02-10T09:00:01.250Z") == "10:00");
  CHECK(tz::clockSeconds("2026-02-10T09:00:01.250Z") == "10:00:01");
  CHECK(tz::dateTime("2026-02-10T09:00:01.250Z") == "2026-02-10 10:00:01");
  CHECK(tz::clock("not a time") == "not a time");  // shown as it is, never invented
  CHECK(tz::clock("") == "");
}

TEST_CASE("moments are read in every form the database and the gates write") {
  CHECK(tz::parseInstant("1970-01-01T00:00:00Z") == 0);
  CHECK(tz::parseInstant("2026-02-09T08:30:00.125Z") == tz::parseInstant("2026-02-09T09:30:00+01:00"));
  CHECK(tz::parseInstant("2026-02-09T09:30:00+0100") == tz::parseInstant("2026-02-09T08:30:00Z"));
  CHECK(tz::parseInstant("2026-02-09T08:30Z") == tz::parseInstant("2026-02-09 08:30:00"));
  CHECK(tz::parseInstant("1969-12-31T23:00:00Z") == -3600);
  for (const char* bad : {"", "2026-02-09", "2026-02-30T08:30:00Z", "2026-02-09T8:30:00Z", "2026-02-09T08:30:00+1",
                          "2026-02-09T08:30:00Zjunk", "2026-02-09T25:00:00Z", "2026-02-09X08:30:00Z"})
    CHECK_FALSE(tz::parseInstant(bad));
}

TEST_CASE("a truncated or damaged zone file is refused with a clear error, never a crash") {
  const std::string good = zoneBytes("Africa/Casablanca");
  // Every truncation: either still a whole zone (the footer is optional) or Error(Corrupt).
  for (std::size_t n = 0; n < good.size(); ++n) {
    try {
      const auto z = tz::TimeZone::fromTzif("Africa/Casablanca", std::string_view(good).substr(0, n));
      (void)z.local(1770000000);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Corrupt);
      CHECK(std::string(e.what()).find("Africa/Casablanca") != std::string::npos);
    }
  }
  // Random damage: never a crash, an overflow or a hang.
  std::mt19937 rng(10);
  for (int round = 0; round < 3000; ++round) {
    std::string bad = good;
    const int flips = 1 + static_cast<int>(rng() % 6);
    for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] = static_cast<char>(rng());
    if (round % 3 == 0) bad.resize(rng() % bad.size());
    try {
      const auto z = tz::TimeZone::fromTzif("damaged", bad);
      for (long long t : {-5000000000LL, 0LL, 1770000000LL, 4000000000LL}) (void)z.local(t);
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Corrupt);
    }
  }
  CHECK_THROWS_AS(tz::TimeZone::fromTzif("x", "TZif2"), Error);
  CHECK_THROWS_AS(tz::TimeZone::fromTzif("x", "not a zone file at all, but long enough to hold a header"), Error);
}

TEST_CASE("Casablanca is on UTC+0 on 2027-07-15 with tzdata 2026f (the TZif file shipped with the tests)") {
  // Since tzdata 2026c Morocco keeps +00 from 2026-09-20, Ramadan or not; older data said +01.
  const auto casa = tz::TimeZone::load("Africa/Casablanca", test::sourceDir() / "tests/core/tzdata-2026f");
  REQUIRE_FALSE(casa.isFallback());
  CHECK(casa.offsetAt(*tz::parseInstant("2027-07-15T12:00:00Z")) == 0);
  CHECK(shown(casa, "2027-07-15T12:00:00Z") == "2027-07-15 12:00:00");
  CHECK(casa.offsetAt(*tz::parseInstant("2026-12-07T09:00:00Z")) == 0);     // today, outside Ramadan
  CHECK(casa.offsetAt(*tz::parseInstant("2026-09-20T00:59:59Z")) == 3600);  // the last second of +01
  CHECK(casa.offsetAt(*tz::parseInstant("2026-09-20T01:00:00Z")) == 0);
  CHECK(casa.offsetAt(*tz::parseInstant("2026-02-10T09:00:00Z")) == 3600);  // the Artisan Week, as before
}

TEST_CASE("the machine's time-zone data is current: tools/setup keeps tzdata up to date") {
  // What the app and `info` show; tools/setup upgrades tzdata when Debian has a newer one.
  const tz::DataRelease data = tz::dataRelease();
  INFO(data.version);
  REQUIRE(data.version.size() >= 5);
  CHECK(data.version >= "2026c");  // Morocco's permanent +00
  const auto casa = tz::TimeZone::load("Africa/Casablanca");
  CHECK(casa.offsetAt(*tz::parseInstant("2027-07-15T12:00:00Z")) == 0);
}

TEST_CASE("the time-zone data's release is read from tzdata.zi, and an edition far beyond it is flagged") {
  test::TempDir dir;
  std::ofstream(dir / "tzdata.zi") << "# version 2025b\n# ddeps\n";
  const std::chrono::sys_seconds published{std::chrono::sys_days{std::chrono::year{2025} / 8 / 24}};
  std::filesystem::last_write_time(dir / "tzdata.zi", std::chrono::file_clock::from_sys(published));
  const tz::DataRelease data = tz::dataRelease(dir.path());
  CHECK(data.version == "2025b");
  CHECK(data.date == "2025-08-24");
  CHECK_FALSE(tz::dataMayBeStale(data, "2026-02-15"));
  CHECK(tz::dataMayBeStale(data, "2026-07-15"));
  CHECK(tz::dataMayBeStale(data, "2027-07-15"));
  CHECK_FALSE(tz::dataMayBeStale(tz::DataRelease{}, "2027-07-15"));  // unknown data: nothing to say
  CHECK(tz::dataRelease(dir / "nowhere").version.empty());
}
