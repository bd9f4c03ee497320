#include "rollup.h"

#include "domain/rules.h"
#include "eventdata.h"
#include "storage/repositories.h"

using namespace ery::storage;

namespace ery::services {

using namespace domain;

Status Rollup::afterOperationChange(WriteTx &tx, const Scope &scope, OperationContext &ctx)
{
    const QString opStatus = str(ctx.operation, "status");
    const QString partId = str(ctx.part, "id");
    const QString jobId = str(ctx.job, "id");

    // Part.
    Row partPatch = Row::object();
    const QString partStatus = str(ctx.part, "status");
    const char *partEvent = nullptr;
    if (opStatus == status::InProgress && partStatus == status::NotStarted) {
        partPatch["status"] = toStd(status::InProgress);
        partEvent = "part.started";
    } else if (opStatus == status::Completed && partStatus != status::Completed) {
        Result<Rows> ops = Rows{};
        if (ctx.partOperations) {
            ops = *ctx.partOperations;
            for (auto &o : *ops)
                if (o["id"] == ctx.operation["id"])
                    o = ctx.operation;
        } else {
            ops = repo().operationsOfPart(tx.db(), scope, partId);
            if (!ops)
                return ops.error();
        }
        const bool allDone = std::all_of(ops->begin(), ops->end(), [](const Row &o) { return str(o, "status") == status::Completed; });
        if (allDone) {
            partPatch["status"] = toStd(status::Completed);
            partPatch["completed_at"] = toStd(nowIso());
            partEvent = "part.completed";
        }
    }
    auto partCell = repo().currentCellOfPart(tx.db(), scope, partId);
    if (!partCell)
        return partCell.error();
    const Json partCellJson = partCell->isEmpty() ? Json(nullptr) : Json(toStd(*partCell));
    if (ctx.part["current_cell_id"] != partCellJson)
        partPatch["current_cell_id"] = partCellJson;
    if (!partPatch.empty()) {
        auto p = repo().parts.update(tx, scope, ctx.part, partPatch);
        if (!p)
            return p.error();
        ctx.part = std::move(*p);
        if (partEvent)
            tx.emitEvent(scope.tenantId, QString::fromLatin1(partEvent), partId, m_eventData.partData(ctx.part, ctx.job),
                         ctx.topicContext());
    }

    // Job.
    Row jobPatch = Row::object();
    const QString jobStatus = str(ctx.job, "status");
    const char *jobEvent = nullptr;
    if (opStatus == status::InProgress && jobStatus == status::NotStarted) {
        jobPatch["status"] = toStd(status::InProgress);
        jobPatch["started_at"] = toStd(nowIso());
        jobEvent = "job.started";
    } else if (partEvent && QLatin1String(partEvent) == QLatin1String("part.completed") && jobStatus != status::Completed) {
        auto parts = repo().partsOfJob(tx.db(), scope, jobId);
        if (!parts)
            return parts.error();
        const bool allDone = std::all_of(parts->begin(), parts->end(), [](const Row &p) { return str(p, "status") == status::Completed; });
        if (allDone) {
            jobPatch["status"] = toStd(status::Completed);
            jobPatch["completed_at"] = toStd(nowIso());
            jobEvent = "job.completed";
        }
    }
    auto jobCell = repo().currentCellOfJob(tx.db(), scope, jobId);
    if (!jobCell)
        return jobCell.error();
    const Json jobCellJson = jobCell->isEmpty() ? Json(nullptr) : Json(toStd(*jobCell));
    if (ctx.job["current_cell_id"] != jobCellJson)
        jobPatch["current_cell_id"] = jobCellJson;
    if (!jobPatch.empty()) {
        auto j = repo().jobs.update(tx, scope, ctx.job, jobPatch);
        if (!j)
            return j.error();
        ctx.job = std::move(*j);
        if (jobEvent) {
            Json data = m_eventData.jobData(ctx.job);
            data["previous_status"] = toStd(jobStatus);
            data["new_status"] = ctx.job["status"];
            data["triggered_by"] = "rollup";
            tx.emitEvent(scope.tenantId, QString::fromLatin1(jobEvent), jobId, data, ctx.topicContext());
        }
    }
    return {};
}

} // namespace ery::services
