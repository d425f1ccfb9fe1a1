#include "test_support.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace moussem::test {

TempDir::TempDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (int i = 0; i < 100; ++i) {
    auto p = base / ("moussem-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(p)) {
      path_ = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

bool onPostgres() {
  const char* b = std::getenv("MOUSSEM_TEST_BACKEND");
  return b && std::string(b) == "postgres";
}

namespace {

std::string adminUrl() {
  const char* u = std::getenv("MOUSSEM_TEST_PG_URL");
  if (!u || !*u)
    throw std::runtime_error("MOUSSEM_TEST_PG_URL is not set: run the PostgreSQL tests through tools/test");
  return u;
}

// The URL of another database on the same server: replace the path after host[:port].
std::string urlOf(const std::string& admin, const std::string& db) {
  auto start = admin.find("://") + 3;
  auto slash = admin.find('/', start);
  auto base = slash == std::string::npos ? admin : admin.substr(0, slash);
  return base + "/" + db;
}

std::string runSql(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("test server: " + msg);
  }
  PGresult* r = PQexec(c, sql.c_str());
  auto st = PQresultStatus(r);
  std::string out;
  if (st == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
  std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) throw std::runtime_error("test server: " + msg);
  return out;
}

struct CreatedDatabases {
  std::mutex mutex;
  std::vector<std::string> names;
  ~CreatedDatabases() {
    for (const auto& n : names) {
      try {
        runSql(adminUrl(), "DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
      } catch (...) {
      }
    }
  }
};
CreatedDatabases& created() {
  static CreatedDatabases all;
  return all;
}

}  // namespace

std::string newPgDatabase() {
  std::random_device rd;
  // A generated identifier of letters and digits only: safe to name in DDL.
  std::string name = "moussem_t" + std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000000u);
  runSql(adminUrl(), "CREATE DATABASE " + name);
  {
    std::lock_guard lock(created().mutex);
    created().names.push_back(name);
  }
  return urlOf(adminUrl(), name);
}

std::string pgQuery(const std::string& url, const std::string& sql) {
  return runSql(url, sql);
}

std::filesystem::path dbPath(const TempDir& dir, const std::string& name) {
  if (!onPostgres()) return dir / name;
  return newPgDatabase();
}

std::filesystem::path binDir() {
  return MOUSSEM_BIN_DIR;
}
std::filesystem::path sourceDir() {
  return MOUSSEM_SOURCE_DIR;
}

namespace {
std::string drain(int fd) {
  std::string out;
  std::array<char, 65536> buf{};
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n <= 0) break;
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  return out;
}
}  // namespace

namespace {
// In a forked child: becomes argv[0] (looked up on PATH with searchPath) with that environment.
[[noreturn]] void execute(std::vector<std::string>& argv_s, std::vector<std::string>& env_s, bool searchPath) {
  std::vector<char*> argv, envp;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  if (searchPath) {
    environ = envp.data();
    ::execvp(argv_s[0].c_str(), argv.data());
  } else {
    ::execve(argv_s[0].c_str(), argv.data(), envp.data());
  }
  ::_exit(127);
}

// The environment of a child: env's entries, then the test's own variables that env does not override
// (shells keep the last duplicate, getenv() the first, so there must be exactly one).
std::vector<std::string> childEnvironment(const std::vector<std::string>& env) {
  std::vector<std::string> out(env.begin(), env.end());
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    bool overridden = false;
    for (const auto& o : env) overridden = overridden || std::string_view(o).substr(0, o.find('=') + 1) == name;
    if (!overridden) out.emplace_back(*e);
  }
  return out;
}
}  // namespace

namespace {
RunResult runPath(const std::string& exe, bool searchPath, const std::vector<std::string>& args,
                  const std::string& stdin_text, const std::vector<std::string>& env);
}

RunResult run(const std::string& program, const std::vector<std::string>& args, const std::string& stdin_text,
              const std::vector<std::string>& env) {
  return runPath((binDir() / program).string(), false, args, stdin_text, env);
}

RunResult runCommand(const std::string& executable, const std::vector<std::string>& args,
                     const std::vector<std::string>& env, const std::string& stdin_text) {
  return runPath(executable, true, args, stdin_text, env);
}

namespace {
RunResult runPath(const std::string& exe, bool searchPath, const std::vector<std::string>& args,
                  const std::string& stdin_text, const std::vector<std::string>& env) {
  // Files, not pipes, for the outputs: no deadlock whatever the sizes.
  TempDir io;
  auto inPath = io / "stdin", outPath = io / "stdout", errPath = io / "stderr";
  {
    int fd = ::open(inPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write test stdin");
    std::size_t off = 0;
    while (off < stdin_text.size()) {
      ssize_t n = ::write(fd, stdin_text.data() + off, stdin_text.size() - off);
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  std::vector<std::string> argv_s{exe};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<std::string> env_s = childEnvironment(env);

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = ::open(inPath.c_str(), O_RDONLY);
    int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    execute(argv_s, env_s, searchPath);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int fo = ::open(outPath.c_str(), O_RDONLY), fe = ::open(errPath.c_str(), O_RDONLY);
  r.out = drain(fo);
  r.err = drain(fe);
  ::close(fo);
  ::close(fe);
  return r;
}
}  // namespace

Child::Child(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> argv_s{(binDir() / program).string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<std::string> env_s = childEnvironment(env);
  const std::string errPath = (io_ / "stderr").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err, 2);
    execute(argv_s, env_s, false);
  }
  ::close(in[0]);
  ::close(out[1]);
  in_ = in[1];
  out_ = out[0];
  ::signal(SIGPIPE, SIG_IGN);  // a child that died must not kill the test when it writes
}

Child::~Child() {
  if (!waited_) {
    ::kill(pid_, SIGKILL);
    wait();
  }
  if (in_ >= 0) ::close(in_);
  if (out_ >= 0) ::close(out_);
}

bool Child::writeLine(const std::string& line) {
  const std::string data = line + "\n";
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(in_, data.data() + off, data.size() - off);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::string> Child::readLine(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[4096];
    ssize_t n = ::read(out_, buf, sizeof buf);
    if (n <= 0) return std::nullopt;
    buffer_.append(buf, static_cast<std::size_t>(n));
  }
}

void Child::closeInput() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

void Child::kill9() {
  ::kill(pid_, SIGKILL);
}

int Child::wait() {
  if (!waited_) {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    waited_ = true;
  }
  return status_;
}

std::string Child::err() const {
  int fd = ::open((io_ / "stderr").c_str(), O_RDONLY);
  if (fd < 0) return {};
  std::string text = drain(fd);
  ::close(fd);
  return text;
}

bool waitForFile(const std::filesystem::path& file, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  std::error_code ec;
  while (!std::filesystem::exists(file, ec)) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace moussem::test
