#include "eventcatalog.h"

namespace ery::events {

const QStringList &eventCatalog()
{
    static const QStringList names{
        "job.created",
        "job.updated",
        "job.started",
        "job.stopped",
        "job.resumed",
        "job.completed",
        "job.deleted",
        "part.created",
        "part.updated",
        "part.started",
        "part.completed",
        "operation.started",
        "operation.paused",
        "operation.resumed",
        "operation.completed",
        "operation.updated",
        "time_entry.started",
        "time_entry.stopped",
        "issue.created",
        "issue.approved",
        "issue.rejected",
        "issue.closed",
        "ncr.created",
        "ncr.verified",
        "step.added",
        "step.completed",
        "production.quantity_reported",
        "production.scrap_recorded",
        "batch.started",
        "batch.completed",
        "resource.created",
        "resource.updated",
        "sync.jobs.completed",
        "sync.parts.completed",
        "sync.resources.completed",
        "sync.operations.completed",
        "sync.batch.completed",
        "import.completed",
        "settings.updated",
        "file.attached",
        "file.removed",
    };
    return names;
}

bool eventMatches(const QString &pattern, const QString &eventType)
{
    if (pattern == QLatin1String("*") || pattern == eventType)
        return true;
    if (pattern.endsWith(QLatin1String(".*")))
        return eventType.startsWith(pattern.left(pattern.size() - 1));
    return false;
}

bool eventMatchesAny(const QStringList &patterns, const QString &eventType)
{
    for (const QString &p : patterns)
        if (eventMatches(p, eventType))
            return true;
    return false;
}

} // namespace ery::events
