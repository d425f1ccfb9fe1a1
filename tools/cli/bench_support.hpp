// What the benchmark scenarios share: a scratch folder removed afterwards, UTF-8 prefixes counted in
// characters (what a person types, a key a character), the process's CPU time.
#pragma once
#include <ctime>
#include <filesystem>
#include <random>
#include <string>

namespace moussem::cli {

struct BenchScratch {
  std::filesystem::path dir;
  explicit BenchScratch(const std::string& name) {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("moussem-bench-" + name + std::to_string(rd()));
    std::filesystem::create_directories(dir);
  }
  ~BenchScratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  BenchScratch(const BenchScratch&) = delete;
  BenchScratch& operator=(const BenchScratch&) = delete;
};

// The first n characters of s.
inline std::string prefixChars(const std::string& s, std::size_t n) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars < n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  return s.substr(0, i);
}

// CPU time of the whole process (every thread), in seconds: on a shared machine the wall time depends
// on the load, this does not.
inline double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

inline std::size_t charCount(const std::string& s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace moussem::cli
