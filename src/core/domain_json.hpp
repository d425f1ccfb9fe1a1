// The domain values as JSON objects: what `list --json` and `show --json` print, and what the audit
// trail keeps as "before" and "after". Field names are the codes of PRODUCT.md. A user's PIN hash is
// never written out.
#pragma once
#include <nlohmann/json.hpp>

#include "core/domain.hpp"

namespace moussem {

void to_json(nlohmann::json& j, const Edition& e);
void to_json(nlohmann::json& j, const Zone& z);
void to_json(nlohmann::json& j, const Category& c);
void to_json(nlohmann::json& j, const Exhibitor& x);
void to_json(nlohmann::json& j, const Person& p);
void to_json(nlohmann::json& j, const Badge& b);
void to_json(nlohmann::json& j, const BadgeEvent& e);
void to_json(nlohmann::json& j, const Point& p);
void to_json(nlohmann::json& j, const Hall& h);
void to_json(nlohmann::json& j, const VenueFeature& f);
void to_json(nlohmann::json& j, const BoothRequest& r);
void to_json(nlohmann::json& j, const Booth& b);
void to_json(nlohmann::json& j, const GateProfile& g);
void to_json(nlohmann::json& j, const User& u);

}  // namespace moussem
