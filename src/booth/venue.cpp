// Venue file: parse, validate, write, and move to and from the Store (see venue.hpp and
// docs/venue-format.md). Validation is strict and complete before anything is written: unknown fields
// are refused (a misspelt "widht" must not silently become the default).
#include "booth/venue.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "booth/geometry.hpp"
#include "core/codes.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"

namespace moussem {
std::span<const EmbeddedFile> embeddedVenues();
}

namespace moussem::booth {

using nlohmann::json;

namespace {

constexpr std::string_view kFormat = "moussem-venue";
constexpr int kVersion = 1;

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorKind::Invalid, message);
}

// One JSON object being read: every field taken is ticked off, the rest are unknown fields.
class Fields {
 public:
  Fields(const json& object, std::string source, std::string element)
      : j_(object), source_(std::move(source)), element_(std::move(element)) {
    if (!j_.is_object()) fail(tr("venue.error.type", {source_, element_, "", tr("venue.type.object")}));
  }
  ~Fields() = default;

  const std::string& element() const { return element_; }

  const json* optional(const char* key) {
    seen_.insert(key);
    auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  const json& required(const char* key) {
    const json* v = optional(key);
    if (!v) fail(tr("venue.error.missing_field", {source_, element_, key}));
    return *v;
  }
  double number(const char* key) {
    const json& v = required(key);
    if (!v.is_number()) wrongType(key, "venue.type.number");
    return check(key, v.get<double>());
  }
  double number(const char* key, double fallback) {
    const json* v = optional(key);
    if (!v) return fallback;
    if (!v->is_number()) wrongType(key, "venue.type.number");
    return check(key, v->get<double>());
  }
  double positive(const char* key) {
    const double v = number(key);
    if (!(v > 0)) fail(tr("venue.error.not_positive", {source_, element_, key, formatNumber(v)}));
    return v;
  }
  std::string text(const char* key) {
    const json& v = required(key);
    if (!v.is_string()) wrongType(key, "venue.type.text");
    return v.get<std::string>();
  }
  std::string text(const char* key, const std::string& fallback) {
    const json* v = optional(key);
    if (!v) return fallback;
    if (!v->is_string()) wrongType(key, "venue.type.text");
    return v->get<std::string>();
  }
  bool flag(const char* key, bool fallback) {
    const json* v = optional(key);
    if (!v) return fallback;
    if (!v->is_boolean()) wrongType(key, "venue.type.flag");
    return v->get<bool>();
  }
  const json* list(const char* key) {
    const json* v = optional(key);
    if (v && !v->is_array()) wrongType(key, "venue.type.list");
    return v;
  }
  template <Coded E>
  E code(const char* key, E fallback) {
    const std::string v = text(key, std::string(codeOf(fallback)));
    const std::optional<E> value = fromCode<E>(v);
    if (!value) fail(tr("venue.error.bad_code", {source_, element_, key, v}));
    return *value;
  }
  // Call last: any field not read is unknown.
  void finish() {
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (!seen_.count(it.key())) fail(tr("venue.error.unknown_field", {source_, element_, it.key()}));
  }
  [[noreturn]] void wrongType(const char* key, const char* typeKey) {
    fail(tr("venue.error.type", {source_, element_, key, tr(typeKey)}));
  }

  static std::string formatNumber(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }

 private:
  double check(const char* key, double v) {
    if (!std::isfinite(v) || std::abs(v) > 1e5)
      fail(tr("venue.error.range", {source_, element_, key, formatNumber(v)}));
    return v;
  }
  const json& j_;
  std::string source_, element_;
  std::set<std::string> seen_;
};

std::string elementName(const char* kind, std::size_t index, const std::string& code) {
  return tr(kind, {code.empty() ? "#" + std::to_string(index + 1) : code});
}

std::vector<std::string> stringList(Fields& f, const char* key) {
  std::vector<std::string> out;
  if (const json* l = f.list(key))
    for (const auto& v : *l) {
      if (!v.is_string()) f.wrongType(key, "venue.type.text_list");
      out.push_back(v.get<std::string>());
    }
  return out;
}

VenueFeature readFeature(const json& j, const std::string& source, VenueFeatureKind kind, std::size_t index,
                         const Hall& hall) {
  const std::string code =
      j.is_object() && j.contains("code") && j["code"].is_string() ? j["code"].get<std::string>() : "";
  Fields f(j, source, elementName(featureElementKey(kind), index, code));
  VenueFeature v;
  v.kind = kind;
  v.code = f.text("code");
  v.hall = hall.code;
  v.x = f.number("x");
  v.y = f.number("y");
  v.width = f.positive("width");
  v.height = f.positive("height");
  // A label is one text (French, shown in every language) or one per language: {"fr", "ar", "en"}.
  if (const json* label = f.optional("label"); label && label->is_object()) {
    Fields l(*label, source, f.element() + " · label");
    v.label = l.text("fr", "");
    v.label_ar = l.text("ar", "");
    v.label_en = l.text("en", "");
    l.finish();
  } else if (label) {
    if (!label->is_string()) f.wrongType("label", "venue.type.label");
    v.label = label->get<std::string>();
  }
  v.main = kind == VenueFeatureKind::Aisle ? f.flag("main", false) : false;
  f.finish();
  return v;
}

}  // namespace

