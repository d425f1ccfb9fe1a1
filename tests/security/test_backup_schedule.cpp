// Scheduled backups: a station's plan (folder, interval, how many kept), due or not, dated files with
// their checksum, rotation that deletes only Moussem's own oldest backups, and the last time recorded.
#include <catch2/catch.hpp>
#include <fstream>

#include "../gate/gate_fixture.hpp"
#include "core/error.hpp"
#include "store/backup_schedule.hpp"

using namespace moussem;
using moussem::test::GateFixture;
namespace fs = std::filesystem;

TEST_CASE("a station's backup plan: checked, due, dated backups with checksums, the newest kept", "[sqlite]") {
  GateFixture f;
  const fs::path stick = f.dir / "usb";
  CHECK_THROWS_AS(setBackupPlan(*f.store, "desk-1", {stick, 30, 3}), Error);  // no such folder
  fs::create_directories(stick);
  CHECK_THROWS_AS(setBackupPlan(*f.store, "desk-1", {stick, 1, 3}), Error);
  CHECK_THROWS_AS(setBackupPlan(*f.store, "desk-1", {stick, 30, 0}), Error);
  setBackupPlan(*f.store, "desk-1", {stick, 30, 3});
  CHECK_FALSE(backupPlan(*f.store, "desk-2"));  // another station, another stick
  REQUIRE(backupPlan(*f.store, "desk-1")->keep == 3);
  { std::ofstream(stick / "photos.jpg") << "not ours"; }

  auto t = std::chrono::system_clock::from_time_t(1770800000);  // 2026-02-11
  CHECK(backupDue(*f.store, "desk-1", t));
  CHECK(lastBackup(*f.store, "desk-1").empty());
  for (int i = 0; i < 5; ++i) {
    auto now = t + std::chrono::minutes(31 * i);
    REQUIRE(backupDue(*f.store, "desk-1", now));
    BackupInfo b = runFolderBackup(*f.store, "desk-1", stick, 3, now);
    CHECK(fs::exists(b.file));
    CHECK(fs::exists(b.file + ".sha256"));
    CHECK(sha256OfFile(b.file) == b.sha256);
    CHECK_FALSE(backupDue(*f.store, "desk-1", now + std::chrono::minutes(29)));
  }
  int ours = 0, sums = 0;
  for (const auto& e : fs::directory_iterator(stick)) {
    const std::string n = e.path().filename().string();
    ours += n.size() == 26 && n.rfind("moussem-", 0) == 0;
    sums += n.size() > 7 && n.substr(n.size() - 7) == ".sha256";
  }
  CHECK(ours == 3);
  CHECK(sums == 3);
  CHECK(fs::exists(stick / "photos.jpg"));  // rotation never touches other files
  CHECK(lastBackup(*f.store, "desk-1").rfind("2026-02-11T", 0) == 0);
  // The newest backup restores into a copy with the same people.
  const fs::path copy = f.dir / "restored.db";
  std::string newest;
  for (const auto& e : fs::directory_iterator(stick))
    if (e.path().extension() == ".db" && e.path().filename().string() > newest) newest = e.path().filename().string();
  fs::copy_file(stick / newest, copy);
  CHECK(openStore(copy.string())->personIds().size() == f.store->personIds().size());
}

TEST_CASE("scheduled backups on a server are refused with a pointer to pg_dump", "[postgres]") {
  GateFixture f;
  fs::create_directories(f.dir / "usb");
  CHECK_THROWS_AS(setBackupPlan(*f.store, "desk-1", {f.dir / "usb", 30, 3}), Error);
  CHECK_THROWS_AS(runFolderBackup(*f.store, "desk-1", f.dir / "usb", 3), Error);
  CHECK_FALSE(backupDue(*f.store, "desk-1", std::chrono::system_clock::now()));
}
