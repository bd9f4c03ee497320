#pragma once

#include "servicebase.h"

namespace ery::services {

// Plan quotas (CONTRACTS.md "Plan quotas → 402"), enforced inside the creating transaction so every
// path (REST, bulk sync, import, MCP, UI) is covered.
class Quotas : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Status checkJobs(storage::WriteTx &tx, const domain::Scope &scope, qint64 adding);
    Status checkParts(storage::WriteTx &tx, const domain::Scope &scope, qint64 addingQuantity);
};

} // namespace ery::services
