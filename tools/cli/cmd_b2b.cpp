// `b2b session add|list`, `b2b place add|list`, `b2b request add|list`, `b2b import requests`: the
// forum's B2B programme from the command line, through the same moussem_b2b services the screens use.
#include <sstream>

#include "b2b/b2b_service.hpp"
#include "cli_context.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::cli {

namespace {

struct B2bOptions {
  B2bSession session;
  std::string table, booth, from, to, priority = "should", file;
  double x = 0, y = 0;
  bool dry_run = false, skip_invalid = false;
};

std::string personName(const Person& p) {
  const std::string latin = p.first_name + (p.first_name.empty() ? "" : " ") + p.last_name;
  return latin.empty() ? p.name_ar : latin;
}

void listSessions(const Context& ctx) {
  auto store = ctx.open();
  nlohmann::json arr = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& s : store->b2bSessions()) {
    arr.push_back(s);
    text << "#" << s.id << "  " << s.day << "  " << s.starts << "-" << s.ends << "  "
         << tr("b2b.session.minutes", {std::to_string(s.meeting_minutes), std::to_string(s.changeover_minutes)})
         << (s.breaks.empty() ? "" : "  " + tr("b2b.session.breaks", {s.breaks})) << "\n";
  }
  ctx.print(arr, text.str());
}

void listPlaces(const Context& ctx) {
  auto store = ctx.open();
  nlohmann::json arr = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& p : store->b2bPlaces()) {
    arr.push_back(p);
    text << p.code << "  " << tr("code.b2b_place." + std::string(codeOf(p.kind))) << "\n";
  }
  ctx.print(arr, text.str());
}

void listRequests(const Context& ctx) {
  auto store = ctx.open();
  std::map<Id, Person> people;
  store->forEachPerson([&](const Person& p, const std::string&) { people[p.id] = p; });
  const auto participants = store->b2bParticipants();
  nlohmann::json arr = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& r : store->b2bRequests()) {
    nlohmann::json j = r;
    const Person& a = people[r.from_person];
    const Person& b = people[r.to_person];
    j["from_name"] = personName(a);
    j["to_name"] = personName(b);
    j["from_side"] = codeOf(b2b::sideOf(a, participants));
    arr.push_back(j);
    text << personName(a) << " -> " << personName(b) << "  "
         << (r.refused ? tr("b2b.priority.no") : tr("b2b.priority." + std::string(priorityCode(r.priority)))) << "\n";
  }
  ctx.print(arr, text.str());
}

void importRequests(const Context& ctx, const B2bOptions& o) {
  auto store = ctx.open();
  io::ImportOptions io;
  io.dry_run = o.dry_run;
  io.skip_invalid = o.skip_invalid;
  io.progress = [&ctx](double f) { ctx.progress(tr("import.progress"), f); };
  const io::ImportReport r = b2b::importRequests(*store, o.file, io);
  nlohmann::json errors = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& e : r.errors) {
    errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    text << r.file << ":" << e.line << (e.column.empty() ? "" : ": " + e.column) << ": " << e.message << "\n";
  }
  const bool refused = !r.errors.empty() && !o.skip_invalid;
  text << tr(o.dry_run ? "b2b.import.dry_run"
             : refused ? "b2b.import.refused"
                       : "b2b.import.done",
             {std::to_string(r.rows), std::to_string(r.created), std::to_string(r.skipped)});
  nlohmann::json j{{"file", r.file},   {"rows", r.rows},       {"created", r.created}, {"skipped", r.skipped},
                   {"errors", errors}, {"written", r.written}, {"dry_run", o.dry_run}};
  if (refused) {
    if (ctx.json) std::cout << j.dump() << "\n";
    throw Error(ErrorKind::Invalid, text.str());
  }
  ctx.print(j, text.str());
}

}  // namespace

