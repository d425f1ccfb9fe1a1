// `b2b session add|list`, `b2b place add|list`, `b2b request add|list`, `b2b import requests`: the
// forum's B2B programme from the command line, through the same moussem_b2b services the screens use.
// `b2b schedule` and `b2b import availability`: the schedule planned from the store (a preview with
// --dry-run) and applied, who is at which session.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "b2b/availability.hpp"
#include "b2b/b2b_service.hpp"
#include "b2b/lp_export.hpp"
#include "b2b/schedule_service.hpp"
#include "cli_context.hpp"
#include "core/atomic_file.hpp"
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
  std::uint64_t seed = 1;
  bool freeze = false;
  std::string export_lp;
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

void importRequests(const Context& ctx, const B2bOptions& o, bool availability = false) {
  auto store = ctx.open();
  io::ImportOptions io;
  io.dry_run = o.dry_run;
  io.skip_invalid = o.skip_invalid;
  io.progress = [&ctx](double f) { ctx.progress(tr("import.progress"), f); };
  const io::ImportReport r =
      availability ? b2b::importAvailability(*store, o.file, io) : b2b::importRequests(*store, o.file, io);
  nlohmann::json errors = nlohmann::json::array();
  std::ostringstream text;
  for (const auto& e : r.errors) {
    errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    text << r.file << ":" << e.line << (e.column.empty() ? "" : ": " + e.column) << ": " << e.message << "\n";
  }
  const bool refused = !r.errors.empty() && !o.skip_invalid;
  if (availability)
    text << tr(o.dry_run ? "b2b.availability.dry_run"
               : refused ? "b2b.availability.refused"
                         : "b2b.availability.done",
               {std::to_string(r.rows), std::to_string(r.created + r.updated), std::to_string(r.skipped)});
  else
    text << tr(o.dry_run ? "b2b.import.dry_run"
               : refused ? "b2b.import.refused"
                         : "b2b.import.done",
               {std::to_string(r.rows), std::to_string(r.created), std::to_string(r.skipped)});
  nlohmann::json j{{"file", r.file},   {"rows", r.rows},       {"created", r.created}, {"skipped", r.skipped},
                   {"errors", errors}, {"written", r.written}, {"dry_run", o.dry_run}};
  if (availability) j["updated"] = r.updated, j["unchanged"] = r.unchanged;
  if (refused) {
    if (ctx.json) std::cout << j.dump() << "\n";
    throw Error(ErrorKind::Invalid, text.str());
  }
  ctx.print(j, text.str());
}