namespace {

// nlohmann's own DOM builder, which also remembers the last key read: a number too large for a double
// (1e999999) is then reported with its file, line and field, not as "[json.exception.out_of_range.406]".
struct NumberOutOfRange {
  std::size_t byte;
  std::string token, key;
};
struct VenueReader : nlohmann::detail::json_sax_dom_parser<json> {
  explicit VenueReader(json& root) : json_sax_dom_parser(root, true) {}
  bool key(json::string_t& k) {
    last = k;
    return json_sax_dom_parser::key(k);
  }
  template <class Exception>  // the exception's own type travels on (json::parse_error is caught below)
  bool parse_error(std::size_t byte, const std::string& token, const Exception& e) {
    if (e.id == 406) throw NumberOutOfRange{byte, token, last};
    return json_sax_dom_parser::parse_error(byte, token, e);
  }
  std::string last;
};

}  // namespace

Venue parseVenue(std::string_view text, const std::string& source) {
  json root;
  try {
    VenueReader reader(root);
    json::sax_parse(text.begin(), text.end(), &reader);
  } catch (const json::parse_error& e) {
    const bool truncated = e.byte >= text.size();
    fail(tr(truncated ? "venue.error.truncated" : "venue.error.json", {source, std::to_string(e.byte)}));
  } catch (const NumberOutOfRange& e) {
    const auto upTo = text.substr(0, std::min(e.byte, text.size()));
    const auto line = 1 + std::count(upTo.begin(), upTo.end(), '\n');
    fail(tr("venue.error.number", {source, std::to_string(line), e.key, e.token}));
  }
  Venue v;
  Fields top(root, source, tr("venue.element.file"));
  const std::string format = top.text("format", "");
  const int version = static_cast<int>(top.number("version", 0));
  if (format != kFormat || version != kVersion)
    fail(tr("venue.error.format", {source, format, std::to_string(version)}));
  v.name = top.text("name", "");
  v.example = top.flag("example", false);
  v.note = top.text("note", "");
  const json& halls = top.required("halls");
  if (!halls.is_array()) top.wrongType("halls", "venue.type.list");
  top.finish();

  for (std::size_t hi = 0; hi < halls.size(); ++hi) {
    const json& hj = halls[hi];
    const std::string hcode =
        hj.is_object() && hj.contains("code") && hj["code"].is_string() ? hj["code"].get<std::string>() : "";
    Fields f(hj, source, elementName("venue.element.hall", hi, hcode));
    Hall h;
    h.code = f.text("code");
    if (h.code.empty()) fail(tr("venue.error.empty_code", {source, f.element()}));
    h.name = f.text("name", h.code);
    h.name_ar = f.text("name_ar", "");
    h.zone = f.text("zone", "exhibition");
    h.sectors = stringList(f, "sectors");
    for (const auto& s : h.sectors)
      if (!codes::contains(codes::sectors(), s)) fail(tr("venue.error.bad_code", {source, f.element(), "sectors", s}));
    if (const json* outline = f.list("outline")) {
      for (const auto& p : *outline) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
          f.wrongType("outline", "venue.type.points");
        h.outline.push_back({p[0].get<double>(), p[1].get<double>()});
      }
      if (h.outline.size() < 3) fail(tr("venue.error.outline", {source, f.element()}));
      const Rect r = boundingRect(h.outline);
      h.x = r.x;
      h.y = r.y;
      h.width = r.w;
      h.height = r.h;
      for (const char* key : {"x", "y", "width", "height"})
        if (f.optional(key)) fail(tr("venue.error.outline_and_rect", {source, f.element(), key}));
    } else {
      h.x = f.number("x");
      h.y = f.number("y");
      h.width = f.positive("width");
      h.height = f.positive("height");
    }
    if (!(h.width > 0 && h.height > 0)) fail(tr("venue.error.outline", {source, f.element()}));
    const json* aisles = f.list("aisles");
    const json* entrances = f.list("entrances");
    const json* booths = f.list("booths");
    f.finish();
    v.halls.push_back(h);
    if (aisles)
      for (std::size_t i = 0; i < aisles->size(); ++i)
        v.features.push_back(readFeature((*aisles)[i], source, VenueFeatureKind::Aisle, i, h));
    if (entrances)
      for (std::size_t i = 0; i < entrances->size(); ++i)
        v.features.push_back(readFeature((*entrances)[i], source, VenueFeatureKind::Entrance, i, h));
    if (booths)
      for (std::size_t bi = 0; bi < booths->size(); ++bi) {
        const json& bj = (*booths)[bi];
        const std::string bcode =
            bj.is_object() && bj.contains("code") && bj["code"].is_string() ? bj["code"].get<std::string>() : "";
        Fields b(bj, source, elementName("venue.element.booth", bi, bcode.empty() ? "" : bcode));
        Booth booth;
        booth.code = b.text("code");
        if (booth.code.empty()) fail(tr("venue.error.empty_code", {source, b.element()}));
        booth.hall = h.code;
        booth.x = b.number("x");
        booth.y = b.number("y");
        booth.width = b.positive("width");
        booth.depth = b.positive("depth");
        booth.type = b.code("type", BoothType::Inline);
        booth.power = b.flag("power", false);
        booth.status = b.code("status", BoothStatus::Free);
        booth.locked = b.flag("locked", false);
        std::string ref;
        if (const json* e = b.optional("exhibitor")) {
          if (e->is_string())
            ref = e->get<std::string>();
          else if (e->is_number_integer() && e->get<long long>() > 0)
            ref = "#" + std::to_string(e->get<long long>());
          else
            b.wrongType("exhibitor", "venue.type.exhibitor");
        }
        b.finish();
        v.booths.push_back(booth);
        v.exhibitorRefs.push_back(ref);
      }
  }
  validateVenue(v, source);
  return v;
}

