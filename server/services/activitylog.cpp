#include "activitylog.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

Status ActivityLog::record(WriteTx &tx, const Scope &scope, const QString &action, const QString &entityType, const QString &entityId,
                           const QString &entityName, const QString &description, const Json &changes)
{
    if (m_paused)
        return {};
    Row row{{"action", toStd(action)},
            {"entity_type", toStd(entityType)},
            {"entity_id", entityId.isEmpty() ? Json(nullptr) : Json(toStd(entityId))},
            {"entity_name", entityName.isEmpty() ? Json(nullptr) : Json(toStd(entityName))},
            {"description", toStd(description)},
            {"changes", changes},
            {"user_id", scope.actorId.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorId))},
            {"user_name", scope.actorName.isEmpty() ? Json(nullptr) : Json(toStd(scope.actorName))}};
    auto r = repo().activity.insert(tx, scope, std::move(row), false);
    if (!r)
        return r.error();
    return {};
}

Result<Page> ActivityLog::list(const Scope &scope, const ListQuery &q)
{
    ListQuery lq = q;
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().activity.list(db(), scope, lq);
}

} // namespace ery::services
