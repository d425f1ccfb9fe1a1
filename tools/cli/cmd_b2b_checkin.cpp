// `b2b checkin`: a meeting held, no-show or cancelled (--meeting ID), held by both badges (--badges A B),
// the replacements a no-show's freed slot allows (--replacements) and one of them written
// (--replace-with PERSON), at the venue's clock or at --at (as `scan --at`). The rules are
// src/b2b/checkin.hpp's; gates and organisers check in, organisers write a replacement.
#include "b2b/checkin.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "gate/gate_profiles.hpp"

namespace moussem::cli {

namespace {

struct CheckinOptions {
  Id meeting = 0;
  bool held = false, no_show = false, cancelled = false, replacements = false;
  std::vector<std::string> badges;
  Id replace_with = 0;
  std::string at;
};

b2b::VenueTime venueTime(const std::string& at) {
  std::optional<gate::Moment> m = at.empty() ? gate::now() : gate::parseMoment(at);
  if (!m) throw Error(ErrorKind::Usage, tr("gate.error.at", {at}));
  return {m->day, m->minute};
}

std::string statusWord(MeetingStatus s) {
  return tr("code.meeting_status." + std::string(codeOf(s)));
}

void runCheckin(const Context& ctx, const CheckinOptions& o) {
  const b2b::VenueTime now = venueTime(o.at);
  auto store = ctx.open();
  if (!o.badges.empty()) {
    const B2bMeeting m = b2b::checkInByBadges(*store, o.badges[0], o.badges[1], now);
    ctx.print({{"meeting", m.id}, {"status", codeOf(m.status)}},
              tr("checkin.done", {std::to_string(m.id), statusWord(m.status)}));
    return;
  }
  if (o.replacements) {
    const auto list = b2b::proposeReplacements(*store, o.meeting, now);
    nlohmann::json rows = nlohmann::json::array();
    std::string text = list.empty() ? tr("checkin.no_replacement", {std::to_string(o.meeting)}) + "\n" : "";
    for (const auto& r : list) {
      rows.push_back({{"stays", r.stays},
                      {"partner", r.partner},
                      {"name", r.partner_name},
                      {"priority", priorityCode(r.priority)},
                      {"weight", r.weight}});
      text += "#" + std::to_string(r.partner) + "  " + r.partner_name + "  " +
              tr("b2b.priority." + std::string(priorityCode(r.priority))) + "\n";
    }
    ctx.print({{"meeting", o.meeting}, {"replacements", rows}}, text);
    return;
  }
  if (o.replace_with != 0) {
    const B2bMeeting m = b2b::acceptReplacement(*store, o.meeting, o.replace_with, now);
    ctx.print({{"meeting", m.id}, {"replaces", o.meeting}, {"buyer", m.buyer}, {"seller", m.seller}},
              tr("checkin.replaced", {std::to_string(m.id), std::to_string(o.meeting)}));
    return;
  }
  const MeetingStatus status = o.held      ? MeetingStatus::Held
                               : o.no_show ? MeetingStatus::NoShow
                                           : MeetingStatus::Cancelled;
  b2b::checkIn(*store, o.meeting, status, now);
  ctx.print({{"meeting", o.meeting}, {"status", codeOf(status)}},
            tr("checkin.done", {std::to_string(o.meeting), statusWord(status)}));
}

}  // namespace

void registerB2bCheckin(CLI::App& b2b, Context& ctx) {
  auto o = std::make_shared<CheckinOptions>();
  auto* sub = b2b.add_subcommand("checkin", tr("cli.help.b2b.checkin.about"));
  auto* meeting = sub->add_option("--meeting", o->meeting, tr("cli.help.b2b.checkin.meeting"));
  auto* held = sub->add_flag("--held", o->held, tr("cli.help.b2b.checkin.held"));
  auto* noShow = sub->add_flag("--no-show", o->no_show, tr("cli.help.b2b.checkin.no-show"));
  auto* cancelled = sub->add_flag("--cancelled", o->cancelled, tr("cli.help.b2b.checkin.cancelled"));
  auto* replacements = sub->add_flag("--replacements", o->replacements, tr("cli.help.b2b.checkin.replacements"));
  auto* replaceWith = sub->add_option("--replace-with", o->replace_with, tr("cli.help.b2b.checkin.replace-with"));
  auto* badges = sub->add_option("--badges", o->badges, tr("cli.help.b2b.checkin.badges"))->expected(2);
  sub->add_option("--at", o->at, tr("cli.help.b2b.checkin.at"));
  badges->excludes(meeting);
  for (auto* a : {held, noShow, cancelled, replacements, replaceWith})
    for (auto* b : {held, noShow, cancelled, replacements, replaceWith})
      if (a != b) a->excludes(b);
  sub->callback([&ctx, o] {
    const int actions = (o->held ? 1 : 0) + (o->no_show ? 1 : 0) + (o->cancelled ? 1 : 0) + (o->replacements ? 1 : 0) +
                        (o->replace_with != 0 ? 1 : 0);
    if (o->badges.empty() && (o->meeting == 0 || actions != 1)) throw CLI::ValidationError(tr("checkin.error.usage"));
    if (!o->badges.empty() && actions != 0) throw CLI::ValidationError(tr("checkin.error.usage"));
    ctx.action = [&ctx, o] { runCheckin(ctx, *o); };
  });
}

}  // namespace moussem::cli
