// What every command shares: the global options (--db, --json, --lang), opening the store, and
// printing results as text for people or JSON for scripts. Exit codes: 0 done, 1 refused or failed
// (nothing written), 2 usage error.
#pragma once
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/roles.hpp"
#include "store/store.hpp"

namespace moussem::cli {

struct Context {
  std::string db;  // as given; empty: $MOUSSEM_DB or the user data folder
  bool json = false;
  std::string lang = "fr";
  std::string user;  // --user: act as this user (PIN from $MOUSSEM_PIN or asked); empty: the owner, as admin
  // Set by the chosen subcommand while parsing; run by main once the global options are applied.
  std::function<void()> action;
  std::string command;  // the subcommands given ("export participants"), for the audit rows of refusals

  std::string databasePath() const;
  // An existing database as the acting user sees it (GuardedStore: permissions and audit trail);
  // throws Error. The first call signs the user in.
  std::unique_ptr<Store> open() const;
  // Who acts: signs in on first use. Without --user: the owner of the file or connection, as admin
  // (whoever can read a SQLite file has everything in it anyway; see docs/roles.md).
  Actor actor() const;
  // Error(Refused) when the acting user may not; the refusal is written in the audit trail.
  void require(Permission permission) const;

  // Result of a command: JSON when --json, else the text.
  void print(const nlohmann::json& json, const std::string& text) const;
  // Progress on stderr for people at a terminal; silent otherwise and with --json.
  void progress(const std::string& label, double fraction) const;

  // Says on stderr, once, when the signing key file beside the database can be read by other users.
  void warnAboutKeyFile() const;

 private:
  static Actor owner();
  mutable bool keyWarned_ = false;
  Actor signIn(Store& raw) const;
  mutable std::optional<Actor> actor_;
};

// A line typed at the terminal without echo (PINs), after prompt on stderr.
std::string readHidden(const std::string& prompt);
// A new secret (PIN, password): the first line of stdin with fromStdin (scripts), else typed twice at a
// terminal without echo; never an argument, so never in the process list or the shell history.
// noTerminal: the message when there is neither (which flag to use).
// An app role from its code (admin, organizer, desk, gate); a usage error naming it otherwise.
Role roleOf(const std::string& code);
std::string readNewSecret(const std::string& prompt, bool fromStdin, const std::string& noTerminal);

// The check of an option holding a code of an enum family (core/codes.hpp): an unknown code is refused
// when the command line is parsed (exit code 2), naming the option, the family, the code and the known ones.
template <Coded E>
CLI::Validator codeCheck(std::string option) {
  return CLI::Validator(
      [option](std::string& text) -> std::string {
        if (fromCode<E>(text)) return {};
        try {
          refuseCode(familyName<E>(), text, option, codeList<E>());
        } catch (const Error& e) {
          return e.what();
        }
      },
      std::string(familyName<E>()));
}

using Register = void (*)(CLI::App& app, Context& ctx);
void registerInit(CLI::App& app, Context& ctx);
void registerInfo(CLI::App& app, Context& ctx);
void registerDemo(CLI::App& app, Context& ctx);
void registerBench(CLI::App& app, Context& ctx);
void registerBadge(CLI::App& app, Context& ctx);
void registerRegistry(CLI::App& app, Context& ctx);           // import, export, list, show (cmd_registry.cpp)
nlohmann::json benchSearch(long long n, const Context& ctx);  // bench search (bench_registry.cpp)
// The demo edition of n participants the benchmarks share, built on first use in the cache folder
// (bench_registry.cpp); buildSeconds (may be null) gets the time it took, 0 when it was there.
std::filesystem::path cachedDemoEdition(long long n, const Context& ctx, double* buildSeconds);
// The calling thread's CPU time in ms (bench_registry.cpp): latency on a shared machine without the waits.
double threadCpuMs();
// bench desk-find (bench_desk.cpp): keys until the person at the desk is the first result.
nlohmann::json benchDeskFind(long long n, int sample, const Context& ctx);
nlohmann::json benchImport(long long n, const Context& ctx);   // bench import (bench_registry.cpp)
nlohmann::json benchUiFrame(long long n, const Context& ctx);  // bench ui-frame (bench_ui.cpp)
nlohmann::json benchBadges(long long n, const Context& ctx);   // bench badges (bench_badges.cpp)
void registerGate(CLI::App& app, Context& ctx);                // gate add|list (cmd_gate.cpp)
void registerScan(CLI::App& app, Context& ctx);
void registerReport(CLI::App& app, Context& ctx);  // report --out FILE.pdf|.xlsx|FOLDER (cmd_report.cpp)
// Venue plan and booths (cmd_booth.cpp): venue import|export|show, allocate, booth ..., bench allocate.
void registerVenue(CLI::App& app, Context& ctx);
void registerAllocate(CLI::App& app, Context& ctx);
void registerBooth(CLI::App& app, Context& ctx);
// The forum's B2B meetings (cmd_b2b.cpp): b2b session|place|request add|list, b2b import requests.
void registerB2b(CLI::App& app, Context& ctx);
// b2b agenda (--person ID | --all) --out FILE, b2b tables --out FILE (cmd_b2b_agenda.cpp), under `b2b`.
void registerB2bAgenda(CLI::App& b2b, Context& ctx);
// b2b checkin --meeting ID (--held|--no-show|--cancelled|--replacements|--replace-with P), --badges A B.
void registerB2bCheckin(CLI::App& b2b, Context& ctx);
nlohmann::json benchAllocate(long long n, int seeds, const std::string& lpPath);
// bench b2b (bench_b2b.cpp): the meeting scheduler, its checker and the first-fit floor.
nlohmann::json benchB2b(long long n, long long requests, int seeds, const std::string& lpPath);
void registerBackup(CLI::App& app, Context& ctx);           // backup FILE, restore FILE (cmd_backup.cpp)
void registerMigrate(CLI::App& app, Context& ctx);          // migrate --from --to (cmd_migrate.cpp)
nlohmann::json benchGate(long long n, const Context& ctx);  // bench gate (cmd_gate.cpp)
// bench gate --processes P: P gate processes on one database (bench_stations.cpp)
nlohmann::json benchGateStations(long long n, int processes, long long scansEach, const Context& ctx);
std::string benchSerial(std::uint64_t i);                                           // cmd_gate.cpp
void fillBadges(const std::filesystem::path& db, long long n, const Context& ctx);  // SQLite fast path
nlohmann::json benchReport(long long people, const Context& ctx);                   // bench report (bench_report.cpp)

}  // namespace moussem::cli
