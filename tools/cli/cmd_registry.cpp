// `import`, `export`, `list` and `show` of exhibitors and participants (PRODUCT.md, command line).
#include <iostream>
#include <sstream>

#include "cli_context.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/registry.hpp"

namespace moussem::cli {

namespace {

io::Entity entityOf(const std::string& what) {
  return what == "exhibitors" ? io::Entity::Exhibitors : io::Entity::Participants;
}

std::string line(const Exhibitor& x) {
  return std::to_string(x.id) + "  " + x.name_fr + (x.name_ar.empty() ? "" : "  " + x.name_ar) + "  · " + x.sector +
         " · " + x.region + (x.phone.empty() ? "" : " · " + x.phone) + (x.email.empty() ? "" : " · " + x.email);
}

std::string line(const Person& p) {
  return std::to_string(p.id) + "  " + names::latin(p) + (names::secondary(p, "fr").empty() ? "" : "  " + p.name_ar) +
         "  · " + p.category + (p.organization.empty() ? "" : " · " + p.organization) +
         (p.phone.empty() ? "" : " · " + p.phone) + (p.email.empty() ? "" : " · " + p.email);
}

struct Options {
  std::string what, file, search, separator = ";";
  long long limit = 0;
  Id id = 0;
  bool dry_run = false, skip_invalid = false;
};

void runImport(const Context& ctx, const Options& o) {
  auto store = ctx.open();
  Registry registry(*store);
  io::ImportOptions io;
  io.dry_run = o.dry_run;
  io.skip_invalid = o.skip_invalid;
  io.progress = [&ctx](double f) { ctx.progress(tr("import.progress"), f); };
  io::ImportReport r = io::importFile(registry, entityOf(o.what), o.file, io);
  nlohmann::json errors = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& e : r.errors) {
    errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    text << r.file << ":" << e.line << (e.column.empty() ? "" : ": " + e.column) << ": " << e.message << "\n";
  }
  for (const auto& c : r.ignored_columns) text << tr("import.ignored_column", {c}) << "\n";
  const bool refused = !r.errors.empty() && !o.skip_invalid;
  text << tr(o.dry_run ? "import.summary.dry_run"
             : refused ? "import.summary.refused"
                       : "import.summary",
             {std::to_string(r.rows), std::to_string(r.created), std::to_string(r.updated), std::to_string(r.unchanged),
              std::to_string(r.skipped)});
  nlohmann::json j{{"file", r.file},           {"rows", r.rows},
                   {"created", r.created},     {"updated", r.updated},
                   {"unchanged", r.unchanged}, {"skipped", r.skipped},
                   {"errors", errors},         {"ignored_columns", r.ignored_columns},
                   {"written", r.written},     {"dry_run", o.dry_run}};
  if (refused) {
    // Exit code 1, nothing written; the report still goes out in full.
    if (ctx.json) std::cout << j.dump() << "\n";
    throw Error(ErrorKind::Invalid, text.str());
  }
  ctx.print(j, text.str());
}

void runList(const Context& ctx, const Options& o) {
  auto store = ctx.open();
  nlohmann::json arr = nlohmann::json::array();
  std::ostringstream text;
  const bool exhibitors = o.what == "exhibitors";
  const auto limit = static_cast<std::size_t>(o.limit > 0 ? o.limit : 0);
  std::size_t n = 0;
  if (!o.search.empty()) {
    Registry registry(*store);
    registry.loadIndex();
    auto result = registry.search(o.search, limit ? limit : 1000000);
    for (const auto& h : result.hits) {
      if ((h.kind == SearchIndex::Kind::Exhibitor) != exhibitors) continue;
      if (exhibitors) {
        auto x = store->exhibitor(h.id);
        arr.push_back(nlohmann::json(*x));
        text << line(*x) << "\n";
      } else {
        auto p = store->person(h.id);
        arr.push_back(nlohmann::json(*p));
        text << line(*p) << "\n";
      }
    }
  } else if (exhibitors) {
    store->forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
      if (limit && n >= limit) return;
      ++n;
      if (ctx.json)
        arr.push_back(nlohmann::json(x));
      else
        text << line(x) << "\n";
    });
  } else {
    store->forEachPerson([&](const Person& p, const std::string&) {
      if (limit && n >= limit) return;
      ++n;
      if (ctx.json)
        arr.push_back(nlohmann::json(p));
      else
        text << line(p) << "\n";
    });
  }
  ctx.print(arr, text.str());
}