Venue readVenueFile(const std::string& path) {
  if (live_files::isLive(path)) throw Error(ErrorKind::Refused, tr("io.error.open_database", {path}));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::NotFound, tr("venue.error.read", {path}));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::Io, tr("venue.error.read", {path}));
  return parseVenue(s.str(), path);
}

void validateVenue(const Venue& v, const std::string& source) {
  if (v.halls.empty()) fail(tr("venue.error.no_hall", {source}));
  std::map<std::string, std::string> used;  // every code of the file -> what holds it
  auto claim = [&](const std::string& code, const std::string& element) {
    auto [it, fresh] = used.emplace(code, element);
    if (!fresh) fail(tr("venue.error.duplicate", {source, element, code, it->second}));
  };
  std::map<std::string, const Hall*> halls;
  for (const auto& h : v.halls) {
    claim(h.code, tr("venue.element.hall", {h.code}));
    halls[h.code] = &h;
    if (!(h.width > 0 && h.height > 0))
      fail(tr("venue.error.not_positive",
              {source, tr("venue.element.hall", {h.code}), "width", Fields::formatNumber(h.width)}));
  }
  // Two rectangular halls may touch but not overlap (a polygon hall may wrap around another's corner).
  for (std::size_t i = 0; i < v.halls.size(); ++i)
    for (std::size_t j = i + 1; j < v.halls.size(); ++j)
      if (v.halls[i].outline.empty() && v.halls[j].outline.empty() && overlaps(rectOf(v.halls[i]), rectOf(v.halls[j])))
        fail(tr("venue.error.halls_overlap", {source, tr("venue.element.hall", {v.halls[j].code}), v.halls[i].code}));
  std::vector<const VenueFeature*> aisles;
  for (const auto& f : v.features) {
    const std::string element = tr(featureElementKey(f.kind), {f.code});
    claim(f.code, element);
    auto hall = halls.find(f.hall);
    if (hall == halls.end()) fail(tr("venue.error.no_such_hall", {source, element, f.hall}));
    if (!(f.width > 0 && f.height > 0))
      fail(tr("venue.error.not_positive",
              {source, element, "width", Fields::formatNumber(std::min(f.width, f.height))}));
    // An entrance is a door: it may straddle the wall. An aisle lies within the hall's rectangle.
    if (f.kind == VenueFeatureKind::Aisle && !contains(rectOf(*hall->second), rectOf(f)))
      fail(tr("venue.error.outside", {source, element, f.hall}));
    if (f.kind == VenueFeatureKind::Aisle) aisles.push_back(&f);
  }
  for (std::size_t i = 0; i < v.booths.size(); ++i) {
    const Booth& b = v.booths[i];
    const std::string element = tr("venue.element.booth", {b.code});
    claim(b.code, element);
    if (!(b.width > 0 && b.depth > 0))
      fail(tr("venue.error.not_positive", {source, element, b.width > 0 ? "depth" : "width",
                                           Fields::formatNumber(b.width > 0 ? b.depth : b.width)}));
    auto hall = halls.find(b.hall);
    if (hall == halls.end()) fail(tr("venue.error.no_such_hall", {source, element, b.hall}));
    if (!insideHall(*hall->second, rectOf(b))) fail(tr("venue.error.outside", {source, element, b.hall}));
    for (const auto* a : aisles)
      if (a->hall == b.hall && overlaps(rectOf(*a), rectOf(b)))
        fail(tr("venue.error.on_aisle", {source, element, a->code}));
    const bool hasExhibitor = (i < v.exhibitorRefs.size() && !v.exhibitorRefs[i].empty()) || b.exhibitor_id.has_value();
    const bool needsExhibitor = b.status == BoothStatus::Assigned || b.status == BoothStatus::Confirmed;
    const std::string status(codeOf(b.status));
    if (needsExhibitor && !hasExhibitor) fail(tr("venue.error.status_needs_exhibitor", {source, element, status}));
    if (hasExhibitor && (b.status == BoothStatus::Free || b.status == BoothStatus::Blocked))
      fail(tr("venue.error.status_without_exhibitor", {source, element, status}));
  }
  // Overlaps: sweep along x so a plan of thousands of booths is checked in a blink.
  std::vector<std::size_t> order(v.booths.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) {
    return v.booths[a].x != v.booths[b].x ? v.booths[a].x < v.booths[b].x : v.booths[a].code < v.booths[b].code;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Rect a = rectOf(v.booths[order[k]]);
    for (std::size_t l = k + 1; l < order.size(); ++l) {
      const Rect b = rectOf(v.booths[order[l]]);
      if (b.x >= a.right() - kEpsilon) break;
      if (overlaps(a, b)) {
        const auto& first = v.booths[std::min(order[k], order[l])];
        const auto& second = v.booths[std::max(order[k], order[l])];
        fail(tr("venue.error.overlap", {source, tr("venue.element.booth", {second.code}), first.code}));
      }
    }
  }
}

