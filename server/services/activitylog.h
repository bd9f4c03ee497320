#pragma once

#include "servicebase.h"

namespace ery {

// The audit trail: written by the services inside the mutation's own transaction.
class ActivityLog : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Status record(WriteTx &tx, const Scope &scope, const QString &action, const QString &entityType, const QString &entityId,
                  const QString &entityName, const QString &description, const Json &changes = nullptr);
    Result<Page> list(const Scope &scope, const ListQuery &q);
};

} // namespace ery
