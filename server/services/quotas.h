#pragma once

#include "servicebase.h"

namespace ery {

// Plan quotas (CONTRACTS.md "Plan quotas → 402"), enforced inside the creating transaction so every
// path (REST, bulk sync, import, MCP, UI) is covered.
class Quotas : public ServiceBase {
public:
    using ServiceBase::ServiceBase;
    Status checkJobs(WriteTx &tx, const Scope &scope, qint64 adding);
    Status checkParts(WriteTx &tx, const Scope &scope, qint64 addingQuantity);
};

} // namespace ery