std::string venueJson(const Venue& v) {
  json root = json::object();
  root["format"] = kFormat;
  root["version"] = kVersion;
  root["name"] = v.name;
  if (v.example) root["example"] = true;
  if (!v.note.empty()) root["note"] = v.note;
  json halls = json::array();
  auto round = [](double x) { return std::round(x * 1000.0) / 1000.0; };
  for (const auto& h : v.halls) {
    json hj = json::object();
    hj["code"] = h.code;
    hj["name"] = h.name;
    if (!h.name_ar.empty()) hj["name_ar"] = h.name_ar;
    hj["zone"] = h.zone;
    if (!h.sectors.empty()) hj["sectors"] = h.sectors;
    if (h.outline.empty()) {
      hj["x"] = round(h.x);
      hj["y"] = round(h.y);
      hj["width"] = round(h.width);
      hj["height"] = round(h.height);
    } else {
      json pts = json::array();
      for (const auto& p : h.outline) pts.push_back({round(p.x), round(p.y)});
      hj["outline"] = pts;
    }
    // Canonical order (by code) so that an export of an import is the same text.
    std::vector<const VenueFeature*> features;
    for (const auto& f : v.features) features.push_back(&f);
    std::sort(features.begin(), features.end(), [](auto* a, auto* b) { return a->code < b->code; });
    for (VenueFeatureKind kind : allValues<VenueFeatureKind>()) {
      json list = json::array();
      for (const VenueFeature* fp : features) {
        const VenueFeature& f = *fp;
        if (f.hall != h.code || f.kind != kind) continue;
        json fj = {{"code", f.code},
                   {"x", round(f.x)},
                   {"y", round(f.y)},
                   {"width", round(f.width)},
                   {"height", round(f.height)}};
        if (!f.label_ar.empty() || !f.label_en.empty()) {
          json label = json::object();
          const std::pair<const char*, const std::string*> texts[] = {
              {"fr", &f.label}, {"ar", &f.label_ar}, {"en", &f.label_en}};
          for (const auto& [lang, text] : texts)
            if (!text->empty()) label[lang] = *text;
          fj["label"] = label;
        } else if (!f.label.empty()) {
          fj["label"] = f.label;
        }
        if (f.main) fj["main"] = true;
        list.push_back(fj);
      }
      if (!list.empty()) hj[std::string(codeOf(kind)) + "s"] = list;
    }
    json booths = json::array();
    std::vector<std::size_t> order(v.booths.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return v.booths[a].code < v.booths[b].code; });
    for (std::size_t i : order) {
      const Booth& b = v.booths[i];
      if (b.hall != h.code) continue;
      json bj = {{"code", b.code},          {"x", round(b.x)},         {"y", round(b.y)},
                 {"width", round(b.width)}, {"depth", round(b.depth)}, {"type", b.type}};
      if (b.power) bj["power"] = true;
      if (b.status != BoothStatus::Free) bj["status"] = b.status;
      if (b.locked) bj["locked"] = true;
      if (i < v.exhibitorRefs.size() && !v.exhibitorRefs[i].empty()) bj["exhibitor"] = v.exhibitorRefs[i];
      booths.push_back(bj);
    }
    hj["booths"] = booths;
    halls.push_back(hj);
  }
  root["halls"] = halls;
  return root.dump(1) + "\n";
}

