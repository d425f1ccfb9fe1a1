#include "cups_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace moussem::test {

CupsServer::CupsServer() {
  const auto d = dir_.path();
  for (const char* sub : {"spool", "cache", "state", "log", "ppd"}) std::filesystem::create_directory(d / sub);
  std::ofstream(d / "cupsd.conf") << "Listen " << socket() << "\n"
                                  << "LogLevel warn\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
                                  << "PreserveJobFiles Yes\nPreserveJobHistory Yes\n"
                                  << "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                  << "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n";
  std::ofstream(d / "cups-files.conf") << "ServerRoot " << d.string() << "\nRequestRoot " << (d / "spool").string()
                                       << "\nCacheDir " << (d / "cache").string() << "\nStateDir "
                                       << (d / "state").string() << "\nTempDir " << (d / "spool").string()
                                       << "\nErrorLog " << (d / "log" / "error_log").string() << "\nAccessLog "
                                       << (d / "log" / "access_log").string() << "\nPageLog "
                                       << (d / "log" / "page_log").string()
                                       << "\nLogFileGroup root\nFileDevice Yes\nSandboxing Relaxed\n";
  const std::string conf = (d / "cupsd.conf").string(), files = (d / "cups-files.conf").string();
  std::vector<std::string> args{"cupsd", "-f", "-c", conf, "-s", files};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  int rc = posix_spawnp(&pid_, "cupsd", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start cupsd (is cups-daemon installed? tools/setup installs it)");
  // Ready when it answers; then one raw queue that keeps what it receives.
  for (int i = 0; i < 100; ++i) {
    if (std::filesystem::exists(socket()) &&
        runCommand("lpstat", {"-r"}, {envVar()}).out.find("is running") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  admin("lpadmin", {"-p", "badges", "-D", "Badge printer", "-E", "-v", "file:///dev/null", "-m", "raw"});
}

CupsServer::~CupsServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void CupsServer::admin(const std::string& tool, const std::vector<std::string>& args) const {
  auto r = runCommand(tool, args, {envVar()});
  if (r.exit_code != 0) throw std::runtime_error(tool + " failed: " + r.err);
}

std::vector<std::filesystem::path> CupsServer::documents() const {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "spool"))
    if (e.path().filename().string().rfind("d", 0) == 0) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

int pdfPageCount(const std::filesystem::path& pdf) {
  std::ifstream in(pdf, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  if (s.rfind("%PDF-", 0) != 0) return -1;
  int pages = 0;
  for (std::size_t at = s.find("/Type /Page"); at != std::string::npos; at = s.find("/Type /Page", at + 1))
    if (s.compare(at, 12, "/Type /Pages") != 0) ++pages;
  return pages;
}

}  // namespace moussem::test
