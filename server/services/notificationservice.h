#pragma once

#include "servicebase.h"

namespace ery {

class NotificationService : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    // Inside a caller's transaction; severity is mapped (critical → high).
    Status notify(WriteTx &tx, const Scope &scope, const QString &userId, const QString &type, const QString &severity,
                  const QString &title, const QString &message, const QString &refType, const QString &refId);
    Status notifyAdmins(WriteTx &tx, const Scope &scope, const QString &type, const QString &severity, const QString &title,
                        const QString &message, const QString &refType, const QString &refId);

    Result<Page> list(const Scope &scope, const QString &userId, const ListQuery &q);
    Result<Row> markRead(const Scope &scope, const QString &id);
    Result<qint64> markAllRead(const Scope &scope, const QString &userId);
    Result<Row> togglePin(const Scope &scope, const QString &id);
    Result<Row> dismiss(const Scope &scope, const QString &id);
};

} // namespace ery