void registerB2b(CLI::App& app, Context& ctx) {
  auto* b2b = app.add_subcommand("b2b", tr("cli.help.b2b.about"));
  b2b->require_subcommand(1);
  auto o = std::make_shared<B2bOptions>();

  auto* session = b2b->add_subcommand("session", tr("cli.help.b2b.session.about"));
  session->require_subcommand(1);
  auto* sessionAdd = session->add_subcommand("add", tr("cli.help.b2b.session.add"));
  sessionAdd->add_option("--day", o->session.day, tr("cli.help.b2b.day"))->required();
  sessionAdd->add_option("--start", o->session.starts, tr("cli.help.b2b.start"))->required();
  sessionAdd->add_option("--end", o->session.ends, tr("cli.help.b2b.end"))->required();
  sessionAdd->add_option("--meeting", o->session.meeting_minutes, tr("cli.help.b2b.meeting"));
  sessionAdd->add_option("--changeover", o->session.changeover_minutes, tr("cli.help.b2b.changeover"));
  sessionAdd->add_option("--breaks", o->session.breaks, tr("cli.help.b2b.breaks"));
  sessionAdd->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const B2bSession s = b2b::addSession(*store, o->session);
      ctx.print(nlohmann::json(s), tr("b2b.session.added", {std::to_string(s.id), s.day, s.starts, s.ends}));
    };
  });
  session->add_subcommand("list", tr("cli.help.b2b.session.list"))->callback([&ctx] {
    ctx.action = [&ctx] { listSessions(ctx); };
  });

  auto* place = b2b->add_subcommand("place", tr("cli.help.b2b.place.about"));
  place->require_subcommand(1);
  auto* placeAdd = place->add_subcommand("add", tr("cli.help.b2b.place.add"));
  auto* table = placeAdd->add_option("--table", o->table, tr("cli.help.b2b.table"));
  placeAdd->add_option("--booth", o->booth, tr("cli.help.b2b.booth"))->excludes(table);
  placeAdd->add_option("--x", o->x, tr("cli.help.b2b.x"));
  placeAdd->add_option("--y", o->y, tr("cli.help.b2b.y"));
  placeAdd->callback([&ctx, o] {
    if (o->table.empty() && o->booth.empty()) throw CLI::ValidationError(tr("cli.help.b2b.place.add"));
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const B2bPlace p =
          o->table.empty() ? b2b::addBoothPlace(*store, o->booth) : b2b::addTable(*store, o->table, o->x, o->y);
      ctx.print(nlohmann::json(p), tr("b2b.place.added", {p.code}));
    };
  });
  place->add_subcommand("list", tr("cli.help.b2b.place.list"))->callback([&ctx] {
    ctx.action = [&ctx] { listPlaces(ctx); };
  });

  auto* request = b2b->add_subcommand("request", tr("cli.help.b2b.request.about"));
  request->require_subcommand(1);
  auto* requestAdd = request->add_subcommand("add", tr("cli.help.b2b.request.add"));
  requestAdd->add_option("from", o->from, tr("cli.help.b2b.from"))->required();
  requestAdd->add_option("to", o->to, tr("cli.help.b2b.to"))->required();
  requestAdd->add_option("--priority", o->priority, tr("cli.help.b2b.priority"));
  requestAdd->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const B2bRequest r = b2b::addRequest(*store, o->from, o->to, o->priority);
      ctx.print(nlohmann::json(r), tr("b2b.request.added", {o->from, o->to}));
    };
  });
  request->add_subcommand("list", tr("cli.help.b2b.request.list"))->callback([&ctx] {
    ctx.action = [&ctx] { listRequests(ctx); };
  });

  auto* imp = b2b->add_subcommand("import", tr("cli.help.b2b.import.about"));
  imp->require_subcommand(1);
  auto* requests = imp->add_subcommand("requests", tr("cli.help.b2b.import.requests"));
  requests->add_option("file", o->file, tr("cli.help.b2b.file"))->required();
  requests->add_flag("--dry-run", o->dry_run, tr("cli.help.import.dry-run"));
  requests->add_flag("--skip-invalid", o->skip_invalid, tr("cli.help.import.skip-invalid"));
  requests->callback([&ctx, o] { ctx.action = [&ctx, o] { importRequests(ctx, *o); }; });

  registerB2bAgenda(*b2b, ctx);  // b2b agenda, b2b tables (cmd_b2b_agenda.cpp)
}

}  // namespace moussem::cli