void runShow(const Context& ctx, const Options& o) {
  auto store = ctx.open();
  if (o.what == "exhibitors" || o.what == "exhibitor") {
    auto x = store->exhibitor(o.id);
    if (!x) throw Error(ErrorKind::NotFound, tr("registry.error.no_exhibitor", {std::to_string(o.id)}));
    nlohmann::json j = nlohmann::json(*x);
    std::ostringstream text;
    for (auto it = j.begin(); it != j.end(); ++it)
      text << it.key() << ": " << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
    ctx.print(j, text.str());
    return;
  }
  auto p = store->person(o.id);
  if (!p) throw Error(ErrorKind::NotFound, tr("registry.error.no_person", {std::to_string(o.id)}));
  nlohmann::json j = nlohmann::json(*p);
  if (auto b = store->badgeOfPerson(p->id))
    j["badge"] = {{"serial", b->serial}, {"version", b->version}, {"status", b->status}};
  std::ostringstream text;
  for (auto it = j.begin(); it != j.end(); ++it)
    text << it.key() << ": " << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
  ctx.print(j, text.str());
}

}  // namespace

void registerRegistry(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<Options>();
  const std::vector<std::string> kinds{"exhibitors", "participants"};

  auto* imp = app.add_subcommand("import", tr("cli.help.import.about"));
  imp->add_option("what", o->what, tr("cli.help.registry.kinds"))->required()->check(CLI::IsMember(kinds));
  imp->add_option("file", o->file, tr("cli.help.import.file"))->required();
  imp->add_flag("--dry-run", o->dry_run, tr("cli.help.import.dry-run"));
  imp->add_flag("--skip-invalid", o->skip_invalid, tr("cli.help.import.skip-invalid"));
  imp->callback([&ctx, o] { ctx.action = [&ctx, o] { runImport(ctx, *o); }; });

  auto* exp = app.add_subcommand("export", tr("cli.help.export.about"));
  exp->add_option("what", o->what, tr("cli.help.export.what"))
      ->required()
      ->check(CLI::IsMember({"exhibitors", "participants", "scans"}));
  exp->add_option("file", o->file, tr("cli.help.export.file"))->required();
  exp->add_option("--separator", o->separator, tr("cli.help.export.separator"))
      ->check(CLI::IsMember({";", ",", "tab"}));
  exp->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      io::ExportOptions eo;
      eo.separator = o->separator == "tab" ? '\t' : o->separator[0];
      eo.progress = [&ctx](double f) { ctx.progress(tr("export.stage"), f); };
      std::size_t n = o->what == "scans" ? io::exportScans(*store, o->file, eo)
                                         : io::exportFile(*store, entityOf(o->what), o->file, eo);
      ctx.print({{"file", o->file}, {"records", n}},
                tr(o->what == "scans" ? "export.scans_done" : "export.done", {std::to_string(n), o->file}));
    };
  });

  auto* list = app.add_subcommand("list", tr("cli.help.list.about"));
  list->add_option("what", o->what, tr("cli.help.registry.kinds"))->required()->check(CLI::IsMember(kinds));
  list->add_option("--search", o->search, tr("cli.help.list.search"));
  list->add_option("--limit", o->limit, tr("cli.help.list.limit"))->check(CLI::Range(1LL, 100000000LL));
  list->callback([&ctx, o] { ctx.action = [&ctx, o] { runList(ctx, *o); }; });

  auto* show = app.add_subcommand("show", tr("cli.help.show.about"));
  show->add_option("what", o->what, tr("cli.help.show.what"))
      ->required()
      ->check(CLI::IsMember({"exhibitor", "exhibitors", "participant", "participants", "person"}));
  show->add_option("id", o->id, tr("cli.help.show.id"))->required();
  show->callback([&ctx, o] { ctx.action = [&ctx, o] { runShow(ctx, *o); }; });
}

}  // namespace moussem::cli
