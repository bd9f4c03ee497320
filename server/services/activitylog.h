#pragma once

#include "servicebase.h"

namespace ery::services {

// The audit trail: written by the services inside the mutation's own transaction.
class ActivityLog : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Status record(storage::WriteTx &tx, const domain::Scope &scope, const QString &action, const QString &entityType,
                  const QString &entityId, const QString &entityName, const QString &description, const Json &changes = nullptr);
    Result<domain::Page> list(const domain::Scope &scope, const domain::ListQuery &q);
    // While paused, record() leaves its entries out: a file import writes one entry for the whole
    // file (entity type "import", with its counts) instead of one per record (ImportWriter).
    void pause(bool paused) { m_paused = paused; }

private:
    bool m_paused = false;
};

} // namespace ery::services
