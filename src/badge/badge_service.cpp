#include "badge/badge_service.hpp"

#include <algorithm>
#include <filesystem>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/person_names.hpp"

namespace moussem {

namespace {
constexpr const char* kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                     "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

int monthOf(const std::string& iso) {
  return std::stoi(iso.substr(5, 2));
}
int dayOf(const std::string& iso) {
  return std::stoi(iso.substr(8, 2));
}
}  // namespace

std::string describeDays(const std::vector<std::string>& days, const Edition& edition) {
  std::vector<std::string> list = days;
  if (list.empty()) list = dates::range(edition.starts_on, edition.ends_on);
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  if (list.empty()) return {};
  auto monthYear = [](const std::string& d) { return std::string(kMonthsFr[monthOf(d) - 1]) + " " + d.substr(0, 4); };
  bool contiguous = dates::daysBetween(list.front(), list.back()) == static_cast<long long>(list.size()) - 1;
  const std::string& first = list.front();
  const std::string& last = list.back();
  if (list.size() == 1) return std::to_string(dayOf(first)) + " " + monthYear(first);
  if (contiguous && list.size() > 2) {
    if (first.substr(0, 7) == last.substr(0, 7))
      return std::to_string(dayOf(first)) + " – " + std::to_string(dayOf(last)) + " " + monthYear(last);
    return std::to_string(dayOf(first)) + " " + kMonthsFr[monthOf(first) - 1] + " – " + std::to_string(dayOf(last)) +
           " " + monthYear(last);
  }
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    bool monthChanges = i + 1 == list.size() || list[i].substr(0, 7) != list[i + 1].substr(0, 7);
    out += std::to_string(dayOf(list[i]));
    if (monthChanges) out += " " + std::string(kMonthsFr[monthOf(list[i]) - 1]);
    if (i + 2 < list.size())
      out += ", ";
    else if (i + 2 == list.size())
      out += " et ";
  }
  return out + " " + last.substr(0, 4);
}

BadgeService::BadgeService(Store& store, std::optional<SigningKey> key, Operator who)
    : store_(store), key_(std::move(key)), who_(std::move(who)) {
  auto ed = store_.edition();
  if (!ed) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
  edition_ = *ed;
  if (key_ && (key_->edition_uid != edition_.uid || publicKeyBase64(*key_) != edition_.public_key))
    throw Error(ErrorKind::Refused, tr("badge.error.key_mismatch"));
}

std::optional<SigningKey> BadgeService::keyBeside(const std::string& database) {
  auto path = paths::keyFileFor(database);
  if (!std::filesystem::exists(path)) return std::nullopt;
  return readKeyFile(path);
}

Person BadgeService::requirePerson(Id id) {
  auto p = store_.person(id);
  if (!p) throw Error(ErrorKind::NotFound, tr("badge.error.no_person", {std::to_string(id)}));
  return *p;
}

const SigningKey& BadgeService::requireKey() const {
  if (!key_) throw Error(ErrorKind::Refused, tr("badge.error.no_key"));
  return *key_;
}

Badge BadgeService::ensureBadge(Id personId) {
  requirePerson(personId);
  if (auto b = store_.badgeOfPerson(personId)) return *b;
  Badge b;
  b.person_id = personId;
  store_.write([&] {
    // Serials are random: two desks never collide on a counter, and a serial says nothing about order.
    for (int attempt = 0;; ++attempt) {
      b.serial = randomBase32(8);
      if (!store_.badgeBySerial(b.serial)) break;
      if (attempt > 20) throw Error(ErrorKind::Io, "no free badge serial");
    }
    store_.insertBadge(b);
    store_.addBadgeEvent({0, b.id, b.version, BadgeAction::Issue, "", who_.station, who_.name, ""});
  });
  return b;
}

