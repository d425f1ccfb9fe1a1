// Issuing badges: one current badge per person, a signed payload for its current version, the face a
// template draws, and reprint / revoke with their log. Minting needs the signing key file; a station
// without it (a gate) can verify but never mint.
#pragma once
#include <optional>
#include <string>

#include "badge/badge_render.hpp"
#include "badge/payload.hpp"
#include "core/signing_key.hpp"
#include "store/store.hpp"

namespace moussem {

struct Operator {
  std::string station;
  std::string name;
};

class BadgeService {
 public:
  BadgeService(Store& store, std::optional<SigningKey> key, Operator who = {});

  // The key file beside a SQLite database, if present and valid; nullopt if there is none.
  static std::optional<SigningKey> keyBeside(const std::string& database);

  // The person's current badge, issued (version 1) if they have none yet.
  Badge ensureBadge(Id person);
  // The signed payload of the current version. Refuses a revoked badge and a station without key.
  std::string payload(Id person);
  // Everything the template draws, in the edition's languages.
  BadgeFace face(Id person);
  // A new version (typo fixed, badge lost): every earlier version becomes superseded. Reason required.
  Badge reprint(Id person, const std::string& reason);
  // The badge stops working at every gate. Reason required.
  Badge revoke(Id person, const std::string& reason);

  // True when the current version was printed already: printing it again needs a confirmation.
  bool printedBefore(Id person);
  // Logs one print of the current version (who, when, which station) and counts it. Called only once
  // the printer has accepted the job.
  void recordPrint(Id person);

  BadgeClaims claims(const Person& person, const Badge& badge) const;

 private:
  Person requirePerson(Id id);
  const SigningKey& requireKey() const;

  Store& store_;
  std::optional<SigningKey> key_;
  Operator who_;
  Edition edition_;
};

// "9 – 15 février 2026", "9, 10 et 12 février 2026": the days a badge is valid, in French.
std::string describeDays(const std::vector<std::string>& days, const Edition& edition);

}  // namespace moussem
