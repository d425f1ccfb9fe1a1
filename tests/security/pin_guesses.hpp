// Wrong PINs sent at once: as many moussem-cli processes as guesses, started together, each signing in
// as the same user with its own PIN (the parallel brute force that once passed the lockout). Every one
// of them must be refused with the one answer for a wrong name or PIN, locked or not.
#pragma once
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace moussem::test {

// Runs `moussem-cli --db db --lang en --user user command...` once per PIN, all at once.
inline void guessAtOnce(const std::string& db, const std::string& user, const std::vector<std::string>& pins,
                        const std::vector<std::string>& command) {
  std::vector<RunResult> results(pins.size());
  std::vector<std::thread> guesses;
  for (std::size_t i = 0; i < pins.size(); ++i)
    guesses.emplace_back([&, i] {
      std::vector<std::string> args{"--db", db, "--lang", "en", "--user", user};
      args.insert(args.end(), command.begin(), command.end());
      results[i] = run("moussem-cli", args, "", {"MOUSSEM_PIN=" + pins[i]});
    });
  for (auto& t : guesses) t.join();
  for (const auto& r : results) {
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("wrong name or PIN") != std::string::npos);
  }
}

// count different PINs of the given length, none of them right (the right ones used here start with 4).
inline std::vector<std::string> wrongPins(int count, int length) {
  std::vector<std::string> pins;
  for (int i = 0; i < count; ++i) {
    std::string pin = std::to_string(i);
    pins.push_back("1" + std::string(static_cast<std::size_t>(length) - 1 - pin.size(), '0') + pin);
  }
  return pins;
}

}  // namespace moussem::test