Venue loadVenue(Store& store) {
  Venue v;
  v.name = store.setting("venue.name").value_or("");
  v.example = store.setting("venue.example").value_or("") == "1";
  v.note = store.setting("venue.note").value_or("");
  v.halls = store.halls();
  v.features = store.venueFeatures();
  v.booths = store.booths();
  std::map<Id, std::string> refs;
  for (const auto& b : v.booths)
    if (b.exhibitor_id && !refs.count(*b.exhibitor_id)) {
      auto x = store.exhibitor(*b.exhibitor_id);
      refs[*b.exhibitor_id] = x && !x->external_id.empty() ? x->external_id : "#" + std::to_string(*b.exhibitor_id);
    }
  for (const auto& b : v.booths) v.exhibitorRefs.push_back(b.exhibitor_id ? refs[*b.exhibitor_id] : "");
  return v;
}

VenueImport importVenue(Store& store, const Venue& venue, const std::string& source) {
  validateVenue(venue, source);
  // Resolve every exhibitor before writing anything.
  std::vector<std::optional<Id>> exhibitors(venue.booths.size());
  std::map<Id, std::string> holder;
  for (std::size_t i = 0; i < venue.booths.size(); ++i) {
    const std::string& ref = i < venue.exhibitorRefs.size() ? venue.exhibitorRefs[i] : "";
    if (ref.empty()) {
      exhibitors[i] = venue.booths[i].exhibitor_id;
      continue;
    }
    std::optional<Id> id;
    if (ref[0] == '#') {
      try {
        const Id n = std::stoll(ref.substr(1));
        if (store.exhibitor(n)) id = n;
      } catch (const std::exception&) {
      }
    } else {
      id = store.exhibitorByExternalId(ref);
    }
    const std::string element = tr("venue.element.booth", {venue.booths[i].code});
    if (!id) fail(tr("venue.error.no_exhibitor", {source, element, ref}));
    if (auto [it, fresh] = holder.emplace(*id, venue.booths[i].code); !fresh)
      fail(tr("venue.error.exhibitor_twice", {source, element, ref, it->second}));
    exhibitors[i] = id;
  }
  VenueImport out;
  store.write([&] {
    store.clearVenue();
    store.setSetting("venue.name", venue.name);
    store.setSetting("venue.example", venue.example ? "1" : "0");
    store.setSetting("venue.note", venue.note);
    for (Hall h : venue.halls) {
      store.insertHall(h);
      ++out.halls;
    }
    for (VenueFeature f : venue.features) {
      store.insertVenueFeature(f);
      ++out.features;
    }
    for (std::size_t i = 0; i < venue.booths.size(); ++i) {
      Booth b = venue.booths[i];
      b.exhibitor_id = exhibitors[i];
      store.insertBooth(b);
      ++out.booths;
      if (b.exhibitor_id) ++out.assigned;
    }
  });
  return out;
}

const std::string& featureLabel(const VenueFeature& f, std::string_view language) {
  if (language == "ar" && !f.label_ar.empty()) return f.label_ar;
  if (language == "en" && !f.label_en.empty()) return f.label_en;
  return f.label;
}

const char* featureElementKey(VenueFeatureKind kind) {
  return kind == VenueFeatureKind::Aisle ? "venue.element.aisle" : "venue.element.entrance";
}

std::string_view olmSouissiExample() {
  for (const auto& f : embeddedVenues())
    if (f.path == "olm-souissi.json") return f.data;
  throw Error(ErrorKind::NotFound, "olm-souissi.json");
}

}  // namespace moussem::booth
