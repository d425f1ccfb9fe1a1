// `badge payload|render|reprint|revoke` and `keys export-public`.
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "badge/badge_batch.hpp"
#include "badge/badge_render.hpp"
#include "badge/badge_service.hpp"
#include "badge/printing.hpp"
#include "cli_context.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "core/time_zone.hpp"

namespace moussem::cli {

namespace {

struct BadgeOptions {
  long long person = 0, exhibitor = 0;
  bool all = false, not_printed = false, again = false;
  int limit = 50;
  std::string category, out, tmpl = "a6", reason, file, printer, paper;
};

// The selection options shared by render and print: one person, everyone, a category or an exhibitor's
// staff, optionally only those whose current badge was never printed.
struct Selection {
  CLI::Option *person, *all, *category, *exhibitor, *not_printed;
};

Selection addSelection(CLI::App* sub, const std::shared_ptr<BadgeOptions>& o) {
  Selection s{};
  s.person = sub->add_option("--person", o->person, tr("cli.help.badge.select.person"));
  s.all = sub->add_flag("--all", o->all, tr("cli.help.badge.select.all"));
  s.category = sub->add_option("--category", o->category, tr("cli.help.badge.select.category"));
  s.exhibitor = sub->add_option("--exhibitor", o->exhibitor, tr("cli.help.badge.select.exhibitor"));
  s.not_printed = sub->add_flag("--not-printed", o->not_printed, tr("cli.help.badge.select.not-printed"));
  s.person->excludes(s.all, s.category, s.exhibitor, s.not_printed);
  s.all->excludes(s.category, s.exhibitor);
  return s;
}

void requireSelection(const Selection& s, const char* command) {
  if (s.person->count() + s.all->count() + s.category->count() + s.exhibitor->count() + s.not_printed->count() == 0)
    throw CLI::ValidationError(command, "one of --person, --all, --category, --exhibitor or --not-printed is required");
}

std::vector<Id> selectedPeople(Store& store, const BadgeOptions& o) {
  if (o.person) {
    if (!store.person(o.person))
      throw Error(ErrorKind::NotFound, tr("badge.error.no_person", {std::to_string(o.person)}));
    return {o.person};
  }
  if (o.exhibitor && !store.exhibitor(o.exhibitor))
    throw Error(ErrorKind::NotFound, tr("cli.error.no_exhibitor", {std::to_string(o.exhibitor)}));
  return store.peopleMatching({o.category, o.exhibitor, o.not_printed});
}

Operator whoIsHere() {
  return {stationName(), systemUserName()};
}

BadgeService serviceFor(Store& store, const Context& ctx) {
  return BadgeService(store, BadgeService::keyBeside(ctx.databasePath()), whoIsHere());
}

std::string extensionOf(const std::string& path) {
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

nlohmann::json badgeJson(Id person, const Badge& b) {
  return {{"person", person}, {"serial", b.serial}, {"version", b.version}, {"status", b.status}};
}

}  // namespace

void registerBadge(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BadgeOptions>();
  auto* badge = app.add_subcommand("badge", tr("cli.help.badge.about"));
  badge->require_subcommand(1);

  auto* payload = badge->add_subcommand("payload", tr("cli.help.badge.payload.about"));
  payload->add_option("--person", o->person, tr("cli.help.badge.person-id"))->required();
  payload->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto svc = serviceFor(*store, ctx);
      std::string text = svc.payload(o->person);
      auto j = badgeJson(o->person, *store->badgeOfPerson(o->person));
      j["payload"] = text;
      ctx.print(j, text);
    };
  });

  auto* render = badge->add_subcommand("render", tr("cli.help.badge.render.about"));
  Selection renderSel = addSelection(render, o);
  render->add_option("--out", o->out, tr("cli.help.badge.render.out"))->required();
  render->add_option("--template", o->tmpl, tr("cli.help.badge.template"));
  render->callback([&ctx, o, renderSel] {
    requireSelection(renderSel, "badge render");
    ctx.action = [&ctx, o] {
      const std::string ext = extensionOf(o->out);
      if (ext != "pdf" && ext != "png") throw Error(ErrorKind::Usage, tr("cli.error.render_ext", {o->out}));
      auto store = ctx.open();
      auto svc = serviceFor(*store, ctx);
      std::vector<Id> ids = selectedPeople(*store, *o);
      if (ids.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
      BadgeRenderer renderer(loadTemplate(o->tmpl));
      const std::size_t n = renderBatch(
          *store, svc, ids, renderer, o->out, [&](const std::string& stage, std::size_t done, std::size_t total) {
            ctx.progress(tr("badge.progress." + stage), static_cast<double>(done) / static_cast<double>(total));
          });
      ctx.print({{"out", o->out}, {"badges", n}, {"template", renderer.badgeTemplate().name}},
                trn("badge.rendered", static_cast<long long>(n)) + " → " + o->out);
    };
  });

  auto* print = badge->add_subcommand("print", tr("cli.help.badge.print.about"));
  Selection printSel = addSelection(print, o);
  print->add_option("--printer", o->printer, tr("cli.help.badge.print.printer"));
  print->add_option("--paper", o->paper, tr("cli.help.badge.print.paper"));
  print->add_option("--template", o->tmpl, tr("cli.help.badge.template"));
  print->add_flag("--again", o->again, tr("cli.help.badge.print.again"));
  print->callback([&ctx, o, printSel] {
    requireSelection(printSel, "badge print");
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto svc = serviceFor(*store, ctx);
      std::vector<Id> ids = selectedPeople(*store, *o);
      if (ids.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
      PrintSettings settings = stationPrintSettings(*store, whoIsHere().station);
      if (!o->printer.empty()) settings.printer = o->printer;
      if (!o->paper.empty()) settings.paper = o->paper;
      if (!printerChosen(settings, listPrinters()))
        throw Error(ErrorKind::Refused, tr("print.error.no_printer") + " " + tr("cli.print.no_printer_hint"));
      BadgeRenderer renderer(loadTemplate(o->tmpl));
      PrintOutcome r = printBatch(*store, svc, ids, renderer, settings, o->again,
                                  [&](const std::string& stage, std::size_t done, std::size_t total) {
                                    ctx.progress(tr("badge.progress." + stage),
                                                 static_cast<double>(done) / static_cast<double>(total));
                                  });
      std::string printer = r.printer.empty() ? tr("print.default_printer") : r.printer;
      ctx.print(
          {{"printer", r.printer}, {"job", r.job}, {"badges", r.badges}},
          tr("print.sent", {trn("badge.count", static_cast<long long>(r.badges)), printer, std::to_string(r.job)}));
    };
  });

  auto* log = badge->add_subcommand("log", tr("cli.help.badge.log.about"));
  log->add_option("--person", o->person, tr("cli.help.badge.log.person"));
  log->add_option("--limit", o->limit, tr("cli.help.badge.log.limit"))->check(CLI::PositiveNumber);
  log->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto records = store->printLog(o->person, o->limit);
      nlohmann::json j = nlohmann::json::array();
      std::string text;
      for (const auto& r : records) {
        j.push_back({{"person", r.person_id},
                     {"serial", r.serial},
                     {"version", r.version},
                     {"station", r.station},
                     {"operator", r.operator_name},
                     {"at", r.at}});
        text += tz::dateTime(r.at) + "  " + r.serial + " v" + std::to_string(r.version) + "  " + r.station + "  " +
                r.operator_name + "\n";
      }
      if (records.empty()) text = tr("print.log_empty") + "\n";
      ctx.print(j, text.substr(0, text.size() - 1));
    };
  });

  for (BadgeAction action : {BadgeAction::Reprint, BadgeAction::Revoke}) {
    const bool isReprint = action == BadgeAction::Reprint;
    auto* sub = badge->add_subcommand(std::string(codeOf(action)), isReprint ? tr("cli.help.badge.reprint.about")
                                                                             : tr("cli.help.badge.revoke.about"));
    sub->add_option("--person", o->person, tr("cli.help.badge.person-id"))->required();
    sub->add_option("--reason", o->reason, tr("cli.help.badge.reason"))->required();
    sub->callback([&ctx, o, isReprint] {
      ctx.action = [&ctx, o, isReprint] {
        auto store = ctx.open();
        auto svc = serviceFor(*store, ctx);
        Badge b = isReprint ? svc.reprint(o->person, o->reason) : svc.revoke(o->person, o->reason);
        ctx.print(badgeJson(o->person, b),
                  tr(isReprint ? "badge.reprinted" : "badge.revoked", {b.serial, std::to_string(b.version)}));
      };
    });
  }

  auto* printer = app.add_subcommand("printer", tr("cli.help.printer.about"));
  printer->require_subcommand(1);
  auto* plist = printer->add_subcommand("list", tr("cli.help.printer.list.about"));
  plist->callback([&ctx] {
    ctx.action = [&ctx] {
      nlohmann::json j = nlohmann::json::array();
      std::string text;
      for (const auto& p : listPrinters()) {
        j.push_back({{"name", p.name},
                     {"description", p.description},
                     {"location", p.location},
                     {"state", p.state},
                     {"accepting", p.accepting},
                     {"default", p.is_default}});
        text += (p.is_default ? "* " : "  ") + p.name + "  " + tr("print.state." + p.state) +
                (p.description.empty() ? "" : "  " + p.description) + "\n";
      }
      if (j.empty()) text = tr("print.none_found") + "\n";
      ctx.print(j, text.substr(0, text.size() - 1));
    };
  });
  auto* puse = printer->add_subcommand("use", tr("cli.help.printer.use.about"));
  puse->add_option("name", o->printer, tr("cli.help.printer.use.name"))->required();
  puse->add_option("--paper", o->paper, tr("cli.help.printer.use.paper"));
  puse->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const std::string station = whoIsHere().station;
      saveStationPrintSettings(*store, station, {o->printer, o->paper});
      ctx.print({{"station", station}, {"printer", o->printer}, {"paper", o->paper}},
                tr("print.station_set", {station, o->printer}));
    };
  });
  auto* pshow = printer->add_subcommand("show", tr("cli.help.printer.show.about"));
  pshow->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      const std::string station = whoIsHere().station;
      PrintSettings s = stationPrintSettings(*store, station);
      ctx.print({{"station", station}, {"printer", s.printer}, {"paper", s.paper}},
                station + ": " + (s.printer.empty() ? tr("print.default_printer") : s.printer) +
                    (s.paper.empty() ? "" : " (" + s.paper + ")"));
    };
  });

  auto* keys = app.add_subcommand("keys", tr("cli.help.keys.about"));
  keys->require_subcommand(1);
  auto* exportPublic = keys->add_subcommand("export-public", tr("cli.help.keys.export-public.about"));
  exportPublic->add_option("file", o->file, tr("cli.help.keys.export-public.file"))->required();
  exportPublic->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto ed = store->edition();
      if (!ed) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
      PartialFile file(o->file, "render.error.write");
      std::ofstream out(file.handle(), std::ios::trunc);
      out << "moussem-public-key 1\nedition " << ed->uid << "\npublic " << ed->public_key << "\n";
      out.close();
      if (!out) file.fail("I/O");
      file.publish();
      ctx.print({{"file", o->file}, {"edition", ed->uid}, {"public_key", ed->public_key}},
                tr("keys.exported", {o->file}));
    };
  });
}

}  // namespace moussem::cli
