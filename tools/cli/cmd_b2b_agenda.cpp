// `b2b agenda --person ID --out FILE.pdf|FILE.ics [--paper a4|a6]`, `b2b agenda --all --out FILE.pdf`
// and `b2b tables --out FILE.pdf`: personal agendas and table sheets (src/b2b/agenda_pdf.hpp), in the
// language of --lang. Desks may print them (reading the programme is theirs, store/guarded_store.cpp).
#include "b2b/agenda_pdf.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"

namespace moussem::cli {

namespace {

struct AgendaCliOptions {
  Id person = 0;
  bool all = false;
  std::string out, paper = "a4";
};

b2b::AgendaOptions agendaOptions(const Context& ctx, const AgendaCliOptions& o, const std::string& label) {
  b2b::AgendaOptions a;
  a.paper = o.paper;
  a.lang = ctx.lang;
  if (!label.empty()) a.progress = [&ctx, label](double f) { ctx.progress(label, f); };
  return a;
}

}  // namespace

void registerB2bAgenda(CLI::App& b2b, Context& ctx) {
  auto o = std::make_shared<AgendaCliOptions>();
  auto* agenda = b2b.add_subcommand("agenda", tr("cli.help.b2b.agenda.about"));
  auto* person = agenda->add_option("--person", o->person, tr("cli.help.b2b.agenda.person"));
  agenda->add_flag("--all", o->all, tr("cli.help.b2b.agenda.all"))->excludes(person);
  agenda->add_option("--out", o->out, tr("cli.help.b2b.agenda.out"))->required();
  agenda->add_option("--paper", o->paper, tr("cli.help.b2b.agenda.paper"))->check(CLI::IsMember({"a4", "a6"}));
  agenda->callback([&ctx, o] {
    if (!o->all && o->person == 0) throw CLI::ValidationError(tr("agenda.error.person_or_all"));
    ctx.action = [&ctx, o] {
      const std::filesystem::path out = o->out;
      if (o->all) {
        auto ext = out.extension().string();
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".ics") throw Error(ErrorKind::Usage, tr("agenda.error.all_ics"));
        auto store = ctx.open();
        const int n = b2b::writeAllAgendas(*store, out, agendaOptions(ctx, *o, tr("agenda.progress")));
        ctx.print({{"agendas", n}, {"out", out.string()}}, tr("agenda.batch_done", {std::to_string(n), out.string()}));
        return;
      }
      auto store = ctx.open();
      const b2b::AgendaData a = b2b::writePersonAgenda(*store, o->person, out, agendaOptions(ctx, *o, ""));
      ctx.print({{"person", o->person}, {"meetings", a.meetings.size()}, {"out", out.string()}},
                tr("agenda.done", {names::latin(a.person), std::to_string(a.meetings.size()), out.string()}));
    };
  });

  auto* tables = b2b.add_subcommand("tables", tr("cli.help.b2b.tables.about"));
  tables->add_option("--out", o->out, tr("cli.help.b2b.tables.out"))->required();
  tables->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      const int n = b2b::writeTableSheets(*store, o->out, agendaOptions(ctx, *o, tr("tables.progress")));
      ctx.print({{"tables", n}, {"out", o->out}}, tr("tables.done", {std::to_string(n), o->out}));
    };
  });
}

}  // namespace moussem::cli
