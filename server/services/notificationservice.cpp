#include "notificationservice.h"

#include "core/ids.h"
#include "domain/rules.h"
#include "storage/repositories.h"

using namespace ery::domain;
using namespace ery::storage;

namespace ery::services {

Status NotificationService::notify(WriteTx &tx, const Scope &scope, const QString &userId, const QString &type, const QString &severity,
                                   const QString &title, const QString &message, const QString &refType, const QString &refId)
{
    Row row{{"user_id", userId.isEmpty() ? Json(nullptr) : Json(toStd(userId))},
            {"type", toStd(type)},
            {"severity", toStd(domain::notificationSeverity(severity))},
            {"title", toStd(title)},
            {"message", toStd(message)},
            {"reference_type", refType.isEmpty() ? Json(nullptr) : Json(toStd(refType))},
            {"reference_id", refId.isEmpty() ? Json(nullptr) : Json(toStd(refId))}};
    auto r = repo().notifications.insert(tx, scope, std::move(row));
    if (!r)
        return r.error();
    return {};
}

Status NotificationService::notifyAdmins(WriteTx &tx, const Scope &scope, const QString &type, const QString &severity,
                                         const QString &title, const QString &message, const QString &refType, const QString &refId)
{
    auto admins = repo().admins(tx.db(), scope);
    if (!admins)
        return admins.error();
    for (const auto &a : *admins)
        ERY_TRY(notify(tx, scope, str(a, "id"), type, severity, title, message, refType, refId));
    return {};
}

Result<Page> NotificationService::list(const Scope &scope, const QString &userId, const ListQuery &q)
{
    ListQuery lq = q;
    if (!userId.isEmpty())
        lq.eq.emplace_back(QStringLiteral("user_id"), userId);
    if (lq.sort.isEmpty()) {
        lq.sort = QStringLiteral("created_at");
        lq.descending = true;
    }
    return repo().notifications.list(db(), scope, lq);
}

Result<Row> NotificationService::markRead(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto n = repo().notifications.get(tx.db(), scope, id, QStringLiteral("notification"));
        if (!n)
            return n.error();
        return repo().notifications.update(tx, scope, *n, {{"read", true}, {"read_at", toStd(nowIso())}});
    });
}

Result<qint64> NotificationService::markAllRead(const Scope &scope, const QString &userId)
{
    return db().write([&](WriteTx &tx) -> Result<qint64> {
        auto rows = repo().notifications.where(tx.db(), scope, Match().eq(QStringLiteral("user_id"), userId).eq(QStringLiteral("read"), 0));
        if (!rows)
            return rows.error();
        for (const auto &n : *rows) {
            auto r = repo().notifications.update(tx, scope, n, {{"read", true}, {"read_at", toStd(nowIso())}});
            if (!r)
                return r.error();
        }
        return qint64(rows->size());
    });
}

Result<Row> NotificationService::togglePin(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto n = repo().notifications.get(tx.db(), scope, id, QStringLiteral("notification"));
        if (!n)
            return n.error();
        const bool pinned = !flag(*n, "pinned");
        return repo().notifications.update(tx, scope, *n,
                                           {{"pinned", pinned}, {"pinned_at", pinned ? Json(toStd(nowIso())) : Json(nullptr)}});
    });
}

Result<Row> NotificationService::dismiss(const Scope &scope, const QString &id)
{
    return db().write([&](WriteTx &tx) -> Result<Row> {
        auto n = repo().notifications.get(tx.db(), scope, id, QStringLiteral("notification"));
        if (!n)
            return n.error();
        return repo().notifications.update(tx, scope, *n, {{"dismissed", true}, {"dismissed_at", toStd(nowIso())}});
    });
}

} // namespace ery::services
