#include "quotas.h"

#include "core/ids.h"

#include <QDate>
#include <QDateTime>
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

Status Quotas::checkJobs(WriteTx &tx, const Scope &scope, qint64 adding)
{
    auto t = repo().tenants.get(tx.db(), scope.tenantId);
    if (!t)
        return t.error();
    if ((*t)["max_jobs"].is_null())
        return {};
    const qint64 limit = num(*t, "max_jobs");
    auto current = repo().openJobCount(tx.db(), scope);
    if (!current)
        return current.error();
    if (*current + adding > limit)
        return Error::quota(QStringLiteral("jobs"), *current, limit);
    return {};
}

Status Quotas::checkParts(WriteTx &tx, const Scope &scope, qint64 addingQuantity)
{
    auto t = repo().tenants.get(tx.db(), scope.tenantId);
    if (!t)
        return t.error();
    if ((*t)["max_parts_per_month"].is_null())
        return {};
    const qint64 limit = num(*t, "max_parts_per_month");
    const QDate today = QDateTime::fromMSecsSinceEpoch(Clock::nowMs(), Qt::UTC).date();
    const QString monthStart = QDateTime(QDate(today.year(), today.month(), 1), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    auto current = repo().partQuantityThisMonth(tx.db(), scope, monthStart);
    if (!current)
        return current.error();
    if (*current + addingQuantity > limit)
        return Error::quota(QStringLiteral("parts_per_month"), *current, limit);
    return {};
}

} // namespace ery::services
