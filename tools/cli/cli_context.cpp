#include "cli_context.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "core/paths.hpp"

namespace moussem::cli {

std::string Context::databasePath() const { return db.empty() ? paths::defaultDatabase().string() : db; }

std::unique_ptr<Store> Context::open() const { return openStore(databasePath(), OpenMode::Existing); }

void Context::print(const nlohmann::json& value, const std::string& text) const {
  if (json) std::cout << value.dump() << '\n';
  else std::cout << text << (text.empty() || text.back() == '\n' ? "" : "\n");
  std::cout.flush();
}

void Context::progress(const std::string& label, double fraction) const {
  if (json || !::isatty(STDERR_FILENO)) return;
  int pct = static_cast<int>(fraction * 100.0 + 0.5);
  std::fprintf(stderr, "\r%s %3d%%", label.c_str(), pct);
  if (fraction >= 1.0) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace moussem::cli
