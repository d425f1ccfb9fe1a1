// `edition set|category|zone`: what the app's Edition screen changes, from the command line: the
// names in three languages, the dates, the venue, the time zone, a badge category's colour and labels,
// a zone's labels. The same rules (core/edition_rules) before anything is written, in one transaction;
// the store refuses a user without manage_edition and writes each change to the audit trail.
#include <optional>

#include "cli_context.hpp"
#include "core/edition_rules.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::cli {

namespace {

struct EditionOptions {
  std::optional<std::string> name_fr, name_ar, name_en, from, to, venue, timezone;
  std::string code;
  std::optional<std::string> color, label_fr, label_ar, label_en;
};

// The first error of a list as the command's refusal, naming the field.
void refuse(const std::vector<FieldError>& errors) {
  if (!errors.empty()) throw Error(ErrorKind::Invalid, errors.front().field + " : " + errors.front().message);
}

}  // namespace

void registerEdition(CLI::App& app, Context& ctx) {
  auto* edition = app.add_subcommand("edition", tr("cli.help.edition.about"));
  edition->require_subcommand(1);
  auto o = std::make_shared<EditionOptions>();

  auto* set = edition->add_subcommand("set", tr("cli.help.edition.set.about"));
  set->add_option("--name-fr", o->name_fr, tr("cli.help.init.edition-name"));
  set->add_option("--name-ar", o->name_ar, tr("cli.help.init.edition-name-ar"));
  set->add_option("--name-en", o->name_en, tr("cli.help.init.edition-name-en"));
  set->add_option("--from", o->from, tr("cli.help.init.from"));
  set->add_option("--to", o->to, tr("cli.help.init.to"));
  set->add_option("--venue", o->venue, tr("cli.help.init.venue"));
  set->add_option("--timezone", o->timezone, tr("cli.help.edition.timezone"));
  set->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto current = store->edition();
      if (!current) throw Error(ErrorKind::NotFound, tr("edition.none"));
      Edition e = *current;
      for (auto [value, field] :
           {std::pair{&o->name_fr, &e.name_fr}, std::pair{&o->name_ar, &e.name_ar}, std::pair{&o->name_en, &e.name_en},
            std::pair{&o->from, &e.starts_on}, std::pair{&o->to, &e.ends_on}, std::pair{&o->venue, &e.venue},
            std::pair{&o->timezone, &e.timezone}})
        if (*value) *field = **value;
      refuse(prepareEdition(e));
      store->saveEdition(e);
      ctx.print({{"name_fr", e.name_fr},
                 {"name_ar", e.name_ar},
                 {"name_en", e.name_en},
                 {"from", e.starts_on},
                 {"to", e.ends_on},
                 {"venue", e.venue},
                 {"timezone", e.timezone}},
                tr("edition.saved"));
    };
  });

  auto* category = edition->add_subcommand("category", tr("cli.help.edition.category.about"));
  category->add_option("code", o->code, tr("cli.help.edition.code"))->required();
  category->add_option("--color", o->color, tr("cli.help.edition.color"));
  category->add_option("--label-fr", o->label_fr, tr("cli.help.edition.label"));
  category->add_option("--label-ar", o->label_ar, tr("cli.help.edition.label"));
  category->add_option("--label-en", o->label_en, tr("cli.help.edition.label"));
  category->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      Category c;
      c.code = o->code;
      c.color = "#1F6FB2";
      bool found = false;
      for (const auto& existing : store->categories())
        if (existing.code == o->code) {
          c = existing;
          found = true;
        }
      if (!found) c.sort = static_cast<int>(store->categories().size());
      if (o->color) c.color = *o->color;
      if (o->label_fr) c.label_fr = *o->label_fr;
      if (o->label_ar) c.label_ar = *o->label_ar;
      if (o->label_en) c.label_en = *o->label_en;
      refuse(prepareCategory(c));
      store->saveCategory(c);
      ctx.print({{"code", c.code},
                 {"color", c.color},
                 {"label_fr", c.label_fr},
                 {"label_ar", c.label_ar},
                 {"label_en", c.label_en}},
                tr("edition.saved"));
    };
  });

  auto* zone = edition->add_subcommand("zone", tr("cli.help.edition.zone.about"));
  zone->add_option("code", o->code, tr("cli.help.edition.code"))->required();
  zone->add_option("--label-fr", o->label_fr, tr("cli.help.edition.label"));
  zone->add_option("--label-ar", o->label_ar, tr("cli.help.edition.label"));
  zone->add_option("--label-en", o->label_en, tr("cli.help.edition.label"));
  zone->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      Zone z;
      z.code = o->code;
      for (const auto& existing : store->zones())
        if (existing.code == o->code) z = existing;
      if (o->label_fr) z.label_fr = *o->label_fr;
      if (o->label_ar) z.label_ar = *o->label_ar;
      if (o->label_en) z.label_en = *o->label_en;
      refuse(prepareZone(z));
      store->saveZone(z);
      ctx.print({{"code", z.code}, {"label_fr", z.label_fr}, {"label_ar", z.label_ar}, {"label_en", z.label_en}},
                tr("edition.saved"));
    };
  });
}

}  // namespace moussem::cli