BadgeClaims BadgeService::claims(const Person& p, const Badge& b) const {
  BadgeClaims c;
  c.edition = edition_.uid;
  c.serial = b.serial;
  c.version = b.version;
  c.category = p.category;
  if (!p.days.empty() && dates::daysBetween(edition_.starts_on, edition_.ends_on) < 32) {
    std::uint32_t mask = 0;
    for (const auto& d : p.days) {
      long long i = dates::daysBetween(edition_.starts_on, d);
      if (i >= 0 && i < 32) mask |= 1u << i;
    }
    c.days = mask;
  }
  return c;  // zones: every zone; the gate profiles decide who enters where
}

std::string BadgeService::payload(Id personId) {
  const SigningKey& key = requireKey();
  Person p = requirePerson(personId);
  Badge b = ensureBadge(personId);
  if (b.status == BadgeStatus::Revoked) throw Error(ErrorKind::Refused, tr("badge.error.revoked", {b.serial}));
  return signPayload(claims(p, b), key.secret_key);
}

BadgeFace BadgeService::face(Id personId) {
  Person p = requirePerson(personId);
  BadgeFace f;
  f.edition_fr = edition_.name_fr;
  f.edition_ar = edition_.name_ar;
  f.edition_en = edition_.name_en;
  f.name_latin = p.first_name.empty() && p.last_name.empty() ? "" : names::latin(p);
  f.name_ar = p.name_ar;
  f.organization = p.organization;
  f.position = p.position;
  for (const auto& c : store_.categories())
    if (c.code == p.category) {
      f.category_fr = c.label_fr;
      f.category_ar = c.label_ar;
      f.category_en = c.label_en;
      f.category_color = c.color;
    }
  if (p.exhibitor_id)
    if (auto booth = store_.boothOfExhibitor(*p.exhibitor_id)) f.booth = i18n::tr("badge.booth", {*booth});
  f.days = describeDays(p.days, edition_);
  f.logo_png = edition_.logo_path;
  f.payload = payload(personId);
  f.serial = store_.badgeOfPerson(personId)->serial;
  return f;
}

Badge BadgeService::reprint(Id personId, const std::string& reason) {
  if (reason.empty()) throw Error(ErrorKind::Invalid, tr("badge.error.reason"));
  requireKey();
  Badge b = ensureBadge(personId);
  store_.write([&] {
    // Read again inside the transaction (a shared server locks the row until commit): two desks
    // reprinting the same badge at once get versions n+1 and n+2, never the same one twice.
    b = store_.badgeOfPerson(personId).value_or(b);
    b.version += 1;
    b.status = BadgeStatus::Active;
    b.printed_count = 0;
    store_.updateBadge(b, "");
    store_.addBadgeEvent({0, b.id, b.version, BadgeAction::Reprint, reason, who_.station, who_.name, ""});
  });
  return b;
}

Badge BadgeService::revoke(Id personId, const std::string& reason) {
  if (reason.empty()) throw Error(ErrorKind::Invalid, tr("badge.error.reason"));
  Badge b = ensureBadge(personId);
  store_.write([&] {
    b = store_.badgeOfPerson(personId).value_or(b);
    b.status = BadgeStatus::Revoked;
    store_.updateBadge(b, reason);
    store_.addBadgeEvent({0, b.id, b.version, BadgeAction::Revoke, reason, who_.station, who_.name, ""});
  });
  return b;
}

bool BadgeService::printedBefore(Id personId) {
  auto b = store_.badgeOfPerson(personId);
  return b && b->printed_count > 0;
}

void BadgeService::recordPrint(Id personId) {
  store_.write([&] {
    Badge b = ensureBadge(personId);
    if (b.status == BadgeStatus::Revoked) throw Error(ErrorKind::Refused, tr("badge.error.revoked", {b.serial}));
    b.printed_count += 1;
    store_.updateBadge(b, "");
    store_.addBadgeEvent({0, b.id, b.version, BadgeAction::Print, "", who_.station, who_.name, ""});
  });
}

}  // namespace moussem
