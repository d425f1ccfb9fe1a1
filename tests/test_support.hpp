// Helpers shared by the tests: throwaway folders and running the real command-line binary.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace moussem::test {

// A fresh folder under the system temp dir, deleted with everything in it when it goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs build/bin/<program> with args (no shell), feeding stdin_text; captures stdout and stderr.
RunResult run(const std::string& program, const std::vector<std::string>& args, const std::string& stdin_text = "",
              const std::vector<std::string>& env = {});

// Runs any executable found on PATH (e.g. xvfb-run) with args, the same way.
RunResult runCommand(const std::string& executable, const std::vector<std::string>& args,
                     const std::vector<std::string>& env = {}, const std::string& stdin_text = "");

// The backend the store and end-to-end tests run on: SQLite, or PostgreSQL when CTest registered the
// test a second time ("pg/..." names) with MOUSSEM_TEST_BACKEND=postgres and MOUSSEM_TEST_PG_URL naming
// the throwaway server tools/test started.
bool onPostgres();
// Where a test's database lives: dir/name on SQLite; on PostgreSQL the URL of a database created on the
// test server for this test alone (empty), dropped with everything in it when the test process ends.
std::filesystem::path dbPath(const TempDir& dir, const std::string& name);
// A fresh empty PostgreSQL database on the test server (dropped at exit); throws if there is none.
std::string newPgDatabase();
// Runs fixed SQL on the test server's database at url (test set-up only: killing connections, checks).
std::string pgQuery(const std::string& url, const std::string& sql);

std::filesystem::path binDir();
std::filesystem::path sourceDir();

// A program of build/bin running beside the test: the test writes lines to its stdin and reads its
// stdout line by line as they come; stderr goes to a file. Killed (SIGKILL) if still running at the end.
class Child {
 public:
  Child(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  bool writeLine(const std::string& line);
  // The next line of stdout, without its newline; nothing when none came within timeout or it ended.
  std::optional<std::string> readLine(std::chrono::milliseconds timeout);
  void closeInput();
  void kill9();
  int wait();               // the exit code (128 + signal when killed)
  std::string err() const;  // what it wrote on stderr so far
  int pid() const { return pid_; }

 private:
  int pid_ = -1, in_ = -1, out_ = -1, status_ = -1;
  bool waited_ = false;
  std::string buffer_;
  TempDir io_;
};

// Waits (at most timeout) for a file to appear: a test pause point reached (core/test_pause.hpp).
bool waitForFile(const std::filesystem::path& file, std::chrono::milliseconds timeout);

}  // namespace moussem::test
