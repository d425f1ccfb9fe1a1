// Helpers shared by the tests: throwaway folders and running the real command-line binary.
#pragma once
#include <filesystem>
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
RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::string& stdin_text = "", const std::vector<std::string>& env = {});

// Runs any executable found on PATH (e.g. xvfb-run) with args, the same way.
RunResult runCommand(const std::string& executable, const std::vector<std::string>& args,
                     const std::vector<std::string>& env = {});

std::filesystem::path binDir();
std::filesystem::path sourceDir();

}  // namespace moussem::test
