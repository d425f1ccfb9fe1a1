// A private CUPS scheduler for the printing tests: its own folder, its own socket, one raw queue
// ("badges") whose documents stay in the spool folder so tests can read what was printed.
// Nothing of the machine's own CUPS is touched. Point libcups at it with CUPS_SERVER=socket().
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace moussem::test {

class CupsServer {
 public:
  CupsServer();
  ~CupsServer();
  CupsServer(const CupsServer&) = delete;
  CupsServer& operator=(const CupsServer&) = delete;

  std::string socket() const { return (dir_ / "cups.sock").string(); }
  std::string envVar() const { return "CUPS_SERVER=" + socket(); }
  // Runs a CUPS tool (lpadmin, cupsdisable, cupsreject...) against this scheduler; throws on failure.
  void admin(const std::string& tool, const std::vector<std::string>& args) const;
  // The documents the scheduler received, oldest first.
  std::vector<std::filesystem::path> documents() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
};

// Pages of a PDF file, counted from its page objects.
int pdfPageCount(const std::filesystem::path& pdf);

}  // namespace moussem::test
