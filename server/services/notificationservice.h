#pragma once

#include "servicebase.h"

namespace ery::services {

class NotificationService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    // Inside a caller's transaction; severity is mapped (critical → high).
    Status notify(storage::WriteTx &tx, const domain::Scope &scope, const QString &userId, const QString &type, const QString &severity,
                  const QString &title, const QString &message, const QString &refType, const QString &refId);
    Status notifyAdmins(storage::WriteTx &tx, const domain::Scope &scope, const QString &type, const QString &severity,
                        const QString &title, const QString &message, const QString &refType, const QString &refId);

    Result<domain::Page> list(const domain::Scope &scope, const QString &userId, const domain::ListQuery &q);
    Result<Row> markRead(const domain::Scope &scope, const QString &id);
    Result<qint64> markAllRead(const domain::Scope &scope, const QString &userId);
    Result<Row> togglePin(const domain::Scope &scope, const QString &id);
    Result<Row> dismiss(const domain::Scope &scope, const QString &id);
};

} // namespace ery::services