// `b2b schedule`: the preview, then (without --dry-run or --export-lp) the schedule written.
void scheduleCommand(const Context& ctx, const B2bOptions& o) {
  auto store = ctx.open();
  nlohmann::json out;
  const bool dryRun = o.dry_run || !o.export_lp.empty();
  if (!dryRun) {  // refused before the work, not after it
    store->checkWritable();
    store->checkPermission(Permission::ManageB2b);
  }
  b2b::PlanOptions po;
  po.seed = o.seed;
  po.progress = [&ctx](double f) { ctx.progress(tr("b2b.schedule.progress"), f); };
  const b2b::ScheduleOutcome plan = b2b::planSchedule(*store, po);
  const auto& in = plan.in;
  const auto& problem = in.problem;
  if (!o.export_lp.empty()) {
    std::vector<b2b::Meeting> frozen;
    for (const auto& m : in.previous)
      if (m.frozen) frozen.push_back(m);
    PartialFile file(o.export_lp, "io.error.write_because");
    std::ofstream f(file.handle(), std::ios::binary | std::ios::trunc);
    if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {o.export_lp}));
    const auto stats = b2b::writeLp(problem, f, {}, frozen);
    f.close();
    if (!f) throw Error(ErrorKind::Io, tr("allocate.error.lp_write", {o.export_lp}));
    file.publish();
    out["lp"] = {{"file", o.export_lp},
                 {"variables", stats.variables},
                 {"constraints", stats.constraints},
                 {"exact", stats.exact}};
  }
  const int hard = plan.violations.total();
  if (hard > 0) throw Error(ErrorKind::Refused, tr("b2b.schedule.violations", {std::to_string(hard)}));
  if (!dryRun) b2b::applySchedule(*store, plan, o.freeze);

  out["requested"] = plan.score.requested;
  out["scheduled"] = plan.score.scheduled;
  out["objective"] = plan.score.objective;
  out["weight"] = plan.score.weight;
  out["idle_gaps"] = plan.score.gaps;
  out["fair"] = plan.score.fair;
  out["hard_violations"] = hard;
  out["seed"] = o.seed;
  out["dry_run"] = dryRun;
  out["frozen"] = !dryRun && o.freeze;
  out["written"] = !dryRun;
  out["seconds"] = plan.result.seconds;
  std::ostringstream text;
  // The meetings in time order, then by place.
  auto meetings = plan.result.schedule.meetings;
  std::sort(meetings.begin(), meetings.end(), [&](const b2b::Meeting& a, const b2b::Meeting& b) {
    return std::tie(a.slot, problem.places[a.place].code) < std::tie(b.slot, problem.places[b.place].code);
  });
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& m : meetings) {
    const std::string start = in.slotStart(m.slot);
    const std::string& place = problem.places[m.place].code;
    arr.push_back({{"buyer", in.personOf[m.buyer]},
                   {"seller", in.personOf[m.seller]},
                   {"buyer_name", in.nameOf[m.buyer]},
                   {"seller_name", in.nameOf[m.seller]},
                   {"start", start},
                   {"place", place},
                   {"session_id", in.sessionIdOf[problem.slots[m.slot].session]},
                   {"slot", problem.slots[m.slot].index},
                   {"frozen", m.frozen || (!dryRun && o.freeze)}});
    text << start.substr(0, 10) << " " << start.substr(11) << "  " << place << "  " << in.nameOf[m.buyer] << " — "
         << in.nameOf[m.seller] << (m.frozen ? "  " + tr("b2b.schedule.published") : "") << "\n";
  }
  out["meetings"] = arr;
  nlohmann::json unplaced = nlohmann::json::array();
  for (const auto& u : plan.result.unplaced) {
    const auto& pr = problem.pairs[u.pair];
    unplaced.push_back({{"buyer", in.personOf[pr.buyer]},
                        {"seller", in.personOf[pr.seller]},
                        {"buyer_name", in.nameOf[pr.buyer]},
                        {"seller_name", in.nameOf[pr.seller]},
                        {"reason", u.reason}});
    text << tr("b2b.schedule.unplaced", {in.nameOf[pr.buyer], in.nameOf[pr.seller], tr("b2b.reason." + u.reason)})
         << "\n";
  }
  out["unplaced"] = unplaced;
  nlohmann::json stranded = nlohmann::json::array();
  for (const auto& s : plan.stranded) {
    stranded.push_back({{"person", in.personOf[s.participant]}, {"name", in.nameOf[s.participant]}});
    text << tr("b2b.schedule.stranded", {in.nameOf[s.participant]}) << "\n";
  }
  out["no_common_slot"] = stranded;
  text << tr(dryRun     ? "b2b.schedule.preview"
             : o.freeze ? "b2b.schedule.published_done"
                        : "b2b.schedule.done",
             {std::to_string(plan.score.scheduled), std::to_string(plan.score.requested),
              std::to_string(plan.score.objective), std::to_string(plan.score.gaps)});
  if (out.contains("lp")) text << "\n" << tr("b2b.schedule.lp", {o.export_lp});
  ctx.print(out, text.str());
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
  auto* availability = imp->add_subcommand("availability", tr("cli.help.b2b.import.availability"));
  availability->add_option("file", o->file, tr("cli.help.b2b.file"))->required();
  availability->add_flag("--dry-run", o->dry_run, tr("cli.help.import.dry-run"));
  availability->add_flag("--skip-invalid", o->skip_invalid, tr("cli.help.import.skip-invalid"));
  availability->callback([&ctx, o] { ctx.action = [&ctx, o] { importRequests(ctx, *o, true); }; });

  auto* sched = b2b->add_subcommand("schedule", tr("cli.help.b2b.schedule.about"));
  sched->add_flag("--dry-run", o->dry_run, tr("cli.help.b2b.schedule.dry-run"));
  sched->add_option("--seed", o->seed, tr("cli.help.b2b.schedule.seed"));
  sched->add_flag("--freeze", o->freeze, tr("cli.help.b2b.schedule.freeze"));
  sched->add_option("--export-lp", o->export_lp, tr("cli.help.b2b.schedule.export-lp"));
  sched->callback([&ctx, o] { ctx.action = [&ctx, o] { scheduleCommand(ctx, *o); }; });

  registerB2bAgenda(*b2b, ctx);   // b2b agenda, b2b tables (cmd_b2b_agenda.cpp)
  registerB2bCheckin(*b2b, ctx);  // b2b checkin (cmd_b2b_checkin.cpp)
}

}  // namespace moussem::cli
