// The automatic allocation on the plan (see plan_allocation.hpp).
#include "ui/screens/plan_allocation.hpp"

#include <map>
#include <mutex>

#include "booth/allocator.hpp"
#include "core/i18n.hpp"

namespace moussem::ui {

struct PlanAllocation::Pending {
  std::mutex mutex;
  booth::Problem problem;
  std::optional<booth::AllocationResult> result;
};

struct PlanAllocation::Preview {
  booth::Problem problem;
  booth::Allocation allocation;
  std::vector<int> holder;  // by booth index: exhibitor index in the preview
};

PlanAllocation::PlanAllocation(Store& store) : store_(store) {}
PlanAllocation::~PlanAllocation() = default;

bool PlanAllocation::start(std::string& error) {
  auto pending = std::make_shared<Pending>();
  try {
    pending->problem = booth::loadProblem(store_);  // once, on the UI thread: the worker sees no database
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  pending_ = pending;
  return task_.start([pending](BackgroundTask::Context& ctx) {
    ctx.setStage("allocate.progress");
    booth::AllocatorOptions options;
    options.progress = [&ctx](double f) { ctx.fraction = f; };
    options.cancelled = [&ctx] { return ctx.cancel.load(); };
    auto result = booth::allocate(pending->problem, options);
    std::lock_guard lock(pending->mutex);
    pending->result = std::move(result);
    return std::string();
  });
}

std::optional<PlanAllocation::Outcome> PlanAllocation::poll(const std::vector<PlanBooth>& booths,
                                                            const std::function<int(Id)>& exhibitorIndex) {
  auto outcome = task_.poll();
  if (!outcome) return std::nullopt;
  auto pending = std::move(pending_);
  if (!outcome->ok || !pending)
    return Outcome{false, outcome->message.empty() ? tr("allocate.cancelled") : outcome->message};
  std::lock_guard lock(pending->mutex);
  if (!pending->result) return std::nullopt;
  const auto& result = *pending->result;
  if (result.violations.total() > 0)
    return Outcome{false, tr("allocate.error.violations", {std::to_string(result.violations.total())})};
  auto preview = std::make_unique<Preview>();
  preview->problem = std::move(pending->problem);
  preview->allocation = result.allocation;
  std::map<Id, int> boothById;
  for (std::size_t i = 0; i < booths.size(); ++i) boothById[booths[i].booth.id] = static_cast<int>(i);
  preview->holder.resize(booths.size());
  for (std::size_t i = 0; i < booths.size(); ++i) preview->holder[i] = booths[i].holder;
  const auto& p = preview->problem;
  for (const auto& pb : p.booths)
    if (pb.movable && boothById.count(pb.id)) preview->holder[boothById[pb.id]] = -1;
  for (std::size_t e = 0; e < p.exhibitors.size(); ++e) {
    const int b = preview->allocation.boothOf[e];
    if (b < 0 || !boothById.count(p.booths[b].id)) continue;
    preview->holder[boothById[p.booths[b].id]] = exhibitorIndex(p.exhibitors[e].id);
  }
  changedBooths_.assign(booths.size(), false);
  changes_ = 0;
  for (std::size_t i = 0; i < booths.size(); ++i)
    if (preview->holder[i] != booths[i].holder) {
      changedBooths_[i] = true;
      ++changes_;
    }
  int wanting = 0;
  for (const auto& x : p.exhibitors) wanting += x.wantsBooth;
  summary_ = tr("plan.preview.summary", {std::to_string(result.score.assigned), std::to_string(wanting),
                                         std::to_string(changes_), std::to_string(result.unmet.size())});
  preview_ = std::move(preview);
  return Outcome{true, summary_};
}

int PlanAllocation::holder(int booth) const {
  return preview_ && booth >= 0 && booth < static_cast<int>(preview_->holder.size()) ? preview_->holder[booth] : -1;
}

bool PlanAllocation::changed(int booth) const {
  return preview_ && booth >= 0 && booth < static_cast<int>(changedBooths_.size()) && changedBooths_[booth];
}

std::optional<PlanAllocation::Chosen> PlanAllocation::take() {
  if (!preview_) return std::nullopt;
  Chosen chosen{std::move(preview_->problem), std::move(preview_->allocation)};
  preview_.reset();
  changedBooths_.clear();
  return chosen;
}

void PlanAllocation::discard() {
  preview_.reset();
  changedBooths_.clear();
  changes_ = 0;
}

}  // namespace moussem::ui
